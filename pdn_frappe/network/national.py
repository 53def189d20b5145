"""Each promeneur's registration on the national site, kept in step with the public directory.

The rule is :func:`pdn_frappe.domain.national.next_status`. It runs when a promeneur is saved
(:func:`apply`, from the controller's ``validate``: a change of status, consent, structure or of a
detail the national site shows), when a convention changes (:func:`sync_convention`: a structure's
promeneurs enter or leave the directory without being saved) and every day (:func:`sync`: a
convention's end date passes). The coordination marks what it did on the national site with
:func:`mark_done` (the promeneur's button, or the list's bulk action).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import nowdate

from pdn_frappe import errors
from pdn_frappe.domain import national as rules
from pdn_frappe.network import directory, lifecycle

PROMENEUR = "PdN Promeneur"
FIELD = "national_registration"


def apply(doc) -> None:
	"""``validate`` of PdN Promeneur: move the registration with the listing and the shown details."""
	listed = lifecycle.is_listed(
		doc.status, doc.directory_consent, directory.structure_in_force(doc.structure)
	)
	changed = rules.shown_details_changed(doc.get_doc_before_save(), doc)
	doc.set(FIELD, errors.checked(rules.next_status, doc.get(FIELD), listed, changed))


def sync(structures: list[str] | None = None) -> int:
	"""Move the registrations the directory's listing changed without a save; returns how many moved."""
	listed = set(directory.listed_names(structures))
	# a removed promeneur moves only when listed again (then among ``listed``)
	filters = {FIELD: ("in", [status for status in rules.STATUSES if status != rules.REMOVED])}
	if structures is not None:
		filters["structure"] = ("in", structures or [""])
	rows = {row.name: row for row in frappe.get_all(PROMENEUR, filters=filters, fields=["name", FIELD])}
	missing = sorted(listed - set(rows))
	if missing:
		for row in frappe.get_all(PROMENEUR, filters={"name": ("in", missing)}, fields=["name", FIELD]):
			rows[row.name] = row
	moved = 0
	for row in rows.values():
		target = rules.next_status(row.get(FIELD), row.name in listed)
		if target != (row.get(FIELD) or rules.NONE):
			frappe.db.set_value(PROMENEUR, row.name, FIELD, target, update_modified=False)
			moved += 1
	return moved


def sync_convention(doc, method=None) -> None:
	"""``on_change`` of PdN Convention: its structure's promeneurs may enter or leave the directory."""
	if doc.get("structure"):
		sync([doc.structure])


def mark_done(doc) -> str:
	"""The coordination did on the national site what the registration asked: Registered or Removed."""
	if not doc.has_permlevel_access_to(FIELD, permission_type="write"):
		frappe.throw(
			_("Only the coordination marks the registration on the national site."), frappe.PermissionError
		)
	target = errors.checked(rules.done, doc.get(FIELD))
	doc.set(FIELD, target)
	if target == rules.REGISTERED:
		doc.national_registered_on = nowdate()
	doc.save()
	return target


@frappe.whitelist(methods=["POST"])
def mark_done_for(names: str | list) -> int:
	"""The list's bulk action: mark done each promeneur the user may change (others are refused)."""
	names = frappe.parse_json(names) if isinstance(names, str) else names
	if not isinstance(names, list):
		frappe.throw(_("Choose the promeneurs to mark."), frappe.ValidationError)
	done = 0
	for name in dict.fromkeys(str(name) for name in names):
		doc = frappe.get_doc(PROMENEUR, name)
		doc.check_permission("write")
		mark_done(doc)
		done += 1
	return done
