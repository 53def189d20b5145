"""/appels-a-candidatures: the calls for applications open in each department."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate
from frappe.utils.html_utils import sanitize_html

from pdn_frappe.animation import welcome
from pdn_frappe.applications import utils
from pdn_frappe.domain import applications as rules

no_cache = 1
sitemap = 1


def get_context(context):
	utils.use_site_language_for_guests()
	today = getdate(nowdate())
	calls = utils.calls_with_departments({"status": rules.CALL_OPEN, "closing_date": (">=", today)})
	details = call_details([c.name for c in calls])
	names = department_names({d for c in calls for d in c.departments})
	wanted = frappe.form_dict.get("department")

	open_by_department: dict[str, list] = {}
	upcoming = []
	for call in calls:
		call.update(details.get(call.name, {}))
		call.department_labels = [f"{d} – {names.get(d, d)}" for d in call.departments]
		if rules.call_is_open(call.status, call.opening_date, call.closing_date, today):
			for department in call.departments:
				if not wanted or wanted == department:
					open_by_department.setdefault(department, []).append(call)
		elif not wanted or wanted in call.departments:
			upcoming.append(call)

	context.title = _("Calls for applications")
	context.no_breadcrumbs = True
	context.departments = [
		{"code": code, "name": names.get(code, code), "calls": open_by_department[code]}
		for code in sorted(open_by_department)
	]
	context.upcoming = upcoming
	context.all_departments = sorted(names.items())
	context.wanted = wanted
	context.form_route = f"/{utils.WEB_FORM}/new"
	return context


def department_names(codes) -> dict:
	if not codes:
		return {}
	return dict(
		frappe.get_all(
			"PdN Department",
			filters={"name": ("in", list(codes))},
			fields=["name", "department_name"],
			as_list=True,
		)
	)


def call_details(names: list[str]) -> dict:
	"""Presentation, contact, welcome meetings and documents to attach of each call."""
	if not names:
		return {}
	result = {
		row.name: frappe._dict(
			row,
			# the page writes the presentation as HTML: only harmless tags and http(s) links are kept
			description=sanitize_html(row.description or "", always_sanitize=True),
			meetings=[],
			documents=[],
		)
		for row in frappe.get_all(
			utils.CALL,
			filters={"name": ("in", names)},
			fields=["name", "description", "contact_name", "contact_email", "contact_phone"],
		)
	}
	for row in welcome.of_calls(names):
		result[row.application_call].meetings.append(
			frappe._dict(
				meeting_date=row.starts_on,
				from_time=row.starts_on,
				to_time=row.ends_on,
				place=row.place or (_("online") if row.online_link else ""),
				department=row.department,
			)
		)
	for row in frappe.get_all(
		"PdN Application Call Document",
		filters={"parenttype": utils.CALL, "parent": ("in", names)},
		fields=["parent", "document_type"],
		order_by="idx asc",
	):
		result[row.parent].documents.append(row.document_type)
	return result
