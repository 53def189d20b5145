# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_link_to_form, getdate, nowdate

from pdn_frappe import exceptions
from pdn_frappe.conventions import activation, documents


class PdNCharterSignature(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.conventions.doctype.pdn_charter_signatory.pdn_charter_signatory import (
			PdNCharterSignatory,
		)

		amended_from: DF.Link | None
		convention: DF.Link | None
		convention_end_date: DF.Date | None
		department: DF.Link | None
		naming_series: DF.Literal["PDN-CHA-.YYYY.-.####"]
		place: DF.Data
		promeneur: DF.Link
		promeneur_email: DF.Data | None
		promeneur_name: DF.Data | None
		promeneur_status: DF.Literal["Candidate", "Active", "Suspended", "Left", "Excluded"]
		rendered_snapshot: DF.LongText | None
		signatories: DF.Table[PdNCharterSignatory]
		signed_on: DF.Date
		signed_scan: DF.Attach | None
		structure: DF.Link | None
		template: DF.Link | None
		template_version: DF.Int

	# end: auto-generated types
	def onload(self):
		self.set_onload("activation", activation.activation_state_of(self.promeneur))

	def validate(self):
		self.set_template()
		self.validate_signature_date()
		self.set_default_signatories()
		self.validate_unique_signature()
		self.set_convention()

	def before_submit(self):
		self.validate_scan()
		self.freeze_text()

	def on_submit(self):
		documents.lock_template(self.template)
		activation.activate_promeneur(self.promeneur)

	def set_template(self):
		if not self.template:
			self.template = documents.active_template("Charter", self.department)
		self.template_version = (
			frappe.db.get_value(documents.TEMPLATE, self.template, "version") if self.template else None
		)

	def validate_signature_date(self):
		if self.signed_on and getdate(self.signed_on) > getdate(nowdate()):
			frappe.throw(
				_("The charter cannot be signed in the future ({0}).").format(
					frappe.bold(frappe.format(self.signed_on, "Date"))
				),
				exc=exceptions.CharterSignatureError,
				title=_("Invalid value"),
			)

	def set_default_signatories(self):
		if self.signatories:
			return
		promeneur = frappe.db.get_value(
			"PdN Promeneur", self.promeneur, ["full_name", "job_title", "profession"], as_dict=True
		)
		if promeneur:
			self.append(
				"signatories",
				{
					"party": "Promeneur",
					"signatory_name": promeneur.full_name,
					"signatory_title": promeneur.job_title or promeneur.profession,
				},
			)
		representative = frappe.db.get_value(
			"PdN Structure",
			self.structure,
			["legal_representative", "legal_representative_title"],
			as_dict=True,
		)
		if representative and representative.legal_representative:
			self.append(
				"signatories",
				{
					"party": "Structure",
					"signatory_name": representative.legal_representative,
					"signatory_title": representative.legal_representative_title,
				},
			)

	def validate_unique_signature(self):
		other = frappe.db.get_value(
			self.doctype,
			{
				"promeneur": self.promeneur,
				"structure": self.structure,
				"docstatus": 1,
				"name": ("!=", self.name or ""),
			},
			["name", "signed_on"],
			as_dict=True,
		)
		if other:
			frappe.throw(
				_(
					"{0} already signed the charter on {1}: {2}. Cancel it first to record a new signature."
				).format(
					frappe.bold(self.promeneur_name),
					frappe.format(other.signed_on, "Date"),
					get_link_to_form(self.doctype, other.name),
				),
				exc=exceptions.CharterSignatureError,
				title=_("Charter already signed"),
			)

	def set_convention(self):
		convention = activation.active_convention(self.structure)
		self.convention = convention.name if convention else None
		self.convention_end_date = convention.end_date if convention else None
		self.promeneur_status = frappe.db.get_value("PdN Promeneur", self.promeneur, "status")

	def validate_scan(self):
		if not self.signed_scan:
			frappe.throw(
				_("Attach the signed charter before confirming the signature."),
				exc=exceptions.CharterSignatureError,
				title=_("Missing information"),
			)

	def freeze_text(self):
		self.template = documents.template_of(self)
		self.rendered_snapshot = documents.snapshot(self)
