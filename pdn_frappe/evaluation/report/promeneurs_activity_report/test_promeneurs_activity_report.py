# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The activity report on known questionnaires: rows, chart, summary, filters and scope.

The questionnaires live in a structure of their own, so that the other data of the site (demo,
national benchmark data) never gets in the figures: every call filters on that structure.
"""

import frappe
from frappe import _

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import aggregates, dashboard
from pdn_frappe.evaluation.report.promeneurs_activity_report.promeneurs_activity_report import execute
from pdn_frappe.evaluation.testing import (
	DEPARTMENT,
	OwnStructureTestCase,
	make_active_promeneur,
	make_evaluation,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import add_department_member


class TestPromeneursActivityReport(OwnStructureTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.other_structure = cls.new_structure()
		cls.p1 = make_active_promeneur(structure=cls.structure, profession="Éducateur spécialisé")
		cls.p2 = make_active_promeneur(structure=cls.structure)
		cls.p3 = make_active_promeneur(structure=cls.structure)  # never answers
		cls.p4 = make_active_promeneur(structure=cls.other_structure)
		frappe.db.set_value("PdN Promeneur", cls.p2.name, "mission", "Youth and parenting")
		# the two questionnaires of the first quarter, field by field: (p1's answer, p2's answer)
		q1_answers = {
			"hours_online": (40, 20.5),
			"youths_contacted": (30, 10),
			"new_youths_contacted": (10, 2),
			"short_contacts": (12, 5),
			"youths_met_after_contact": (6, 1),
			"projects_initiated": (2, 0),
			"parents_contacted": (0, 4),
			"age_12_14": (10, 2),
			"age_15_17": (12, 3),
			"age_18_20": (4, 0),
			"interactions_simple_exchange": (30, 8),
			"interactions_information": (10, 2),
			"interactions_listening": (0, 5),
			"networks": ([{"network": "Instagram"}, {"network": "Snapchat"}], [{"network": "Instagram"}]),
			"themes": ([{"theme": "Santé"}, {"theme": "Logement"}], [{"theme": "Santé"}]),
			"device_computer": (1, 0),
			"interest_trainings": (1, 0.4),
			# the guide's indicators, optional: 4 and 2 stars; 3 stars and not rated
			"quality_of_contacts": (0.8, 0.4),
			"channel_diversity": (0.6, 0),
		}
		cls.q1 = [
			make_evaluation(
				promeneur.name,
				year=2024,
				quarter=1,
				submit=True,
				**{field: answers[index] for field, answers in q1_answers.items()},
			)
			for index, promeneur in enumerate((cls.p1, cls.p2))
		]
		# a draft counts for nothing; another quarter only in the yearly figures
		make_evaluation(cls.p3.name, year=2024, quarter=1)
		cls.q2 = make_evaluation(cls.p1.name, year=2024, quarter=2, submit=True, hours_online=10)
		make_evaluation(cls.p4.name, year=2024, quarter=1, submit=True, hours_online=99)

	def run_report(self, **filters):
		filters = {
			"period_type": "Quarter",
			"year": 2024,
			"quarter": "Q1",
			"structure": self.structure,
			**filters,
		}
		columns, data, _message, chart, summary = execute(filters)
		rows = {(row["section"], row["code"]): row for row in data}
		return columns, data, rows, chart, {item["label"]: item["value"] for item in summary}

	def test_rows_on_known_data(self):
		columns, data, rows, _chart, _summary = self.run_report()
		self.assertEqual(
			[c["fieldname"] for c in columns], ["indicator", "value", "per_promeneur", "share", "rank"]
		)
		self.assertEqual(rows[("response", "expected")]["value"], 3)
		self.assertEqual(rows[("response", "answered")]["value"], 2)
		self.assertEqual(rows[("response", "response_rate")]["value"], 66.7)
		hours = rows[("presence", "hours_online")]
		self.assertEqual((hours["value"], hours["per_promeneur"]), (60.5, 30.25))
		self.assertEqual(rows[("contacts", "youths_contacted")]["value"], 40)
		met = rows[("contacts", "youths_met_after_contact")]
		self.assertEqual((met["value"], met["share"]), (7, 17.5))
		self.assertEqual(rows[("contacts", "parents_contacted")]["value"], 4)
		self.assertEqual(rows[("ages", "age_15_17")]["value"], 15)
		self.assertEqual(rows[("ages", "age_15_17")]["share"], 48.4)  # 15 of the 31 ages known
		self.assertEqual(rows[("interactions", "interactions_simple_exchange")]["value"], 38)
		self.assertEqual(rows[("interactions", "interactions_total")]["value"], 55)
		sante = rows[("themes", "Santé")]
		self.assertEqual((sante["rank"], sante["value"], sante["share"]), (1, 2, 100.0))
		self.assertEqual(rows[("themes", "Logement")]["rank"], 2)
		self.assertEqual(rows[("networks", "Instagram")]["value"], 2)
		self.assertEqual(rows[("devices", "device_computer")]["value"], 1)
		self.assertEqual(rows[("interest", "interest_trainings")]["value"], 3.5)  # (5 + 2) / 2 stars
		# the guide's indicators: average of the stars given, share of the questionnaires that rated
		quality = rows[("guide", "quality_of_contacts")]
		self.assertEqual((quality["value"], quality["share"]), (3.0, 100.0))  # (4 + 2) / 2, 2 of 2
		channels = rows[("guide", "channel_diversity")]
		self.assertEqual((channels["value"], channels["share"]), (3.0, 50.0))  # 3 / 1, 1 of 2
		impact = rows[("guide", "impact_on_youths")]
		self.assertEqual((impact["value"], impact["share"]), (None, 0.0))  # nobody rated it
		self.assertEqual(
			[code for section, code in rows if section == "guide"],
			["guide", *rules.GUIDE_RATING_FIELDS],
		)
		self.assertEqual(data[0]["indent"], 0)
		self.assertTrue(data[0]["is_section"])
		self.assertEqual(rows[("presence", "hours_online")]["indicator"], _("Hours online during the period"))

	def test_report_matches_the_questionnaires_added_up_one_by_one(self):
		docs = [frappe.get_doc("PdN Evaluation", doc.name) for doc in self.q1]
		reference = rules.accumulate(
			[
				dict(
					doc.as_dict(),
					networks=[r.network for r in doc.networks],
					themes=[r.theme for r in doc.themes],
				)
				for doc in docs
			],
			expected=3,
		)
		filters = {"period_type": "Quarter", "year": 2024, "quarter": "Q1", "structure": self.structure}
		self.assertEqual(
			rules.activity_rows(aggregates.activity_figures(filters)), rules.activity_rows(reference)
		)
		self.assertEqual(
			rules.activity_rows(aggregates.activity_figures_naive(filters)), rules.activity_rows(reference)
		)

	def test_chart_and_summary(self):
		_columns, _data, _rows, chart, summary = self.run_report()
		self.assertEqual(chart["type"], "donut")
		self.assertEqual(chart["data"]["labels"][1], _("12 to 14"))
		self.assertEqual(chart["data"]["datasets"][0]["values"], [0, 12, 15, 4, 0])
		self.assertEqual(summary[_("Response rate (%)")], 66.7)
		self.assertEqual(summary[_("Questionnaires answered")], 2)
		self.assertEqual(summary[_("Hours online during the period")], 60.5)
		self.assertEqual(summary[_("Met in person after an online contact (%)")], 17.5)
		self.assertEqual(summary[_("Projects initiated from online contacts")], 2)
		_c, _d, _r, chart, _s = self.run_report(chart="themes")
		self.assertEqual(chart["type"], "bar")
		self.assertEqual(chart["data"]["labels"], ["Santé", "Logement"])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [2, 1])

	def test_whole_year(self):
		_c, _d, rows, _chart, _s = self.run_report(quarter="")
		self.assertEqual(rows[("response", "expected")]["value"], 12)  # 3 promeneurs x 4 quarters
		self.assertEqual(rows[("response", "answered")]["value"], 3)
		self.assertEqual(rows[("response", "promeneurs")]["value"], 2)
		self.assertEqual(rows[("presence", "hours_online")]["value"], 70.5)
		self.assertEqual(rows[("presence", "hours_online")]["per_promeneur"], 35.25)

	def test_annual_questionnaires_are_reported_apart(self):
		make_evaluation(self.p3.name, year=2024, quarter=None, submit=True, hours_online=300)
		_c, _d, rows, _chart, _s = self.run_report(period_type="Year")
		self.assertEqual(rows[("response", "answered")]["value"], 1)
		self.assertEqual(rows[("response", "expected")]["value"], 3)
		self.assertEqual(rows[("presence", "hours_online")]["value"], 300)

	def test_filters_on_mission_and_profession(self):
		_c, _d, rows, _chart, _s = self.run_report(profession="Éducateur spécialisé")
		self.assertEqual(rows[("response", "answered")]["value"], 1)
		self.assertEqual(rows[("presence", "hours_online")]["value"], 40)
		_c, _d, rows, _chart, _s = self.run_report(mission="Youth and parenting")
		self.assertEqual(rows[("presence", "hours_online")]["value"], 20.5)
		_c, _d, rows, _chart, _s = self.run_report(structure=self.other_structure)
		self.assertEqual(rows[("presence", "hours_online")]["value"], 99)

	def test_coordinators_and_caf_agents_only_aggregate_their_department(self):
		own = add_department_member(DEPARTMENT, CAF_AGENT)
		other = add_department_member("03", COORDINATOR)
		frappe.set_user(own)
		_c, _d, rows, _chart, _s = self.run_report()
		self.assertEqual(rows[("response", "answered")]["value"], 2)
		self.assertEqual(rows[("response", "expected")]["value"], 3)
		frappe.set_user(other)
		_c, _d, rows, _chart, _s = self.run_report()
		self.assertEqual(rows[("response", "answered")]["value"], 0)
		self.assertEqual(rows[("response", "expected")]["value"], 0)
		self.assertEqual(rows[("presence", "hours_online")]["value"], 0)

	def test_structure_manager_only_aggregates_their_structure(self):
		from pdn_frappe.tests.utils import make_user

		manager = make_user()
		structure = frappe.get_doc("PdN Structure", self.other_structure)
		structure.append("contacts", {"contact_name": "Alex Martin", "user": manager, "is_manager": 1})
		structure.save()
		frappe.set_user(manager)
		_c, _d, rows, _chart, _s = self.run_report(structure=None)
		self.assertEqual(rows[("presence", "hours_online")]["value"], 99)
		self.assertEqual(rows[("response", "expected")]["value"], 1)

	def test_number_cards_follow_the_user_scope(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		frappe.set_user(coordinator)
		periods, figures = dashboard.figures_due_this_quarter("2024-05-10")
		self.assertEqual(periods, [Period(2024, 1)])
		self.assertEqual(figures.expected, 4)  # the four promeneurs of the department
		self.assertEqual(figures.answered, 3)
		self.assertEqual(figures.total("hours_online"), 159.5)
		card = dashboard.questionnaires_due_this_quarter()
		self.assertEqual(card["fieldtype"], "Int")
		self.assertEqual(card["route"], ["query-report", "Evaluation Follow-up"])
