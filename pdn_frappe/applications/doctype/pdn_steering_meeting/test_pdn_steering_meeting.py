# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import nowdate

from pdn_frappe import exceptions
from pdn_frappe.applications.testing import (
	ApplicationsTestCase,
	application_values,
	make_call,
	make_staff,
	queued_emails,
	submit_as_guest,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR


class TestPdNSteeringMeeting(ApplicationsTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.call = make_call(department="03")
		cls.coordinator = make_staff("03", COORDINATOR)
		cls.caf_agent = make_staff("03", CAF_AGENT)

	def preselected(self):
		name = submit_as_guest(application_values(application_call=self.call.name))["name"]
		frappe.set_user(self.coordinator)
		apply_workflow(frappe.get_doc("PdN Application", name), "Pre-select")
		frappe.set_user("Administrator")
		return name

	def make_meeting(self, decisions, **kwargs):
		return frappe.get_doc(
			{
				"doctype": "PdN Steering Meeting",
				"kind": kwargs.pop("kind", "Steering committee (COPIL)"),
				"department": "03",
				"meeting_date": nowdate(),
				"attendees": [{"attendee_name": "Caf de l'Allier", "organisation": "Caf"}],
				"decisions": decisions,
				**kwargs,
			}
		).insert()

	def test_minutes_and_decision_notes_hold_no_young_persons_contact_details(self):
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			self.make_meeting(
				[{"kind": "Other", "subject": "Situation signalée", "note": "Jeune orienté (snap : lea_63)."}]
			)
		message = str(refused.exception)
		self.assertIn(frappe._("a network handle"), message)
		self.assertIn(frappe._("Decisions"), message)
		self.assertNotIn("lea_63", message)  # the kind is named, never the fragment
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			self.make_meeting([], minutes="<p>Le jeune a laissé son numéro : 06&nbsp;12&nbsp;34&nbsp;56&nbsp;78</p>")
		self.assertIn(frappe._("a phone number"), str(refused.exception))
		self.assertIn(frappe._("Minutes"), str(refused.exception))
		self.assertNotIn("34", str(refused.exception))
		meeting = self.make_meeting(
			[{"kind": "Other", "subject": "Journée départementale", "note": "En juin, au PIJ."}],
			minutes="<p>Bilan des candidatures du trimestre.</p>",
		)
		self.assertTrue(meeting.name)

	def test_applying_the_decisions_moves_each_application(self):
		accepted, rejected, postponed = self.preselected(), self.preselected(), self.preselected()
		meeting = self.make_meeting(
			[
				{"kind": "Application", "application": accepted, "decision": "Accept"},
				{"kind": "Application", "application": rejected, "decision": "Reject", "note": "Hors champ."},
				{"kind": "Application", "application": postponed, "decision": "Postpone"},
				{"kind": "Other", "subject": "Journée départementale en juin"},
			]
		)
		self.assertIn("COPIL", meeting.title)
		frappe.set_user(self.caf_agent)
		meeting = frappe.get_doc("PdN Steering Meeting", meeting.name)
		meeting.apply_decisions()
		frappe.set_user("Administrator")

		state = lambda name: frappe.db.get_value("PdN Application", name, "workflow_state")  # noqa: E731
		self.assertEqual(state(accepted), "Accepted")
		self.assertEqual(state(rejected), "Rejected")
		self.assertEqual(state(postponed), "Pre-selected")
		self.assertEqual(frappe.db.get_value("PdN Application", rejected, "rejection_reason"), "Hors champ.")
		self.assertEqual(frappe.db.get_value("PdN Application", accepted, "steering_meeting"), meeting.name)
		self.assertTrue(frappe.db.get_value("PdN Application", accepted, "promeneur"))
		self.assertIn("Hors champ.", queued_emails(rejected)[-1].body)
		meeting.reload()
		self.assertEqual(meeting.status, "Decisions applied")
		self.assertTrue(all(row.applied_on for row in meeting.decisions if row.kind == "Application"))

	def test_a_coordinator_cannot_apply_an_acceptance_and_nothing_moves(self):
		first, second = self.preselected(), self.preselected()
		meeting = self.make_meeting(
			[
				{
					"kind": "Application",
					"application": first,
					"decision": "Return for correction",
					"note": "RIB",
				},
				{"kind": "Application", "application": second, "decision": "Accept"},
			]
		)
		frappe.set_user(self.coordinator)
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc("PdN Steering Meeting", meeting.name).apply_decisions()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Application", first, "workflow_state"), "Pre-selected")
		self.assertEqual(frappe.db.get_value("PdN Application", second, "workflow_state"), "Pre-selected")

	def test_a_refusal_needs_a_note(self):
		with self.assertRaises(exceptions.DecisionReasonRequiredError):
			self.make_meeting(
				[{"kind": "Application", "application": self.preselected(), "decision": "Reject"}]
			)

	def test_applications_of_another_department_cannot_be_listed(self):
		other = make_call(department="63")
		name = submit_as_guest(
			application_values(department="63", postcode="63000", application_call=other.name)
		)["name"]
		with self.assertRaises(frappe.ValidationError):
			self.make_meeting([{"kind": "Application", "application": name, "decision": "Accept"}])
