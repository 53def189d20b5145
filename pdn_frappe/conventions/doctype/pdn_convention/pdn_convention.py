# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, escape_html, flt, format_date, getdate, nowdate

from pdn_frappe import errors, exceptions, roles
from pdn_frappe.conventions import activation, documents
from pdn_frappe.domain import conventions as rules
from pdn_frappe.domain.documents import format_money as printed_money
from pdn_frappe.network import privacy, scope

#: status -> date field stamped when the convention reaches it
STATUS_DATES = {
	rules.SENT: "sent_on",
	rules.ACTIVE: "activated_on",
	rules.EXPIRED: "expired_on",
	rules.TERMINATED: "terminated_on",
}


class PdNConvention(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.conventions.doctype.pdn_convention_alert.pdn_convention_alert import (
			PdNConventionAlert,
		)
		from pdn_frappe.conventions.doctype.pdn_convention_document.pdn_convention_document import (
			PdNConventionDocument,
		)
		from pdn_frappe.conventions.doctype.pdn_convention_inspection.pdn_convention_inspection import (
			PdNConventionInspection,
		)
		from pdn_frappe.conventions.doctype.pdn_convention_recovery.pdn_convention_recovery import (
			PdNConventionRecovery,
		)
		from pdn_frappe.conventions.doctype.pdn_convention_subsidy.pdn_convention_subsidy import (
			PdNConventionSubsidy,
		)
		from pdn_frappe.conventions.doctype.pdn_convention_yearly_report.pdn_convention_yearly_report import (
			PdNConventionYearlyReport,
		)

		activated_on: DF.Date | None
		alerts: DF.Table[PdNConventionAlert]
		caf_name: DF.Data | None
		caf_representative: DF.Data | None
		caf_representative_title: DF.Data | None
		department: DF.Link
		end_date: DF.Date
		expired_on: DF.Date | None
		include_msa: DF.Check
		inspections: DF.Table[PdNConventionInspection]
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
		msa_name: DF.Data | None
		msa_representative: DF.Data | None
		msa_representative_title: DF.Data | None
		naming_series: DF.Literal["PDN-CONV-.YYYY.-.####"]
		paid_amount: DF.Currency
		recovered_amount: DF.Currency
		recoveries: DF.Table[PdNConventionRecovery]
		recovery_due: DF.Currency
		rendered_snapshot: DF.LongText | None
		renewal_of: DF.Link | None
		renewed_by: DF.Link | None
		sent_on: DF.Date | None
		signature_place: DF.Data | None
		signed_on: DF.Date | None
		signed_scan: DF.Attach | None
		start_date: DF.Date
		status: DF.Literal["Draft", "Sent", "Signed", "Active", "Expired", "Terminated"]
		structure: DF.Link
		structure_name: DF.Data | None
		structure_representative: DF.Data | None
		structure_representative_title: DF.Data | None
		subsidies: DF.Table[PdNConventionSubsidy]
		supporting_documents: DF.Table[PdNConventionDocument]
		template: DF.Link | None
		template_version: DF.Int
		terminated_on: DF.Date | None
		termination_kind: DF.Literal["", "With notice", "Immediate"]
		termination_notice_on: DF.Date | None
		termination_reason: DF.SmallText | None
		total_amount: DF.Currency
		unpaid_amount: DF.Currency
		yearly_reports: DF.Table[PdNConventionYearlyReport]

	# end: auto-generated types
	def validate(self):
		self.set_template()
		self.validate_status()
		self.validate_period()
		self.validate_subsidies()
		self.validate_signed_terms()
		self.validate_termination_fields()
		self.set_totals()
		self.set_supporting_documents()
		self.set_yearly_reports()
		self.validate_follow_up()
		self.set_recovery_totals()

	def on_update(self):
		self.activate_promeneurs()

	def on_trash(self):
		self.check_is_draft()

	# ------------------------------------------------------------ validation

	def set_template(self):
		if self.status in rules.SIGNED_STATUSES and self.template:
			return
		if not self.template:
			self.template = documents.active_template("Convention", self.department)
		self.template_version = (
			frappe.db.get_value(documents.TEMPLATE, self.template, "version") if self.template else None
		)

	def validate_status(self):
		before = self.get_doc_before_save()
		errors.checked(rules.check_transition, before.status if before else None, self.status)

	def validate_period(self):
		start = getdate(self.start_date) if self.start_date else None
		end = getdate(self.end_date) if self.end_date else None
		errors.checked(rules.check_period, start, end)

	def validate_subsidies(self):
		if self.start_date and self.end_date:
			errors.checked(
				rules.check_subsidies,
				[row.as_dict() for row in self.subsidies],
				getdate(self.start_date),
				getdate(self.end_date),
			)

	def validate_signed_terms(self):
		before = self.get_doc_before_save()
		if not before or before.status not in rules.SIGNED_STATUSES or self.flags.applying_amendment:
			return
		changed = rules.changed_contract_fields(
			{field: before.get(field) for field in rules.CONTRACT_FIELDS},
			{field: self.get(field) for field in rules.CONTRACT_FIELDS},
		)
		if self._schedule(before) != self._schedule(self):
			changed.append("subsidies")
		if changed:
			labels = ", ".join(frappe.bold(_(self.meta.get_label(field))) for field in changed)
			frappe.throw(
				_(
					"The convention {0} is signed: {1} can no longer change. Sign an amendment or renew the convention."
				).format(frappe.bold(self.name), labels),
				exc=exceptions.SignedConventionError,
				title=_("Signed convention"),
			)

	def validate_termination_fields(self):
		"""A termination is recorded, planned or withdrawn by ``terminate`` and
		``withdraw_termination`` only, where the notice and the reason are checked."""
		before = self.get_doc_before_save()
		if self.flags.changing_termination or self.flags.changing_status:
			return
		fields = ("terminated_on", "termination_reason", "termination_kind", "termination_notice_on")
		if any(str(self.get(f) or "") != str((before.get(f) if before else None) or "") for f in fields):
			frappe.throw(
				_(
					"A termination is recorded with the Terminate button of the convention, which checks the notice."
				),
				exc=exceptions.ConventionTerminationError,
				title=_("Termination"),
			)

	@staticmethod
	def _schedule(doc) -> list[tuple]:
		return sorted((int(row.year or 0), flt(row.amount)) for row in doc.subsidies)

	def set_totals(self):
		totals = rules.subsidy_totals(row.as_dict() for row in self.subsidies)
		self.total_amount = totals["planned"]
		self.paid_amount = totals["paid"]
		self.unpaid_amount = totals["unpaid"]

	def set_supporting_documents(self):
		today = getdate(nowdate())
		stage = rules.RENEWAL if self.renewal_of else rules.FIRST_SIGNATURE
		required = []
		if self.status in (rules.DRAFT, rules.SENT):
			required = rules.required_documents(document_requirements(), stage, self.legal_status)
		structure_documents = frappe.get_all(
			"PdN Structure Document",
			filters={"parent": self.structure, "parenttype": "PdN Structure"},
			fields=["document_type", "file", "received_on", "valid_until"],
		)
		merged = rules.merge_checklist(
			[row.as_dict() for row in self.supporting_documents], required, stage, structure_documents, today
		)
		self._update_rows("supporting_documents", merged)

	def set_yearly_reports(self):
		years = [int(row.year) for row in self.subsidies if row.year]
		merged = rules.merge_yearly_reports(
			[row.as_dict() for row in self.yearly_reports],
			document_requirements(),
			years,
			getdate(nowdate()),
		)
		self._update_rows("yearly_reports", merged)

	def validate_follow_up(self):
		"""Checks and sums to recover: complete, dated, and free of personal data."""
		today = getdate(nowdate())
		errors.checked(rules.check_inspections, [row.as_dict() for row in self.inspections], today)
		errors.checked(rules.check_recoveries, [row.as_dict() for row in self.recoveries], today)
		privacy.check_free_texts(
			self, (), tables={"inspections": ("findings", "follow_up"), "recoveries": ("reason",)}
		)

	def set_recovery_totals(self):
		totals = rules.recovery_totals((row.as_dict() for row in self.recoveries), getdate(nowdate()))
		self.recovery_due = totals["to_recover"]
		self.recovered_amount = totals["recovered"]

	def _update_rows(self, table: str, merged: list[dict]):
		"""Write the merged rows back: existing row objects are updated, new ones appended."""
		existing = {row.name: row for row in self.get(table) if row.name}
		allowed = self._child_fields(table)
		rows = []
		for values in merged:
			fields = {key: value for key, value in values.items() if key in allowed}
			row = existing.get(values.get("name"))
			if row is not None:
				row.update(fields)
				rows.append(row)
			else:
				rows.append(fields)
		self.set(table, rows)
		for index, row in enumerate(self.get(table), start=1):
			row.idx = index

	def _child_fields(self, table: str) -> set[str]:
		child = frappe.get_meta(self.meta.get_field(table).options)
		return {df.fieldname for df in child.fields}

	def check_is_draft(self):
		if self.status != rules.DRAFT:
			frappe.throw(
				_("Only a draft convention can be deleted; {0} is {1}.").format(
					frappe.bold(self.name), frappe.bold(_(self.status))
				),
				exc=exceptions.ConventionStatusError,
				title=_("Signed convention"),
			)

	def activate_promeneurs(self):
		activation.on_convention_status(self)

	# ------------------------------------------------------------ lifecycle

	def check_can_change_status(self):
		self.check_permission("write")
		if not self.has_permlevel_access_to("status", permission_type="write"):
			frappe.throw(_("Only the CAF can change the status of a convention."), exc=frappe.PermissionError)

	def change_status(self, status: str, on=None):
		"""Move to ``status`` (checked by the lifecycle rules), stamp its date and save."""
		errors.checked(rules.check_transition, self.status, status)
		self.status = status
		if status in STATUS_DATES:
			self.set(STATUS_DATES[status], on or nowdate())
		self.flags.changing_status = True
		try:
			self.save()
		finally:
			self.flags.changing_status = False

	def apply_automatic_status(self, today=None) -> bool:
		"""Signed -> Active once started, Active -> Expired once ended; return whether it changed."""
		today = getdate(today or nowdate())
		changed = False
		while True:
			target = rules.automatic_status(
				self.status,
				getdate(self.start_date),
				getdate(self.end_date),
				today,
				getdate(self.terminated_on) if self.terminated_on else None,
			)
			if target == self.status:
				return changed
			if target == rules.TERMINATED:
				# a termination given with notice reaches its date
				self.change_status(rules.TERMINATED, on=self.terminated_on)
				return True
			step = rules.ACTIVE if self.status == rules.SIGNED else target
			on = today
			if step == rules.ACTIVE:
				on = min(max(getdate(self.start_date), getdate(self.signed_on or self.start_date)), today)
			self.change_status(step, on=on)
			changed = True

	def check_printable(self):
		"""Render the text once: every merge field must have its value."""
		documents.render(self, template=documents.template_of(self))

	@scope.record_method("write")
	def mark_sent(self) -> None:
		self.check_can_change_status()
		self.check_printable()
		self.change_status(rules.SENT)

	@scope.record_method("write")
	def back_to_draft(self) -> None:
		self.check_can_change_status()
		self.change_status(rules.DRAFT)

	@scope.record_method("write")
	def mark_signed(
		self, signed_on: str, signature_place: str | None = None, signed_scan: str | None = None
	) -> None:
		"""Record the signature: the text is frozen, the template version locked; active once started."""
		self.check_can_change_status()
		if signature_place:
			self.signature_place = signature_place
		if signed_scan:
			self.signed_scan = signed_scan
		if not signed_on or getdate(signed_on) > getdate(nowdate()):
			frappe.throw(
				_("Enter the date the convention was signed (today at the latest)."),
				exc=exceptions.ConventionStatusError,
				title=_("Missing information"),
			)
		if not self.signed_scan:
			frappe.throw(
				_("Attach the signed convention before recording the signature."),
				exc=exceptions.ConventionStatusError,
				title=_("Missing information"),
			)
		self.signed_on = signed_on
		self.template = documents.template_of(self)
		self.rendered_snapshot = documents.snapshot(self)
		self.change_status(rules.SIGNED)
		documents.lock_template(self.template)
		self.apply_automatic_status()

	@scope.record_method("write")
	def terminate(
		self,
		reason: str,
		terminated_on: str | None = None,
		immediate: int = 0,
		notice_on: str | None = None,
	) -> None:
		"""End the convention.

		With notice (the model convention's rule): on an anniversary of its start, the notice given
		(``notice_on``, today when empty) three months before it at least; ``terminated_on`` when it
		is such a date, the earliest one allowed when empty; any other date is refused with the
		earliest date allowed. The convention stays active until that date and is then terminated
		by the daily job.

		Immediate (``immediate=1``): the CAF ends it without notice (dissolution of the structure,
		formal notice left unanswered...), on ``terminated_on`` or today, giving the reason.
		"""
		self.check_can_change_status()
		errors.checked(rules.check_transition, self.status, rules.TERMINATED)
		reason = (reason or "").strip()
		if not reason:
			errors.throw(rules.ConventionRuleError("termination_reason_required"))
		privacy.check_text(reason, _("Reason for termination"))
		today = getdate(nowdate())
		if cint(immediate):
			self.check_can_terminate_immediately()
			end = errors.checked(
				rules.check_immediate_termination,
				getdate(self.end_date),
				getdate(terminated_on) if terminated_on else today,
				reason,
				getdate(self.start_date),
				today,
			)
			kind, notice = rules.IMMEDIATE, None
		else:
			notice = getdate(notice_on) if notice_on else today
			end = errors.checked(
				rules.check_termination_with_notice,
				getdate(self.start_date),
				getdate(self.end_date),
				notice,
				today,
				getdate(terminated_on) if terminated_on else None,
			)
			if self.terminated_on:
				# the notice is checked first: a refusal always says what the rule allows
				frappe.throw(
					_("A termination on {0} is already planned. Withdraw it first.").format(
						frappe.bold(format_date(self.terminated_on))
					),
					exc=exceptions.ConventionTerminationError,
					title=_("Termination planned"),
				)
			kind = rules.WITH_NOTICE
		self.flags.changing_termination = True
		self.termination_reason = reason
		self.termination_kind = kind
		self.termination_notice_on = notice
		if end <= today:
			self.change_status(rules.TERMINATED, on=end)
		else:
			self.terminated_on = end
			self.save()

	def check_can_terminate_immediately(self):
		if not (roles.CAF_AGENT in frappe.get_roles() or not scope.is_scoped_user()):
			frappe.throw(
				_("Only the CAF can end a convention at once, without notice."), exc=frappe.PermissionError
			)

	@scope.record_method("write")
	def withdraw_termination(self) -> None:
		"""Cancel a termination planned for a later date (the convention goes on)."""
		self.check_can_change_status()
		if self.status == rules.TERMINATED or not self.terminated_on:
			frappe.throw(
				_("No termination is planned for this convention."),
				exc=exceptions.ConventionTerminationError,
				title=_("Termination"),
			)
		self.flags.changing_termination = True
		self.terminated_on = None
		self.termination_reason = None
		self.termination_kind = None
		self.termination_notice_on = None
		self.save()

	def apply_amendment(self, amendment) -> list[str]:
		"""Apply a signed amendment (``PdN Convention Amendment.on_submit``): the one way the terms of
		a signed convention change. Returns the changes, one French line each; the convention keeps
		them in its history (a comment, and its version)."""
		changes = []
		if amendment.subsidies:
			before = {int(row.year): flt(row.amount) for row in self.subsidies}
			rows = errors.checked(
				rules.amend_schedule,
				[row.as_dict() for row in self.subsidies],
				[row.as_dict() for row in amendment.subsidies],
			)
			self._update_rows("subsidies", rows)
			after = {int(row.year): flt(row.amount) for row in self.subsidies}
			for year in sorted(set(before) | set(after)):
				if before.get(year) != after.get(year):
					changes.append(
						_("Subsidy {0}: {1} → {2}").format(
							year, _money(before.get(year)), _money(after.get(year))
						)
					)
		if amendment.new_end_date and getdate(amendment.new_end_date) != getdate(self.end_date):
			changes.append(
				_("End date: {0} → {1}").format(
					format_date(self.end_date), format_date(amendment.new_end_date)
				)
			)
			self.end_date = amendment.new_end_date
		for field, target in rules.AMENDED_REPRESENTATIVES.items():
			value = (amendment.get(field) or "").strip()
			if value and value != (self.get(target) or ""):
				changes.append(
					_("{0}: {1} → {2}").format(
						_(self.meta.get_label(target)),
						escape_html(self.get(target) or "—"),
						escape_html(value),
					)
				)
				self.set(target, value)
		self.flags.applying_amendment = amendment.name
		# the convention's own history (Version) keeps every amended value, tests included
		self.save(ignore_permissions=True, ignore_version=False)
		self.flags.applying_amendment = None
		self.add_comment(
			"Info",
			_("Amendment {0} (no. {1}) applied from {2}: {3}").format(
				escape_html(amendment.name),
				amendment.amendment_number,
				format_date(amendment.effective_date),
				"; ".join(changes),
			),
		)
		self.apply_automatic_status()
		return changes

	@scope.record_method("write")
	def refresh_documents(self) -> None:
		"""Take the structure's latest supporting documents into the checklist."""
		self.check_permission("write")
		self.save()

	@scope.record_method("write")
	def renew(self) -> str:
		"""Create the next convention, prefilled from this one; return its name."""
		frappe.has_permission(self.doctype, "create", throw=True)
		self.check_can_change_status()
		if self.renewed_by:
			frappe.throw(
				_("The convention {0} has already been renewed by {1}.").format(
					frappe.bold(self.name), frappe.bold(self.renewed_by)
				),
				exc=exceptions.ConventionRenewalError,
				title=_("Already renewed"),
			)
		if self.status not in rules.RENEWABLE_STATUSES:
			frappe.throw(
				_("Only an active or expired convention can be renewed; {0} is {1}.").format(
					frappe.bold(self.name), frappe.bold(_(self.status))
				),
				exc=exceptions.ConventionRenewalError,
				title=_("Cannot renew"),
			)
		start, end = rules.renewal_period(getdate(self.start_date), getdate(self.end_date))
		renewal = frappe.get_doc(
			{
				"doctype": self.doctype,
				"structure": self.structure,
				"start_date": start,
				"end_date": end,
				"renewal_of": self.name,
				"signature_place": self.signature_place,
				"structure_representative": self.structure_representative,
				"structure_representative_title": self.structure_representative_title,
				"caf_representative": self.caf_representative,
				"caf_representative_title": self.caf_representative_title,
				"include_msa": self.include_msa,
				"msa_representative": self.msa_representative,
				"msa_representative_title": self.msa_representative_title,
				"subsidies": rules.renewal_subsidies([row.as_dict() for row in self.subsidies], start, end),
			}
		)
		renewal.insert()
		self.db_set("renewed_by", renewal.name)
		return renewal.name


def _money(amount) -> str:
	return printed_money(amount) if amount is not None else "—"


def document_requirements() -> list[rules.DocumentRequirement]:
	"""What each enabled PdN Document Type asks for in the convention checklists."""
	rows = frappe.get_all(
		"PdN Document Type",
		filters={"enabled": 1},
		fields=[
			"name",
			"first_signature_association",
			"first_signature_public",
			"renewal_association",
			"renewal_public",
			"yearly_due",
			"has_validity",
		],
		order_by="name asc",
	)
	return [rules.DocumentRequirement.from_row(row) for row in rows]
