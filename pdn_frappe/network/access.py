"""Roles and User Permissions follow the registry.

A user holds a network role only while the registry gives a reason for it: a department team
lists them (coordinator, CAF agent), a structure contact gives them manager access, or a
promeneur record whose status keeps access names them as its login. :func:`sync_user` reconciles
one user with those reasons, both ways: it grants what is missing and withdraws what no longer
has a reason, roles included. User Permissions are kept as a second layer (they also preset the
department of new records); the scope itself is :mod:`pdn_frappe.network.scope`, which reads the
registry directly and fails closed.
"""

import frappe
from frappe import _

from pdn_frappe import roles
from pdn_frappe.exceptions import LoginNotLinkableError
from pdn_frappe.network import scope

SCOPE_DOCTYPES = ("PdN Department", "PdN Structure", "PdN Promeneur")
SKIPPED_USERS = ("Administrator", "Guest")


def add_role(user: str, role: str) -> None:
	if role in frappe.get_roles(user):
		return
	user_doc = frappe.get_doc("User", user)
	user_doc.flags.ignore_permissions = True
	user_doc.add_roles(role)


def sync_user(user: str | None) -> None:
	"""Give ``user`` exactly the network roles and User Permissions the registry justifies."""
	if not user or user in SKIPPED_USERS or not frappe.db.exists("User", user):
		return
	reasons = scope.registry_reasons(user)
	_sync_roles(user, reasons.network_roles())
	_sync_user_permissions(user, _wanted_permissions(reasons))
	scope.clear_cache()


def sync_users(*users) -> None:
	for user in sorted({user for user in users if user}):
		sync_user(user)


def _sync_roles(user: str, wanted: set[str]) -> None:
	held = set(frappe.get_roles(user)).intersection(roles.NETWORK_ROLES)
	if held == wanted:
		return
	user_doc = frappe.get_doc("User", user)
	user_doc.flags.ignore_permissions = True
	if wanted - held:
		user_doc.add_roles(*sorted(wanted - held))
	if held - wanted:
		user_doc.remove_roles(*sorted(held - wanted))


def _wanted_permissions(reasons: scope.Reasons) -> dict[tuple[str, str], bool]:
	"""(doctype, record) -> is_default, for every record the user's reasons open."""
	wanted: dict[tuple[str, str], bool] = {}
	for departments in reasons.departments.values():
		for department in departments:
			wanted[("PdN Department", department)] = False
	for structure, department in reasons.managed.items():
		wanted[("PdN Structure", structure)] = False
		wanted[("PdN Department", department)] = False
	for row in reasons.promeneurs:
		if row.status in scope.ENDED_STATUSES:
			continue
		wanted[("PdN Promeneur", row.name)] = True
		if row.department:
			wanted[("PdN Department", row.department)] = False
	return wanted


def _sync_user_permissions(user: str, wanted: dict[tuple[str, str], bool]) -> None:
	existing = frappe.get_all(
		"User Permission",
		filters={"user": user, "allow": ("in", SCOPE_DOCTYPES)},
		fields=["name", "allow", "for_value"],
	)
	have = set()
	for row in existing:
		key = (row.allow, row.for_value)
		if key in wanted and key not in have:
			have.add(key)
		else:
			frappe.delete_doc("User Permission", row.name, ignore_permissions=True, force=True)
	for (allow, for_value), is_default in sorted(wanted.items()):
		if (allow, for_value) in have:
			continue
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


# ------------------------------------------------------------------ logins


def check_linkable_login(user: str | None, label: str) -> None:
	"""A login may serve a promeneur or a contact only if it holds nothing beyond the network's roles.

	Linking a privileged account (Administrator, a System Manager, an accountant...) would hand
	the network's scope, its password resets and its e-mails to whoever edits the record.
	"""
	if not user:
		return
	if user in SKIPPED_USERS:
		_refuse_login(user, label)
	held = set(frappe.get_roles(user)) - set(roles.BASIC_ROLES) - set(roles.NETWORK_ROLES)
	if held:
		_refuse_login(user, label)


def _refuse_login(user: str, label: str) -> None:
	frappe.throw(
		_("{0}: the login {1} holds other rights than the network's and cannot be linked here.").format(
			label, frappe.bold(user)
		),
		exc=LoginNotLinkableError,
		title=_("Login not allowed"),
	)


def changed_logins(doc, table: str | None = None, fieldname: str = "user") -> set[str]:
	"""The logins ``doc`` (or its child ``table``) names that its stored version did not."""
	before = doc.get_doc_before_save()

	def logins(version):
		if version is None:
			return set()
		rows = version.get(table) if table else [version]
		return {row.get(fieldname) for row in rows if row.get(fieldname)}

	return logins(doc) - logins(before)


def logins_before_and_after(doc, table: str | None = None, fieldname: str = "user") -> set[str]:
	before = doc.get_doc_before_save()
	found = set()
	for version in (before, doc):
		if version is None:
			continue
		rows = version.get(table) if table else [version]
		found |= {row.get(fieldname) for row in rows if row.get(fieldname)}
	return found


# ------------------------------------------------------------------ registry events


def sync_promeneur_access(doc) -> None:
	"""After a promeneur is saved: its current and former logins follow the registry."""
	sync_users(*logins_before_and_after(doc))


def sync_department_members(doc) -> None:
	"""After a department is saved: every member, present or removed, follows the registry."""
	sync_users(*logins_before_and_after(doc, "members"))


def sync_structure_managers(doc) -> None:
	"""After a structure is saved: every contact login, present or removed, follows the registry."""
	users = logins_before_and_after(doc, "contacts")
	# the department of a structure may change: its promeneurs' and managers' scope moves with it
	users |= set(frappe.get_all("PdN Promeneur", filters={"structure": doc.name}, pluck="user"))
	sync_users(*users)


def create_promeneur_user(doc, send_welcome_email: bool = True) -> str:
	"""Create the promeneur's login, or link the existing account of that e-mail if it may be linked."""
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
		return user_doc.name
	if frappe.db.exists("PdN Promeneur", {"user": user, "name": ("!=", doc.name)}):
		frappe.throw(
			_("The login {0} already belongs to another promeneur.").format(frappe.bold(user)),
			title=_("Login already used"),
		)
	check_linkable_login(user, _("Linked login"))
	return user


def sync_after_delete(doc, method=None) -> None:
	"""Doc event: the logins a deleted department, structure or promeneur named follow the registry."""
	users = {doc.get("user")}
	for table in ("members", "contacts"):
		users |= {row.user for row in doc.get(table) or [] if row.get("user")}
	sync_users(*users)
