# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""An amendment to a signed convention (the model convention's article on revision).

A draft is checked against the convention as it stands (its status, its period, its subsidy
schedule); submitting it records that it was signed and applies it to the convention through
:meth:`PdNConvention.apply_amendment`, the one place where the terms of a signed convention
change. Its text is frozen on submit, like the convention's.

A submitted amendment is never cancelled: the convention it changed may have been paid or amended
again since, so undoing it would rewrite history. A mistake is corrected by a new amendment.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, getdate, nowdate

from pdn_frappe import errors, exceptions
from pdn_frappe.conventions import documents
from pdn_frappe.domain import conventions as rules
from pdn_frappe.network import privacy

CONVENTION = "PdN Convention"


class PdNConventionAmendment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.conventions.doctype.pdn_convention_amendment_subsidy.pdn_convention_amendment_subsidy import (
			PdNConventionAmendmentSubsidy,
		)

		amended_from: DF.Link | None
		amendment_number: DF.Int
		applied_changes: DF.SmallText | None
		convention: DF.Link
		department: DF.Link | None
		effective_date: DF.Date
		naming_series: DF.Literal["PDN-AVT-.YYYY.-.####"]
		new_caf_representative: DF.Data | None
		new_caf_representative_title: DF.Data | None
		new_end_date: DF.Date | None
		new_msa_representative: DF.Data | None
		new_msa_representative_title: DF.Data | None
		new_structure_representative: DF.Data | None
		new_structure_representative_title: DF.Data | None
		previous_end_date: DF.Date | None
		reason: DF.SmallText
		rendered_snapshot: DF.LongText | None
		signed_on: DF.Date
		signed_scan: DF.Attach | None
		structure: DF.Link | None
		structure_name: DF.Data | None
		subsidies: DF.Table[PdNConventionAmendmentSubsidy]
		template: DF.Link | None
		template_version: DF.Int

	# end: auto-generated types
	def validate(self):
		self.clear_what_submit_sets()
		self.set_template()
		self.validate_reason()
		self.validate_signed_on()
		self.validate_against_convention()

	def before_submit(self):
		self.set_amendment_number()
		self.rendered_snapshot = documents.snapshot(self)

	def on_submit(self):
		self.apply_to_convention()

	def before_cancel(self):
		frappe.throw(
			_(
				"A signed amendment cannot be cancelled: the convention keeps it in its history. Correct it with a new amendment."
			),
			exc=exceptions.ConventionAmendmentError,
			title=_("Signed amendment"),
		)

	# ------------------------------------------------------------ validation

	def clear_what_submit_sets(self):
		"""The number, the frozen text and the changes applied come with the signature only, never
		from what a draft was sent with."""
		if self.docstatus == 0:
			self.amendment_number = 0
			self.rendered_snapshot = None
			self.applied_changes = None

	def set_template(self):
		if not self.template:
			self.template = documents.active_template(documents.KIND_OF[self.doctype], self.department)
		self.template_version = (
			frappe.db.get_value(documents.TEMPLATE, self.template, "version") if self.template else None
		)

	def validate_reason(self):
		self.reason = (self.reason or "").strip()
		privacy.check_free_texts(self, ("reason",))

	def validate_signed_on(self):
		if self.signed_on and getdate(self.signed_on) > getdate(nowdate()):
			frappe.throw(
				_("An amendment cannot be signed after today."),
				exc=exceptions.ConventionAmendmentError,
				title=_("Invalid amendment"),
			)

	def convention_doc(self):
		return frappe.get_doc(CONVENTION, self.convention)

	def validate_against_convention(self):
		"""The amendment must change something a running convention may change, the way it may."""
		convention = self.convention_doc()
		self.previous_end_date = convention.end_date
		for field in rules.AMENDED_REPRESENTATIVES:
			self.set(field, (self.get(field) or "").strip() or None)
		if self.new_end_date and getdate(self.new_end_date) == getdate(convention.end_date):
			self.new_end_date = None
		changes_anything = bool(self.subsidies or self.new_end_date) or any(
			self.get(field) and self.get(field) != convention.get(target)
			for field, target in rules.AMENDED_REPRESENTATIVES.items()
		)
		start, end = getdate(convention.start_date), getdate(convention.end_date)
		new_end = getdate(self.new_end_date) if self.new_end_date else None
		errors.checked(
			rules.check_amendment,
			convention.status,
			start,
			end,
			getdate(self.effective_date) if self.effective_date else None,
			new_end,
			changes_anything,
		)
		current = {int(row.year): flt(row.amount) for row in convention.subsidies}
		for row in self.subsidies:
			row.previous_amount = current.get(rules.as_year(row.year))
		schedule = errors.checked(
			rules.amend_schedule,
			[row.as_dict() for row in convention.subsidies],
			[row.as_dict() for row in self.subsidies],
		)
		errors.checked(rules.check_subsidies, schedule, start, new_end or end)

	def set_amendment_number(self):
		numbers = frappe.get_all(
			self.doctype,
			filters={"convention": self.convention, "docstatus": 1},
			pluck="amendment_number",
		)
		self.amendment_number = max([0, *(int(number or 0) for number in numbers)]) + 1

	# ------------------------------------------------------------ on submit

	def apply_to_convention(self):
		convention = self.convention_doc()
		changes = convention.apply_amendment(self)
		self.db_set("applied_changes", "\n".join(changes))
		documents.lock_template(self.template)
