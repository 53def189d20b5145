"""The supporting-documents checklist of a structure's convention, as its manager sees it and fills it.

On the structure's form, a structure manager (or the coordination) reads the checklist of the
structure's current convention and uploads a missing or expired document into its row. Both calls
go through the scope module: the structure and the convention must be within the user's
department and structure (a manager's own, while the registry lists them as its manager), and the
convention is saved with the user's own permissions, so that the write guard checks it too.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import nowdate

from pdn_frappe import exceptions
from pdn_frappe.domain import conventions as rules
from pdn_frappe.network import scope

CONVENTION = "PdN Convention"
#: rows the manager may fill
TO_PROVIDE = ("Missing", "Expired")


def current_convention(structure: str) -> str | None:
	"""The structure's convention in force or in preparation (the latest one that is not over)."""
	rows = frappe.get_all(
		CONVENTION,
		filters={
			"structure": structure,
			"status": ("in", [rules.DRAFT, rules.SENT, rules.SIGNED, rules.ACTIVE]),
		},
		fields=["name"],
		order_by="end_date desc, creation desc",
		limit=1,
	)
	return rows[0].name if rows else None


@frappe.whitelist()
def structure_checklist(structure: str) -> dict:
	"""The checklist of the structure's current convention, and whether the user may fill it."""
	if not frappe.db.exists("PdN Structure", structure) or not scope.allows(
		"PdN Structure", frappe.get_doc("PdN Structure", structure), "read"
	):
		frappe.throw(_("You cannot see this structure."), frappe.PermissionError)
	frappe.has_permission("PdN Structure", "read", doc=structure, throw=True)
	name = current_convention(structure)
	if not name or not frappe.has_permission(CONVENTION, "read", doc=name):
		return {"convention": None, "rows": [], "can_upload": False}
	convention = frappe.get_doc(CONVENTION, name)
	rows = [
		{
			"name": row.name,
			"stage": _(row.stage) if row.stage else "",
			"document_type": row.document_type,
			"status": row.status,
			"status_label": _(row.status) if row.status else "",
			"file": row.file,
			"received_on": row.received_on,
			"valid_until": row.valid_until,
		}
		for row in convention.supporting_documents
	]
	return {
		"convention": name,
		"convention_status": _(convention.status),
		"rows": rows,
		"can_upload": bool(frappe.has_permission(CONVENTION, "write", doc=convention)),
	}


@frappe.whitelist(methods=["POST"])
def upload_document(convention: str, row: str, file_url: str) -> dict:
	"""File ``file_url`` (a File attached to the convention) in the checklist row ``row``."""
	scope.check_stored(CONVENTION, convention, "write")
	doc = frappe.get_doc(CONVENTION, convention)
	target = next((item for item in doc.supporting_documents if item.name == row), None)
	if target is None:
		frappe.throw(
			_("This document is not in the checklist of the convention {0}.").format(frappe.bold(convention))
		)
	if target.status not in TO_PROVIDE:
		frappe.throw(
			_("{0} is already provided for this convention.").format(frappe.bold(target.document_type)),
			exc=exceptions.PdnValidationError,
		)
	if not frappe.db.exists(
		"File", {"file_url": file_url, "attached_to_doctype": CONVENTION, "attached_to_name": convention}
	):
		frappe.throw(_("Upload the file on this convention first."), exc=exceptions.PdnValidationError)
	target.file = file_url
	target.received_on = nowdate()
	target.valid_until = None
	target.from_structure = 0
	doc.save()
	return {"status": next(item.status for item in doc.supporting_documents if item.name == row)}
