"""The promeneur's own directory profile: the ``mon-profil`` web form.

The web form edits one record only, the PdN Promeneur whose login is the user, with the user's own
permissions (the scope hooks refuse any other record). It never creates a record: a user without a
promeneur record is told so, and :func:`guard_web_form` refuses, on the server, any save through the
form of a record that is not the user's own, or a new one.

Above the form, the promeneur sees what the directory shows of them (the card, rendered by the
directory's own template), whether and why it is published, its link, and the network profiles that
break the charter's identification rule (:func:`pdn_frappe.domain.directory.identification_warnings`).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_url

from pdn_frappe.domain import directory as rules
from pdn_frappe.domain import lifecycle
from pdn_frappe.exceptions import OutOfScopeError
from pdn_frappe.network import directory

ROUTE = "mon-profil"
DOCTYPE = "PdN Promeneur"
TEMPLATE = "templates/includes/pdn_my_profile.html"


def own_promeneur(user: str | None = None) -> str | None:
	"""The promeneur record whose login is ``user`` (the session user by default)."""
	user = user or frappe.session.user
	if user == "Guest":
		return None
	rows = frappe.get_all(
		DOCTYPE, filters={"user": user}, fields=["name", "status"], order_by="modified desc"
	)
	current = [row.name for row in rows if row.status not in lifecycle.ENDED_STATUSES]
	return (current or [row.name for row in rows] or [None])[0]


def no_promeneur_message() -> str:
	return _(
		"Your login is not linked to a promeneur record: this page is for Promeneurs du Net only. "
		"If you are one, ask your departmental coordination to link your access."
	)


def identification_messages(first_name: str, structure_name: str, profiles: list[dict]) -> list[str]:
	"""One French sentence per network profile that breaks the charter's identification rule."""
	messages = []
	for warning in rules.identification_warnings(first_name, structure_name, profiles):
		if rules.MISSING_PROFILE_NAME in warning["missing"]:
			messages.append(
				_("Profile {0} on {1}: the profile name is empty.").format(warning["idx"], warning["network"])
			)
			continue
		no_first_name = rules.MISSING_FIRST_NAME in warning["missing"]
		no_structure = rules.MISSING_STRUCTURE in warning["missing"]
		if no_first_name and no_structure:
			message = _(
				"The profile name «{0}» on {1} shows neither your first name ({2}) nor your structure ({3})."
			)
		elif no_first_name:
			message = _("The profile name «{0}» on {1} does not show your first name ({2}).")
		else:
			message = _("The profile name «{0}» on {1} does not show your structure ({3}).")
		messages.append(
			message.format(warning["profile_name"], warning["network"], first_name, structure_name)
		)
	return messages


def listing_message(reason: str | None, status: str | None) -> str:
	if reason is None:
		return _("Your profile is in the public directory.")
	if reason == rules.NOT_LISTED_STATUS:
		return _(
			"You do not appear in the public directory: only active promeneurs do (your status: {0})."
		).format(_(status or ""))
	if reason == rules.NOT_LISTED_CONSENT:
		return _("You do not appear in the public directory: tick the consent box below to appear in it.")
	return _("You do not appear in the public directory: your structure has no convention in force today.")


def profile_summary(name: str) -> dict:
	"""What the page shows above the form for the promeneur ``name``."""
	values = frappe.db.get_value(
		DOCTYPE, name, ["first_name", "structure", "status", "directory_consent", "photo"], as_dict=True
	)
	structure_name = (
		frappe.db.get_value("PdN Structure", values.structure, "structure_name") if values.structure else ""
	)
	profiles = frappe.get_all(
		"PdN Network Profile",
		filters={"parent": name, "parenttype": DOCTYPE, "parentfield": "network_profiles"},
		fields=["social_network", "profile_name"],
		order_by="idx",
	)
	reason = rules.not_listed_reason(
		values.status, values.directory_consent, directory.structure_in_force(values.structure)
	)
	return {
		"no_promeneur": False,
		"listed": reason is None,
		"listing_message": listing_message(reason, values.status),
		"public_url": get_url("/" + rules.profile_route(name)),
		"warnings": identification_messages(values.first_name or "", structure_name or "", profiles),
		"preview": directory.preview_profile(name),
		"private_photo": bool(values.photo) and not rules.public_file(values.photo),
	}


def render_summary(summary: dict) -> str:
	return frappe.render_template(TEMPLATE, {"summary": summary})


# ------------------------------------------------------------------ the web form's server guard


def is_profile_form_request() -> bool:
	return bool(frappe.flags.in_web_form) and frappe.form_dict.get("web_form") == ROUTE


def guard_web_form(doc, method: str | None = None) -> None:
	"""``before_validate`` of PdN Promeneur: the ``mon-profil`` form saves the user's own record only."""
	if not is_profile_form_request():
		return
	if doc.is_new() or frappe.db.get_value(DOCTYPE, doc.name, "user") != frappe.session.user:
		frappe.throw(
			_("This form only changes your own promeneur profile."),
			exc=OutOfScopeError,
			title=_("Not allowed"),
		)
