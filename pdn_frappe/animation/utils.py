"""Small lookups the animation doctypes share.

The rules of :mod:`pdn_frappe.domain.animation` raise
:class:`~pdn_frappe.domain.animation.AnimationError`; the doctypes call them through
:func:`pdn_frappe.errors.checked`, which throws them in French.
"""

from __future__ import annotations

import frappe
from frappe import _

from pdn_frappe import exceptions
from pdn_frappe.network import scope
from pdn_frappe.network.utils import department_team  # noqa: F401 (its home is the registry)


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
