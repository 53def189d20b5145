# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime

import frappe
from frappe.desk.query_report import run

from pdn_frappe.animation.doctype.pdn_training_feedback.test_pdn_training_feedback import give_feedback
from pdn_frappe.animation.report.training_participation.training_participation import execute
from pdn_frappe.animation.testing import make_promeneur_with_login, make_training
from pdn_frappe.tests.utils import PdnTestCase, make_promeneur

DEPARTMENT = "976"  # a department neither the demo nor the national benchmark data fill


class TestTrainingParticipation(PdnTestCase):
	OUTGOING_EMAIL = True

	def setUp(self):
		self.anna, self.anna_user = make_promeneur_with_login(department=DEPARTMENT, first_name="Anna")
		self.bruno = make_promeneur(department=DEPARTMENT, first_name="Bruno")
		self.chloe = make_promeneur(department=DEPARTMENT, first_name="Chloé")
		self.training = make_training(
			DEPARTMENT,
			starts_on=datetime.datetime(2030, 3, 10, 9, 0),
			hours=8,
			capacity=10,
			status="Held",
			participants=[
				(self.anna.name, "Attended"),
				(self.bruno.name, "Attended"),
				(self.chloe.name, "Excused"),
			],
		)
		self.welcome = make_training(
			DEPARTMENT,
			starts_on=datetime.datetime(2030, 4, 2, 14, 0),
			hours=2,
			kind="Welcome meeting",
			participants=[(self.chloe.name, "Attended"), (self.bruno.name, "Registered")],
		)
		make_training(DEPARTMENT, starts_on=datetime.datetime(2030, 5, 2, 14, 0), hours=2)  # nobody yet
		frappe.set_user(self.anna_user)
		give_feedback(self.training.name, rating=0.8)
		frappe.set_user("Administrator")
		self.filters = {"from_date": "2030-01-01", "to_date": "2030-12-31", "department": DEPARTMENT}

	def test_per_training(self):
		_columns, data, _message, chart, summary = execute({**self.filters, "group_by": "Training"})
		self.assertEqual(len(run("Training Participation", filters=self.filters)["result"]), 3)
		rows = {row.training: row for row in data}
		self.assertEqual(len(rows), 3)
		row = rows[self.training.name]
		self.assertEqual((row.invited, row.registered, row.attended, row.excused), (0, 0, 2, 1))
		self.assertEqual(row.attendance_rate, 66.7)
		self.assertEqual(row.average_rating, 4.0)
		welcome = rows[self.welcome.name]
		self.assertEqual((welcome.registered, welcome.attended), (1, 1))
		self.assertEqual(chart["data"]["datasets"][0]["values"], [2, 1])
		self.assertEqual([item["value"] for item in summary], [3, 3])

	def test_per_promeneur(self):
		_columns, data, *_rest = execute({**self.filters, "group_by": "Promeneur"})
		rows = {row.promeneur: row for row in data}
		self.assertEqual(rows[self.anna.name].attended, 1)
		self.assertEqual(rows[self.anna.name].training_days, 1)
		self.assertEqual(rows[self.bruno.name].registered, 1)
		self.assertEqual(rows[self.chloe.name].training_days, 0)  # a welcome meeting is not a training day
		self.assertEqual(str(rows[self.chloe.name].last_attended), "2030-04-02")
		self.assertTrue(rows[self.chloe.name].welcome_meeting_attended)

	def test_a_promeneur_cannot_run_the_report(self):
		frappe.set_user(self.anna_user)
		with self.assertRaises(frappe.PermissionError):
			run("Training Participation", filters=self.filters)
