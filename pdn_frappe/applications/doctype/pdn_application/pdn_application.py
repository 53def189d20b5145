# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime, nowdate

from pdn_frappe import errors
from pdn_frappe.applications import duplicates, notifications, records, review, utils
from pdn_frappe.applications.submission import check_honeypot
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain import privacy as privacy_rules
from pdn_frappe.network import privacy, scope

#: codes that only say "nothing there": left out when the value was refused for a better reason
MISSING_CODES = ("required", "no_network", "attachment_required")
#: the descriptive texts of the candidate's practice: no young person's contact details there (the
#: candidate's and the structure's own go in the contact fields, which are not checked)
FREE_TEXT_FIELDS = ("structure_project", "candidate_experience", "intervention_mode")


class PdNApplication(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.applications.doctype.pdn_application_network.pdn_application_network import (
			PdNApplicationNetwork,
		)

		additional_information: DF.Text | None
		address_line1: DF.Data
		address_line2: DF.Data | None
		application_call: DF.Link | None
		bank_details: DF.Attach | None
		candidate_email: DF.Data
		candidate_experience: DF.Text
		candidate_first_name: DF.Data
		candidate_job_title: DF.Data
		candidate_last_name: DF.Data
		candidate_phone: DF.Data
		candidate_workplace: DF.Data | None
		charter_ack_candidate: DF.Check
		charter_ack_representative: DF.Check
		city: DF.Data
		convention_name: DF.Data | None
		coordinator_notes: DF.TextEditor | None
		correction_request: DF.SmallText | None
		correction_token_hash: DF.Data | None
		decided_on: DF.Date | None
		department: DF.Link
		intervention_mode: DF.Text
		legal_representative: DF.Data
		legal_representative_email: DF.Data | None
		legal_representative_title: DF.Data | None
		legal_status: DF.Literal[
			"",
			"Association",
			"Local authority",
			"Inter-municipal body (EPCI)",
			"Public establishment",
			"Foundation",
			"Company",
			"Other",
		]
		mission: DF.Literal["", "Youth", "Parenting", "Youth and parenting"]
		naming_series: DF.Literal["PDN-CAND-.YYYY.-"]
		network_other: DF.Check
		network_other_text: DF.Data | None
		networks: DF.TableMultiSelect[PdNApplicationNetwork]
		postcode: DF.Data
		prefecture_receipt: DF.Attach | None
		preselected_on: DF.Date | None
		profession: DF.Link | None
		promeneur: DF.Link | None
		public_12_17: DF.Check
		public_18_25: DF.Check
		public_other: DF.Check
		public_other_text: DF.Data | None
		public_parents: DF.Check
		rejection_reason: DF.SmallText | None
		resubmitted_on: DF.Datetime | None
		siret: DF.Data
		siret_certificate: DF.Attach | None
		statutes: DF.Attach | None
		steering_meeting: DF.Link | None
		structure: DF.Link | None
		structure_email: DF.Data
		structure_name: DF.Data
		structure_phone: DF.Data
		structure_project: DF.Text
		structure_type: DF.Link | None
		submitted_on: DF.Datetime | None
		title: DF.Data | None
		website_url: DF.Data | None
		weekly_hours: DF.Literal["", "2h", "3h", "4h", "5h", "6h and more"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	def before_insert(self):
		self.set_application_call()
		self.submitted_on = now_datetime()

	def validate(self):
		self.clear_honeypot()
		self.validate_answers()
		self.set_possible_duplicate()
		self.set_title()
		self.validate_decision()
		self.set_review_dates()

	def after_insert(self):
		review.assign_to_coordinators(self)
		self.flags.acknowledgement_sent = notifications.send_acknowledgement(self)

	def on_update(self):
		self.handle_transition()

	def on_trash(self):
		duplicates.forget(self)

	# ------------------------------------------------------------ submission

	def clear_honeypot(self):
		"""The one spam check of every submission, whatever way it came (form, HTTP, correction link)."""
		check_honeypot(self)
		self.set(rules.HONEYPOT_FIELD, None)

	def set_application_call(self):
		if self.department:
			self.application_call = utils.pick_call(self.department, self.application_call or None)

	def validate_answers(self):
		"""Check every answer at once and keep the normalized values (one French message per problem)."""
		cleaned, errors = rules.clean_application(self.as_dict())
		input_errors = list(self.flags.input_errors or [])
		reported = {e.fieldname for e in input_errors}
		errors += self.reference_errors(cleaned)
		errors += self.free_text_errors()
		if self.flags.web_submission:
			errors += self.attachment_errors(cleaned)
		# a value refused on arrival (unknown choice, unreadable file) is not reported missing as well
		errors = input_errors + [
			e for e in errors if not (e.code in MISSING_CODES and e.fieldname in reported)
		]
		utils.throw_field_errors(errors)
		for fieldname in rules.APPLICANT_FIELDS:
			if fieldname in ("networks", "application_call"):
				continue
			self.set(fieldname, cleaned[fieldname] or (0 if fieldname in rules.CHECK_FIELDS else None))
		if [row.social_network for row in self.networks] != cleaned["networks"]:
			self.set("networks", [{"social_network": name} for name in cleaned["networks"]])

	def reference_errors(self, cleaned: dict) -> list[rules.FieldError]:
		"""Disabled social networks cannot be chosen any more (existing ones are checked by Frappe)."""
		enabled = set(frappe.get_all("PdN Social Network", filters={"enabled": 1}, pluck="name"))
		before = self.get_doc_before_save()
		kept = {row.social_network for row in before.networks} if before else set()
		return [
			rules.FieldError("networks", "invalid_choice", name)
			for name in cleaned["networks"]
			if name not in enabled and name not in kept
		]

	def free_text_errors(self) -> list[rules.FieldError]:
		"""The privacy guard of free texts, reported with the other answers (one error per text,
		naming the kinds found, never the fragment)."""
		return [
			rules.FieldError(warning.fieldname, privacy_rules.WARNING_CODE, ",".join(warning.kinds))
			for warning in privacy.free_text_warnings(self, FREE_TEXT_FIELDS)
		]

	def attachment_errors(self, cleaned: dict) -> list[rules.FieldError]:
		"""Documents the call asks for must be attached to a public submission."""
		if not self.application_call:
			return []
		required = frappe.get_all(
			"PdN Application Call Document",
			filters={"parenttype": utils.CALL, "parent": self.application_call},
			pluck="document_type",
		)
		provided = {f for f in rules.ATTACHMENT_FIELDS if self.get(f)}
		provided |= set(self.flags.pending_attachments or ())
		return rules.missing_attachments(required, cleaned.get("legal_status"), provided)

	def set_possible_duplicate(self):
		duplicates.set_possible_duplicate(self)

	def set_title(self):
		self.title = rules.application_title(self.as_dict())

	# ------------------------------------------------------------ review

	@property
	def previous_state(self) -> str | None:
		before = self.get_doc_before_save()
		return before.workflow_state if before else None

	def validate_decision(self):
		errors.checked(
			rules.check_decision, self.workflow_state, self.rejection_reason, self.correction_request
		)

	def set_review_dates(self):
		state, previous = self.workflow_state, self.previous_state
		if not previous or state == previous:
			return
		if state == rules.PRESELECTED:
			self.preselected_on = nowdate()
		elif state in (rules.ACCEPTED, rules.REJECTED, rules.WITHDRAWN):
			self.decided_on = nowdate()
		if state == rules.RETURNED:
			self.flags.correction_token = review.new_correction_token(self)
		elif previous == rules.RETURNED:
			self.correction_token_hash = None

	def handle_transition(self):
		previous, state = self.previous_state, self.workflow_state
		notice = rules.notice_for_transition(previous, state)
		if not notice:
			return
		if state == rules.ACCEPTED:
			records.create_records(self)
		if state in rules.CLOSED_STATES:
			review.close_assignments(self)
		notifications.send_notice(self, notice, token=self.flags.correction_token)

	@scope.record_method("write")
	def create_records(self) -> dict:
		"""Create or link the structure and the promeneur of an accepted application (idempotent)."""
		self.check_permission("write")
		if self.workflow_state != rules.ACCEPTED:
			frappe.throw(
				_("Only an accepted application creates a structure and a promeneur."),
				title=_("Application not accepted"),
			)
		return records.create_records(self)

	@scope.record_method("read", methods=("GET", "POST"))
	def get_review_context(self) -> dict:
		"""What the reviewer should know: existing structure (same SIRET) and promeneur (same e-mail)."""
		self.check_permission("read")
		return {
			"structure": frappe.db.get_value("PdN Structure", {"siret": self.siret}, "name")
			if self.siret
			else None,
			"promeneur": frappe.db.get_value("PdN Promeneur", {"email": self.candidate_email}, "name")
			if self.candidate_email
			else None,
			"call_open": bool(
				self.application_call
				and any(c.name == self.application_call for c in utils.open_calls(getdate(nowdate())))
			),
		}
