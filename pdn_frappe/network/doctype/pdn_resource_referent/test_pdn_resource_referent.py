# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, nowdate

from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import (
	PdnTestCase,
	add_department_member,
	ensure_outgoing_email_account,
	make_promeneur,
)


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


class TestPdNResourceReferent(PdnTestCase):
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

	def test_themes_are_searchable_as_text(self):
		referent = make_referent(themes=[{"theme": "Santé"}, {"theme": "Droit du numérique"}])
		self.assertEqual(referent.theme_list, "Santé, Droit du numérique")
		names = frappe.get_list(
			"PdN Resource Referent", filters={"theme_list": ("like", "%numérique%")}, pluck="name"
		)
		self.assertIn(referent.name, names)

	def test_the_next_check_is_due_a_year_after_the_last_one(self):
		referent = make_referent(last_checked_on="2025-03-10")
		self.assertEqual(str(referent.next_check_due), "2026-03-10")
		unchecked = make_referent()
		self.assertEqual(str(unchecked.next_check_due), str(frappe.utils.add_months(nowdate(), 12)))

	def test_the_coordinator_marks_a_referent_as_checked_a_promeneur_cannot(self):
		coordinator = add_department_member("03", COORDINATOR)
		referent = make_referent(last_checked_on="2024-01-15")
		user = make_promeneur(department="03").create_login(send_welcome_email=False)
		frappe.set_user(user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Resource Referent", referent.name).mark_checked()
		frappe.set_user(coordinator)
		frappe.get_doc("PdN Resource Referent", referent.name).mark_checked()
		referent.reload()
		self.assertEqual(str(referent.last_checked_on), nowdate())
		self.assertEqual(referent.checked_by, coordinator)
		self.assertEqual(str(referent.next_check_due), str(frappe.utils.add_months(nowdate(), 12)))

	def test_coordinators_are_reminded_once_of_referents_to_check(self):
		from pdn_frappe.animation.tasks import send_referent_check_reminders

		ensure_outgoing_email_account()
		add_department_member("48", COORDINATOR)  # a department without demo data
		stale = make_referent(department="48", last_checked_on="2020-01-01", full_name="Ancien contact")
		fresh = make_referent(department="48", last_checked_on=nowdate(), full_name="Contact récent")
		self.assertGreaterEqual(send_referent_check_reminders(add_days(nowdate(), 1)), 1)
		stale.reload()
		fresh.reload()
		self.assertEqual(str(stale.check_reminder_sent_on), add_days(nowdate(), 1))
		self.assertIsNone(fresh.check_reminder_sent_on)
		send_referent_check_reminders(add_days(nowdate(), 2))
		stale.reload()
		self.assertEqual(str(stale.check_reminder_sent_on), add_days(nowdate(), 1))  # once per cycle
		stale.last_checked_on = nowdate()
		stale.save()
		self.assertIsNone(stale.check_reminder_sent_on)
