"""Bridges between the domain checks and Frappe documents.

The rules live in :mod:`pdn_frappe.domain.validation`; this module applies them to the fields of a
document and throws what they refuse in French through :func:`pdn_frappe.errors.throw`.
"""

import frappe
from frappe import _

from pdn_frappe import errors
from pdn_frappe.domain import validation


def _normalized(value, normalize, label: str):
	try:
		return normalize(value)
	except validation.DomainValidationError as error:
		errors.throw(error, label=label)


def clean_field(doc, fieldname: str, normalize) -> None:
	"""Normalize ``doc.fieldname`` in place with a domain function, or throw in French."""
	value = doc.get(fieldname)
	if value not in (None, ""):
		doc.set(fieldname, _normalized(value, normalize, _(doc.meta.get_label(fieldname))))


def clean_row_field(row, fieldname: str, normalize, table_label: str) -> None:
	"""Same as :func:`clean_field` for a child-table row, naming the table and the row."""
	value = row.get(fieldname)
	if value not in (None, ""):
		label = _("{0}, row {1}, {2}").format(_(table_label), row.idx, _(row.meta.get_label(fieldname)))
		row.set(fieldname, _normalized(value, normalize, label))


def check_postcode_in_department(doc, postcode_field: str = "postcode", department_field: str = "department"):
	postcode, department = doc.get(postcode_field), doc.get(department_field)
	if not postcode or not department:
		return
	try:
		validation.check_postcode_in_department(postcode, department)
	except validation.DomainValidationError as error:
		errors.throw(
			error,
			label=_(doc.meta.get_label(postcode_field)),
			department=frappe.db.get_value("PdN Department", department, "department_name") or department,
		)


def department_team(department: str, role: str) -> list[str]:
	"""Users listed with ``role`` in the team of ``department`` (enabled logins only)."""
	users = frappe.get_all(
		"PdN Department Member",
		filters={"parent": department, "parenttype": "PdN Department", "role": role},
		pluck="user",
	)
	if not users:
		return []
	return frappe.get_all("User", filters={"name": ("in", users), "enabled": 1}, pluck="name")
