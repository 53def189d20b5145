# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import format_date, getdate, now_datetime, nowdate

from pdn_frappe import exceptions
from pdn_frappe.applications import review, utils
from pdn_frappe.domain import applications as rules
from pdn_frappe.network import privacy, scope

#: free texts of the committee: its minutes and the notes of its decisions
FREE_TEXT_FIELDS = ("minutes",)
DECISION_TEXT_FIELDS = ("note",)


class PdNSteeringMeeting(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.applications.doctype.pdn_meeting_attendee.pdn_meeting_attendee import (
			PdNMeetingAttendee,
		)
		from pdn_frappe.applications.doctype.pdn_meeting_decision.pdn_meeting_decision import (
			PdNMeetingDecision,
		)

		agenda: DF.TextEditor | None
		attendees: DF.Table[PdNMeetingAttendee]
		decisions: DF.Table[PdNMeetingDecision]
		department: DF.Link
		kind: DF.Literal["Steering committee (COPIL)", "Technical committee (COTECH)"]
		meeting_date: DF.Date
		minutes: DF.TextEditor | None
		naming_series: DF.Literal["PDN-COM-.YYYY.-.###"]
		place: DF.Data | None
		status: DF.Literal["Planned", "Held", "Decisions applied"]
		title: DF.Data | None
	# end: auto-generated types

	def validate(self):
		self.set_title()
		self.validate_decisions()
		self.validate_free_texts()
		self.set_status()

	def set_title(self):
		kind = _("COPIL") if self.kind == "Steering committee (COPIL)" else _("COTECH")
		self.title = f"{kind} {utils.department_name(self.department)} {format_date(self.meeting_date)}"

	def validate_decisions(self):
		seen = set()
		for row in self.decisions:
			if row.kind != "Application":
				continue
			if row.application in seen:
				frappe.throw(
					_("Decisions, row {0}: the application {1} is already listed.").format(
						row.idx, frappe.bold(row.application)
					),
					title=_("Duplicate decision"),
				)
			seen.add(row.application)
			department = frappe.db.get_value(utils.APPLICATION, row.application, "department")
			if department and department != self.department:
				frappe.throw(
					_("Decisions, row {0}: the application {1} belongs to another department.").format(
						row.idx, frappe.bold(row.application)
					),
					title=_("Invalid value"),
				)
			if row.decision in ("Reject", "Return for correction") and not (row.note or "").strip():
				frappe.throw(
					_(
						"Decisions, row {0}: write the reason in the note; it is sent to the applicant."
					).format(row.idx),
					exc=exceptions.DecisionReasonRequiredError,
					title=_("Reason required"),
				)

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS, tables={"decisions": DECISION_TEXT_FIELDS})

	def pending_decisions(self) -> list:
		return [
			row for row in self.decisions if row.kind == "Application" and row.decision and not row.applied_on
		]

	def set_status(self):
		application_rows = [row for row in self.decisions if row.kind == "Application" and row.decision]
		if application_rows and not self.pending_decisions():
			self.status = "Decisions applied"
		elif self.meeting_date and getdate(self.meeting_date) <= getdate(nowdate()):
			self.status = "Held"
		else:
			self.status = "Planned"

	@scope.record_method("write")
	def apply_decisions(self) -> list[dict]:
		"""Move every listed application as decided; all or nothing, each move checked by the workflow."""
		self.check_permission("write")
		results = []
		frappe.db.savepoint("pdn_apply_decisions")
		for row in self.pending_decisions():
			try:
				state = review.apply_decision(row.application, row.decision, row.note, self.name)
			except (frappe.ValidationError, frappe.PermissionError):
				frappe.db.rollback(save_point="pdn_apply_decisions")
				frappe.throw(
					_(
						"Decisions, row {0} ({1}): this decision cannot be applied, nothing was changed."
					).format(row.idx, frappe.bold(row.application))
					+ "<br>"
					+ (frappe.message_log[-1].get("message") if frappe.message_log else ""),
					title=_("Decision not applied"),
				)
			row.applied_on = now_datetime()
			row.result = state
			results.append({"application": row.application, "state": state})
		self.save()
		return results
