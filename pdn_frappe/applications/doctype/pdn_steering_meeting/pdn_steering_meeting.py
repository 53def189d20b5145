# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cstr, format_date, getdate, now_datetime, nowdate

from pdn_frappe import exceptions
from pdn_frappe.applications import committee, utils
from pdn_frappe.domain import committee as committee_rules
from pdn_frappe.network import privacy, scope

#: free texts of the committee: its minutes and the notes of its decisions
FREE_TEXT_FIELDS = ("minutes",)
DECISION_TEXT_FIELDS = ("note", "subject")
#: what an applied decision says: it no longer changes
APPLIED_FIELDS = (
	"kind",
	"application",
	"decision",
	"promeneur",
	"target_year",
	"target_value",
	"subject",
	"due_date",
	"note",
)


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
		self.keep_applied_decisions()
		self.validate_decisions()
		self.validate_free_texts()
		self.set_status()

	def set_title(self):
		kind = _("COPIL") if self.kind == "Steering committee (COPIL)" else _("COTECH")
		self.title = f"{kind} {utils.department_name(self.department)} {format_date(self.meeting_date)}"

	def keep_applied_decisions(self):
		"""What was applied stays as it was applied: an applied row cannot be changed nor removed,
		and only applying the decisions marks a row applied (never a value sent with the form)."""
		if self.flags.applying_decisions:
			return
		before = self.get_doc_before_save()
		stored = {row.name: row for row in (before.decisions if before else [])}
		current = {row.name for row in self.decisions}
		for name, old in stored.items():
			if old.applied_on and name not in current:
				frappe.throw(
					_("Decisions, row {0}: this decision was applied; it cannot be removed.").format(old.idx),
					exc=exceptions.CommitteeDecisionError,
					title=_("Decision applied"),
				)
		for row in self.decisions:
			old = stored.get(row.name)
			if old is None or not old.applied_on:
				row.applied_on = row.result = row.roadmap_item = None
				continue
			if any(cstr(row.get(f) or "").strip() != cstr(old.get(f) or "").strip() for f in APPLIED_FIELDS):
				frappe.throw(
					_("Decisions, row {0}: this decision was applied on {1}; it cannot be changed.").format(
						row.idx, format_date(old.applied_on)
					),
					exc=exceptions.CommitteeDecisionError,
					title=_("Decision applied"),
				)
			row.applied_on, row.result, row.roadmap_item = old.applied_on, old.result, old.roadmap_item

	def validate_decisions(self):
		seen = set()
		for row in self.decisions:
			committee.clear_other_fields(row)
			if row.kind != committee_rules.APPLICATION:
				if not row.applied_on or row.kind == committee_rules.OTHER:
					committee.check_row(self, row)
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
		return [row for row in self.decisions if committee_rules.is_pending(row.as_dict())]

	def set_status(self):
		applied = [row for row in self.decisions if row.applied_on]
		if applied and not self.pending_decisions():
			self.status = "Decisions applied"
		elif self.meeting_date and getdate(self.meeting_date) <= getdate(nowdate()):
			self.status = "Held"
		else:
			self.status = "Planned"

	@scope.record_method("write")
	def apply_decisions(self) -> list[dict]:
		"""Carry out every pending decision (applications, promeneurs, target, roadmap); all or
		nothing, each change checked against the user's own permissions on the record it touches.
		Applied rows are never applied again."""
		self.check_permission("write")
		results, notices = [], []
		frappe.db.savepoint("pdn_apply_decisions")
		for row in self.pending_decisions():
			try:
				result = committee.apply_row(self, row)
			except (frappe.ValidationError, frappe.PermissionError):
				frappe.db.rollback(save_point="pdn_apply_decisions")
				frappe.throw(
					_(
						"Decisions, row {0} ({1}): this decision cannot be applied, nothing was changed."
					).format(row.idx, frappe.bold(_(row.kind)))
					+ "<br>"
					+ (frappe.message_log[-1].get("message") if frappe.message_log else ""),
					title=_("Decision not applied"),
				)
			row.applied_on = now_datetime()
			row.result = committee.result_label(row, result)
			results.append({"row": row.idx, "kind": row.kind, "result": result})
			if row.kind in committee_rules.PROMENEUR_TARGETS:
				notices.append(row)
		self.flags.applying_decisions = True
		self.save()
		self.flags.applying_decisions = False
		for row in notices:
			committee.notify_structure(self, row)
		return results

	@scope.record_method("email")
	def send_minutes(self) -> list[str]:
		"""E-mail the minutes (PDF) to the attendees."""
		return committee.send_minutes(self)
