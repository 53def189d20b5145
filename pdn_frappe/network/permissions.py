"""Permission rules that User Permissions alone cannot express.

Registered in ``hooks.py``. Department scoping itself is done by User
Permissions (see :mod:`pdn_frappe.network.access`).
"""

import frappe

from pdn_frappe.network.access import CAF_AGENT, COORDINATOR

CURATORS = {COORDINATOR, CAF_AGENT, "System Manager", "Administrator"}


def _is_curator(user: str) -> bool:
	return bool(CURATORS.intersection(frappe.get_roles(user)))


def resource_referent_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Promeneurs and structure managers only list the referents marked visible to them."""
	user = user or frappe.session.user
	if _is_curator(user):
		return ""
	return "`tabPdN Resource Referent`.`visible_to_promeneurs` = 1"


def resource_referent_has_permission(doc, ptype: str | None = None, user: str | None = None, debug=False):
	user = user or frappe.session.user
	if _is_curator(user):
		return True
	return bool(doc.visible_to_promeneurs)
