# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The demo questionnaires on a real site: they go in submitted, once, with the day they were sent,
at the response rate of the demo in each department."""

import datetime as dt

import frappe

from pdn_frappe.demo import evaluations as plan
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import demo
from pdn_frappe.evaluation.testing import make_active_promeneur
from pdn_frappe.network import demo as network_demo
from pdn_frappe.tests.utils import PdnTestCase


class TestEvaluationDemo(PdnTestCase):
	def test_the_demo_questionnaires_load_once_at_the_response_rate(self):
		network_demo.load(verbose=False, commit=False)
		first = demo.load(verbose=False, commit=False)
		periods = plan.demo_periods(frappe.utils.getdate())
		self.assertEqual(list(first["expected"]), [period.key for period in periods])
		names, promeneurs = demo.demo_promeneurs()
		for period in periods:
			answered = 0
			for department in ("03", "63"):
				expected = [p for p in promeneurs if p.department == department and p.is_expected(period)]
				count = frappe.db.count(
					"PdN Evaluation",
					{
						"promeneur": ("in", [names[p.key] for p in expected]),
						"period": period.key,
						"docstatus": 1,
					},
				)
				self.assertEqual(count, plan.answered_count(len(expected)), (period.key, department))
				answered += count
			self.assertEqual(answered, first["created"][period.key] + first["existing"][period.key])
			self.assertAlmostEqual(answered / first["expected"][period.key], plan.RESPONSE_RATE, delta=0.03)

		before = frappe.db.count("PdN Evaluation")
		second = demo.load(verbose=False, commit=False)
		self.assertEqual(frappe.db.count("PdN Evaluation"), before)
		self.assertEqual(sum(second["created"].values()), 0)

	def test_a_demo_questionnaire_is_submitted_once_with_its_sending_day(self):
		promeneur = make_active_promeneur(department="63", since="2020-01-01")
		period = Period(2025, 2)
		questionnaire = plan.build_questionnaire(
			plan.Promeneur(promeneur.email, "63", "Active", dt.date(2020, 1, 1), networks=("Instagram",)),
			period,
			today=dt.date(2025, 12, 1),
			themes=["Santé", "Orientation et scolarité"],
		)

		self.assertEqual(demo.ensure_questionnaire(promeneur.name, questionnaire), "created")
		doc = frappe.get_doc("PdN Evaluation", {"promeneur": promeneur.name, "period": period.key})
		self.assertEqual((doc.docstatus, doc.status), (1, "Submitted"))
		self.assertEqual(str(doc.submitted_on), str(questionnaire.submitted_on))
		self.assertEqual(doc.department, "63")
		for fieldname in (*rules.COUNT_FIELDS, rules.HOURS_FIELD):
			self.assertEqual(doc.get(fieldname), questionnaire.values[fieldname], fieldname)
		self.assertEqual([row.network for row in doc.networks], list(questionnaire.networks))

		self.assertEqual(demo.ensure_questionnaire(promeneur.name, questionnaire), "existing")
		self.assertEqual(
			frappe.db.count("PdN Evaluation", {"promeneur": promeneur.name, "period": period.key}), 1
		)
