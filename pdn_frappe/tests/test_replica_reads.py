# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Every script report and custom number card of the app reads through Frappe's replica support.

``@frappe.read_only()`` switches the connection to the MariaDB replica when the site's
configuration has ``read_from_replica``. The decorator leaves no attribute behind, but every
function it wraps runs the same inner code: a callable is wrapped when that code is on its chain of
``__wrapped__`` functions.
"""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

APP = "pdn_frappe"
READ_ONLY_CODE = frappe.read_only()(lambda: None).__code__


def reads_from_replica(function) -> bool:
	while function is not None:
		if getattr(function, "__code__", None) is READ_ONLY_CODE:
			return True
		function = getattr(function, "__wrapped__", None)
	return False


def app_modules() -> list[str]:
	return frappe.get_all("Module Def", filters={"app_name": APP}, pluck="name")


class TestReplicaReads(FrappeTestCase):
	def test_every_script_report_executes_through_the_replica(self):
		reports = frappe.get_all(
			"Report",
			filters={"module": ("in", app_modules()), "report_type": "Script Report", "is_standard": "Yes"},
			fields=["name", "module"],
		)
		self.assertTrue(reports)
		for report in reports:
			module = frappe.get_module(
				f"{frappe.scrub(APP)}.{frappe.scrub(report.module)}.report."
				f"{frappe.scrub(report.name)}.{frappe.scrub(report.name)}"
			)
			with self.subTest(report=report.name):
				self.assertTrue(reads_from_replica(module.execute))

	def test_every_custom_number_card_reads_through_the_replica(self):
		methods = frappe.get_all(
			"Number Card", filters={"module": ("in", app_modules()), "type": "Custom"}, pluck="method"
		)
		self.assertTrue(methods)
		for method in methods:
			with self.subTest(method=method):
				self.assertTrue(reads_from_replica(frappe.get_attr(method)))

	def test_a_site_with_a_replica_sends_the_reports_there(self):
		from pdn_frappe.evaluation import dashboard
		from pdn_frappe.evaluation.report.evaluation_follow_up import evaluation_follow_up
		from pdn_frappe.evaluation.report.promeneurs_activity_report import promeneurs_activity_report

		frappe.set_user("Administrator")
		filters = {"period_type": "Quarter", "year": 2013, "department": "976"}
		calls = [
			lambda: promeneurs_activity_report.execute(dict(filters)),
			lambda: evaluation_follow_up.execute(dict(filters)),
			dashboard.questionnaires_due_this_quarter,
		]
		previous = frappe.conf.get("read_from_replica")
		frappe.conf.read_from_replica = 1
		try:
			for call in calls:
				with patch("frappe.connect_replica", return_value=False) as connect:
					call()
				self.assertTrue(connect.called)
		finally:
			frappe.conf.read_from_replica = previous
