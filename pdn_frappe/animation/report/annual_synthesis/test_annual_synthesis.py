# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime

import frappe

from pdn_frappe.animation.report.annual_synthesis.annual_synthesis import execute
from pdn_frappe.animation.testing import make_activity, make_training
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_structure

DEPARTMENT = "976"  # a department neither the demo nor the national benchmark data fill
ANIMATEUR = "Animateur enfance-jeunesse"
EDUCATEUR = "Éducateur spécialisé"
INFORMATEUR = "Informateur jeunesse"


def on(year, month, day, hour=9):
	return datetime.datetime(year, month, day, hour, 0)


class TestAnnualSynthesis(PdnTestCase):
	OUTGOING_EMAIL = True

	def setUp(self):
		centre = make_structure(department=DEPARTMENT, structure_type="Centre social").name
		library = make_structure(department=DEPARTMENT, structure_type="Médiathèque").name

		def promeneur(structure, profession, status, **dates):
			return make_promeneur(structure=structure, profession=profession, status=status, **dates)

		promeneur(centre, ANIMATEUR, "Active", active_since="2028-05-01")
		promeneur(library, EDUCATEUR, "Active", candidate_since="2030-01-15", active_since="2030-03-01")
		promeneur(centre, ANIMATEUR, "Left", active_since="2029-02-01", ended_on="2030-02-01")
		promeneur(library, INFORMATEUR, "Candidate", candidate_since="2030-11-02")
		promeneur(centre, EDUCATEUR, "Left", active_since="2027-01-01", ended_on="2029-06-30")

		for kind, count, year in (
			("Individual presentation", 3, 2030),
			("Collective presentation", 2, 2030),
			("Public workshop", 1, 2030),
			("Individual presentation", 1, 2029),
			("Funding search", 2, 2030),  # not in the synthesis
		):
			for _ in range(count):
				make_activity(DEPARTMENT, kind, 2, activity_date=f"{year}-05-15")

		make_training(DEPARTMENT, starts_on=on(2030, 6, 4), hours=8, title="Posture éducative", status="Held")
		make_training(DEPARTMENT, starts_on=on(2030, 10, 8), hours=3, title="Optimiser les réseaux")
		make_training(DEPARTMENT, starts_on=on(2030, 11, 8), hours=8, title="Annulée", status="Cancelled")
		for kind, month in (
			("Practice exchange", 3),
			("Practice analysis", 9),
			("Welcome meeting", 11),
			("Departmental meeting", 1),
		):
			make_training(DEPARTMENT, starts_on=on(2030, month, 12, 14), hours=2, kind=kind)
		make_training(DEPARTMENT, starts_on=on(2029, 5, 12, 14), hours=2, kind="Practice exchange")

	def table(self, **filters):
		columns, data, _message, chart, summary = execute({"year": 2030, "department": DEPARTMENT, **filters})
		return columns, data, chart, summary

	def test_the_synthesis_equals_the_table_computed_by_hand(self):
		columns, data, chart, summary = self.table()
		self.assertEqual([column["label"] for column in columns[1:3]], ["2030", "2029"])
		header, *rows = data
		self.assertEqual(header["indent"], 0)
		self.assertTrue(header["label"].startswith(f"{DEPARTMENT} – "))
		by_indicator = {row["indicator"]: (row["value"], row["previous"], row["change"]) for row in rows}
		expected = {
			"promeneurs": (4, 3, 1),
			"target_promeneurs": (None, None, None),  # no target set
			"target_gap": (None, None, None),
			"profile_types": (3, 2, 1),
			"structure_types": (2, 1, 1),
			"individual_presentations": (3, 1, 2),
			"collective_presentations": (2, 0, 2),
			"public_workshops": (1, 0, 1),
			"practice_exchanges": (2, 1, 1),
			"welcome_meetings": (1, 0, 1),
			"departmental_meetings": (1, 0, 1),
			"training_days": (1.5, 0, 1.5),
		}
		self.assertEqual(by_indicator, expected)
		details = {row["indicator"]: row["details"] for row in rows}
		self.assertEqual(set(details["profile_types"].split(", ")), {ANIMATEUR, EDUCATEUR, INFORMATEUR})
		self.assertEqual(set(details["structure_types"].split(", ")), {"Centre social", "Médiathèque"})
		self.assertIn("Posture éducative", details["training_days"])
		self.assertIn("Optimiser les réseaux", details["training_days"])
		self.assertNotIn("Annulée", details["training_days"])
		self.assertIn("2", details["promeneurs"])  # of which 2 active on 31 December

		self.assertEqual([dataset["name"] for dataset in chart["data"]["datasets"]], ["2029", "2030"])
		self.assertEqual(chart["data"]["datasets"][1]["values"], [4, 3, 2, 1, 2, 1, 1.5])
		self.assertEqual(summary[0]["value"], "4")
		days = next(row for row in rows if row["indicator"] == "training_days")
		self.assertEqual(
			(days["value_text"], days["change_text"]),
			(
				frappe.format(1.5, {"fieldtype": "Float", "precision": 1}),
				"+" + frappe.format(1.5, {"fieldtype": "Float", "precision": 1}),
			),
		)
		promeneurs = next(row for row in rows if row["indicator"] == "promeneurs")
		self.assertEqual(
			(promeneurs["value_text"], promeneurs["previous_text"], promeneurs["change_text"]),
			("4", "3", "+1"),
		)

	def test_the_target_and_the_gap(self):
		frappe.db.set_value("PdN Department", DEPARTMENT, "target_promeneurs", 3)
		_columns, data, _chart, summary = self.table()
		rows = {row.get("indicator"): row for row in data}
		target, gap = rows["target_promeneurs"], rows["target_gap"]
		# the target in force, for the year chosen only
		self.assertEqual((target["value"], target["previous"], target["change"]), (3, None, None))
		self.assertEqual((target["value_text"], target["previous_text"]), ("3", ""))
		# 2 active on 31 December 2030 against a target of 3
		self.assertEqual((gap["value"], gap["value_text"], gap["previous_text"]), (-1, "-1", ""))
		self.assertEqual(
			gap["details"], frappe._("{0} active on 31 December against a target of {1}").format(2, 3)
		)
		self.assertEqual(summary[1]["label"], frappe._("Active promeneurs / target"))
		self.assertEqual((summary[1]["value"], summary[1]["indicator"]), ("2 / 3", "Red"))
		frappe.db.set_value("PdN Department", DEPARTMENT, "target_promeneurs", 2)
		_columns, data, _chart, summary = self.table()
		gap = next(row for row in data if row.get("indicator") == "target_gap")
		self.assertEqual((gap["value"], gap["value_text"]), (0, "0"))
		self.assertEqual((summary[1]["value"], summary[1]["indicator"]), ("2 / 2", "Green"))

	def test_without_a_target_the_rows_stay_empty(self):
		_columns, data, _chart, summary = self.table()
		target = next(row for row in data if row.get("indicator") == "target_promeneurs")
		self.assertEqual(
			(target["value_text"], target["details"]), ("", frappe._("No target set for the department"))
		)
		self.assertNotIn(frappe._("Active promeneurs / target"), [item["label"] for item in summary])

	def test_a_coordinator_only_sees_their_department(self):
		coordinator03 = add_department_member("03", COORDINATOR)
		coordinator48 = add_department_member(DEPARTMENT, COORDINATOR)
		frappe.set_user(coordinator03)
		_columns, data, _chart, _summary = self.table()
		self.assertEqual(data, [])
		frappe.set_user(coordinator48)
		_columns, data, _chart, _summary = (*execute({"year": 2030})[:2], None, None)
		self.assertEqual({row.get("department") for row in data}, {DEPARTMENT})
