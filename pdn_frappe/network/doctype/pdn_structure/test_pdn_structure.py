# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe import exceptions
from pdn_frappe.roles import STRUCTURE_MANAGER
from pdn_frappe.tests.utils import PdnTestCase, make_promeneur, make_siret, make_structure, make_user


class TestPdNStructure(PdnTestCase):
	def assert_refused(self, exc, **fields):
		before = frappe.db.count("PdN Structure")
		with self.assertRaises(exc) as caught:
			make_structure(**fields)
		self.assertEqual(frappe.db.count("PdN Structure"), before, "nothing may be saved")
		return str(caught.exception)

	def test_siret_is_normalized(self):
		siret = make_siret()
		spaced = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
		structure = make_structure(siret=spaced)
		self.assertEqual(structure.siret, siret)

	def test_invalid_siret_is_refused_in_french(self):
		siret = make_siret()
		wrong = siret[:-1] + str((int(siret[-1]) + 1) % 10)
		message = self.assert_refused(exceptions.InvalidSiretError, siret=wrong)
		self.assertIn("SIRET", message)
		self.assertIn(wrong, message)

	def test_invalid_email_phone_and_postcode_are_refused(self):
		self.assert_refused(exceptions.InvalidEmailError, email="contact@@centre")
		self.assert_refused(exceptions.InvalidPhoneError, phone="04 70 12")
		self.assert_refused(exceptions.InvalidPostcodeError, postcode="3200")

	def test_postcode_of_another_department_is_refused(self):
		message = self.assert_refused(
			exceptions.PostcodeDepartmentMismatchError, department="03", postcode="63000"
		)
		self.assertIn("63000", message)
		self.assertIn("Allier", message)

	def test_phone_is_stored_in_national_format(self):
		structure = make_structure(phone="+33 4 70 12 34 56")
		self.assertEqual(structure.phone, "04 70 12 34 56")

	def test_convention_name_defaults_to_structure_name(self):
		structure = make_structure(structure_name="Centre social de Gannat")
		self.assertEqual(structure.convention_name, "Centre social de Gannat")

	def test_document_cannot_expire_before_it_was_received(self):
		self.assert_refused(
			exceptions.InvalidDocumentDatesError,
			documents=[
				{
					"document_type": "Attestation d'assurance",
					"received_on": "2026-03-01",
					"valid_until": "2025-03-01",
				}
			],
		)

	def test_structure_with_promeneurs_cannot_be_deleted(self):
		promeneur = make_promeneur()
		with self.assertRaises(exceptions.StructureHasPromeneursError):
			frappe.delete_doc("PdN Structure", promeneur.structure)
		self.assertTrue(frappe.db.exists("PdN Structure", promeneur.structure))

	def test_empty_structure_can_be_deleted(self):
		structure = make_structure()
		frappe.delete_doc("PdN Structure", structure.name)
		self.assertFalse(frappe.db.exists("PdN Structure", structure.name))

	def test_manager_access_is_granted_and_withdrawn(self):
		user = make_user()
		structure = make_structure(contacts=[{"contact_name": "Alex Martin", "user": user, "is_manager": 1}])
		self.assertIn(STRUCTURE_MANAGER, frappe.get_roles(user))
		self.assertTrue(
			frappe.db.exists(
				"User Permission", {"user": user, "allow": "PdN Structure", "for_value": structure.name}
			)
		)
		structure.contacts[0].is_manager = 0
		structure.save()
		self.assertFalse(
			frappe.db.exists(
				"User Permission", {"user": user, "allow": "PdN Structure", "for_value": structure.name}
			)
		)

	def test_structure_manager_sees_only_their_structure(self):
		user = make_user()
		own = make_structure(contacts=[{"contact_name": "Alex Martin", "user": user, "is_manager": 1}])
		other = make_structure()
		own_promeneur = make_promeneur(structure=own.name)
		other_promeneur = make_promeneur(structure=other.name)

		frappe.set_user(user)
		self.assertEqual(frappe.get_list("PdN Structure", pluck="name"), [own.name])
		self.assertTrue(frappe.has_permission("PdN Structure", "read", own.name))
		self.assertFalse(frappe.has_permission("PdN Structure", "read", other.name))
		self.assertEqual(frappe.get_list("PdN Promeneur", pluck="name"), [own_promeneur.name])
		self.assertFalse(frappe.has_permission("PdN Promeneur", "read", other_promeneur.name))
		self.assertFalse(frappe.has_permission("PdN Promeneur", "write", own_promeneur.name))
		self.assertEqual(frappe.get_list("PdN Department", pluck="name"), [own.department])
