# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from pdn_frappe import exceptions
from pdn_frappe.conventions import documents as printed
from pdn_frappe.domain import documents
from pdn_frappe.network import scope


class PdNDocumentTemplate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.conventions.doctype.pdn_document_template_section.pdn_document_template_section import (
			PdNDocumentTemplateSection,
		)

		based_on: DF.Link | None
		department: DF.Link | None
		document_kind: DF.Literal["Convention", "Amendment", "Charter", "Other"]
		document_subtitle: DF.Data | None
		document_title: DF.Data
		is_active: DF.Check
		frozen: DF.Check
		naming_series: DF.Literal["PDN-TPL-.#####"]
		sections: DF.Table[PdNDocumentTemplateSection]
		shipped_hash: DF.Data | None
		shipped_key: DF.Data | None
		template_name: DF.Data
		version: DF.Int
		version_notes: DF.SmallText | None

	# end: auto-generated types
	def validate(self):
		self.set_version()
		self.validate_text()
		self.validate_locked_text()

	def on_update(self):
		self.take_others_out_of_use()

	def on_trash(self):
		self.check_not_used()

	def set_version(self):
		if self.version and not self.is_new():
			return
		latest = frappe.get_all(
			self.doctype,
			filters={"document_kind": self.document_kind, "department": self.department or ("is", "not set")},
			order_by="version desc",
			limit=1,
			pluck="version",
		)
		self.version = cint(latest[0] if latest else 0) + 1

	def validate_text(self):
		try:
			documents.check_template(documents.template_from_record(self.as_dict()))
		except documents.TemplateSyntaxProblem as error:
			frappe.throw(
				_("Section {0}: the merge fields cannot be read ({1}).").format(
					frappe.bold(error.section), error.details
				),
				exc=exceptions.DocumentTemplateError,
				title=_("Invalid template"),
			)

	def validate_locked_text(self):
		before = self.get_doc_before_save()
		if not before or not before.frozen:
			return
		self.frozen = 1
		if (
			documents.fingerprint(before.as_dict()) != documents.fingerprint(self.as_dict())
			or before.document_kind != self.document_kind
			or (before.department or None) != (self.department or None)
		):
			frappe.throw(
				_(
					"Version {0} of {1} is used by signed documents and can no longer change. Create a new version instead."
				).format(self.version, frappe.bold(self.template_name)),
				exc=exceptions.TemplateLockedError,
				title=_("Template in use"),
			)

	def take_others_out_of_use(self):
		if not self.is_active:
			return
		for name in frappe.get_all(
			self.doctype,
			filters={
				"document_kind": self.document_kind,
				"department": self.department or ("is", "not set"),
				"is_active": 1,
				"name": ("!=", self.name),
			},
			pluck="name",
		):
			frappe.db.set_value(self.doctype, name, "is_active", 0)

	def check_not_used(self):
		for doctype in (printed.CONVENTION, printed.AMENDMENT, printed.CHARTER):
			if frappe.db.exists(doctype, {"template": self.name}):
				frappe.throw(
					_("{0} is used by a {1} and cannot be deleted.").format(
						frappe.bold(self.template_name), _(doctype)
					),
					exc=exceptions.TemplateLockedError,
					title=_("Template in use"),
				)

	@scope.record_method("write")
	def create_new_version(self) -> str:
		"""Copy this version into a new one, not in use yet; return its name."""
		frappe.has_permission(self.doctype, "create", throw=True)
		new = frappe.copy_doc(self, ignore_no_copy=False)
		new.based_on = self.name
		new.insert()
		return new.name
