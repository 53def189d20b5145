"""Permission rules of the animation doctypes that roles and User Permissions cannot express.

Registered in ``hooks.py``. Department scoping is done by User Permissions (a promeneur, a
coordinator or a CAF agent only ever sees the records of their own department).

Practice notes: the coordination (coordinators, CAF agents, system managers) sees every note of
its department; a promeneur reads the published notes of their department and their own notes,
and may change or delete only their own drafts. Hooks can only take permissions away: what a
role may not do at all is set on the doctype.
"""

import frappe

from pdn_frappe.network.permissions import CURATORS

DRAFT = "Draft"
PUBLISHED = "Published"
READ_TYPES = frozenset({"read", "print", "email", "report", "export", "share"})


def _is_curator(user: str) -> bool:
	return bool(CURATORS.intersection(frappe.get_roles(user)))


def practice_note_query(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if _is_curator(user):
		return ""
	return (
		f"(`tabPdN Practice Note`.`workflow_state` = {frappe.db.escape(PUBLISHED)} "
		f"or `tabPdN Practice Note`.`owner` = {frappe.db.escape(user)})"
	)


def practice_note_has_permission(doc, ptype: str | None = None, user: str | None = None, debug=False):
	user = user or frappe.session.user
	if _is_curator(user):
		return True
	own = doc.owner == user or doc.is_new()
	if ptype in READ_TYPES or ptype is None:
		return own or doc.workflow_state == PUBLISHED
	if ptype == "create":
		return True
	if not own:
		return False
	if doc.is_new():
		return True
	# the state as stored, not as the form sends it: a submitted note is the coordination's
	stored = frappe.db.get_value("PdN Practice Note", doc.name, "workflow_state")
	return stored in (None, "", DRAFT)
