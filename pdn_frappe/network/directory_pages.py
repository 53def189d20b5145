"""The public directory's pages on the website: their routes, Frappe's page cache, the sitemap.

Three kinds of page, each at its own path (see :func:`pdn_frappe.domain.directory.directory_page`):
``/promeneurs``, one page per department (``/promeneurs/departement/03``) and one page per listed
promeneur (``/promeneurs/PDN-PRM-00001``). ``hooks.py`` hands these paths to
:class:`DirectoryPageRenderer`, a Frappe template page that renders the templates of
``www/promeneurs`` and keeps each path in Frappe's page cache ("website_page", one entry per path
and language).

Only guests get a cached page, and only without a query string: a search, a filter or a page number
is rendered afresh (Frappe keys its page cache by path alone), and so is every page for a logged-in
user (Frappe's navigation bar differs for them). The cache is emptied when what the directory shows
may have changed: a promeneur, a structure, a convention, a department, a network or the settings
(doc events, after the commit as well, so that a request served in between cannot store the old
page again), and every night, since a convention comes into force or ends with the date alone.
"""

from urllib.parse import quote

import frappe
from frappe.utils import get_url, nowdate
from frappe.website.page_renderers.template_page import TemplatePage

from pdn_frappe.domain import directory as rules

PAGE_CACHE = "website_page"
CONTEXT_CACHE = "page_context"
NOT_FOUND_CACHE = "website_404"


class DirectoryPageRenderer(TemplatePage):
	"""A page of the directory, rendered from ``www/promeneurs`` and cached under its own path."""

	def __init__(self, path, http_status_code=None):
		self.page = rules.directory_page(path)
		super().__init__(path=path, http_status_code=http_status_code)

	def set_template_path(self):
		if not self.page:
			return
		# find the template of the page kind, and keep the real path: the page cache is keyed on it
		path, self.path = self.path, self.page.template
		try:
			super().set_template_path()
		finally:
			self.path = path

	def can_render(self):
		return bool(self.page) and super().can_render()

	def render(self):
		if not guest_may_get_cached_page():
			frappe.local.no_cache = 1
		return super().render()

	def init_context(self):
		super().init_context()
		self.context.directory_department = self.page.department
		self.context.directory_promeneur = self.page.promeneur


def guest_may_get_cached_page() -> bool:
	"""A plain request of a guest, without any argument: the same page for everyone."""
	request = getattr(frappe.local, "request", None)
	if request is not None and request.method not in ("GET", "HEAD"):
		return False
	return frappe.session.user == "Guest" and not frappe.form_dict


# ------------------------------------------------------------------ the page cache


def is_directory_path(path) -> bool:
	if isinstance(path, bytes):
		path = path.decode("utf-8", "ignore")
	return path == rules.DIRECTORY_ROUTE or str(path).startswith(rules.DIRECTORY_ROUTE + "/")


def clear_cache(*args, **kwargs) -> None:
	"""Forget every cached page of the directory (and the pages found missing, which may exist now)."""
	for name in (PAGE_CACHE, CONTEXT_CACHE):
		for path in frappe.cache.hkeys(name):
			if is_directory_path(path):
				frappe.cache.hdel(name, path.decode() if isinstance(path, bytes) else path)
	frappe.cache.delete_value(NOT_FOUND_CACHE)


def clear_cache_on_change(doc, method=None) -> None:
	"""Doc event of the records the directory shows: now, and once more after the commit."""
	clear_cache()
	callbacks = frappe.db.after_commit
	if clear_cache not in callbacks._functions:
		callbacks.add(clear_cache)


# ------------------------------------------------------------------ the sitemap


def sitemap_links() -> list[dict]:
	"""The sitemap entries of the directory: its home, each department with listed promeneurs, and
	each listed promeneur's page (checked as the pages check them, today)."""
	from pdn_frappe.network import directory

	if not directory.is_enabled():
		return []
	departments, promeneurs = directory.listed_pages()
	routes = [
		rules.DIRECTORY_ROUTE,
		*(rules.department_route(code) for code in departments),
		*(rules.profile_route(name) for name in promeneurs),
	]
	today = nowdate()
	return [{"loc": get_url("/" + quote(route)), "lastmod": today} for route in routes]
