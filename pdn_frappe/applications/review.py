"""Review of applications: assignment to the coordination, correction links, meeting decisions."""

import frappe
from frappe import _
from frappe.desk.form import assign_to
from frappe.utils import now_datetime

from pdn_frappe.applications import notifications, utils
from pdn_frappe.domain import applications as rules
from pdn_frappe.roles import COORDINATOR


def department_coordinators(department: str | None) -> list[str]:
	"""Enabled users listed as coordinators in the department's team."""
	if not department:
		return []
	users = frappe.get_all(
		"PdN Department Member",
		filters={"parenttype": "PdN Department", "parent": department, "role": COORDINATOR},
		pluck="user",
		order_by="idx asc",
	)
	enabled = set(frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name"))
	return [u for u in users if u in enabled]


def assign_to_coordinators(doc) -> list[str]:
	"""Put a new (or corrected) application in the to-do list of its department's coordinators."""
	users = department_coordinators(doc.department)
	if not users:
		doc.add_comment(
			"Info",
			_("No coordinator is listed for the department {0}: nobody was assigned.").format(
				utils.department_name(doc.department)
			),
		)
		return []
	with utils.in_site_language():
		description = _("Application to review: {0}").format(doc.title)
	assign_to.add(
		{"assign_to": users, "doctype": doc.doctype, "name": doc.name, "description": description},
		ignore_permissions=True,
	)
	frappe.clear_messages()
	return users


def close_assignments(doc) -> None:
	assign_to.close_all_assignments(doc.doctype, doc.name, ignore_permissions=True)


def new_correction_token(doc) -> str:
	"""A fresh secret for the private correction link; only its digest is stored on the application."""
	token = frappe.generate_hash(length=32)
	doc.correction_token_hash = rules.token_digest(token)
	return token


def resubmit(doc) -> bool:
	"""The applicant sent the corrections: back to "Submitted", the coordination is told again;
	whether the applicant's confirmation was e-mailed.

	Frappe's workflow only lets users with a role move a document, so the applicant's own
	transition (through the private link) is recorded here directly.
	"""
	previous = doc.workflow_state
	doc.db_set(
		{
			"workflow_state": rules.SUBMITTED,
			"resubmitted_on": now_datetime(),
			"correction_token_hash": None,
		}
	)
	with utils.in_site_language():
		doc.add_comment("Workflow", _(rules.SUBMITTED))
	assign_to_coordinators(doc)
	notice = rules.notice_for_transition(previous, rules.SUBMITTED)
	return bool(notice) and notifications.send_notice(doc, notice)


def apply_decision(application: str, decision: str, note: str | None, meeting: str) -> str:
	"""Move one application as a steering meeting decided; the workflow checks the user's role."""
	target = rules.meeting_decision_state(decision)
	doc = frappe.get_doc(utils.APPLICATION, application)
	if target is None or doc.workflow_state == target:
		return doc.workflow_state
	doc.workflow_state = target
	doc.steering_meeting = meeting
	if target == rules.REJECTED and note:
		doc.rejection_reason = note
	if target == rules.RETURNED and note:
		doc.correction_request = note
	doc.save()
	return doc.workflow_state
