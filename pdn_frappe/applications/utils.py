"""Shared helpers of the Applications module: French messages, open calls, site language.

The rules live in :mod:`pdn_frappe.domain.applications`; this module loads what they need from the
database and gives their error codes the context of their French messages (:mod:`pdn_frappe.errors`).
"""

import frappe
from frappe import _
from frappe.utils import escape_html, get_url, getdate, nowdate

from pdn_frappe import errors, exceptions
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain import privacy as privacy_rules
from pdn_frappe.domain.validation import DomainValidationError
from pdn_frappe.mail import in_site_language, site_language  # noqa: F401 (used as utils.*)
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
		dates = frappe.db.get_value(CALL, requested, ["opening_date", "closing_date"]) if requested else None
		if error.code == "call_closed" and not dates:
			error = DomainValidationError("no_open_call", department)
		opening, closing = dates or (None, None)
		errors.throw(
			error,
			department=department_name(department),
			call=call_title(requested),
			opening=opening,
			closing=closing,
			calls_page='<a href="{0}">{0}</a>'.format(escape_html(get_url(CALLS_PAGE))),
		)


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
	"""French sentence for one problem of the application form (the table of :mod:`pdn_frappe.errors`)."""
	kinds = error.value.split(",") if error.code == privacy_rules.WARNING_CODE else ()
	return errors.message(
		errors.FORM,
		error.code,
		(error.value,),
		label=field_label(error.fieldname),
		kinds=privacy.kinds_text(kinds),  # the kinds found, never the fragment
		max_mb=max_attachment_mb
		or (get_settings().max_attachment_mb if error.code == "attachment_too_large" else ""),
	)


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
