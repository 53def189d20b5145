"""The network's desk on a real site: a login granted a network role sees only the app's
workspaces and creates none; a System Manager keeps Frappe's desk."""

import frappe

from pdn_frappe import roles
from pdn_frappe.network import desk
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_user

APP_WORKSPACES = {"Promeneurs du Net", "Espace Promeneur", "Network administration"}


def sidebar_of(user: str) -> dict:
	current = frappe.session.user
	frappe.set_user(user)
	try:
		return desk.get_workspace_sidebar_items()
	finally:
		frappe.set_user(current)


class TestNetworkDesk(PdnTestCase):
	def test_the_profile_blocks_every_module_but_the_apps(self):
		desk.ensure_module_profile()
		blocked = {row.module for row in frappe.get_doc("Module Profile", desk.MODULE_PROFILE).block_modules}
		self.assertTrue({"Core", "Website", "Integrations", "Automation"} <= blocked)
		self.assertFalse(blocked & set(desk.app_modules()))

	def test_a_login_granted_a_network_role_gets_the_profile(self):
		user = add_department_member("03", roles.COORDINATOR)
		doc = frappe.get_doc("User", user)
		self.assertEqual(doc.module_profile, desk.MODULE_PROFILE)
		self.assertIn("Website", {row.module for row in doc.block_modules})

		pages = {page["name"] for page in sidebar_of(user)["pages"]}
		self.assertIn("Promeneurs du Net", pages)
		self.assertLessEqual(pages, APP_WORKSPACES)
		self.assertFalse(sidebar_of(user)["has_create_access"])

	def test_a_promeneur_login_sees_only_the_promeneur_space(self):
		user = make_user()
		make_promeneur(email=user, user=user)
		self.assertIn(roles.PROMENEUR_ROLE, frappe.get_roles(user))
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), desk.MODULE_PROFILE)
		self.assertEqual({page["name"] for page in sidebar_of(user)["pages"]}, {"Espace Promeneur"})

	def test_a_pdn_administrator_gets_the_profile_when_granted_by_hand(self):
		user = make_user(roles=(roles.ADMINISTRATOR,))
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), desk.MODULE_PROFILE)
		self.assertIn("Network administration", {page["name"] for page in sidebar_of(user)["pages"]})

	def test_a_system_manager_keeps_frappes_desk(self):
		user = make_user(roles=(roles.COORDINATOR,))
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), desk.MODULE_PROFILE)

		frappe.get_doc("User", user).add_roles("System Manager")
		doc = frappe.get_doc("User", user)
		self.assertFalse(doc.module_profile)
		self.assertFalse(doc.block_modules)
		self.assertTrue(sidebar_of(user)["has_create_access"])

		manager = make_user(roles=("System Manager",))
		self.assertFalse(frappe.db.get_value("User", manager, "module_profile"))

	def test_a_login_whose_network_role_is_withdrawn_loses_the_profile(self):
		user = make_user(roles=(roles.CAF_AGENT,))
		frappe.get_doc("User", user).remove_roles(roles.CAF_AGENT)
		self.assertFalse(frappe.db.get_value("User", user, "module_profile"))

	def test_a_network_login_creates_no_workspace(self):
		user = make_user(roles=(roles.PROMENEUR_ROLE,))
		frappe.set_user(user)
		try:
			workspace = frappe.get_doc(
				{
					"doctype": "Workspace",
					"title": "Mon espace",
					"label": f"Mon espace-{user}",
					"for_user": user,
					"public": 0,
					"content": "[]",
				}
			)
			with self.assertRaises(frappe.PermissionError):
				workspace.insert()
		finally:
			frappe.set_user("Administrator")

	def test_migration_sync_is_idempotent(self):
		user = make_user(roles=(roles.STRUCTURE_MANAGER,))
		frappe.db.set_value("User", user, "module_profile", None)
		desk.sync_module_profiles()
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), desk.MODULE_PROFILE)
		modified = frappe.db.get_value("User", user, "modified")
		desk.sync_module_profiles()
		self.assertEqual(frappe.db.get_value("User", user, "modified"), modified)
