# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The daily reminders: only promeneurs whose questionnaire is missing, then their coordinators."""

import frappe

from pdn_frappe import mail
from pdn_frappe.evaluation import reminders
from pdn_frappe.evaluation.testing import (
	make_active_promeneur,
	make_evaluation,
	queued_text,
	queued_to,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_structure

#: a department the demo and the national benchmark data leave empty
DEPARTMENT = "976"
#: reminder day of the first quarter of 2025 (due 15 April, reminder 7 days before)
REMINDER_DAY = "2025-04-10"
OVERDUE_DAY = "2025-04-20"


class TestEvaluationReminders(PdnTestCase):
	OUTGOING_EMAIL = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value(
			"PdN Settings",
			{
				"evaluation_due_days": 15,
				"evaluation_reminder_days": 7,
				"evaluation_period_type": "Quarter",
				"evaluation_reminders_enabled": 1,
				"evaluation_alert_coordination": 1,
			},
		)
		structure = make_structure(department=DEPARTMENT, postcode="97600", city="Mamoudzou")
		cls.answered = make_active_promeneur(structure=structure.name)
		cls.drafting = make_active_promeneur(structure=structure.name)
		cls.missing = make_active_promeneur(structure=structure.name)
		cls.newcomer = make_active_promeneur(structure=structure.name, since="2025-05-01")
		cls.suspended = make_active_promeneur(structure=structure.name)
		cls.suspended.db_set("status", "Suspended")
		make_evaluation(cls.answered.name, year=2025, quarter=1, submit=True)
		make_evaluation(cls.drafting.name, year=2025, quarter=1)
		cls.coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		cls.caf_agent = add_department_member(DEPARTMENT, CAF_AGENT)

	def tearDown(self):
		frappe.local.outgoing_email_account = {}

	def test_reminders_go_only_to_promeneurs_whose_questionnaire_is_missing(self):
		sent = reminders.send_evaluation_reminders(REMINDER_DAY, department=DEPARTMENT)
		self.assertEqual(sent, {"promeneurs": 2, "coordinators": 0})
		self.assertTrue(queued_to(self.missing.email, "PdN Promeneur"))
		self.assertTrue(queued_to(self.drafting.email, "PdN Promeneur"), "a draft is not an answer")
		for promeneur in (self.answered, self.newcomer, self.suspended):
			self.assertFalse(queued_to(promeneur.email), promeneur.name)
		text = queued_text(queued_to(self.missing.email)[0])
		self.assertIn(self.missing.first_name, text)
		self.assertIn("/evaluation/new?period_type=Quarter&amp;year=2025&amp;quarter=Q1", text)
		logged = frappe.get_all(
			"PdN Evaluation Reminder",
			filters={"period": "2025-Q1", "department": DEPARTMENT},
			pluck="promeneur",
		)
		self.assertCountEqual(logged, [self.missing.name, self.drafting.name])

		# the same day, or the next one: nothing twice
		self.assertEqual(
			reminders.send_evaluation_reminders("2025-04-11", department=DEPARTMENT),
			{"promeneurs": 0, "coordinators": 0},
		)
		self.assertEqual(len(queued_to(self.missing.email)), 1)

	def test_no_reminder_outside_the_reminder_days(self):
		self.assertEqual(
			reminders.send_evaluation_reminders("2025-04-01", department=DEPARTMENT),
			{"promeneurs": 0, "coordinators": 0},
		)

	def test_coordinators_are_alerted_once_the_questionnaire_is_overdue(self):
		# answered late by the drafting promeneur: not in the alert any more
		draft = frappe.get_doc("PdN Evaluation", {"promeneur": self.drafting.name, "period": "2025-Q1"})
		draft.submit()
		sent = reminders.send_evaluation_reminders(OVERDUE_DAY, department=DEPARTMENT)
		self.assertEqual(sent["coordinators"], 1)
		alerts = queued_to(self.coordinator, "User")
		self.assertEqual(len(alerts), 1)
		message = queued_text(alerts[0])
		self.assertIn(self.missing.full_name, message)
		self.assertNotIn(self.drafting.full_name, message)
		self.assertNotIn(self.answered.full_name, message)
		self.assertFalse(queued_to(self.caf_agent), "the CAF agent is not the coordinator")
		log = frappe.get_all(
			"PdN Evaluation Reminder",
			filters={"audience": "Coordination", "period": "2025-Q1", "department": DEPARTMENT},
			fields=["missing_count", "recipients"],
		)
		self.assertEqual(len(log), 1)
		self.assertEqual(log[0].recipients, self.coordinator)
		self.assertEqual(
			reminders.send_evaluation_reminders("2025-04-21", department=DEPARTMENT)["coordinators"], 0
		)

	def test_reminders_can_be_switched_off(self):
		frappe.db.set_single_value("PdN Settings", "evaluation_reminders_enabled", 0)
		self.assertEqual(
			reminders.send_evaluation_reminders("2025-04-09", department=DEPARTMENT),
			{"promeneurs": 0, "coordinators": 0},
		)

	def test_nothing_is_logged_without_an_outgoing_email_account(self):
		from unittest.mock import patch

		self.assertTrue(mail.can_send())
		with patch(
			"frappe.email.doctype.email_account.email_account.EmailAccount.find_outgoing", return_value=None
		):
			self.assertFalse(mail.can_send())
			sent = reminders.send_evaluation_reminders(REMINDER_DAY, department=DEPARTMENT)
		self.assertEqual(sent["promeneurs"], 0)
		self.assertFalse(frappe.get_all("PdN Evaluation Reminder", filters={"department": DEPARTMENT}))

	def test_reminder_log_is_read_by_the_department_team_only(self):
		other = add_department_member("03", COORDINATOR)
		reminders.send_evaluation_reminders("2025-04-12", department=DEPARTMENT)
		frappe.set_user(self.coordinator)
		self.assertTrue(frappe.get_list("PdN Evaluation Reminder", filters={"department": DEPARTMENT}))
		self.assertFalse(frappe.has_permission("PdN Evaluation Reminder", "create"))
		frappe.set_user(other)
		self.assertFalse(frappe.get_list("PdN Evaluation Reminder", filters={"department": DEPARTMENT}))
