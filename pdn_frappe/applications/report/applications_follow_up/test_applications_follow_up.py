# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, now_datetime

from pdn_frappe.applications.report.applications_follow_up.applications_follow_up import execute
from pdn_frappe.applications.testing import (
	CallTestCase,
	application_values,
	submit_as_guest,
)


class TestApplicationsFollowUp(CallTestCase):
	OTHER_DEPARTMENTS = ("63",)

	@classmethod
	def setUpClass(cls):
		super().setUpClass()

		def submit(department="03", days_ago=0):
			values = application_values(department=department, application_call=cls.call.name)
			name = submit_as_guest(values)["name"]
			frappe.db.set_value(
				"PdN Application",
				name,
				"submitted_on",
				add_days(now_datetime(), -days_ago),
				update_modified=False,
			)
			return name

		def act(user, name, action):
			frappe.set_user(user)
			apply_workflow(frappe.get_doc("PdN Application", name), action)
			frappe.set_user("Administrator")

		cls.pending = [submit(days_ago=40), submit(days_ago=2)]
		cls.accepted = submit(days_ago=10)
		act(cls.coordinator, cls.accepted, "Pre-select")
		act(cls.caf_agent, cls.accepted, "Accept")
		cls.in_63 = submit(department="63", days_ago=1)

	def rows(self, **filters):
		columns, data, _message, chart, summary = execute({"application_call": self.call.name, **filters})
		return columns, data, chart, summary

	def test_counts_and_delays_by_call_department_and_status(self):
		columns, data, chart, summary = self.rows()
		self.assertEqual(columns[0]["fieldname"], "application_call")
		by_key = {(row.department, row.state): row for row in data}
		self.assertEqual(by_key[("03", "Submitted")]["count"], 2)
		self.assertGreaterEqual(by_key[("03", "Submitted")].oldest_pending_days, 39)
		accepted = by_key[("03", "Accepted")]
		self.assertEqual(accepted["count"], 1)
		self.assertAlmostEqual(accepted.decision_days, 10, delta=1)
		self.assertAlmostEqual(accepted.preselection_days, 10, delta=1)
		self.assertEqual(by_key[("63", "Submitted")]["count"], 1)

		values = {item["label"]: item["value"] for item in summary}
		self.assertEqual(
			values[frappe._("Acceptance rate (%)")],
			frappe.format_value(100, {"fieldtype": "Float", "precision": 1}),
		)
		self.assertEqual(values[frappe._("Applications received")], 4)
		self.assertEqual(values[frappe._("Accepted")], 1)
		self.assertEqual(values[frappe._("Under review")], 3)
		self.assertEqual(sum(chart["data"]["datasets"][0]["values"]), 4)

	def test_filters(self):
		_columns, data, _chart, _summary = self.rows(department="63")
		self.assertEqual([(row.department, row["count"]) for row in data], [("63", 1)])
		_columns, data, _chart, _summary = self.rows(workflow_state="Accepted")
		self.assertEqual([row.state for row in data], ["Accepted"])

	def test_each_coordinator_counts_their_own_department_only(self):
		frappe.set_user(self.other_coordinator)
		_columns, data, _chart, _summary = self.rows()
		self.assertEqual({row.department for row in data}, {"63"})
		frappe.set_user(self.coordinator)
		_columns, data, _chart, _summary = self.rows()
		self.assertEqual({row.department for row in data}, {"03"})
