# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe.domain.departments import DEPARTMENTS
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member


class TestPdNDepartment(PdnTestCase):
	def test_every_french_department_is_installed(self):
		self.assertEqual(frappe.db.count("PdN Department"), len(DEPARTMENTS))
		self.assertEqual(frappe.db.get_value("PdN Department", "63", "caf_name"), "Caf du Puy-de-Dôme")
		self.assertTrue(frappe.db.exists("PdN Department", "2A"))
		self.assertTrue(frappe.db.exists("PdN Department", "976"))

	def test_member_gets_role_and_scope_and_loses_scope_when_removed(self):
		user = add_department_member("03", COORDINATOR)
		self.assertIn(COORDINATOR, frappe.get_roles(user))
		filters = {"user": user, "allow": "PdN Department", "for_value": "03"}
		self.assertTrue(frappe.db.exists("User Permission", filters))

		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != user]
		department.save()
		self.assertFalse(frappe.db.exists("User Permission", filters))

	def test_invalid_code_is_refused(self):
		doc = frappe.get_doc(
			{"doctype": "PdN Department", "code": "99", "department_name": "Nulle part", "caf_name": "Caf"}
		)
		with self.assertRaises(frappe.ValidationError):
			doc.insert()
		self.assertFalse(frappe.db.exists("PdN Department", "99"))

	def test_coordinator_cannot_grant_team_membership(self):
		coordinator = add_department_member("03", COORDINATOR)
		frappe.set_user(coordinator)
		department = frappe.get_doc("PdN Department", "03")
		department.append("members", {"user": "Administrator", "role": COORDINATOR})
		self.assertRaises(frappe.PermissionError, department.save)  # the team is the administration's
		department = frappe.get_doc("PdN Department", "03")
		department.website = "https://pdn03.example.org"
		department.save()
		frappe.set_user("Administrator")
		department.reload()
		self.assertEqual(department.website, "https://pdn03.example.org")
		self.assertNotIn("Administrator", [row.user for row in department.members])
