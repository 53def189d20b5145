"""What a promeneur may do with practice notes, beyond their department's scope.

A second ``has_permission`` hook of the doctype, beside the scope's (hooks.py): it only ever
denies (False) or leaves the decision to the scope (None), never grants.
The coordination (coordinators, CAF agents, system managers) handles every note of its
department; a promeneur reads the published notes of their department and their own notes, and
may change or delete only their own drafts. Hooks can only take permissions away: what a role may
not do at all is set on the doctype.
"""

import frappe

from pdn_frappe import roles

DRAFT = "Draft"
PUBLISHED = "Published"
READ_TYPES = frozenset({"read", "select", "print", "email", "report", "export", "share"})
CURATORS = {roles.COORDINATOR, roles.CAF_AGENT, "System Manager", "Administrator"}


def _is_curator(user: str) -> bool:
	return user == "Administrator" or bool(CURATORS.intersection(frappe.get_roles(user)))


def practice_note_has_permission(doc, ptype: str | None = None, user: str | None = None, debug=False):
	user = user or frappe.session.user
	if _is_curator(user) or _allows(doc, ptype, user):
		return None
	return False


def _allows(doc, ptype: str | None, user: str) -> bool:
	own = doc.owner == user or doc.is_new()
	if ptype in READ_TYPES or ptype is None:
		return own or doc.workflow_state == PUBLISHED
	if ptype == "create" or (own and doc.is_new()):
		return True
	if not own:
		return False
	# the state as stored, not as the form sends it: a submitted note is the coordination's
	stored = frappe.db.get_value("PdN Practice Note", doc.name, "workflow_state")
	return stored in (None, "", DRAFT)
