# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime

from pdn_frappe.animation.report.themes_addressed.themes_addressed import execute
from pdn_frappe.animation.testing import make_activity, make_training
from pdn_frappe.tests.utils import PdnTestCase

DEPARTMENT = "976"  # a department neither the demo nor the national benchmark data fill


class TestThemesAddressed(PdnTestCase):
	OUTGOING_EMAIL = True

	def test_themes_are_counted_across_trainings_and_the_log(self):
		make_training(
			DEPARTMENT,
			starts_on=datetime.datetime(2030, 3, 10, 9, 0),
			themes=[{"theme": "Santé"}, {"theme": "Harcèlement et cyberharcèlement"}],
		)
		make_activity(
			DEPARTMENT, "Public workshop", 2, activity_date="2030-03-12", themes=[{"theme": "Santé"}]
		)
		make_training(
			DEPARTMENT,
			starts_on=datetime.datetime(2030, 3, 11, 9, 0),
			status="Cancelled",
			themes=[{"theme": "Logement"}],
		)
		_columns, data, _message, chart = execute(
			{"from_date": "2030-01-01", "to_date": "2030-12-31", "department": DEPARTMENT}
		)
		rows = {row["theme"]: row for row in data}
		self.assertEqual(rows["Santé"]["total"], 2)
		self.assertEqual((rows["Santé"]["trainings"], rows["Santé"]["activities"]), (1, 1))
		self.assertNotIn("Logement", rows)
		self.assertEqual(chart["data"]["labels"][0], "Santé")
