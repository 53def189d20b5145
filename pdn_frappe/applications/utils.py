"""Shared helpers of the Applications module: French messages, open calls, site language.

The rules live in :mod:`pdn_frappe.domain.applications`; this module loads what they need from the
database and turns their error codes into French messages.
"""

import frappe
from frappe import _
from frappe.utils import escape_html, format_date, get_url, getdate, nowdate

from pdn_frappe import exceptions
from pdn_frappe.mail import in_site_language, site_language  # noqa: F401 (used as utils.*)
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain import privacy as privacy_rules
from pdn_frappe.domain.validation import DomainValidationError
from pdn_frappe.network import privacy
from pdn_frappe.settings import get_settings

APPLICATION = "PdN Application"
CALL = "PdN Application Call"
WEB_FORM = "candidature"
CALLS_PAGE = "/appels-a-candidatures"


# ------------------------------------------------------------------ language


def use_site_language_for_guests() -> None:
	"""Public pages of the app speak the site's language unless the visitor chose another one.

	Frappe follows the browser's Accept-Language header for guests; the application form is meant
	for French structures, so only an explicit choice (``_lang`` or the language cookie) wins.
	"""
	if frappe.session.user != "Guest" or frappe.form_dict.get("_lang"):
		return
	request = getattr(frappe.local, "request", None)
	if request is not None and request.cookies.get("preferred_language"):
		return
	frappe.local.lang = site_language()


# ------------------------------------------------------------------ calls


def calls_with_departments(filters: dict | None = None) -> list[frappe._dict]:
	"""Calls (any status unless filtered) with the list of departments each one covers."""
	calls = frappe.get_all(
		CALL,
		filters=filters or {},
		fields=["name", "title", "status", "opening_date", "closing_date", "department"],
		order_by="closing_date asc, name asc",
	)
	others: dict[str, list[str]] = {}
	if calls:
		for row in frappe.get_all(
			"PdN Application Call Department",
			filters={"parenttype": CALL, "parent": ("in", [c.name for c in calls])},
			fields=["parent", "department"],
			order_by="idx asc",
		):
			others.setdefault(row.parent, []).append(row.department)
	for call in calls:
		call.departments = rules.call_departments(call.department, others.get(call.name, []))
	return calls


def open_calls(today=None) -> list[frappe._dict]:
	today = getdate(today or nowdate())
	return [
		c
		for c in calls_with_departments({"status": rules.CALL_OPEN})
		if rules.call_is_open(c.status, c.opening_date, c.closing_date, today)
	]


def department_name(code: str | None) -> str:
	if not code:
		return ""
	return frappe.db.get_value("PdN Department", code, "department_name") or code


def pick_call(department: str, requested: str | None = None) -> str:
	"""The open call an application to ``department`` belongs to, or a French error."""
	calls = calls_with_departments({"name": requested} if requested else {"status": rules.CALL_OPEN})
	try:
		return rules.pick_call(calls, department, getdate(nowdate()), requested)
	except DomainValidationError as error:
		frappe.throw(
			call_error_message(error.code, department, requested),
			exc=exceptions.ApplicationCallClosedError,
			title=_("No open call for applications"),
		)


def call_error_message(code: str, department: str, call: str | None) -> str:
	page = '<a href="{0}">{0}</a>'.format(get_url(CALLS_PAGE))
	if code == "call_not_for_department":
		return _("The call for applications {0} does not cover the department {1}.").format(
			frappe.bold(escape_html(call_title(call))), frappe.bold(escape_html(department_name(department)))
		)
	if code == "call_closed" and call and frappe.db.exists(CALL, call):
		opening, closing = frappe.db.get_value(CALL, call, ["opening_date", "closing_date"])
		return _(
			"The call for applications {0} does not accept applications any more: it was open from {1} to {2}. See the open calls on {3}."
		).format(frappe.bold(escape_html(call_title(call))), format_date(opening), format_date(closing), page)
	return _(
		"No call for applications is open in the department {0} today. See the open calls on {1}."
	).format(frappe.bold(escape_html(department_name(department))), page)


def call_title(call: str | None) -> str:
	if not call:
		return ""
	return frappe.db.get_value(CALL, call, "title") or call


# ------------------------------------------------------------------ links


def correction_url(token: str) -> str:
	"""The applicant's private link to correct their application (the token is never stored)."""
	return frappe.utils.get_url(f"/{WEB_FORM}/new?correction={token}")


# ------------------------------------------------------------------ field errors


def field_label(fieldname: str) -> str:
	meta = frappe.get_meta(APPLICATION)
	if fieldname == "networks":
		return _("Social networks")
	if fieldname == "public_12_17":
		return _("Publics")
	return _(meta.get_label(fieldname))


def field_error_message(error: rules.FieldError, max_attachment_mb: int | None = None) -> str:
	"""French sentence for one problem of the application form."""
	label = field_label(error.fieldname)
	code = error.code
	if code == privacy_rules.WARNING_CODE:  # the value holds the kinds found, never the fragment
		return _(
			"{0}: write no young person's contact details or network handle here; this text holds {1}. Your own contact details go in the contact fields."
		).format(label, privacy.kinds_text(error.value.split(",")))
	value = frappe.bold(escape_html(error.value)) if error.value else ""
	if code == "required":
		return _("{0}: this field is required.").format(label)
	if code == "invalid_email":
		return _("{0}: {1} is not a valid e-mail address.").format(label, value)
	if code == "invalid_phone":
		return _("{0}: {1} is not a valid French phone number (10 digits, such as 04 70 12 34 56).").format(
			label, value
		)
	if code == "invalid_siret":
		return _(
			"{0}: {1} is not a valid SIRET number. A SIRET has 14 digits and its check digit must be right."
		).format(label, value)
	if code == "invalid_postcode":
		return _("{0}: {1} is not a valid French postcode (5 digits).").format(label, value)
	if code == "postcode_department_mismatch":
		return _("{0}: {1} is not in the chosen department. Check the postcode or the department.").format(
			label, value
		)
	if code == "too_long":
		return _("{0}: the text is too long ({1} characters at most).").format(label, error.value)
	if code == "invalid_choice":
		return _("{0}: {1} is not one of the proposed choices.").format(label, value)
	if code == "no_network":
		return _("{0}: choose at least one social network, or describe another one.").format(label)
	if code == "no_public":
		return _("{0}: tick at least one public.").format(label)
	if code == "other_text_missing":
		return _("{0}: please specify.").format(label)
	if code == "charter_not_acknowledged":
		return _("{0}: tick this box; the charter must be read and accepted.").format(label)
	if code == "attachment_required":
		return _("{0}: attach this document (PDF, JPEG or PNG).").format(label)
	if code == "attachment_type":
		return _("{0}: the file {1} is not accepted. Attach a PDF, JPEG or PNG file.").format(label, value)
	if code == "attachment_too_large":
		size_mb = frappe.format_value(
			int(error.value or 0) / (1024 * 1024), {"fieldtype": "Float", "precision": 1}
		)
		return _("{0}: the file is too large ({1} MB); the limit is {2} MB.").format(
			label, size_mb, max_attachment_mb or get_settings().max_attachment_mb
		)
	if code in ("attachment_empty", "attachment_unreadable"):
		return _("{0}: the file {1} could not be read. Attach it again.").format(label, value)
	return _("{0}: invalid value {1}.").format(label, value)


def throw_field_errors(errors: list[rules.FieldError], max_attachment_mb: int | None = None) -> None:
	"""Raise one French message that lists every invalid field; JS highlights ``invalid_fields``."""
	if not errors:
		return
	fieldnames = []
	for error in errors:
		if error.fieldname not in fieldnames:
			fieldnames.append(error.fieldname)
	frappe.local.response["invalid_fields"] = fieldnames
	items = "".join(f"<li>{field_error_message(e, max_attachment_mb)}</li>" for e in errors)
	frappe.throw(
		_("Please check the following answers; nothing has been saved yet:") + f"<ul>{items}</ul>",
		exc=exceptions.InvalidApplicationError,
		title=_("Your application is incomplete"),
	)
