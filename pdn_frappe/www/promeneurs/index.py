"""/promeneurs and /promeneurs/departement/<code>: the public directory of Promeneurs du Net.

Both paths are served by :class:`pdn_frappe.network.directory_pages.DirectoryPageRenderer`, which
keeps them in Frappe's page cache for guests; a department's page is the directory filtered on the
department, with the department's coordination to report a problem to.
"""

from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.utils import get_url

from pdn_frappe.domain import directory as rules
from pdn_frappe.network import directory
from pdn_frappe.network.directory_pages import guest_may_get_cached_page

sitemap = 1


def get_context(context):
	if not directory.is_enabled():
		raise frappe.PageDoesNotExistError
	if not guest_may_get_cached_page():
		context.no_cache = 1
	options = directory.options()
	code = context.get("directory_department")
	department = directory.department(code) if code else None
	if code and not department:
		raise frappe.PageDoesNotExistError
	filters = rules.parse_filters(
		frappe.form_dict,
		departments={row.name for row in options["departments"]},
		networks=set(options["networks"]),
	)
	if department:
		filters = rules.DirectoryFilters(**{**filters.__dict__, "department": department.name})
	size = directory.page_size()
	profiles, total = directory.search(filters, size)
	route = rules.department_route(department.name) if department else rules.DIRECTORY_ROUTE
	context.no_breadcrumbs = not department
	context.options = options
	context.filters = filters
	context.publics = rules.PUBLICS
	context.profiles = profiles
	context.total = total
	context.pages = rules.page_count(total, size)
	args = filters.as_query_args()
	if department:
		args.pop("department", None)
	context.page_links = [
		(number, f"/{route}?" + urlencode({**args, "page": number}) if number else None)
		for number in rules.page_numbers(filters.page, context.pages)
	]
	context.department_links = [
		(f"/{rules.department_route(row.name)}", row.name, row.department_name)
		for row in options["departments"]
	]
	context.department = department
	if department:
		context.title = _("Promeneurs du Net of {0} ({1})").format(
			department.department_name, department.name
		)
		context.parents = [{"route": rules.DIRECTORY_ROUTE, "title": _("Directory of the Promeneurs du Net")}]
		context.report_link = rules.report_link(
			department.coordination_email,
			_("Directory of the Promeneurs du Net: report a problem"),
			_("Page concerned: {0}").format(get_url("/" + route)),
		)
	else:
		context.title = _("Directory of the Promeneurs du Net")
	return context
