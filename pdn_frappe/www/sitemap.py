"""/sitemap.xml: Frappe's sitemap, with the public directory's pages added.

Frappe lists the static pages and the published records of website generators; the directory's
pages are computed (a promeneur is listed while active, consenting and under a convention in force),
so they are added here (:func:`pdn_frappe.network.directory_pages.sitemap_links`).
"""

from frappe.www import sitemap as frappe_sitemap

from pdn_frappe.network.directory_pages import sitemap_links

no_cache = 1
base_template_path = "www/sitemap.xml"


def get_context(context):
	links = frappe_sitemap.get_context(context)["links"]
	known = {link["loc"] for link in links}
	links.extend(link for link in sitemap_links() if link["loc"] not in known)
	return {"links": links}
