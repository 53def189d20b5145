"""/promeneurs/<name>: one promeneur's public page.

Served by :class:`pdn_frappe.network.directory_pages.DirectoryPageRenderer` (the name comes from the
path) and kept in Frappe's page cache for guests.
"""

import frappe
from frappe import _
from frappe.utils import get_url

from pdn_frappe.domain import departments
from pdn_frappe.domain import directory as rules
from pdn_frappe.network import directory
from pdn_frappe.network.directory_pages import guest_may_get_cached_page


def get_context(context):
	if not guest_may_get_cached_page():
		context.no_cache = 1
	name = context.get("directory_promeneur") or ""
	profile = directory.get_profile(name) if directory.is_enabled() and name else None
	if not profile:
		raise frappe.PageDoesNotExistError
	context.p = profile
	# "de l'Allier", "du Puy-de-Dôme": the department as the French sentence needs it
	context.department_of = departments.of_department(profile.department_name, profile.department)
	context.title = _("{0}, Promeneur du Net").format(profile.first_name)
	context.parents = [
		{"route": rules.DIRECTORY_ROUTE, "title": _("Directory of the Promeneurs du Net")},
		{
			"route": rules.department_route(profile.department),
			"title": f"{profile.department_name} ({profile.department})",
		},
	]
	context.report_link = rules.report_link(
		directory.coordination_emails([profile.department]).get(profile.department),
		_("Directory of the Promeneurs du Net: report about {0} ({1})").format(
			profile.first_name, profile.structure
		),
		_("Page concerned: {0}").format(get_url("/" + rules.profile_route(profile.name))),
	)
	return context
