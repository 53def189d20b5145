# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime

import frappe
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe.conventions.report.conventions_and_subsidies_follow_up.conventions_and_subsidies_follow_up import (
	execute,
)
from pdn_frappe.conventions.testing import (
	ConventionsTestCase,
	complete_structure,
	make_active_convention,
	make_convention,
)
from pdn_frappe.roles import CAF_AGENT
from pdn_frappe.tests.utils import add_department_member


class TestConventionsAndSubsidiesFollowUp(ConventionsTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		year = getdate(nowdate()).year
		cls.year = year
		structure = complete_structure(department="63", postcode="63000", city="Clermont-Ferrand")
		cls.ending = make_active_convention(
			structure=structure.name,
			start_date=datetime.date(year - 1, 1, 1),
			end_date=add_days(nowdate(), 45),
			subsidies=[{"year": year - 1, "amount": 3000}, {"year": year, "amount": 4000}],
		)
		cls.ending.subsidies[0].paid_on = f"{year - 1}-06-01"
		cls.ending.save()
		cls.later = make_convention(
			structure=complete_structure(department="63", postcode="63000").name, years=3
		)

	def rows(self, **filters):
		names = {self.ending.name, self.later.name}
		columns, data, _, chart, summary = execute(frappe._dict(department="63", **filters))
		if filters.get("group_by") != "Department":
			data = [row for row in data if row.get("convention") in names]
		return {row.get("convention") or row.get("department"): row for row in data}, columns, chart, summary

	def test_amounts_documents_and_expiry_by_convention(self):
		rows, columns, chart, summary = self.rows()
		self.assertIn(self.later.name, rows)
		row = rows[self.ending.name]
		self.assertEqual((row["planned"], row["paid"], row["unpaid"]), (7000, 3000, 4000))
		self.assertEqual(row["days_left"], 45)
		missing = [
			r.document_type for r in self.ending.supporting_documents if r.status in ("Missing", "Expired")
		]
		self.assertEqual(row["missing_documents"], len(missing))
		late = [
			r
			for r in self.ending.yearly_reports
			if not r.received_on and getdate(r.due_date) < getdate(nowdate())
		]
		self.assertEqual(row["late_documents"], len(late))
		self.assertTrue(late, "last year's certificate of service is late")
		self.assertIn("planned", [c["fieldname"] for c in columns])
		self.assertIn(str(self.year - 1), chart["data"]["labels"])
		_, everything, *_ = execute(frappe._dict(department="63"))
		ending = [r for r in everything if r["days_left"] is not None and 0 <= r["days_left"] <= 90]
		self.assertIn(self.ending.name, [r["convention"] for r in ending])
		ending_card = next(s["value"] for s in summary if s["label"] == frappe._("Ending within 90 days"))
		self.assertEqual(ending_card, len(ending))

	def test_expiring_within_and_year_filters(self):
		rows, *_ = self.rows(expiring_within=60)
		self.assertEqual(list(rows), [self.ending.name])
		rows, *_ = self.rows(expiring_within=30)
		self.assertEqual(rows, {})
		rows, *_ = self.rows(year=self.year - 1)
		self.assertEqual(rows[self.ending.name]["paid"], 3000)
		self.assertEqual(rows[self.ending.name]["unpaid"], 0)
		self.assertNotIn(self.later.name, rows, "the later convention does not cover last year")

	def test_grouped_by_department(self):
		rows, *_ = self.rows(group_by="Department")
		_detail, *_ = self.rows()
		_, everything, *_ = execute(frappe._dict(department="63"))
		self.assertEqual(rows["63"]["conventions"], len(everything))
		self.assertEqual(rows["63"]["planned"], sum(row["planned"] for row in everything))
		self.assertGreaterEqual(rows["63"]["planned"], 7000 + 15000)

	def test_scope_of_a_caf_agent(self):
		agent = add_department_member("03", CAF_AGENT)
		frappe.set_user(agent)
		_, data, *_ = execute(frappe._dict())
		self.assertNotIn(self.ending.name, [row["convention"] for row in data])

	def test_recoveries_and_checks_computed_by_hand(self):
		today = getdate(nowdate())
		ending = frappe.get_doc("PdN Convention", self.ending.name)
		ending.append("inspections", {"checked_on": add_days(today, -40), "checked_by": "Contrôle Caf"})
		ending.append("inspections", {"checked_on": add_days(today, -10), "checked_by": "Contrôle Caf"})
		for amount, status, due, year in (
			(1200, "To recover", add_days(today, -30), self.year - 1),  # overdue
			(800, "To recover", add_days(today, 30), self.year),
			(500, "Recovered", add_days(today, -60), self.year - 1),
			(999, "Cancelled", add_days(today, -60), self.year - 1),  # counts for nothing
		):
			ending.append(
				"recoveries",
				{
					"amount": amount,
					"status": status,
					"due_date": due,
					"year": year,
					"reason": "Dépenses non justifiées",
					"recovered_on": add_days(today, -5) if status == "Recovered" else None,
				},
			)
		ending.save()
		later = frappe.get_doc("PdN Convention", self.later.name)
		later.append("recoveries", {"amount": 300, "due_date": add_days(today, 10), "reason": "Trop-perçu"})
		later.save()

		rows, columns, _chart, summary = self.rows()
		row = rows[self.ending.name]
		self.assertEqual((row["to_recover"], row["overdue_recovery"], row["recovered"]), (2000, 1200, 500))
		self.assertEqual((row["checks"], row["last_check"]), (2, add_days(today, -10)))
		self.assertEqual((rows[self.later.name]["to_recover"], rows[self.later.name]["checks"]), (300, 0))
		self.assertIn("to_recover", [c["fieldname"] for c in columns])
		_, everything, *_ = execute(frappe._dict(department="63"))
		card = next(s["value"] for s in summary if s["label"] == frappe._("Still to recover"))
		self.assertEqual(card, sum(r["to_recover"] for r in everything))
		self.assertGreaterEqual(card, 2300)

		# a subsidy year: the recoveries about that year only
		rows, *_ = self.rows(year=self.year - 1)
		self.assertEqual(
			(rows[self.ending.name]["to_recover"], rows[self.ending.name]["recovered"]), (1200, 500)
		)

		_, grouped, *_ = execute(frappe._dict(department="63", group_by="Structure"))
		by_structure = {r["structure"]: r for r in grouped}
		self.assertEqual(by_structure[self.ending.structure]["to_recover"], 2000)
		self.assertEqual(by_structure[self.ending.structure]["checks"], 2)
