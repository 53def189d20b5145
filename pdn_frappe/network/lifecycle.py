"""The promeneur's lifecycle on the site: every change of status goes through here.

The rules are :mod:`pdn_frappe.domain.lifecycle`: which moves are allowed, which need a reason and
what each entails. This module applies them to a ``PdN Promeneur`` being saved (desk, REST,
committee decisions, conventions, structures, scheduler: every caller saves the record, or calls
:func:`change_status`), keeps the status history and carries out what the move entails:

- the role and the scope follow the registry (:mod:`pdn_frappe.network.access`): *Left* and
  *Excluded* lose them, *Suspended* keeps a read-only access to the promeneur's own record;
- *Left* and *Excluded* disable the login unless it serves another role;
- the public page is decided at render time (:func:`is_listed`), so it goes at once;
- other modules react through the ``PdN Promeneur`` doc events of ``hooks.py`` (trainings cancel
  upcoming registrations) and read ``doc.flags.status_transition``.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from pdn_frappe import errors, roles
from pdn_frappe.domain import lifecycle as rules

PROMENEUR = "PdN Promeneur"


def apply_status_change(doc) -> None:
	"""``validate`` of PdN Promeneur: check a change of status, date it and write its history.

	A record created directly in a status (import, demo) keeps the dates it brings.
	"""
	before = doc.get_doc_before_save()
	previous = before.status if before else None
	if before is not None and previous == doc.status:
		return
	reason = doc.status_reason
	if before is not None and (reason or "") == (before.status_reason or ""):
		reason = None  # the reason of an earlier change does not explain this one
	if before is None and not reason and doc.status in rules.REASON_REQUIRED:
		reason = _("Status recorded when the record was created")
	try:
		move = rules.transition(
			previous,
			doc.status,
			on=getdate(doc.flags.status_changed_on or nowdate()),
			reason=reason,
			author=frappe.session.user,
			reason_code=doc.flags.status_reason_code or rules.REASON_MANUAL,
		)
	except rules.LifecycleError as error:
		errors.throw(error)
	for fieldname, value in move.values(doc.as_dict()).items():
		if before is not None or not doc.get(fieldname):
			doc.set(fieldname, value)
	doc.append("status_history", move.history_row())
	doc.flags.status_transition = move


def carry_out(doc) -> None:
	"""``on_update`` of PdN Promeneur, after the access follows the registry: the login."""
	move = doc.flags.status_transition
	if not move or not doc.user:
		return
	if move.effects.login == rules.LOGIN_DISABLE:
		disable_login_unless_needed(doc.user)
	elif move.status_from in rules.ENDED_STATUSES:
		set_login_enabled(doc.user, True)


def disable_login_unless_needed(user: str) -> None:
	"""Disable a former promeneur's login unless it serves another role (and end its sessions)."""
	if user in ("Administrator", "Guest"):
		return
	other = set(frappe.get_roles(user)) - set(roles.BASIC_ROLES) - {roles.PROMENEUR_ROLE}
	if other:
		return
	if not frappe.db.get_value("User", user, "enabled"):
		return
	set_login_enabled(user, False)


def set_login_enabled(user: str, enabled: bool) -> None:
	"""Enable or disable a login the app manages, ending its sessions when it is disabled."""
	frappe.db.set_value("User", user, "enabled", 1 if enabled else 0)
	# as User.validate would: its notification settings follow (and no later save toggles them)
	if frappe.db.exists("Notification Settings", user):
		frappe.db.set_value("Notification Settings", user, "enabled", 1 if enabled else 0)
	frappe.clear_cache(user=user)
	if not enabled:
		frappe.sessions.clear_sessions(user=user, force=True)


def change_status(
	promeneur: str,
	target: str,
	reason: str,
	reason_code: str = rules.REASON_MANUAL,
	on=None,
) -> bool:
	"""Move a promeneur to ``target`` on the app's behalf (conventions, structures, committees).

	Returns whether the promeneur moved; a move the rules refuse raises a French error.
	"""
	doc = frappe.get_doc(PROMENEUR, promeneur)
	if doc.status == target:
		return False
	doc.status = target
	doc.status_reason = reason
	doc.flags.status_reason_code = reason_code
	doc.flags.status_changed_on = on
	doc.flags.ignore_permissions = True
	doc.save()
	return True


# ---------------------------------------------------------------- structures


def close_structure(structure, reason: str | None = None) -> list[str]:
	"""A structure that closes suspends its candidates' and promeneurs' mandate."""
	rows = frappe.get_all(PROMENEUR, filters={"structure": structure.name}, fields=["name", "status"])
	reason = reason or _("The structure {0} closed.").format(structure.structure_name)
	moved = []
	for name, target in rules.structure_closing_moves(rows):
		if change_status(name, target, reason, rules.REASON_STRUCTURE_CLOSED):
			moved.append(name)
	return moved


def is_listed(status: str, consent, structure_has_active_convention: bool) -> bool:
	"""The directory's rule, at render time."""
	return rules.is_listed(status, bool(consent), structure_has_active_convention)
