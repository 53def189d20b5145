# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The retention log is read by administrators only, and written by the daily job only."""

import frappe

from pdn_frappe.network import retention
from pdn_frappe.roles import ADMINISTRATOR, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_user

LOG = "PdN Retention Log"


class TestPdNRetentionLog(PdnTestCase):
	def test_the_job_writes_counts_only(self):
		log = retention.run("2001-01-01")
		self.assertTrue(log.name.startswith("PDN-RET-"))
		self.assertTrue(log.run_on)
		meta = frappe.get_meta(LOG)
		self.assertEqual(
			{df.fieldtype for df in meta.fields if df.fieldtype not in ("Column Break", "Section Break")},
			{"Datetime", "Int"},
			"no field could hold personal data",
		)

	def test_administrators_read_it_and_nobody_writes_it(self):
		retention.run("2001-01-01")
		administrator = make_user(roles=(ADMINISTRATOR,))
		frappe.set_user(administrator)
		self.assertTrue(frappe.get_list(LOG))
		self.assertFalse(frappe.has_permission(LOG, "create"))
		self.assertFalse(frappe.has_permission(LOG, "write"))
		self.assertFalse(frappe.has_permission(LOG, "delete"))

	def test_the_network_staff_does_not_see_it(self):
		retention.run("2001-01-01")
		coordinator = add_department_member("03", COORDINATOR)
		frappe.set_user(coordinator)
		self.assertFalse(frappe.has_permission(LOG, "read"))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list(LOG)
