# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe.tests.utils import PdnTestCase, make_user


class TestPdNProfession(PdnTestCase):
	def test_french_defaults_are_shipped(self):
		self.assertGreater(frappe.db.count("PdN Profession", {"enabled": 1}), 3)

	def test_promeneur_reads_but_cannot_edit(self):
		name = frappe.get_all("PdN Profession", limit=1, pluck="name")[0]
		frappe.set_user(make_user(roles=("PdN Promeneur",)))
		self.assertTrue(frappe.has_permission("PdN Profession", "read", name))
		self.assertFalse(frappe.has_permission("PdN Profession", "write", name))
		self.assertFalse(frappe.has_permission("PdN Profession", "create"))
