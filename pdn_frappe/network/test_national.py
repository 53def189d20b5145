# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""The registration on the national site moves with the public directory, and the coordination
marks what it did there."""

import frappe
from frappe.utils import add_days, nowdate

from pdn_frappe.network import lifecycle, national
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur

PROMENEUR = "PdN Promeneur"


def registration(name: str) -> str:
	return frappe.db.get_value(PROMENEUR, name, "national_registration") or ""


class TestNationalRegistration(PdnTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from pdn_frappe.conventions.testing import complete_structure, make_active_convention

		cls.structure = complete_structure(department="63", postcode="63000", city="Clermont-Ferrand")
		cls.convention = make_active_convention(structure=cls.structure.name)
		cls.coordinator = add_department_member("63", COORDINATOR)
		cls.other_coordinator = add_department_member("03", COORDINATOR)

	def listed(self, **kwargs):
		return make_promeneur(structure=self.structure.name, directory_consent=1, **kwargs)

	def registered(self, **kwargs):
		promeneur = self.listed(**kwargs)
		frappe.set_user(self.coordinator)
		frappe.get_doc(PROMENEUR, promeneur.name).mark_national_registration_done()
		frappe.set_user("Administrator")
		self.assertEqual(registration(promeneur.name), "Registered")
		return promeneur

	def test_a_listed_promeneur_is_to_register_an_unlisted_one_is_not(self):
		self.assertEqual(registration(self.listed().name), "To register")
		self.assertEqual(registration(make_promeneur(structure=self.structure.name).name), "")
		self.assertEqual(registration(make_promeneur(department="63", directory_consent=1).name), "")

	def test_the_coordination_marks_the_registration_done(self):
		promeneur = self.listed()
		user = promeneur.create_login(send_welcome_email=False)
		frappe.set_user(user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(PROMENEUR, promeneur.name).mark_national_registration_done()
		frappe.set_user(self.other_coordinator)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(PROMENEUR, promeneur.name).mark_national_registration_done()
		with self.assertRaises(frappe.PermissionError):
			national.mark_done_for([promeneur.name])
		self.assertEqual(registration(promeneur.name), "To register")

		frappe.set_user(self.coordinator)
		self.assertEqual(national.mark_done_for([promeneur.name]), 1)
		self.assertEqual(registration(promeneur.name), "Registered")
		self.assertEqual(
			str(frappe.db.get_value(PROMENEUR, promeneur.name, "national_registered_on")), nowdate()
		)
		# nothing left to do: a second mark is refused in French, and nothing moves
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc(PROMENEUR, promeneur.name).mark_national_registration_done()

	def test_a_promeneur_cannot_set_their_own_registration(self):
		promeneur = self.listed()
		user = promeneur.create_login(send_welcome_email=False)
		frappe.set_user(user)
		doc = frappe.get_doc(PROMENEUR, promeneur.name)
		doc.national_registration = "Registered"
		with self.assertRaises(frappe.PermissionError):
			doc.save()
		self.assertEqual(registration(promeneur.name), "To register")

	def test_a_change_the_national_site_shows_makes_it_to_update(self):
		promeneur = self.registered()
		doc = frappe.get_doc(PROMENEUR, promeneur.name)
		doc.weekly_hours = 5
		doc.save()
		self.assertEqual(registration(promeneur.name), "Registered")
		doc.reload()
		doc.append("network_profiles", {"social_network": "Instagram", "profile_name": "Camille CS"})
		doc.save()
		self.assertEqual(registration(promeneur.name), "To update")
		frappe.set_user(self.coordinator)
		frappe.get_doc(PROMENEUR, promeneur.name).mark_national_registration_done()
		self.assertEqual(registration(promeneur.name), "Registered")

	def test_a_departure_makes_it_to_remove_then_removed(self):
		promeneur = self.registered()
		lifecycle.change_status(promeneur.name, "Left", "Départ de la structure")
		self.assertEqual(registration(promeneur.name), "To remove")
		frappe.set_user(self.coordinator)
		frappe.get_doc(PROMENEUR, promeneur.name).mark_national_registration_done()
		self.assertEqual(registration(promeneur.name), "Removed")

	def test_a_withdrawn_consent_makes_it_to_remove(self):
		promeneur = self.registered()
		doc = frappe.get_doc(PROMENEUR, promeneur.name)
		doc.directory_consent = 0
		doc.save()
		self.assertEqual(registration(promeneur.name), "To remove")

	def test_the_end_of_the_convention_moves_the_registrations_without_a_save(self):
		registered, to_register = self.registered(), self.listed()
		frappe.db.set_value("PdN Convention", self.convention.name, "end_date", add_days(nowdate(), -1))
		self.assertGreaterEqual(national.sync(), 2)
		self.assertEqual(registration(registered.name), "To remove")
		self.assertEqual(registration(to_register.name), "")
