"""A promeneur becomes active once their charter is signed and their structure has an active convention.

Registered in ``hooks.py``: :func:`check_promeneur_activation` runs when a promeneur is saved;
signing a charter or activating a convention calls :func:`activate_promeneur` /
:func:`activate_promeneurs_of`, which move waiting candidates to Active.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_link_to_form, getdate, nowdate

from pdn_frappe import exceptions, mail
from pdn_frappe.domain import conventions as rules
from pdn_frappe.domain import lifecycle as lifecycle_rules
from pdn_frappe.network import lifecycle

CONVENTION = "PdN Convention"
CHARTER = "PdN Charter Signature"
PROMENEUR = "PdN Promeneur"
ACTIVE = "Active"
CANDIDATE = "Candidate"


def signed_charter(promeneur: str, structure: str | None = None) -> dict | None:
	"""The promeneur's latest signed charter (for ``structure`` when given)."""
	filters = {"promeneur": promeneur, "docstatus": 1}
	if structure:
		filters["structure"] = structure
	rows = frappe.get_all(
		CHARTER, filters=filters, fields=["name", "signed_on"], order_by="signed_on desc", limit=1
	)
	return rows[0] if rows else None


def active_convention(structure: str | None) -> dict | None:
	if not structure:
		return None
	rows = frappe.get_all(
		CONVENTION,
		filters={"structure": structure, "status": rules.ACTIVE},
		fields=["name", "start_date", "end_date"],
		order_by="end_date desc",
		limit=1,
	)
	return rows[0] if rows else None


def blocker_messages(promeneur, charter, convention) -> list[str]:
	messages = {
		"charter_not_signed": _("the charter is not signed"),
		"no_active_convention": _("the structure {0} has no active convention").format(
			frappe.bold(frappe.db.get_value("PdN Structure", promeneur.structure, "structure_name") or "")
		),
	}
	return [messages[code] for code in rules.activation_blockers(bool(charter), bool(convention))]


def check_promeneur_activation(doc, method=None) -> None:
	"""``validate`` of PdN Promeneur: refuse to make an existing promeneur active too early.

	Records created already active (imports of an existing network) are left alone.
	"""
	if doc.status != ACTIVE or doc.is_new():
		return
	before = doc.get_doc_before_save()
	if not before or before.status == ACTIVE:
		return
	charter = signed_charter(doc.name, doc.structure)
	convention = active_convention(doc.structure)
	blockers = blocker_messages(doc, charter, convention)
	if blockers:
		frappe.throw(
			_("{0} cannot become active yet: {1}.").format(frappe.bold(doc.full_name), "; ".join(blockers)),
			exc=exceptions.PromeneurActivationError,
			title=_("Not active yet"),
		)


def activate_promeneur(name: str) -> bool:
	"""Move a candidate to Active when both conditions hold; return whether it moved."""
	promeneur = frappe.get_doc(PROMENEUR, name)
	if promeneur.status != CANDIDATE:
		return False
	if not (signed_charter(name, promeneur.structure) and active_convention(promeneur.structure)):
		return False
	promeneur.status = ACTIVE
	promeneur.flags.ignore_permissions = True
	promeneur.save()
	frappe.msgprint(
		_("{0} is now an active promeneur.").format(get_link_to_form(PROMENEUR, name, promeneur.full_name)),
		indicator="green",
		alert=True,
	)
	return True


def activate_promeneurs_of(structure: str) -> list[str]:
	"""Activate the structure's candidates whose charter is signed (its convention just became active)."""
	charter = frappe.qb.DocType(CHARTER)
	promeneur = frappe.qb.DocType(PROMENEUR)
	candidates = (
		frappe.qb.from_(promeneur)
		.join(charter)
		.on((charter.promeneur == promeneur.name) & (charter.structure == promeneur.structure))
		.select(promeneur.name)
		.distinct()
		.where(
			(promeneur.structure == structure) & (promeneur.status == CANDIDATE) & (charter.docstatus == 1)
		)
	).run(pluck=True)
	return [name for name in candidates if activate_promeneur(name)]


@frappe.whitelist()
def activation_state(promeneur: str) -> dict:
	"""Whether a promeneur's charter is signed and their structure has an active convention."""
	frappe.has_permission(PROMENEUR, "read", doc=promeneur, throw=True)
	return activation_state_of(promeneur)


def activation_state_of(promeneur: str | None) -> dict:
	"""Same as :func:`activation_state` without the permission check (for a form's onload)."""
	if not promeneur:
		return {}
	structure, status = frappe.db.get_value(PROMENEUR, promeneur, ["structure", "status"]) or (None, None)
	return {
		"status": status,
		"charter": signed_charter(promeneur, structure),
		"convention": active_convention(structure),
	}


# ---------------------------------------------------------------- the convention's end reaches its promeneurs


def on_convention_status(convention) -> None:
	"""``on_update`` of PdN Convention: its promeneurs follow a change of its status.

	Active: waiting candidates become active and those suspended because an earlier convention
	ended come back if their charter is signed. Expired or terminated: the structure's active
	promeneurs are suspended unless another active convention still covers them; the structure's
	managers and the department's coordination are told.
	"""
	before = convention.get_doc_before_save()
	previous = before.status if before else None
	if convention.status == previous:
		return
	if convention.status == rules.ACTIVE:
		activate_promeneurs_of(convention.structure)
		restore_promeneurs_of(convention)
	elif convention.status in (rules.EXPIRED, rules.TERMINATED):
		suspended = suspend_promeneurs_of(convention)
		if suspended:
			notify_suspensions(convention, suspended)


def suspend_promeneurs_of(convention) -> list[str]:
	other = frappe.get_all(
		CONVENTION,
		filters={"structure": convention.structure, "status": rules.ACTIVE, "name": ("!=", convention.name)},
		fields=["status", "start_date", "end_date"],
	)
	covered = lifecycle_rules.has_active_convention_on(other, getdate(nowdate()))
	reason = _("The convention {0} of the structure ended ({1}).").format(convention.name, _(convention.status))
	suspended = []
	for row in frappe.get_all(PROMENEUR, filters={"structure": convention.structure}, fields=["name", "status"]):
		if lifecycle_rules.suspension_for_convention_end(row.status, covered) and lifecycle.change_status(
			row.name, lifecycle_rules.SUSPENDED, reason, lifecycle_rules.REASON_CONVENTION_ENDED
		):
			suspended.append(row.name)
	return suspended


def restore_promeneurs_of(convention) -> list[str]:
	rows = frappe.get_all(
		PROMENEUR,
		filters={"structure": convention.structure, "status": lifecycle_rules.SUSPENDED},
		fields=["name", "status", "status_reason_code"],
	)
	reason = _("The convention {0} of the structure is active.").format(convention.name)
	restored = []
	for row in rows:
		charter = bool(signed_charter(row.name, convention.structure))
		target = lifecycle_rules.restore_after_renewal(row.status, row.status_reason_code, charter)
		if target and lifecycle.change_status(
			row.name, target, reason, lifecycle_rules.REASON_CONVENTION_RENEWED
		):
			restored.append(row.name)
	return restored


def notify_suspensions(convention, promeneurs: list[str]) -> None:
	"""Tell the structure's managers and the department's coordination who was suspended, and why."""
	from pdn_frappe.conventions.alerts import convention_context, recipients

	managers = frappe.get_all(
		"PdN Structure Contact",
		filters={"parent": convention.structure, "parenttype": "PdN Structure", "is_manager": 1},
		pluck="user",
	)
	emails = sorted({*recipients(convention.department), *(user for user in managers if user)})
	names = frappe.get_all(
		PROMENEUR, filters={"name": ("in", promeneurs)}, pluck="full_name", order_by="full_name"
	)
	structure = frappe.db.get_value("PdN Structure", convention.structure, "structure_name") or ""
	mail.send(
		"PdN Convention Ended Suspensions",
		emails,
		convention_context(convention, structure, status=convention.status, promeneurs=names),
		reference_doctype=CONVENTION,
		reference_name=convention.name,
	)
