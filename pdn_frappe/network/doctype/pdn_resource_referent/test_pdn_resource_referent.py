# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from pdn_frappe.network.access import COORDINATOR
from pdn_frappe.tests.utils import add_department_member, make_promeneur


def make_referent(department="03", visible=1, **kwargs):
	return frappe.get_doc(
		{
			"doctype": "PdN Resource Referent",
			"full_name": kwargs.pop("full_name", "Dr Claire Roux"),
			"organisation": "Maison des adolescents",
			"department": department,
			"visible_to_promeneurs": visible,
			"themes": [{"theme": "Santé"}],
			**kwargs,
		}
	).insert(ignore_permissions=True)


class TestPdNResourceReferent(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_phone_is_normalized_and_bad_email_refused(self):
		referent = make_referent(phone="0473123456")
		self.assertEqual(referent.phone, "04 73 12 34 56")
		with self.assertRaises(frappe.ValidationError):
			make_referent(email="not-an-address")

	def test_promeneur_reads_visible_referents_of_their_department_only(self):
		visible = make_referent(department="03")
		hidden = make_referent(department="03", visible=0, full_name="Contact interne")
		elsewhere = make_referent(department="63", full_name="Ailleurs")
		user = make_promeneur(department="03").create_login(send_welcome_email=False)

		frappe.set_user(user)
		names = frappe.get_list("PdN Resource Referent", pluck="name")
		self.assertIn(visible.name, names)
		self.assertNotIn(hidden.name, names)
		self.assertNotIn(elsewhere.name, names)
		self.assertTrue(frappe.has_permission("PdN Resource Referent", "read", visible.name))
		self.assertFalse(frappe.has_permission("PdN Resource Referent", "read", hidden.name))
		self.assertFalse(frappe.has_permission("PdN Resource Referent", "write", visible.name))

	def test_coordinator_curates_their_department_only(self):
		coordinator = add_department_member("03", COORDINATOR)
		hidden = make_referent(department="03", visible=0)
		elsewhere = make_referent(department="63", full_name="Ailleurs")

		frappe.set_user(coordinator)
		self.assertTrue(frappe.has_permission("PdN Resource Referent", "write", hidden.name))
		self.assertFalse(frappe.has_permission("PdN Resource Referent", "read", elsewhere.name))
