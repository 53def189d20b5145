"""The promeneur's lifecycle on a real site: each move and what it entails, the convention's end
and its renewal, a structure that closes, and the directory checked at render time."""

import datetime

import frappe
from frappe.utils import add_days, add_to_date, getdate, now_datetime, nowdate

from pdn_frappe import roles
from pdn_frappe.exceptions import StatusChangeError
from pdn_frappe.network import directory, lifecycle
from pdn_frappe.domain import directory as directory_rules
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur


def listed(name: str) -> bool:
	return directory.get_profile(name) is not None


class LifecycleTestCase(PdnTestCase):
	def setUp(self):
		from pdn_frappe.conventions.testing import complete_structure, make_active_convention

		self.structure = complete_structure(department="03").name
		self.convention = make_active_convention(structure=self.structure)
		self.promeneur = make_promeneur(structure=self.structure, status="Active", directory_consent=1)
		self.user = self.promeneur.create_login(send_welcome_email=False)
		self.coordinator = add_department_member("03", roles.COORDINATOR)

	def status(self, name=None):
		return frappe.db.get_value("PdN Promeneur", name or self.promeneur.name, "status")

	def move(self, status, reason=None, user=None):
		frappe.set_user(user or self.coordinator)
		doc = frappe.get_doc("PdN Promeneur", self.promeneur.name)
		doc.status = status
		doc.status_reason = reason
		doc.save()
		frappe.set_user("Administrator")
		return doc


class TestPromeneurLifecycle(LifecycleTestCase):
	def test_a_leaver_loses_login_role_scope_listing_and_registrations(self):
		from pdn_frappe.animation.testing import make_training

		upcoming = make_training(department="03", participants=[(self.promeneur.name, "Registered")])
		past = make_training(
			department="03",
			starts_on=add_to_date(now_datetime(), days=-20).replace(microsecond=0),
			participants=[(self.promeneur.name, "Registered")],
		)
		self.assertTrue(listed(self.promeneur.name))

		self.move("Left", reason="Départ de la structure")

		self.assertEqual(self.status(), "Left")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", self.promeneur.name, "ended_on"), getdate(nowdate()))
		self.assertFalse(frappe.db.get_value("User", self.user, "enabled"))
		self.assertNotIn(roles.PROMENEUR_ROLE, frappe.get_roles(self.user))
		self.assertFalse(frappe.db.exists("User Permission", {"user": self.user}))
		self.assertFalse(listed(self.promeneur.name))
		status_of = lambda training: frappe.db.get_value(  # noqa: E731
			"PdN Training Participant", {"parent": training, "promeneur": self.promeneur.name}, "status"
		)
		self.assertEqual(status_of(upcoming.name), "Excused")
		self.assertEqual(status_of(past.name), "Registered", "the past stays as it was")

		history = frappe.get_doc("PdN Promeneur", self.promeneur.name).status_history
		self.assertEqual(
			[(row.status_from, row.status_to, row.reason, row.author) for row in history][-1],
			("Active", "Left", "Départ de la structure", self.coordinator),
		)

	def test_excluded_login_kept_when_it_serves_another_role(self):
		add_department_member("63", roles.CAF_AGENT, user=self.user)
		self.move("Excluded", reason="Décision du comité de pilotage")
		self.assertTrue(frappe.db.get_value("User", self.user, "enabled"))
		self.assertNotIn(roles.PROMENEUR_ROLE, frappe.get_roles(self.user))
		self.assertIn(roles.CAF_AGENT, frappe.get_roles(self.user))

	def test_suspended_is_delisted_and_read_only(self):
		self.move("Suspended", reason="Absence prolongée")
		self.assertFalse(listed(self.promeneur.name))
		frappe.set_user(self.user)
		doc = frappe.get_doc("PdN Promeneur", self.promeneur.name)
		self.assertTrue(doc.has_permission("read"))
		self.assertFalse(doc.has_permission("write"))
		frappe.set_user("Administrator")
		self.assertTrue(frappe.db.get_value("User", self.user, "enabled"))

	def test_moves_need_a_reason_and_follow_the_rules(self):
		self.assertRaises(StatusChangeError, self.move, "Left")
		frappe.set_user("Administrator")
		self.assertEqual(self.status(), "Active")
		self.move("Excluded", reason="Manquement à la charte")
		self.assertRaises(StatusChangeError, self.move, "Active")
		frappe.set_user("Administrator")
		self.assertEqual(self.status(), "Excluded")

	def test_a_former_promeneur_comes_back_as_candidate(self):
		self.move("Left", reason="Départ")
		self.move("Candidate", reason="Retour dans le réseau")
		self.assertTrue(frappe.db.get_value("User", self.user, "enabled"))
		self.assertIn(roles.PROMENEUR_ROLE, frappe.get_roles(self.user))
		self.assertIsNone(frappe.db.get_value("PdN Promeneur", self.promeneur.name, "ended_on"))


class TestConventionReachesPromeneurs(LifecycleTestCase):
	def test_termination_suspends_and_renewal_restores(self):
		from pdn_frappe.conventions.testing import make_charter_signature

		make_charter_signature(self.promeneur.name)
		convention = frappe.get_doc("PdN Convention", self.convention.name)
		convention.terminate(reason="Fin du financement", immediate=1)

		self.assertEqual(self.status(), "Suspended")
		self.assertEqual(
			frappe.db.get_value("PdN Promeneur", self.promeneur.name, "status_reason_code"), "convention_ended"
		)
		self.assertFalse(listed(self.promeneur.name))

		from pdn_frappe.conventions.testing import make_active_convention

		make_active_convention(structure=self.structure)
		self.assertEqual(self.status(), "Active")
		self.assertTrue(listed(self.promeneur.name))

	def test_another_active_convention_keeps_them_active(self):
		from pdn_frappe.conventions.testing import make_active_convention

		make_active_convention(structure=self.structure)
		frappe.get_doc("PdN Convention", self.convention.name).terminate(reason="Remplacée", immediate=1)
		self.assertEqual(self.status(), "Active")

	def test_a_suspension_decided_by_somebody_is_not_lifted_by_a_renewal(self):
		from pdn_frappe.conventions.testing import make_active_convention, make_charter_signature

		make_charter_signature(self.promeneur.name)
		self.move("Suspended", reason="Décision de la coordination")
		make_active_convention(structure=self.structure)
		self.assertEqual(self.status(), "Suspended")

	def test_a_closing_structure_suspends_its_promeneurs(self):
		structure = frappe.get_doc("PdN Structure", self.structure)
		structure.status = "Inactive"
		structure.save(ignore_permissions=True)
		self.assertEqual(self.status(), "Suspended")
		self.assertEqual(
			frappe.db.get_value("PdN Promeneur", self.promeneur.name, "status_reason_code"), "structure_closed"
		)


class TestDirectoryAtRenderTime(LifecycleTestCase):
	def test_listed_only_with_a_convention_in_force_today(self):
		self.assertTrue(listed(self.promeneur.name))
		# the convention's period ended yesterday, whatever its stored status says
		frappe.db.set_value("PdN Convention", self.convention.name, "end_date", add_days(nowdate(), -1))
		self.assertFalse(listed(self.promeneur.name))
		results, total = directory.search(directory_rules.DirectoryFilters(), 500)
		self.assertNotIn(self.promeneur.name, [profile.name for profile in results])

	def test_consent_withdrawn_delists(self):
		frappe.db.set_value("PdN Promeneur", self.promeneur.name, "directory_consent", 0)
		self.assertFalse(listed(self.promeneur.name))

	def test_change_status_is_the_one_door_for_the_app(self):
		self.assertTrue(lifecycle.change_status(self.promeneur.name, "Suspended", "Contrôle sur place", on=datetime.date(2026, 3, 1)))
		self.assertEqual(frappe.db.get_value("PdN Promeneur", self.promeneur.name, "status_changed_on"), datetime.date(2026, 3, 1))
		self.assertFalse(lifecycle.change_status(self.promeneur.name, "Suspended", "encore"))
