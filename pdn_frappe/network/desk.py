"""The desk of the network's users: the app's workspaces and nothing else.

Frappe lists in a user's sidebar every public workspace of a module they are not blocked from,
and lets every desk user create workspaces of their own. A login that holds only the network's
roles (see :func:`pdn_frappe.roles.is_network_only`) therefore gets:

* the Module Profile :data:`MODULE_PROFILE`, which blocks every module but the app's, so that
  Frappe's own workspaces (Users, Website, Tools, Integrations, Build...) leave the sidebar; it is
  set and cleared on the User itself (a ``validate`` event), whoever grants the roles: the
  registry (:mod:`pdn_frappe.network.access`) or an administrator by hand;
* no button to create a workspace (:func:`get_workspace_sidebar_items`), and no way to create one
  through the API either (:func:`refuse_workspace_creation`).

A System Manager, or anyone holding another role of the site, keeps Frappe's desk as it is.
"""

import frappe
from frappe import _

from pdn_frappe import roles

MODULE_PROFILE = "PdN Network"


def app_modules() -> list[str]:
	return frappe.get_module_list("pdn_frappe")


def modules_to_block() -> list[str]:
	"""Every module of the site except the app's."""
	keep = set(app_modules())
	return sorted(name for name in frappe.get_all("Module Def", pluck="name") if name not in keep)


def ensure_module_profile() -> bool:
	"""Create or refresh the network's module profile (idempotent); True when it changed."""
	wanted = modules_to_block()
	if frappe.db.exists("Module Profile", MODULE_PROFILE):
		profile = frappe.get_doc("Module Profile", MODULE_PROFILE)
		if sorted(row.module for row in profile.block_modules) == wanted:
			return False
	else:
		profile = frappe.new_doc("Module Profile")
		profile.module_profile_name = MODULE_PROFILE
	profile.set("block_modules", [{"module": module} for module in wanted])
	profile.save(ignore_permissions=True)
	return True


def sync_module_profiles() -> None:
	"""After a migration: the profile is up to date and each user holds it, or not, as their roles say."""
	ensure_module_profile()
	blocked = sorted(_profile_modules())
	users = frappe.get_all(
		"Has Role",
		filters={"parenttype": "User", "role": ("in", roles.APP_ROLES)},
		pluck="parent",
		distinct=True,
	)
	users += frappe.get_all("User", filters={"module_profile": MODULE_PROFILE}, pluck="name")
	for user in sorted(set(users) - {"Administrator", "Guest"}):
		user_doc = frappe.get_doc("User", user)
		network_only = roles.is_network_only(row.role for row in user_doc.roles)
		holds = user_doc.module_profile == MODULE_PROFILE
		if network_only and holds and sorted(row.module for row in user_doc.block_modules) == blocked:
			continue
		if not network_only and not holds:
			continue
		user_doc.flags.ignore_permissions = True
		user_doc.save()


def apply_module_profile(doc, method=None) -> None:
	"""User ``validate``: a login holding only the network's roles sees only the app's modules."""
	if doc.name in ("Administrator", "Guest"):
		return
	if roles.is_network_only(row.role for row in doc.get("roles") or []):
		if not frappe.db.exists("Module Profile", MODULE_PROFILE):
			ensure_module_profile()
		doc.module_profile = MODULE_PROFILE
		# User.validate ran before this event: copy the profile's list the way it does
		doc.set("block_modules", [{"module": module} for module in _profile_modules()])
	elif doc.module_profile == MODULE_PROFILE:
		doc.module_profile = None
		doc.set("block_modules", [])


def _profile_modules() -> list[str]:
	return frappe.get_all(
		"Block Module",
		filters={"parenttype": "Module Profile", "parent": MODULE_PROFILE},
		pluck="module",
		order_by="idx asc",
	)


@frappe.whitelist()
def get_workspace_sidebar_items():
	"""Frappe's sidebar, without the button to create a workspace for a network-only login."""
	from frappe.desk.desktop import get_workspace_sidebar_items as frappe_sidebar_items

	items = frappe_sidebar_items()
	if isinstance(items, dict) and roles.is_network_only(frappe.get_roles()):
		items["has_create_access"] = False
	return items


def refuse_workspace_creation(doc, method=None) -> None:
	"""Workspace ``before_insert``: the network's users do not create workspaces (private or not)."""
	if frappe.session.user == "Administrator" or frappe.flags.in_install or frappe.flags.in_migrate:
		return
	if roles.is_network_only(frappe.get_roles()):
		frappe.throw(
			_("Workspaces are set up by the administrators of the site."),
			frappe.PermissionError,
			title=_("Not allowed"),
		)


@frappe.whitelist()
@frappe.read_only()
def number_card_result(doc, filters, to_date=None):
	"""Frappe's count and sum cards (``Document Type`` number cards), read from the site's MariaDB
	replica when it has one (``read_from_replica``), like the app's reports and custom cards."""
	from frappe.desk.doctype.number_card.number_card import get_result

	return get_result(doc, filters, to_date)
