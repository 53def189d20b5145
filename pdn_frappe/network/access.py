"""Who sees what: roles and User Permissions granted from the network registry.

Scoping uses Frappe's own mechanisms. A coordinator or a CAF agent gets a User
Permission on their ``PdN Department``; a structure manager one on their
``PdN Structure``; a promeneur one on their own ``PdN Promeneur`` record and one
on their department. Every function here is idempotent: calling it twice grants
nothing more.
"""

import frappe
from frappe import _

COORDINATOR = "PdN Coordinator"
CAF_AGENT = "PdN CAF Agent"
STRUCTURE_MANAGER = "PdN Structure Manager"
PROMENEUR = "PdN Promeneur"
NETWORK_ROLES = (COORDINATOR, CAF_AGENT, STRUCTURE_MANAGER, PROMENEUR)


def add_role(user: str, role: str) -> None:
	if role in frappe.get_roles(user):
		return
	user_doc = frappe.get_doc("User", user)
	user_doc.flags.ignore_permissions = True
	user_doc.add_roles(role)


def grant(user: str, allow: str, for_value: str, is_default: bool = False) -> None:
	"""Give ``user`` a User Permission on one record, once."""
	if frappe.db.exists("User Permission", {"user": user, "allow": allow, "for_value": for_value}):
		return
	frappe.get_doc(
		{
			"doctype": "User Permission",
			"user": user,
			"allow": allow,
			"for_value": for_value,
			"apply_to_all_doctypes": 1,
			"is_default": 1 if is_default else 0,
		}
	).insert(ignore_permissions=True)


def revoke(user: str, allow: str, for_value: str) -> None:
	for name in frappe.get_all(
		"User Permission", filters={"user": user, "allow": allow, "for_value": for_value}, pluck="name"
	):
		frappe.delete_doc("User Permission", name, ignore_permissions=True, force=True)


def _department_of_other_roles(user: str, department: str, exclude_promeneur: str | None = None) -> bool:
	"""Whether ``user`` still needs ``department`` for another reason than the record being changed."""
	if frappe.db.exists("PdN Department Member", {"parent": department, "user": user}):
		return True
	filters = {"user": user, "department": department}
	if exclude_promeneur:
		filters["name"] = ("!=", exclude_promeneur)
	return bool(frappe.db.exists("PdN Promeneur", filters))


# ------------------------------------------------------------------ promeneurs


def sync_promeneur_access(doc) -> None:
	"""Grant the promeneur's login its role and its two User Permissions; undo them for a former login."""
	before = doc.get_doc_before_save()
	if before and before.user and (before.user != doc.user or before.department != doc.department):
		revoke(before.user, "PdN Promeneur", doc.name)
		if not _department_of_other_roles(before.user, before.department, exclude_promeneur=doc.name):
			revoke(before.user, "PdN Department", before.department)
	if not doc.user:
		return
	add_role(doc.user, PROMENEUR)
	grant(doc.user, "PdN Promeneur", doc.name, is_default=True)
	grant(doc.user, "PdN Department", doc.department)


def create_promeneur_user(doc, send_welcome_email: bool = True) -> str:
	"""Create (or link, when the e-mail already has one) the promeneur's login."""
	user = frappe.db.get_value("User", {"email": doc.email}, "name")
	if not user:
		user_doc = frappe.get_doc(
			{
				"doctype": "User",
				"email": doc.email,
				"first_name": doc.first_name,
				"last_name": doc.last_name,
				"user_type": "System User",
				"language": frappe.db.get_single_value("System Settings", "language") or "fr",
				"send_welcome_email": 1 if send_welcome_email else 0,
			}
		)
		user_doc.flags.ignore_permissions = True
		user_doc.insert()
		user = user_doc.name
	elif frappe.db.exists("PdN Promeneur", {"user": user, "name": ("!=", doc.name)}):
		frappe.throw(
			_("The login {0} already belongs to another promeneur.").format(frappe.bold(user)),
			title=_("Login already used"),
		)
	return user


# ------------------------------------------------------------------ departments


def sync_department_members(doc) -> None:
	"""Coordinators and CAF agents listed on a department get their role and see that department."""
	before = doc.get_doc_before_save()
	previous = {row.user for row in before.members} if before else set()
	current = {row.user for row in doc.members}
	for row in doc.members:
		add_role(row.user, row.role)
		grant(row.user, "PdN Department", doc.name)
	for user in previous - current:
		if not _needs_department(user, doc.name):
			revoke(user, "PdN Department", doc.name)


# ------------------------------------------------------------------ structures


def sync_structure_managers(doc) -> None:
	"""Contacts with manager access get the structure manager role, limited to this structure.

	A manager also sees their structure's department (its referents, its settings), and nothing of
	another department.
	"""
	managers = {row.user for row in doc.contacts if row.user and row.is_manager}
	for user in managers:
		add_role(user, STRUCTURE_MANAGER)
		grant(user, "PdN Structure", doc.name)
		grant(user, "PdN Department", doc.department)
	granted = frappe.get_all(
		"User Permission", filters={"allow": "PdN Structure", "for_value": doc.name}, pluck="user"
	)
	for user in set(granted) - managers:
		revoke(user, "PdN Structure", doc.name)
		if not _needs_department(user, doc.department):
			revoke(user, "PdN Department", doc.department)


def _needs_department(user: str, department: str) -> bool:
	"""Whether ``user`` still has a reason to see ``department`` (member, promeneur or manager there)."""
	if _department_of_other_roles(user, department):
		return True
	managed = frappe.get_all(
		"User Permission", filters={"user": user, "allow": "PdN Structure"}, pluck="for_value"
	)
	return bool(managed) and bool(
		frappe.db.exists("PdN Structure", {"name": ("in", managed), "department": department})
	)
