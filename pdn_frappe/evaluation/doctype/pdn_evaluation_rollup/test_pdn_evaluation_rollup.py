# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The rollup equals the questionnaires after every submission, cancellation, amendment and
reopening; rebuilt from scratch it is the same; the activity figures read from it are those added
up from the questionnaires, for every kind of user; and nobody but a System Manager reads it."""

import frappe

from pdn_frappe.evaluation import aggregates, rollup
from pdn_frappe.evaluation.testing import make_active_promeneur, make_evaluation
from pdn_frappe.roles import CAF_AGENT, COORDINATOR, PROMENEUR_ROLE
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_structure, make_user

DEPARTMENT = "976"  # a department neither the demo nor the national benchmark data fill
YEAR = 2013
KEY = {"department": DEPARTMENT, "year": YEAR}


class TestPdNEvaluationRollup(PdnTestCase):
	def setUp(self):
		self.structure = make_structure(department=DEPARTMENT, postcode="97600", city="Mamoudzou").name
		self.other = make_structure(department=DEPARTMENT, postcode="97600", city="Mamoudzou").name
		self.p1 = make_active_promeneur(structure=self.structure, since="2012-01-01").name
		self.p2 = make_active_promeneur(structure=self.other, since="2012-01-01").name

	def assertRollupIsTheQuestionnaires(self):
		self.assertEqual(rollup.differences(KEY), [])

	def row(self, quarter: str) -> dict | None:
		return frappe.db.get_value(
			rollup.ROLLUP,
			{"department": DEPARTMENT, "period": f"{YEAR}-{quarter}"},
			["answered", "hours_online", "youths_contacted", "interest_trainings_stars", "name"],
			as_dict=True,
		)

	def counts(self, quarter: str) -> dict:
		row = self.row(quarter)
		return {
			(count.link_doctype, count.value): count.questionnaires
			for count in frappe.get_all(
				rollup.COUNT,
				filters={"parent": row.name if row else ""},
				fields=["link_doctype", "value", "questionnaires"],
			)
		}

	def test_a_submission_adds_its_figures_and_a_draft_nothing(self):
		make_evaluation(self.p1, year=YEAR, quarter=1)
		self.assertIsNone(self.row("Q1"))
		make_evaluation(self.p2, year=YEAR, quarter=1, submit=True, hours_online=12.5, interest_trainings=0.6)
		row = self.row("Q1")
		self.assertEqual((row.answered, row.hours_online, row.interest_trainings_stars), (1, 12.5, 3))
		self.assertEqual(self.counts("Q1")[("PdN Theme", "Santé")], 1)
		self.assertRollupIsTheQuestionnaires()

		make_evaluation(self.p1, year=YEAR, quarter=2, submit=True, youths_contacted=27)
		self.assertEqual(self.row("Q2").youths_contacted, 27)
		self.assertRollupIsTheQuestionnaires()

	def test_two_questionnaires_of_a_department_and_period_add_up(self):
		make_evaluation(self.p1, year=YEAR, quarter=1, submit=True, hours_online=10)
		make_evaluation(self.p2, year=YEAR, quarter=1, submit=True, hours_online=5.25)
		row = self.row("Q1")
		self.assertEqual((row.answered, row.hours_online), (2, 15.25))
		self.assertEqual(self.counts("Q1")[("PdN Social Network", "Instagram")], 2)
		self.assertRollupIsTheQuestionnaires()

	def test_a_cancellation_takes_them_away(self):
		kept = make_evaluation(self.p1, year=YEAR, quarter=1, submit=True, hours_online=10)
		cancelled = make_evaluation(self.p2, year=YEAR, quarter=1, submit=True, hours_online=4)
		cancelled.cancel()
		row = self.row("Q1")
		self.assertEqual((row.answered, row.hours_online), (1, 10))
		self.assertRollupIsTheQuestionnaires()

		kept.cancel()
		self.assertIsNone(self.row("Q1"), "an emptied row goes")
		self.assertFalse(frappe.db.exists(rollup.COUNT, {"parent": row.name}), "and its counts with it")
		self.assertRollupIsTheQuestionnaires()

	def test_an_amendment_replaces_the_figures(self):
		original = make_evaluation(
			self.p1, year=YEAR, quarter=1, submit=True, hours_online=10, themes=[{"theme": "Santé"}]
		)
		original.cancel()
		amended = frappe.copy_doc(original)
		amended.docstatus = 0
		amended.amended_from = original.name
		amended.hours_online = 14
		amended.set("themes", [{"theme": "Logement"}])
		amended.insert(ignore_permissions=True)
		amended.submit()
		row = self.row("Q1")
		self.assertEqual((row.answered, row.hours_online), (1, 14))
		self.assertEqual(
			{key: n for key, n in self.counts("Q1").items() if key[0] == "PdN Theme"},
			{("PdN Theme", "Logement"): 1},
		)
		self.assertRollupIsTheQuestionnaires()

	def test_a_reopened_questionnaire_leaves_until_submitted_again(self):
		doc = make_evaluation(self.p1, year=YEAR, quarter=1, submit=True, hours_online=10)
		draft = frappe.get_doc("PdN Evaluation", doc.reopen("Chiffres à corriger"))
		self.assertIsNone(self.row("Q1"))
		draft.hours_online = 11
		draft.submit()
		self.assertEqual(self.row("Q1").hours_online, 11)
		self.assertRollupIsTheQuestionnaires()

	def test_rebuilt_from_scratch_it_is_the_same(self):
		make_evaluation(self.p1, year=YEAR, quarter=1, submit=True, hours_online=10)
		make_evaluation(self.p2, year=YEAR, quarter=3, submit=True, hours_online=3)
		fields = ["name", *rollup.MEASURE_FIELDS]
		before = frappe.get_all(rollup.ROLLUP, filters=KEY, fields=fields, order_by="name")
		self.assertEqual(len(before), 2)
		rollup.rebuild(KEY, verbose=False)
		self.assertEqual(frappe.get_all(rollup.ROLLUP, filters=KEY, fields=fields, order_by="name"), before)
		self.assertRollupIsTheQuestionnaires()

	def test_figures_from_the_rollup_are_those_of_the_questionnaires(self):
		make_evaluation(self.p1, year=YEAR, quarter=1, submit=True, hours_online=10, interest_network=0.8)
		make_evaluation(self.p2, year=YEAR, quarter=1, submit=True, hours_online=2.75)
		make_evaluation(self.p1, year=YEAR, quarter=2, submit=True, youths_contacted=33)
		make_evaluation(self.p2, year=YEAR, quarter=2)  # a draft
		for filters in (
			{"year": YEAR, "department": DEPARTMENT},
			{"year": YEAR, "department": DEPARTMENT, "quarter": "Q1"},
		):
			with self.subTest(filters=filters):
				from_rollup = aggregates.activity_figures(filters, source=aggregates.ROLLUP)
				self.assertEqual(
					from_rollup, aggregates.activity_figures(filters, source=aggregates.QUESTIONNAIRES)
				)
				self.assertEqual(from_rollup.promeneurs, 2)

		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		frappe.set_user(coordinator)
		filters = {"year": YEAR}
		self.assertEqual(aggregates.figures_source(frappe._dict(filters)), aggregates.ROLLUP)
		self.assertEqual(
			aggregates.activity_figures(filters),
			aggregates.activity_figures(filters, source=aggregates.QUESTIONNAIRES),
		)
		self.assertEqual(aggregates.activity_figures(filters).answered, 3, "the department only")

	def test_structures_missions_and_promeneurs_are_read_from_the_questionnaires(self):
		self.assertEqual(
			aggregates.figures_source(frappe._dict(year=YEAR, structure=self.structure)),
			aggregates.QUESTIONNAIRES,
		)
		self.assertEqual(
			aggregates.figures_source(frappe._dict(year=YEAR, mission="Youth")), aggregates.QUESTIONNAIRES
		)
		make_evaluation(self.p1, year=YEAR, quarter=1, submit=True, hours_online=10)
		make_evaluation(self.p2, year=YEAR, quarter=1, submit=True, hours_online=3)
		user = make_user(roles=(PROMENEUR_ROLE,))
		promeneur = frappe.get_doc("PdN Promeneur", self.p1)
		promeneur.user = user
		promeneur.save(ignore_permissions=True)
		frappe.set_user(user)
		self.assertEqual(aggregates.figures_source(frappe._dict(year=YEAR)), aggregates.QUESTIONNAIRES)
		figures = aggregates.activity_figures({"year": YEAR, "department": DEPARTMENT})
		self.assertEqual((figures.answered, figures.total("hours_online")), (1, 10), "their own only")

	def test_only_a_system_manager_reads_it(self):
		make_evaluation(self.p1, year=YEAR, quarter=1, submit=True)
		for role in (COORDINATOR, CAF_AGENT):
			frappe.set_user(add_department_member(DEPARTMENT, role))
			with self.subTest(role=role):
				self.assertFalse(frappe.has_permission(rollup.ROLLUP, "read"))
		frappe.set_user("Administrator")
		self.assertTrue(frappe.get_list(rollup.ROLLUP, filters=KEY))
		meta = frappe.get_meta(rollup.ROLLUP)
		self.assertEqual(
			{df.fieldtype for df in meta.fields if df.fieldname in rollup.MEASURE_FIELDS}, {"Int", "Float"}
		)
