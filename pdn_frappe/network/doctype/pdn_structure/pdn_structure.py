# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from pdn_frappe import exceptions
from pdn_frappe.domain import validation
from pdn_frappe.network import access, lifecycle
from pdn_frappe.network.utils import check_postcode_in_department, clean_field, clean_row_field


class PdNStructure(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_structure_contact.pdn_structure_contact import PdNStructureContact
		from pdn_frappe.network.doctype.pdn_structure_document.pdn_structure_document import (
			PdNStructureDocument,
		)

		address_line1: DF.Data | None
		address_line2: DF.Data | None
		city: DF.Data | None
		contacts: DF.Table[PdNStructureContact]
		convention_name: DF.Data | None
		department: DF.Link
		documents: DF.Table[PdNStructureDocument]
		email: DF.Data | None
		legal_representative: DF.Data | None
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
		naming_series: DF.Literal["PDN-STR-.#####"]
		phone: DF.Data | None
		postcode: DF.Data | None
		siret: DF.Data | None
		status: DF.Literal["Candidate", "Active", "Inactive"]
		structure_name: DF.Data
		structure_type: DF.Link | None
		website: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.set_convention_name()
		self.validate_siret()
		self.validate_contact_details()
		self.validate_address()
		self.validate_contacts()
		self.validate_documents()

	def on_update(self):
		access.sync_structure_managers(self)
		self.close_if_inactive()

	def on_trash(self):
		self.check_no_promeneurs()

	def set_convention_name(self):
		self.structure_name = (self.structure_name or "").strip()
		if not (self.convention_name or "").strip():
			self.convention_name = self.structure_name

	def validate_siret(self):
		clean_field(self, "siret", validation.normalize_siret)

	def validate_contact_details(self):
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "legal_representative_email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)
		clean_field(self, "website", validation.normalize_url)

	def validate_address(self):
		clean_field(self, "postcode", validation.normalize_postcode)
		check_postcode_in_department(self)

	def validate_contacts(self):
		for row in self.contacts:
			clean_row_field(row, "email", validation.normalize_email, "Contacts")
			clean_row_field(row, "phone", validation.normalize_phone, "Contacts")
			if row.is_manager and not row.user:
				frappe.throw(
					_("Contacts, row {0}: choose the user who gets manager access.").format(row.idx),
					title=_("Missing value"),
				)
		for user in access.changed_logins(self, "contacts"):
			access.check_linkable_login(user, _("Contacts"))

	def validate_documents(self):
		for row in self.documents:
			if row.received_on and row.valid_until and getdate(row.valid_until) < getdate(row.received_on):
				frappe.throw(
					_(
						"Supporting documents, row {0}: the document cannot expire before it was received."
					).format(row.idx),
					exc=exceptions.InvalidDocumentDatesError,
					title=_("Invalid value"),
				)

	def close_if_inactive(self):
		"""A structure that closes suspends its promeneurs' mandate (see the lifecycle)."""
		before = self.get_doc_before_save()
		if self.status == "Inactive" and before is not None and before.status != "Inactive":
			lifecycle.close_structure(self)

	def check_no_promeneurs(self):
		count = frappe.db.count("PdN Promeneur", {"structure": self.name})
		if count:
			frappe.throw(
				_(
					"The structure {0} still employs {1} promeneur(s). Move them to another structure or delete them first."
				).format(frappe.bold(self.structure_name), count),
				exc=exceptions.StructureHasPromeneursError,
				title=_("Structure in use"),
			)
