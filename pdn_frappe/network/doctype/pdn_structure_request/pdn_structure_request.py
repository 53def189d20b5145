# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.model.document import Document
from frappe.utils import cint, cstr, flt, getdate, nowdate, strip_html_tags

from pdn_frappe import errors, exceptions
from pdn_frappe.domain import structure_requests as rules
from pdn_frappe.domain import validation
from pdn_frappe.domain.errors import DomainError
from pdn_frappe.network import privacy, structure_requests
from pdn_frappe.network.utils import check_postcode_in_department, clean_field

#: free texts of the request (no personal data about young people)
FREE_TEXTS = ("details", "refusal_reason")
#: short texts that are stripped of surrounding spaces
TEXT_FIELDS = (
	"first_name",
	"last_name",
	"job_title",
	"legal_representative",
	"legal_representative_title",
	"address_line1",
	"address_line2",
	"city",
)

NUMBER_TYPES = ("Int", "Check", "Float", "Currency", "Percent")


def _normal(df, value):
	"""A field's value as it compares before and after a save (a date as text, 3 as 3.0)."""
	return flt(value) if df.fieldtype in NUMBER_TYPES else cstr(value).strip()


class PdNStructureRequest(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_structure_document.pdn_structure_document import (
			PdNStructureDocument,
		)

		address_line1: DF.Data | None
		address_line2: DF.Data | None
		applied_on: DF.Datetime | None
		budget_amount: DF.Currency
		budget_year: DF.Int
		city: DF.Data | None
		convention: DF.Link | None
		current_mission: DF.Data | None
		current_weekly_hours: DF.Float
		decided_by: DF.Link | None
		decided_on: DF.Date | None
		department: DF.Link | None
		details: DF.SmallText | None
		documents: DF.Table[PdNStructureDocument]
		effective_date: DF.Date | None
		email: DF.Data | None
		first_name: DF.Data | None
		job_title: DF.Data | None
		last_name: DF.Data | None
		legal_representative: DF.Data | None
		legal_representative_email: DF.Data | None
		legal_representative_title: DF.Data | None
		mission: DF.Literal["", "Youth", "Parenting", "Youth and parenting"]
		naming_series: DF.Literal["PDN-DEM-.YYYY.-.####"]
		new_weekly_hours: DF.Float
		phone: DF.Data | None
		postcode: DF.Data | None
		profession: DF.Link | None
		promeneur: DF.Link | None
		promeneur_name: DF.Data | None
		public_12_17: DF.Check
		public_18_25: DF.Check
		public_parents: DF.Check
		refusal_reason: DF.SmallText | None
		request_kind: DF.Literal[
			"",
			"New promeneur",
			"Promeneur leaving",
			"Change of weekly hours or mission",
			"Change of legal representative",
			"Change of address",
			"Change of budget",
		]
		result: DF.SmallText | None
		result_promeneur: DF.Link | None
		structure: DF.Link
		structure_name: DF.Data | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.set_structure_values()
		self.set_initial_state()
		self.clear_other_kinds()
		self.clean_values()
		self.validate_kind()
		self.validate_promeneur()
		self.validate_convention()
		self.validate_effective_date()
		self.validate_documents()
		self.validate_free_texts()
		self.validate_content_locked()
		self.validate_decision()
		self.begin_approval()

	def on_update(self):
		structure_requests.apply(self)
		before = self.get_doc_before_save()
		structure_requests.send_notice(self, before.workflow_state if before else None)

	# ------------------------------------------------------------ validation

	def throw(self, error: DomainError):
		labels = ""
		if error.values and isinstance(error.values[0], tuple):
			labels = ", ".join(frappe.bold(_(self.meta.get_label(field))) for field in error.values[0])
		errors.throw(error, labels=labels)

	def checked(self, rule, *args):
		try:
			return rule(*args)
		except DomainError as error:
			self.throw(error)

	def set_structure_values(self):
		"""The department and the name are the structure's, whatever was sent."""
		values = frappe.db.get_value(
			"PdN Structure", self.structure, ["department", "structure_name"], as_dict=True
		)
		if values:
			self.department = values.department
			self.structure_name = values.structure_name

	def set_initial_state(self):
		if self.is_new():
			self.workflow_state = rules.DRAFT

	def clear_other_kinds(self):
		self.checked(rules.check_kind, self.request_kind)
		for fieldname in rules.fields_to_clear(self.request_kind, self.as_dict()):
			self.set(
				fieldname,
				0
				if self.meta.get_field(fieldname).fieldtype in ("Check", "Float", "Int", "Currency")
				else None,
			)
		if self.request_kind not in rules.PROMENEUR_KINDS:
			self.promeneur = self.promeneur_name = None

	def clean_values(self):
		for fieldname in TEXT_FIELDS:
			if self.get(fieldname):
				# names and addresses are plain text: markup sent with them is dropped
				self.set(fieldname, " ".join(strip_html_tags(str(self.get(fieldname))).split()))
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)
		clean_field(self, "legal_representative_email", validation.normalize_email)
		clean_field(self, "postcode", validation.normalize_postcode)
		if self.request_kind == rules.ADDRESS:
			check_postcode_in_department(self)
		if flt(self.new_weekly_hours):
			clean_field(self, "new_weekly_hours", validation.check_weekly_hours)
		self.budget_year = cint(self.budget_year)
		self.budget_amount = flt(self.budget_amount, 2)

	def validate_kind(self):
		values = self.as_dict()
		values["new_weekly_hours"] = flt(self.new_weekly_hours)
		values["budget_amount"] = flt(self.budget_amount)
		values["budget_year"] = cint(self.budget_year)
		self.checked(rules.check_request, self.request_kind, values)

	def validate_promeneur(self):
		if self.request_kind not in rules.PROMENEUR_KINDS or not self.promeneur:
			return
		row = frappe.db.get_value("PdN Promeneur", self.promeneur, ["structure", "status"], as_dict=True)
		if not row:
			return  # Frappe's link validation names the missing record
		if self.is_new() or self.has_value_changed("promeneur"):
			self.checked(rules.check_promeneur_of_structure, row.structure, self.structure, row.status)

	def validate_convention(self):
		if self.request_kind != rules.BUDGET or not self.convention:
			return
		structure = frappe.db.get_value("PdN Convention", self.convention, "structure")
		self.checked(rules.check_convention_of_structure, structure, self.structure)

	def validate_effective_date(self):
		if self.effective_date:
			self.checked(rules.check_effective_date, getdate(self.effective_date), getdate(nowdate()))

	def validate_documents(self):
		"""A document is a file uploaded for this request by its author, never another record's file."""
		before = self.get_doc_before_save()
		known = {row.file for row in before.documents} if before else set()
		for row in self.documents:
			if not row.file or row.file in known:
				continue
			owner, doctype, name = frappe.db.get_value(
				"File", {"file_url": row.file}, ["owner", "attached_to_doctype", "attached_to_name"]
			) or (None, None, None)
			if owner != frappe.session.user and (doctype, name) != (self.doctype, self.name):
				frappe.throw(
					_("Documents, row {0}: upload the file with this request.").format(row.idx),
					exc=exceptions.StructureRequestError,
					title=_("Invalid value"),
				)

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXTS)

	def validate_content_locked(self):
		before = self.get_doc_before_save()
		if before is None:
			return
		changed = [
			df.fieldname
			for df in self.meta.fields
			if df.fieldtype not in no_value_fields
			and not df.read_only
			and not df.fetch_from
			and _normal(df, self.get(df.fieldname)) != _normal(df, before.get(df.fieldname))
		]
		stored_rows = [(row.document_type, row.file) for row in before.documents]
		if [(row.document_type, row.file) for row in self.documents] != stored_rows:
			changed.append("documents")
		self.checked(rules.check_content_unchanged, before.workflow_state, changed)

	def validate_decision(self):
		self.checked(rules.check_decision, self.workflow_state, self.refusal_reason)
		before = self.get_doc_before_save()
		if before and before.workflow_state != self.workflow_state and self.workflow_state in rules.DECIDED:
			self.decided_by = frappe.session.user
			self.decided_on = nowdate()

	def begin_approval(self):
		before = self.get_doc_before_save()
		if self.workflow_state == rules.APPROVED and before and before.workflow_state != rules.APPROVED:
			structure_requests.begin_approval(self)
