"""/promeneurs: the public directory of Promeneurs du Net."""

from urllib.parse import urlencode

import frappe
from frappe import _

from pdn_frappe.domain import directory as rules
from pdn_frappe.network import directory

no_cache = 1


def get_context(context):
	if not directory.is_enabled():
		raise frappe.PageDoesNotExistError
	options = directory.options()
	filters = rules.parse_filters(
		frappe.form_dict,
		departments={row.name for row in options["departments"]},
		networks=set(options["networks"]),
	)
	size = directory.page_size()
	profiles, total = directory.search(filters, size)
	context.title = _("Directory of the Promeneurs du Net")
	context.no_breadcrumbs = True
	context.options = options
	context.filters = filters
	context.publics = rules.PUBLICS
	context.profiles = profiles
	context.total = total
	context.pages = rules.page_count(total, size)
	context.page_links = [
		(number, "/promeneurs?" + urlencode({**filters.as_query_args(), "page": number}))
		for number in range(1, context.pages + 1)
	]
	return context
