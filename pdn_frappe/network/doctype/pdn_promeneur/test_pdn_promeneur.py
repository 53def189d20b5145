# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe import exceptions
from pdn_frappe.roles import CAF_AGENT, COORDINATOR, PROMENEUR_ROLE
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_structure


class TestPdNPromeneur(PdnTestCase):
	def assert_refused(self, exc, **fields):
		before = frappe.db.count("PdN Promeneur")
		with self.assertRaises(exc) as caught:
			make_promeneur(**fields)
		self.assertEqual(frappe.db.count("PdN Promeneur"), before, "nothing may be saved")
		return str(caught.exception)

	def test_department_is_fetched_from_the_structure(self):
		structure = make_structure(department="63")
		promeneur = make_promeneur(structure=structure.name)
		self.assertEqual(promeneur.department, "63")
		self.assertEqual(promeneur.full_name, f"Camille {promeneur.last_name}")

	def test_fewer_than_two_weekly_hours_is_refused(self):
		message = self.assert_refused(exceptions.WeeklyHoursError, weekly_hours=1.5)
		self.assertIn("2", message)

	def test_invalid_email_and_phone_are_refused(self):
		self.assert_refused(exceptions.InvalidEmailError, email="camille.example.com")
		self.assert_refused(exceptions.InvalidPhoneError, phone="12345")

	def test_second_promeneur_with_the_same_email_is_refused(self):
		first = make_promeneur(email="Camille.Dupont@Example.com")
		self.assertEqual(first.email, "camille.dupont@example.com")
		message = self.assert_refused(exceptions.DuplicatePromeneurError, email="camille.dupont@example.com")
		self.assertIn("camille.dupont@example.com", message)

	def test_office_hours_must_end_after_they_start(self):
		self.assert_refused(
			exceptions.InvalidOfficeHourError,
			office_hours=[{"weekday": "Monday", "from_time": "18:00:00", "to_time": "17:00:00"}],
		)

	def test_status_dates_are_recorded(self):
		candidate = make_promeneur(status="Candidate")
		self.assertTrue(candidate.candidate_since)
		self.assertFalse(candidate.active_since)
		promeneur = make_promeneur(status="Active")
		self.assertTrue(promeneur.active_since)
		self.assertFalse(promeneur.ended_on)
		promeneur.status = "Left"
		promeneur.status_reason = "Changement de poste"
		promeneur.save()
		self.assertTrue(promeneur.ended_on)
		self.assertEqual(str(promeneur.status_changed_on), frappe.utils.nowdate())

	def test_directory_consent_is_dated(self):
		promeneur = make_promeneur(directory_consent=1)
		self.assertTrue(promeneur.directory_consent_on)
		promeneur.directory_consent = 0
		promeneur.save()
		self.assertFalse(promeneur.directory_consent_on)

	def test_create_login_grants_role_and_scope_once(self):
		promeneur = make_promeneur()
		user = promeneur.create_login(send_welcome_email=False)
		promeneur.reload()
		self.assertEqual(promeneur.user, user)
		self.assertIn(PROMENEUR_ROLE, frappe.get_roles(user))
		perms = frappe.get_all("User Permission", filters={"user": user}, fields=["allow", "for_value"])
		self.assertCountEqual(
			[(p.allow, p.for_value) for p in perms],
			[("PdN Promeneur", promeneur.name), ("PdN Department", promeneur.department)],
		)
		promeneur.create_login(send_welcome_email=False)
		promeneur.save()
		self.assertEqual(frappe.db.count("User Permission", {"user": user}), 2)

	def test_promeneur_reads_own_record_and_not_a_colleagues(self):
		structure = make_structure()
		me = make_promeneur(structure=structure.name)
		colleague = make_promeneur(structure=structure.name)
		user = me.create_login(send_welcome_email=False)

		frappe.set_user(user)
		self.assertTrue(frappe.has_permission("PdN Promeneur", "read", me.name))
		self.assertTrue(frappe.has_permission("PdN Promeneur", "write", me.name))
		self.assertFalse(frappe.has_permission("PdN Promeneur", "read", colleague.name))
		self.assertEqual(frappe.get_list("PdN Promeneur", pluck="name"), [me.name])
		self.assertFalse(frappe.has_permission("PdN Promeneur", "create"))
		# their own structure (their profile shows it), no other
		self.assertTrue(frappe.has_permission("PdN Structure", "read", structure.name))
		self.assertFalse(frappe.has_permission("PdN Structure", "read", make_structure().name))

	def test_promeneur_cannot_change_their_structure_or_status(self):
		me = make_promeneur(status="Active")
		other_structure = make_structure()
		user = me.create_login(send_welcome_email=False)

		frappe.set_user(user)
		doc = frappe.get_doc("PdN Promeneur", me.name)
		doc.job_title = "Animatrice jeunesse"
		doc.status = "Excluded"
		doc.structure = other_structure.name
		self.assertRaises(frappe.PermissionError, doc.save)  # refused, not silently put back
		doc = frappe.get_doc("PdN Promeneur", me.name)
		doc.job_title = "Animatrice jeunesse"
		doc.save()
		frappe.set_user("Administrator")
		doc.reload()
		self.assertEqual(doc.job_title, "Animatrice jeunesse")
		self.assertEqual(doc.status, "Active")
		self.assertEqual(doc.structure, me.structure)

	def sign_in_as_department_member(self, department: str, role: str) -> dict:
		"""A new ``role`` member of ``department``, signed in; a promeneur of 03 and one of 63, by department."""
		member = add_department_member(department, role)
		promeneurs = {code: make_promeneur(department=code) for code in ("03", "63")}
		frappe.set_user(member)
		return promeneurs

	def test_coordinator_of_03_sees_nothing_of_63(self):
		promeneurs = self.sign_in_as_department_member("03", COORDINATOR)
		self.assertTrue(frappe.has_permission("PdN Promeneur", "write", promeneurs["03"].name))
		self.assertFalse(frappe.has_permission("PdN Promeneur", "read", promeneurs["63"].name))
		self.assertFalse(frappe.has_permission("PdN Structure", "read", promeneurs["63"].structure))
		self.assertNotIn("63", frappe.get_list("PdN Promeneur", pluck="department", distinct=True))
		self.assertEqual(set(frappe.get_list("PdN Structure", pluck="department")), {"03"})
		self.assertEqual(frappe.get_list("PdN Department", pluck="name"), ["03"])

	def test_caf_agent_is_scoped_like_the_coordinator(self):
		promeneurs = self.sign_in_as_department_member("63", CAF_AGENT)
		self.assertTrue(frappe.has_permission("PdN Promeneur", "read", promeneurs["63"].name))
		self.assertFalse(frappe.has_permission("PdN Promeneur", "read", promeneurs["03"].name))

	def test_coordinator_cannot_create_a_promeneur_in_another_department(self):
		coordinator = add_department_member("03", COORDINATOR)
		structure_63 = make_structure(department="63")
		frappe.set_user(coordinator)
		with self.assertRaises(frappe.PermissionError):
			make_promeneur_as_user(structure_63.name)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("PdN Promeneur", {"structure": structure_63.name}), 0)


def make_promeneur_as_user(structure: str):
	return frappe.get_doc(
		{
			"doctype": "PdN Promeneur",
			"first_name": "Lou",
			"last_name": "Interdit",
			"structure": structure,
			"email": "lou.interdit@example.com",
			"weekly_hours": 2,
		}
	).insert()
