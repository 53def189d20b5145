# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The evaluation follow-up on known promeneurs: who answered, who is missing or overdue."""

import frappe

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation.report.evaluation_follow_up import evaluation_follow_up as report
from pdn_frappe.evaluation.testing import (
	DEPARTMENT,
	OwnStructureTestCase,
	make_active_promeneur,
	make_evaluation,
)
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import add_department_member


class TestEvaluationFollowUp(OwnStructureTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.on_time = make_active_promeneur(structure=cls.structure, first_name="Alice")
		cls.late = make_active_promeneur(structure=cls.structure, first_name="Bruno")
		cls.drafting = make_active_promeneur(structure=cls.structure, first_name="Chloé")
		cls.missing = make_active_promeneur(structure=cls.structure, first_name="David")
		cls.newcomer = make_active_promeneur(structure=cls.structure, first_name="Emma", since="2024-05-02")
		cls.candidate = make_active_promeneur(structure=cls.structure, first_name="Farid")
		frappe.db.set_value("PdN Promeneur", cls.candidate.name, "status", "Candidate")

		on_time = make_evaluation(cls.on_time.name, year=2024, quarter=1, submit=True)
		on_time.db_set("submitted_on", "2024-04-10")
		late = make_evaluation(cls.late.name, year=2024, quarter=1, submit=True)
		late.db_set("submitted_on", "2024-04-30")
		make_evaluation(cls.drafting.name, year=2024, quarter=1)
		make_evaluation(cls.newcomer.name, year=2024, quarter=2, submit=True)
		cls.filters = frappe._dict(period_type="Quarter", year=2024, quarter="Q1", structure=cls.structure)

	def statuses(self, rows):
		return {row["promeneur"]: row["status_code"] for row in rows}

	def test_statuses_before_the_due_date(self):
		rows = report.follow_up_rows(self.filters, [Period(2024, 1)], today="2024-04-12")
		self.assertEqual(
			self.statuses(rows),
			{
				self.on_time.name: rules.ANSWERED,
				self.late.name: rules.ANSWERED_LATE,
				self.drafting.name: rules.IN_PROGRESS,
				self.missing.name: rules.MISSING,
			},
		)

	def test_statuses_once_overdue(self):
		columns, data, _message, chart, summary = report.execute(self.filters)
		self.assertEqual(
			self.statuses(data),
			{
				self.on_time.name: rules.ANSWERED,
				self.late.name: rules.ANSWERED_LATE,
				self.drafting.name: rules.OVERDUE,
				self.missing.name: rules.OVERDUE,
			},
		)
		row = next(r for r in data if r["promeneur"] == self.on_time.name)
		self.assertEqual((str(row["due_date"]), str(row["submitted_on"])), ("2024-04-15", "2024-04-10"))
		self.assertTrue(row["evaluation"])
		self.assertIn("evaluation", [c["fieldname"] for c in columns])
		values = {item["label"]: item["value"] for item in summary}
		self.assertEqual(values[frappe._("Questionnaires expected")], 4)
		self.assertEqual(values[frappe._("Answered")], 2)
		self.assertEqual(values[frappe._("Response rate (%)")], 50.0)
		self.assertEqual(values[frappe._("Overdue")], 2)
		answered = chart["data"]["datasets"][0]
		self.assertEqual((answered["name"], answered["values"]), (frappe._("Answered"), [1]))
		overdue = chart["data"]["datasets"][-1]
		self.assertEqual(overdue["values"], [2])

	def test_whole_year_lists_each_period(self):
		_columns, data, _message, chart, summary = report.execute(dict(self.filters, quarter=""))
		self.assertEqual(len(chart["data"]["labels"]), 4)
		newcomer = {
			row["period"]: row["status_code"] for row in data if row["promeneur"] == self.newcomer.name
		}
		self.assertEqual(
			newcomer, {"2024-Q2": rules.ANSWERED_LATE, "2024-Q3": rules.OVERDUE, "2024-Q4": rules.OVERDUE}
		)
		self.assertNotIn(self.candidate.name, {row["promeneur"] for row in data})
		self.assertEqual(
			next(i for i in summary if i["label"] == frappe._("Questionnaires expected"))["value"], 19
		)

	def test_status_filter(self):
		_columns, data, _message, _chart, _summary = report.execute(dict(self.filters, status=rules.OVERDUE))
		self.assertCountEqual([row["promeneur"] for row in data], [self.drafting.name, self.missing.name])

	def test_coordinators_only_follow_their_department(self):
		frappe.set_user(add_department_member("03", COORDINATOR))
		_columns, data, _message, _chart, _summary = report.execute(self.filters)
		self.assertEqual(data, [])
		frappe.set_user(add_department_member(DEPARTMENT, COORDINATOR))
		_columns, data, _message, _chart, _summary = report.execute(self.filters)
		self.assertEqual(len(data), 4)

	def test_the_last_reminder_of_each_period_is_shown(self):
		sent = (("2024-Q1", "2024-04-16"), ("2024-Q1", "2024-04-23"), ("2024-Q2", "2024-07-16"))
		for period, day in sent:
			frappe.get_doc(
				{
					"doctype": "PdN Evaluation Reminder",
					"audience": "Promeneur",
					"period": period,
					"sent_on": day,
					"department": DEPARTMENT,
					"promeneur": self.missing.name,
				}
			).insert(ignore_permissions=True)
		_columns, data, _message, _chart, _summary = report.execute(dict(self.filters, quarter=""))
		reminded = {
			row["period"]: str(row["reminded_on"]) for row in data if row["promeneur"] == self.missing.name
		}
		self.assertEqual(
			reminded, {"2024-Q1": "2024-04-23", "2024-Q2": "2024-07-16", "2024-Q3": "None", "2024-Q4": "None"}
		)
		self.assertTrue(
			all(row["reminded_on"] is None for row in data if row["promeneur"] != self.missing.name)
		)
