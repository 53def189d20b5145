# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _

from pdn_frappe import exceptions
from pdn_frappe.animation.scope_testing import assert_lists_only
from pdn_frappe.animation.testing import make_activity, make_promeneur_with_login
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member


class TestPdNCoordinationActivity(PdnTestCase):
	OUTGOING_EMAIL = True

	def test_the_mission_axis_follows_the_kind_unless_chosen(self):
		self.assertEqual(
			make_activity(kind="Collective presentation").mission_axis,
			"Growth and development of the network",
		)
		self.assertEqual(make_activity(kind="Exchange with a promeneur").mission_axis, "Network animation")
		chosen = make_activity(kind="Public workshop", mission_axis="Network animation")
		self.assertEqual(chosen.mission_axis, "Network animation")
		with self.assertRaises(exceptions.InvalidActivityError):
			make_activity(kind="Other")
		self.assertEqual(make_activity(kind="Other", mission_axis="Funding").mission_axis, "Funding")

	def test_the_note_holds_no_young_persons_contact_details(self):
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			make_activity(note="Échange sur une jeune suivie, rappeler le 06 12 34 56 78")
		message = str(refused.exception)
		self.assertIn(_("a phone number"), message)
		self.assertIn(_("Note"), message)
		self.assertNotIn("06 12 34 56 78", message)  # the kind is named, never the fragment
		activity = make_activity(note="Échange sur le harcèlement en ligne au collège.")
		activity.note += " Suite au CDAD."
		activity.save(ignore_permissions=True)

	def test_hours_must_be_possible(self):
		for hours in (0, 30):
			with self.assertRaises(exceptions.InvalidActivityError):
				make_activity(hours=hours)

	def test_details_unrelated_to_the_kind_are_cleared(self):
		activity = make_activity(kind="Funding search", people_reached=40, audience="Parents")
		self.assertEqual((activity.people_reached, activity.audience), (0, None))
		workshop = make_activity(kind="Public workshop", people_reached=25, audience="Parents")
		self.assertEqual((workshop.people_reached, workshop.audience), (25, "Parents"))

	def test_the_log_is_scoped_by_department_and_closed_to_promeneurs(self):
		own = make_activity(department="03")
		other = make_activity(department="63")
		coordinator = add_department_member("03", COORDINATOR)
		caf = add_department_member("03", CAF_AGENT)
		_promeneur, promeneur_user = make_promeneur_with_login(department="03")

		frappe.set_user(coordinator)
		assert_lists_only(self, "PdN Coordination Activity", own.name, other.name)
		self.assertTrue(frappe.has_permission("PdN Coordination Activity", "write", own.name))
		self.assertFalse(frappe.has_permission("PdN Coordination Activity", "read", other.name))

		frappe.set_user(caf)
		self.assertTrue(frappe.has_permission("PdN Coordination Activity", "read", own.name))
		self.assertFalse(frappe.has_permission("PdN Coordination Activity", "write", own.name))

		frappe.set_user(promeneur_user)
		self.assertFalse(frappe.has_permission("PdN Coordination Activity", "read"))
