"""Welcome meetings: trainings of the "Welcome meeting" kind, each linked to the call for
applications whose new promeneurs it welcomes.

An accepted candidate is invited to the next welcome meeting of their department (the call's own
first), through the trainings' invitation (:func:`pdn_frappe.animation.participation.invite`), so
that their attendance, marked on the training, counts on their record and in the commitments
follow-up like any collective time.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import now_datetime

from pdn_frappe import exceptions
from pdn_frappe.animation import participation
from pdn_frappe.domain.animation import CANCELLED, PLANNED, WELCOME_MEETING
from pdn_frappe.domain.applications import call_departments

TRAINING = "PdN Training"
CALL = "PdN Application Call"
FIELDS = ["name", "title", "department", "starts_on", "ends_on", "place", "online_link", "application_call"]


def check_call(call: str, department: str | None) -> None:
	"""A welcome meeting welcomes the new promeneurs of a call that covers its department."""
	lead = frappe.db.get_value(CALL, call, "department")
	others = frappe.get_all(
		"PdN Application Call Department", filters={"parenttype": CALL, "parent": call}, pluck="department"
	)
	if lead and department not in call_departments(lead, others):
		frappe.throw(
			_(
				"The call for applications {0} does not cover the department {1} of this welcome meeting."
			).format(frappe.bold(frappe.db.get_value(CALL, call, "title") or call), frappe.bold(department)),
			exc=exceptions.InvalidTrainingError,
			title=_("Invalid value"),
		)


def upcoming(department: str, call: str | None = None) -> list[frappe._dict]:
	"""The planned welcome meetings of ``department`` still to come (of ``call`` only, when given),
	soonest first."""
	filters = {
		"kind": WELCOME_MEETING,
		"department": department,
		"status": PLANNED,
		"starts_on": (">", now_datetime()),
	}
	if call:
		filters["application_call"] = call
	return frappe.get_all(TRAINING, filters=filters, fields=FIELDS, order_by="starts_on asc, name asc")


def of_calls(calls: list[str]) -> list[frappe._dict]:
	"""Every welcome meeting of ``calls`` that is not cancelled, soonest first."""
	if not calls:
		return []
	return frappe.get_all(
		TRAINING,
		filters={"kind": WELCOME_MEETING, "application_call": ("in", calls), "status": ("!=", CANCELLED)},
		fields=FIELDS,
		order_by="starts_on asc, name asc",
	)


def next_meeting(department: str | None, call: str | None = None) -> str | None:
	"""The next welcome meeting of ``department``: the call's own first, else any of the department."""
	if not department:
		return None
	meetings = (call and upcoming(department, call)) or upcoming(department)
	return meetings[0].name if meetings else None


def invite_to_next(promeneur: str, department: str | None, call: str | None = None) -> str | None:
	"""Invite a new promeneur to the next welcome meeting of their department (once) and e-mail them
	the invitation; return the meeting, or None when none is planned.

	A consequence of the acceptance, made on the reviewer's behalf: the reviewer (a CAF agent) need
	not be allowed to change trainings; the scope's write guard still keeps the meeting within the
	reviewer's department.
	"""
	name = next_meeting(department, call)
	if not name:
		return None
	training = frappe.get_doc(TRAINING, name)
	training.flags.ignore_permissions = True
	participation.invite(training, [promeneur])
	return name
