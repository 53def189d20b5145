"""The steering committee's decisions beyond applications, carried out; and its minutes sent.

The rules are :mod:`pdn_frappe.domain.committee`. Applying a meeting's decisions
(``PdN Steering Meeting.apply_decisions``) calls :func:`apply_row` for each pending row:

* a suspension or an exclusion moves the promeneur through the lifecycle
  (:func:`pdn_frappe.network.lifecycle.change_status`), which disables the login, cancels the
  upcoming registrations and takes the promeneur out of the public directory; the structure's
  managers are told in French once every row is applied (:func:`notify_structure`);
* a yearly target sets the department's ``target_promeneurs``, the figure the workspace and the
  annual synthesis compare the active promeneurs with;
* a roadmap item creates a ``PdN Roadmap Item`` of the meeting's department.

Each change is checked against the user's own permissions (and so the scope) on the record it
touches: a meeting cannot carry a change the user could not make on the record itself.
"""

from __future__ import annotations

import re

import frappe
from frappe import _
from frappe.utils import format_date, get_url_to_form, getdate, nowdate

from pdn_frappe import errors, mail
from pdn_frappe.applications import review, utils
from pdn_frappe.domain import committee as rules
from pdn_frappe.domain import departments
from pdn_frappe.domain import lifecycle as lifecycle_rules
from pdn_frappe.network import lifecycle

PROMENEUR = "PdN Promeneur"
DEPARTMENT = "PdN Department"
ROADMAP_ITEM = "PdN Roadmap Item"
MEETING = "PdN Steering Meeting"
DECISION_TEMPLATE = "PdN Promeneur Committee Decision"
MINUTES_TEMPLATE = "PdN Meeting Minutes"
MINUTES_PRINT_FORMAT = "Steering Meeting Minutes"
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def check_row(meeting, row) -> None:
	"""``validate`` of the meeting, for a row that is not about an application: a French error."""
	promeneur = None
	if row.get("promeneur"):
		promeneur = frappe.db.get_value(PROMENEUR, row.promeneur, ["department", "status"], as_dict=True)
	for problem in rules.decision_problems(
		row.as_dict(), meeting_department=meeting.department, promeneur=promeneur, today=getdate(nowdate())
	):
		errors.throw(rules.CommitteeError(problem.code, *problem.values), row=row.idx)


def clear_other_fields(row) -> None:
	"""Keep on a row only the fields of its kind (a value sent for another kind is dropped)."""
	kind = row.kind
	if kind != rules.APPLICATION:
		row.application = row.candidate = row.decision = None
	if kind not in rules.PROMENEUR_TARGETS:
		row.promeneur = row.promeneur_name = None
	if kind != rules.YEARLY_TARGET:
		row.target_year = row.target_value = None
	if kind not in (rules.ROADMAP_ITEM, rules.OTHER):
		row.subject = None
	if kind != rules.ROADMAP_ITEM:
		row.due_date = None
	if not row.applied_on:
		row.roadmap_item = None


def apply_row(meeting, row) -> str:
	"""Carry out one pending row; returns the result written on it."""
	if row.kind == rules.APPLICATION:
		return review.apply_decision(row.application, row.decision, row.note, meeting.name)
	if row.kind in rules.PROMENEUR_TARGETS:
		return apply_promeneur_decision(meeting, row)
	if row.kind == rules.YEARLY_TARGET:
		return apply_target(meeting, row)
	if row.kind == rules.ROADMAP_ITEM:
		return create_roadmap_item(meeting, row)
	return ""


def result_label(row, result: str) -> str:
	"""What the decisions grid shows once a row is applied, in the site's language: the state or
	the status reached, the target set, the roadmap item created."""
	with utils.in_site_language():
		if row.kind == rules.YEARLY_TARGET:
			return _("{0} promeneurs in {1}").format(result, row.target_year)
		if row.kind == rules.ROADMAP_ITEM:
			return result
		return _(result) if result else ""


def apply_promeneur_decision(meeting, row) -> str:
	promeneur = frappe.get_doc(PROMENEUR, row.promeneur)
	check_row(meeting, row)
	frappe.has_permission(PROMENEUR, "write", doc=promeneur, throw=True)
	target = errors.checked(rules.promeneur_move, row.kind, promeneur.status)
	if target:
		with utils.in_site_language():
			reason = _("Decision of the meeting {0}: {1}").format(meeting.title, row.note.strip())
		lifecycle.change_status(
			promeneur.name, target, reason, lifecycle_rules.REASON_MANUAL, on=getdate(meeting.meeting_date)
		)
	return rules.PROMENEUR_TARGETS[row.kind]


def apply_target(meeting, row) -> str:
	department = frappe.get_doc(DEPARTMENT, meeting.department)
	frappe.has_permission(DEPARTMENT, "write", doc=department, throw=True)
	value = int(row.target_value)
	if department.target_promeneurs != value:
		department.target_promeneurs = value
		department.flags.ignore_permissions = True
		department.save()
	return str(value)


def create_roadmap_item(meeting, row) -> str:
	if row.roadmap_item and frappe.db.exists(ROADMAP_ITEM, row.roadmap_item):
		return row.roadmap_item
	coordinators = review.department_coordinators(meeting.department)
	item = frappe.get_doc(
		{
			"doctype": ROADMAP_ITEM,
			"title": row.subject.strip(),
			"department": meeting.department,
			"due_date": row.due_date,
			"status": rules.OPEN,
			"responsible": coordinators[0] if coordinators else None,
			"steering_meeting": meeting.name,
			"description": row.note,
		}
	)
	item.insert()  # the user's own permission to create an item of the department
	row.roadmap_item = item.name
	return item.name


# ---------------------------------------------------------------- notices


def structure_managers(structure: str | None) -> list[str]:
	"""The e-mail addresses of the structure's contacts with manager access."""
	if not structure:
		return []
	rows = frappe.get_all(
		"PdN Structure Contact",
		filters={"parenttype": "PdN Structure", "parent": structure, "is_manager": 1},
		fields=["email", "user"],
	)
	return sorted(
		{row.email or row.user for row in rows if row.email or row.user} - {"Guest", "Administrator"}
	)


def notify_structure(meeting, row) -> bool:
	"""Tell the structure's managers that the committee suspended or excluded their promeneur."""
	promeneur = frappe.db.get_value(
		PROMENEUR, row.promeneur, ["name", "full_name", "structure", "status"], as_dict=True
	)
	if not promeneur:
		return False
	structure = frappe.db.get_value("PdN Structure", promeneur.structure, "structure_name") or ""
	return mail.send(
		DECISION_TEMPLATE,
		structure_managers(promeneur.structure),
		{
			"promeneur": promeneur.full_name,
			"structure": structure,
			"meeting": meeting.title,
			"meeting_date": format_date(meeting.meeting_date),
			"status": rules.PROMENEUR_TARGETS[row.kind],
			"excluded": row.kind == rules.EXCLUSION,
			"reason": row.note,
			"promeneur_url": get_url_to_form(PROMENEUR, promeneur.name),
		},
		reference_doctype=PROMENEUR,
		reference_name=promeneur.name,
	)


# ---------------------------------------------------------------- the minutes


def attendee_emails(meeting) -> list[str]:
	"""The addresses the minutes go to: each attendee's e-mail, else their user's."""
	users = [row.user for row in meeting.attendees if row.user and not row.email]
	user_emails = dict(
		frappe.get_all(
			"User", filters={"name": ("in", users or [""])}, fields=["name", "email"], as_list=True
		)
	)
	found = []
	for row in meeting.attendees:
		address = (row.email or user_emails.get(row.user) or "").strip()
		if address and address not in found and address not in ("Guest", "Administrator"):
			found.append(address)
	return found


def minutes_pdf(meeting) -> bytes:
	"""The minutes as a PDF, in the site's language, printed by wkhtmltopdf from the print format
	(without the stylesheets Frappe links by URL, which a worker cannot always reach)."""
	from frappe.utils.pdf import get_pdf

	from pdn_frappe.conventions.pdf import without_linked_stylesheets

	with utils.in_site_language():
		html = frappe.get_print(MEETING, meeting.name, print_format=MINUTES_PRINT_FORMAT, no_letterhead=1)
	# images pasted in the agenda or the minutes stay out of the PDF: wkhtmltopdf would fetch them
	# by URL (and fail the whole PDF when it cannot), and a screenshot may show a young person
	return get_pdf(IMAGE.sub("", without_linked_stylesheets(html)))


def send_minutes(meeting) -> list[str]:
	"""E-mail the minutes as a PDF to the attendees; the addresses it went to."""
	recipients = attendee_emails(meeting)
	if not recipients:
		frappe.throw(
			_("No attendee of the meeting has an e-mail address: the minutes were not sent."),
			title=_("No recipient"),
		)
	if not mail.can_send():
		return []
	with utils.in_site_language():
		filename = _("Minutes {0}").format(meeting.title).replace("/", "-")
	attachment = {"fname": f"{filename}.pdf", "fcontent": minutes_pdf(meeting)}
	sent = mail.send(
		MINUTES_TEMPLATE,
		recipients,
		{
			"meeting": meeting.title,
			"meeting_date": format_date(meeting.meeting_date),
			"department_of": departments.of_department(
				utils.department_name(meeting.department), meeting.department
			),
			"place": meeting.place,
		},
		reference_doctype=MEETING,
		reference_name=meeting.name,
		attachments=[attachment],
	)
	return recipients if sent else []
