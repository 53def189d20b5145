"""Bridges between the rules of :mod:`pdn_frappe.domain.animation` and Frappe documents.

The domain raises :class:`~pdn_frappe.domain.animation.AnimationError` with a stable code; this
module turns it into a French message raised with the app's own exception class, and holds the
small lookups the animation doctypes share.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import format_datetime

from pdn_frappe import exceptions
from pdn_frappe.domain.animation import AnimationError
from pdn_frappe.network import scope

_ERRORS = {
	"training_full": exceptions.TrainingFullError,
	"training_started": exceptions.RegistrationError,
	"training_cancelled": exceptions.RegistrationError,
	"registration_closed": exceptions.RegistrationError,
	"already_registered": exceptions.RegistrationError,
	"not_registered": exceptions.RegistrationError,
	"over_capacity": exceptions.TrainingFullError,
	"ends_before_start": exceptions.InvalidTrainingError,
	"not_an_attendee": exceptions.NotAnAttendeeError,
	"invalid_hours": exceptions.InvalidActivityError,
}


def _message(error: AnimationError) -> str:
	value = error.value
	if error.code == "training_full":
		return _("This training is full: its {0} seats are taken.").format(frappe.bold(value))
	if error.code == "training_started":
		return _("Registration is no longer possible: the training started on {0}.").format(
			frappe.bold(format_datetime(value))
		)
	if error.code == "over_capacity":
		return _("{0} participants are registered or attended, but the training has {1} seats.").format(
			frappe.bold(value[0]), frappe.bold(value[1])
		)
	if error.code == "invalid_hours":
		return _("Hours: {0} is not possible for one activity (more than 0 and at most 24).").format(
			frappe.bold(value if value is not None else "")
		)
	messages = {
		"training_cancelled": _("This training was cancelled."),
		"registration_closed": _("Registration for this training is closed."),
		"already_registered": _("You are already registered for this training."),
		"not_registered": _("You are not registered for this training."),
		"ends_before_start": _("The end of the training must come after its start."),
		"not_an_attendee": _("Only the promeneurs who attended a training can give feedback on it."),
	}
	return messages.get(error.code, error.code)


def run_rule(rule, *args, **kwargs):
	"""Call a domain rule; turn its :class:`AnimationError` into a French message."""
	try:
		return rule(*args, **kwargs)
	except AnimationError as error:
		frappe.throw(
			_message(error),
			exc=_ERRORS.get(error.code, exceptions.PdnValidationError),
			title=_("Not possible"),
		)


def promeneur_of(user: str | None = None, throw: bool = True) -> str | None:
	"""The PdN Promeneur record whose login is ``user`` (the session user by default)."""
	user = user or frappe.session.user
	name = frappe.db.get_value("PdN Promeneur", {"user": user}, "name")
	if not name and throw:
		frappe.throw(
			_("Only a promeneur can do this: your login is not linked to a promeneur record."),
			exc=exceptions.NotAPromeneurError,
			title=_("Not possible"),
		)
	return name


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


def doctype_exists(doctype: str) -> bool:
	"""Whether a doctype of another module is installed on this site (it may not be yet)."""
	return bool(frappe.db.exists("DocType", doctype))


def allowed_departments(department: str | None = None) -> list[str]:
	"""Departments the session user may see (their scope), or only ``department``."""
	allowed = scope.allowed_departments()
	if allowed is None:
		names = frappe.get_all("PdN Department", pluck="name", order_by="name asc")
	else:
		names = sorted(allowed)
	if department:
		return [department] if department in names else []
	return names


@frappe.whitelist()
def default_department() -> str | None:
	"""The department a new record of the session user belongs to, when only one is possible."""
	promeneur = promeneur_of(throw=False)
	if promeneur:
		return frappe.db.get_value("PdN Promeneur", promeneur, "department")
	names = frappe.get_list("PdN Department", pluck="name", limit_page_length=2)
	if len(names) == 1:
		return names[0]
	return None
