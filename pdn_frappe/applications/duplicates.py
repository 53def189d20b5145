"""One application per person and call: the earlier application a new one repeats.

The rule is :func:`pdn_frappe.domain.applications.find_duplicate` (same candidate e-mail and call,
same SIRET or not, withdrawn applications left out). Every application records the one it may
repeat in ``possible_duplicate_of`` when it is recorded, or when its e-mail, SIRET or call change,
so that the coordination filters them in the list. A guest who sends the same application again
(same e-mail, SIRET and call) is told it was already received, and nothing is recorded
(:mod:`pdn_frappe.applications.submission`).
"""

import frappe

from pdn_frappe.applications import utils
from pdn_frappe.domain import applications as rules

#: the fields the rule compares
KEY_FIELDS = ("candidate_email", "siret", "application_call", "department")


def find(doc, leaving: str | None = None) -> rules.DuplicateMatch | None:
	"""The earlier application of the same call and department that ``doc`` repeats, if any
	(``leaving``: an application about to go, left out)."""
	email, _siret = rules.duplicate_key(doc.candidate_email, doc.siret)
	if not (email and doc.application_call and doc.department):
		return None
	filters = {
		"candidate_email": email,
		"application_call": doc.application_call,
		"department": doc.department,
		"name": ("not in", [doc.name or "", leaving or ""]),
		"workflow_state": ("not in", list(rules.DUPLICATE_IGNORED_STATES)),
	}
	if doc.creation:  # only what came before it: two applications never point at each other
		filters["creation"] = ("<", doc.creation)
	earlier = frappe.get_all(
		utils.APPLICATION,
		filters=filters,
		fields=["name", *KEY_FIELDS, "workflow_state"],
		order_by="creation asc",
	)
	return rules.find_duplicate(doc.as_dict(), earlier)


def forget(doc) -> None:
	"""An application that goes (deleted, or erased by the retention job) is nobody's duplicate any
	more: the applications that pointed at it are looked at again, without it."""
	for name in frappe.get_all(utils.APPLICATION, filters={"possible_duplicate_of": doc.name}, pluck="name"):
		other = frappe.get_doc(utils.APPLICATION, name)
		match = find(other, leaving=doc.name)
		frappe.db.set_value(
			utils.APPLICATION,
			name,
			{
				"possible_duplicate_of": match.name if match else None,
				"duplicate_kind": match.kind if match else None,
			},
			update_modified=False,
		)


def set_possible_duplicate(doc) -> None:
	"""Record on ``doc`` the application it may repeat (or nothing when it repeats none)."""
	if not doc.is_new() and not any(doc.has_value_changed(field) for field in KEY_FIELDS):
		return
	match = find(doc)
	doc.possible_duplicate_of = match.name if match else None
	doc.duplicate_kind = match.kind if match else None
