"""Downloads of conventions and charters: PDF and editable Word (DOCX) files.

Both check the print permission first: a structure manager gets their own structure's
documents and no other (User Permission on PdN Structure), a coordinator or a CAF agent those
of their department.
"""

from __future__ import annotations

import frappe
from frappe import _

from pdn_frappe.conventions import documents

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def printable(doctype: str, name: str):
	"""The document, once the user is known to be allowed to print it."""
	if doctype not in documents.PRINT_FORMATS:
		frappe.throw(
			_("Only conventions, amendments and charters can be downloaded here."), exc=frappe.PermissionError
		)
	if not name or not frappe.db.exists(doctype, name):
		frappe.throw(
			_("{0} {1} does not exist.").format(_(doctype), frappe.bold(name)), exc=frappe.DoesNotExistError
		)
	frappe.has_permission(doctype, "print", doc=name, throw=True)
	return frappe.get_doc(doctype, name)


@frappe.whitelist()
def download_docx(doctype: str, name: str) -> None:
	"""The document as an editable Word file, built from the same template as the print format."""
	doc = printable(doctype, name)
	filename, content = documents.docx_file(doc)
	frappe.local.response.filename = filename
	frappe.local.response.filecontent = content
	frappe.local.response.type = "download"
	frappe.local.response.content_type = DOCX_TYPE


@frappe.whitelist()
def download_pdf(doctype: str, name: str) -> None:
	"""The document as a PDF, through Frappe's own print, with page numbers."""
	from pdn_frappe.conventions.pdf import document_pdf

	doc = printable(doctype, name)
	frappe.local.response.filename = f"{documents.file_stem(doc)}.pdf"
	frappe.local.response.filecontent = document_pdf(doc)
	frappe.local.response.type = "pdf"


@frappe.whitelist()
def merge_fields(kind: str | None = None) -> list[dict]:
	"""The merge fields a kind of template offers, with what each holds (for the template form)."""
	frappe.has_permission(documents.TEMPLATE, "read", throw=True)
	return documents.merge_fields(kind)


@frappe.whitelist()
def preview_template(template: str, doctype: str, name: str) -> str:
	"""HTML of a template version merged with one convention or charter, before putting it in use."""
	frappe.has_permission(documents.TEMPLATE, "read", doc=template, throw=True)
	doc = printable(doctype, name)
	return documents.documents.to_html(documents.render(doc, template=template))
