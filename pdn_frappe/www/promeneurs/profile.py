"""/promeneurs/<name>: one promeneur's public page."""

import frappe
from frappe import _

from pdn_frappe.network import directory

no_cache = 1


def get_context(context):
	name = frappe.form_dict.get("name") or ""
	profile = directory.get_profile(name) if directory.is_enabled() and name else None
	if not profile:
		raise frappe.PageDoesNotExistError
	context.p = profile
	context.title = _("{0}, Promeneur du Net").format(profile.first_name)
	context.parents = [{"route": "promeneurs", "title": _("Directory of the Promeneurs du Net")}]
	return context
