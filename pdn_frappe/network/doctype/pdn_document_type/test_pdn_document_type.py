# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe.tests.utils import PdnTestCase, make_user


class TestPdNDocumentType(PdnTestCase):
	def test_french_defaults_are_shipped(self):
		self.assertGreater(frappe.db.count("PdN Document Type", {"enabled": 1}), 3)

	def test_promeneur_reads_but_cannot_edit(self):
		name = frappe.get_all("PdN Document Type", limit=1, pluck="name")[0]
		frappe.set_user(make_user(roles=("PdN Promeneur",)))
		self.assertTrue(frappe.has_permission("PdN Document Type", "read", name))
		self.assertFalse(frappe.has_permission("PdN Document Type", "write", name))
		self.assertFalse(frappe.has_permission("PdN Document Type", "create"))
