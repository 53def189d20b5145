# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The commitments follow-up on known records, every figure computed by hand.

The second quarter of 2025 lasts 91 days (13 weeks); collective times are counted from 1 July 2024
to 30 June 2025. In department 976 the first welcome meeting was held on 15 January 2020, and three
collective times took place in those twelve months (a training, a practice exchange and a
departmental meeting; a practice analysis was cancelled): every promeneur active for the whole
window owes two. The department uses its own charter template.
"""

import datetime

import frappe
from frappe.desk.query_report import run

from pdn_frappe.animation.testing import make_training
from pdn_frappe.conventions.testing import ensure_document_templates, make_charter_signature
from pdn_frappe.domain import commitments as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import commitments, utils
from pdn_frappe.evaluation.report.commitments_follow_up.commitments_follow_up import execute
from pdn_frappe.evaluation.testing import make_evaluation
from pdn_frappe.network import targets
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import (
	PdnTestCase,
	add_department_member,
	make_promeneur,
	make_structure,
	make_user,
)

DEPARTMENT = "976"  # a department neither the demo nor the national benchmark data fill
FILTERS = {"period_type": "Quarter", "year": 2025, "quarter": "Q2"}


def at(year, month, day, hour=9):
	return datetime.datetime(year, month, day, hour, 0)


def department_charter() -> str:
	"""The department's own charter template, in use (version 1 of its line)."""
	national = frappe.get_all(
		"PdN Document Template",
		filters={"document_kind": "Charter", "is_active": 1, "department": ("is", "not set")},
		pluck="name",
	)[0]
	template = frappe.copy_doc(frappe.get_doc("PdN Document Template", national))
	template.update(
		{
			"department": DEPARTMENT,
			"template_name": "Charte de Mayotte",
			"version": 0,
			"is_active": 1,
			"frozen": 0,
			"based_on": national,
			"shipped_key": None,
			"shipped_hash": None,
		}
	)
	template.insert(ignore_permissions=True)
	return national


class TestCommitmentsFollowUp(PdnTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_document_templates()

	def setUp(self):
		national = department_charter()
		self.structure = make_structure(department=DEPARTMENT, structure_name="Centre social des Hauts").name

		def promeneur(first_name, weekly_hours=2, since="2019-01-01", **kwargs):
			return make_promeneur(
				structure=self.structure,
				first_name=first_name,
				last_name="Engagements",
				weekly_hours=weekly_hours,
				status=kwargs.pop("status", "Active"),
				active_since=since,
				**kwargs,
			).name

		self.alice = promeneur("Alice")
		self.bruno = promeneur("Bruno", weekly_hours=3)
		self.chloe = promeneur("Chloé", weekly_hours=4, since="2021-03-01")
		self.david = promeneur("David", since="2025-05-01")
		self.gaelle = promeneur("Gaëlle")
		self.hugo = promeneur("Hugo")
		frappe.db.set_value("PdN Promeneur", self.hugo, "weekly_hours", 1.5)  # an old record, below 2 hours
		self.emma = promeneur("Emma", status="Left", ended_on="2025-03-31")  # gone before the quarter
		self.felix = promeneur("Félix", status="Candidate", since=None, candidate_since="2025-04-02")

		make_evaluation(self.alice, year=2025, quarter=2, submit=True, hours_online=30)
		make_evaluation(self.bruno, year=2025, quarter=2, submit=True, hours_online=20)
		make_evaluation(self.david, year=2025, quarter=2, submit=True, hours_online=18)
		make_evaluation(self.hugo, year=2025, quarter=2, submit=True, hours_online=20)
		self.draft = make_evaluation(self.gaelle, year=2025, quarter=2, hours_online=40).name

		def session(kind, when, participants, **kwargs):
			return make_training(
				DEPARTMENT,
				starts_on=when,
				hours=3,
				kind=kind,
				status="Held",
				participants=participants,
				**kwargs,
			)

		session("Welcome meeting", at(2020, 1, 15), [])
		session("Welcome meeting", at(2025, 5, 10), [(self.david, "Attended")])
		session("Training", at(2024, 6, 20), [(self.gaelle, "Attended")])  # before the window
		session(
			"Training",
			at(2024, 9, 10),
			[
				(self.alice, "Attended"),
				(self.chloe, "Attended"),
				(self.hugo, "Attended"),
				(self.bruno, "Excused"),
			],
		)
		session("Practice exchange", at(2025, 2, 4), [(self.bruno, "Attended"), (self.chloe, "Attended")])
		cancelled = session("Practice analysis", at(2025, 3, 11), [(self.bruno, "Attended")])
		frappe.db.set_value("PdN Training", cancelled.name, "status", "Cancelled")
		session("Departmental meeting", at(2025, 5, 20), [(self.alice, "Attended"), (self.hugo, "Attended")])

		for name in (self.alice, self.bruno, self.david, self.hugo):
			make_charter_signature(name)  # on the department's charter, in use
		make_charter_signature(self.gaelle, template=national)  # on the national one: to sign again

	def rows(self, **filters):
		_columns, data, _message, chart, summary = execute(
			{**FILTERS, "structure": self.structure, **filters}
		)
		return {row["promeneur"]: row for row in data}, chart, summary

	def test_rows_equal_the_records_computed_by_hand(self):
		rows, _chart, _summary = self.rows()
		names = (self.alice, self.bruno, self.chloe, self.david, self.gaelle, self.hugo)
		self.assertEqual(set(rows), set(names))  # Emma left before the quarter, Félix is a candidate
		expected = {
			# committed, reported, trainings, other collective times, expected, shortfalls
			self.alice: (26.0, 30.0, 1, 1, 2, []),
			self.bruno: (39.0, 20.0, 0, 1, 2, [rules.HOURS_BELOW_COMMITMENT, rules.FEW_COLLECTIVE_TIMES]),
			self.chloe: (
				52.0,
				None,
				1,
				1,
				2,
				[rules.NO_QUESTIONNAIRE, rules.NO_WELCOME_MEETING, rules.NO_CHARTER],
			),
			self.david: (17.4, 18.0, 0, 0, 0, []),  # active from 1 May: 61 days, 2 x 61 / 7
			self.gaelle: (
				26.0,
				None,
				0,
				0,
				2,
				[rules.NO_QUESTIONNAIRE, rules.FEW_COLLECTIVE_TIMES, rules.OUTDATED_CHARTER],
			),
			self.hugo: (19.5, 20.0, 1, 1, 2, [rules.WEEKLY_HOURS_BELOW_MINIMUM]),
		}
		found = {
			name: (
				row["committed_hours"],
				row["hours_online"],
				row["trainings"],
				row["meetings"],
				row["required_collective_times"],
				row["shortfall_codes"],
			)
			for name, row in rows.items()
		}
		self.assertEqual(found, expected)
		self.assertEqual({name: row["shortfall_count"] for name, row in rows.items()}[self.chloe], 3)

		self.assertEqual(rows[self.gaelle]["questionnaire_code"], "Overdue")
		self.assertEqual(rows[self.gaelle]["evaluation"], self.draft)
		self.assertEqual(rows[self.alice]["questionnaire_code"], "Answered late")  # submitted today
		self.assertEqual(rows[self.chloe]["evaluation"], None)
		self.assertEqual(
			{name: row["charter_code"] for name, row in rows.items()},
			{
				self.alice: rules.CHARTER_CURRENT,
				self.bruno: rules.CHARTER_CURRENT,
				self.chloe: rules.CHARTER_MISSING,
				self.david: rules.CHARTER_CURRENT,
				self.gaelle: rules.CHARTER_OUTDATED,
				self.hugo: rules.CHARTER_CURRENT,
			},
		)
		self.assertEqual(rows[self.david]["welcome_meeting_attended"], 1)
		self.assertEqual(rows[self.chloe]["welcome_meeting_attended"], 0)
		self.assertEqual(rows[self.alice]["welcome_meeting"], frappe._("Not owed"))  # joined before 2020

	def test_each_shortfall_has_its_reason(self):
		rows, _chart, _summary = self.rows()
		self.assertEqual(rows[self.alice]["shortfalls"], "")
		self.assertEqual(
			rows[self.bruno]["shortfalls"],
			"; ".join(
				(
					frappe._("{0} hours online reported for {1} hours committed").format(20, 39),
					frappe._("{0} collective times attended in twelve months, {1} expected").format(1, 2),
				)
			),
		)
		self.assertIn(
			frappe._("Charter not signed for the current structure"), rows[self.chloe]["shortfalls"]
		)
		self.assertIn(frappe._("Welcome meeting not attended"), rows[self.chloe]["shortfalls"])
		self.assertIn("Charte de Mayotte", rows[self.gaelle]["shortfalls"])
		self.assertIn(commitments.hours_text(1.5), rows[self.hugo]["shortfalls"])

	def test_chart_summary_and_filters(self):
		_rows, chart, summary = self.rows()
		self.assertEqual(chart["data"]["labels"], [utils.period_label(Period(2025, 2))])
		labels = commitments.shortfall_labels()
		self.assertEqual(
			{dataset["name"]: dataset["values"] for dataset in chart["data"]["datasets"]},
			{
				labels[rules.WEEKLY_HOURS_BELOW_MINIMUM]: [1],  # Hugo
				labels[rules.NO_QUESTIONNAIRE]: [2],  # Chloé, Gaëlle
				labels[rules.HOURS_BELOW_COMMITMENT]: [1],  # Bruno
				labels[rules.FEW_COLLECTIVE_TIMES]: [2],  # Bruno, Gaëlle
				labels[rules.NO_WELCOME_MEETING]: [1],  # Chloé
				labels[rules.NO_CHARTER]: [1],  # Chloé
				labels[rules.OUTDATED_CHARTER]: [1],  # Gaëlle
			},
		)
		figures = [item["value"] for item in summary]
		# 6 followed, 4 below; hours committed and reported over the 4 questionnaires submitted
		hours = commitments.hours_text
		self.assertEqual(figures, [6, 4, hours(26 + 39 + 17.4 + 19.5), hours(30 + 20 + 18 + 20), 2])
		self.assertEqual(figures[2:4], [hours(101.9), "88"])

		below, _chart, _summary = self.rows(shortfall=commitments.ANY_SHORTFALL)
		self.assertEqual(set(below), {self.bruno, self.chloe, self.gaelle, self.hugo})
		missing, _chart, _summary = self.rows(shortfall=rules.NO_QUESTIONNAIRE)
		self.assertEqual(set(missing), {self.chloe, self.gaelle})

		# the whole year: one row per quarter, one bar series per quarter
		_columns, data, _message, chart, _summary = execute(
			{"period_type": "Quarter", "year": 2025, "structure": self.structure}
		)
		self.assertEqual(len(chart["data"]["labels"]), 4)
		self.assertEqual(len(chart["data"]["datasets"]), len(rules.SHORTFALLS))
		self.assertEqual(sum(1 for row in data if row["promeneur"] == self.alice), 4)
		self.assertEqual(sum(1 for row in data if row["promeneur"] == self.david), 3)  # from Q2
		self.assertEqual(sum(1 for row in data if row["promeneur"] == self.emma), 1)  # Q1, before leaving

	def test_the_runner_gives_the_same_rows(self):
		result = run("Commitments Follow-up", filters={**FILTERS, "structure": self.structure})
		self.assertEqual(len([row for row in result["result"] if isinstance(row, dict)]), 6)

	def test_scope_both_ways(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		agent = add_department_member(DEPARTMENT, CAF_AGENT)
		elsewhere = add_department_member("63", COORDINATOR)
		for user in (coordinator, agent):
			frappe.set_user(user)
			rows, _chart, _summary = self.rows()
			self.assertEqual(len(rows), 6)
			_columns, data, *_rest = execute(FILTERS)
			self.assertEqual({row["department"] for row in data}, {DEPARTMENT})
		frappe.set_user(elsewhere)
		rows, _chart, summary = self.rows()
		self.assertEqual(rows, {})
		self.assertEqual(summary[0]["value"], 0)
		_columns, data, *_rest = execute(FILTERS)
		self.assertNotIn(DEPARTMENT, {row["department"] for row in data})

	def test_a_structure_manager_sees_their_structure_only(self):
		other = make_promeneur(department=DEPARTMENT, active_since="2019-01-01").name
		manager = make_user()
		structure = frappe.get_doc("PdN Structure", self.structure)
		structure.append("contacts", {"contact_name": "Alex Martin", "user": manager, "is_manager": 1})
		structure.save(ignore_permissions=True)
		frappe.set_user(manager)
		_columns, data, *_rest = execute(FILTERS)
		self.assertEqual({row["structure"] for row in data}, {self.structure})
		self.assertNotIn(other, {row["promeneur"] for row in data})

	def test_a_promeneur_cannot_run_the_report(self):
		login = frappe.get_doc("PdN Promeneur", self.alice).create_login(send_welcome_email=False)
		frappe.set_user(login)
		with self.assertRaises(frappe.PermissionError):
			run("Commitments Follow-up", filters=FILTERS)

	def test_number_card_promeneurs_below_their_commitments(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		frappe.set_user(coordinator)
		period = commitments.last_overdue_period()
		card = commitments.promeneurs_below_commitments()
		# nobody answered the latest period past its due date: the six active promeneurs owe it
		self.assertEqual(card["value"], 6)
		self.assertEqual(card["route"], ["query-report", "Commitments Follow-up"])
		self.assertEqual(
			card["route_options"],
			{
				"period_type": period.period_type,
				"year": period.year,
				"quarter": f"Q{period.quarter}" if period.quarter else "",
				"shortfall": commitments.ANY_SHORTFALL,
			},
		)
		frappe.set_user(add_department_member("63", COORDINATOR))
		rows = commitments.commitment_rows({}, [period])
		self.assertNotIn(DEPARTMENT, {row["department"] for row in rows})
		self.assertEqual(
			commitments.promeneurs_below_commitments()["value"],
			len({row["promeneur"] for row in rows if row["shortfall_count"]}),
		)

	def test_number_card_active_promeneurs_against_target(self):
		frappe.db.set_value("PdN Department", DEPARTMENT, "target_promeneurs", 10)
		frappe.db.set_value("PdN Department", "63", "target_promeneurs", 5)
		frappe.set_user(add_department_member(DEPARTMENT, COORDINATOR))
		self.assertEqual(targets.active_promeneurs_against_target(), "6 / 10")
		frappe.set_user(add_department_member("63", CAF_AGENT))
		active_63 = frappe.db.count(
			"PdN Promeneur",
			{
				"department": "63",
				"status": ("!=", "Candidate"),
				"active_since": ("is", "set"),
				"ended_on": ("is", "not set"),
			},
		)
		self.assertEqual(targets.active_promeneurs_against_target(), f"{active_63} / 5")
		frappe.set_user("Administrator")
		frappe.db.set_value("PdN Department", DEPARTMENT, "target_promeneurs", 0)
		frappe.set_user(add_department_member(DEPARTMENT, COORDINATOR))
		self.assertEqual(targets.active_promeneurs_against_target(), "6")  # no target set
		manager = make_user()
		frappe.set_user("Administrator")
		structure = frappe.get_doc("PdN Structure", self.structure)
		structure.append("contacts", {"contact_name": "Alex Martin", "user": manager, "is_manager": 1})
		structure.save(ignore_permissions=True)
		frappe.set_user(manager)
		self.assertEqual(targets.active_against_target(), (6, None))  # a structure has no target
