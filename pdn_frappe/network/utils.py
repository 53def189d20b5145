"""Bridges between the domain checks and Frappe documents.

The rules live in :mod:`pdn_frappe.domain.validation`; this module turns their
outcome into French messages raised with the app's own exception classes.
"""

import frappe
from frappe import _
from frappe.utils import escape_html

from pdn_frappe import exceptions
from pdn_frappe.domain import validation

_ERRORS = {
	"invalid_siret": exceptions.InvalidSiretError,
	"invalid_email": exceptions.InvalidEmailError,
	"invalid_phone": exceptions.InvalidPhoneError,
	"invalid_postcode": exceptions.InvalidPostcodeError,
	"postcode_department_mismatch": exceptions.PostcodeDepartmentMismatchError,
	"weekly_hours_too_low": exceptions.WeeklyHoursError,
	"invalid_weekly_hours": exceptions.WeeklyHoursError,
	"invalid_url": exceptions.InvalidUrlError,
}


def _message(code: str, label: str, value: str) -> str:
	"""French message for a domain error code; ``label`` is already translated."""
	messages = {
		"invalid_siret": _(
			"{0}: {1} is not a valid SIRET number. A SIRET has 14 digits and its check digit must be right."
		),
		"invalid_email": _("{0}: {1} is not a valid e-mail address."),
		"invalid_phone": _(
			"{0}: {1} is not a valid French phone number (10 digits, such as 04 70 12 34 56)."
		),
		"invalid_postcode": _("{0}: {1} is not a valid French postcode (5 digits)."),
		"weekly_hours_too_low": _("{0}: a promeneur commits to at least 2 hours online a week, not {1}."),
		"invalid_weekly_hours": _("{0}: {1} is not a possible number of weekly hours."),
		"invalid_url": _("{0}: {1} is not a web address starting with https:// or http://."),
	}
	return messages[code].format(label, frappe.bold(escape_html(value)))


def _normalize(value, normalize, label: str):
	try:
		return normalize(value)
	except validation.DomainValidationError as error:
		frappe.throw(
			_message(error.code, label, str(error.value)),
			exc=_ERRORS.get(error.code, exceptions.PdnValidationError),
			title=_("Invalid value"),
		)


def clean_field(doc, fieldname: str, normalize) -> None:
	"""Normalize ``doc.fieldname`` in place with a domain function, or throw in French."""
	value = doc.get(fieldname)
	if value not in (None, ""):
		doc.set(fieldname, _normalize(value, normalize, _(doc.meta.get_label(fieldname))))


def clean_row_field(row, fieldname: str, normalize, table_label: str) -> None:
	"""Same as :func:`clean_field` for a child-table row, naming the table and the row."""
	value = row.get(fieldname)
	if value not in (None, ""):
		label = _("{0}, row {1}, {2}").format(_(table_label), row.idx, _(row.meta.get_label(fieldname)))
		row.set(fieldname, _normalize(value, normalize, label))


def check_postcode_in_department(doc, postcode_field: str = "postcode", department_field: str = "department"):
	postcode, department = doc.get(postcode_field), doc.get(department_field)
	if not postcode or not department:
		return
	try:
		validation.check_postcode_in_department(postcode, department)
	except validation.DomainValidationError:
		department_name = frappe.db.get_value("PdN Department", department, "department_name") or department
		frappe.throw(
			_("Postcode {0} is not in the department {1}. Check the postcode or the department.").format(
				frappe.bold(postcode), frappe.bold(department_name)
			),
			exc=exceptions.PostcodeDepartmentMismatchError,
			title=_("Invalid value"),
		)
