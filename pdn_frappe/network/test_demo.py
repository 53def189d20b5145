# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe.demo import network as demo
from pdn_frappe.network import demo as loader
from pdn_frappe.tests.utils import PdnTestCase

COUNTED = ("PdN Structure", "PdN Promeneur", "PdN Resource Referent", "User", "User Permission", "Has Role")


def snapshot() -> dict:
	return {doctype: frappe.db.count(doctype) for doctype in COUNTED}


class TestDemoLoader(PdnTestCase):
	"""The demo network loads in one call and loading it again changes nothing."""

	def test_demo_loads_once_and_twice_changes_nothing(self):
		network = demo.build_demo_network()
		loader.load(verbose=False, commit=False)
		after_first = snapshot()
		for department in ("03", "63"):
			expected = len(network.promeneurs_of(department))
			self.assertEqual(
				frappe.db.count("PdN Promeneur", {"department": department, "email": ("like", "%.example")})
				+ frappe.db.count(
					"PdN Promeneur", {"department": department, "email": ("like", "%@demo.pdn-frappe.fr")}
				),
				expected,
			)

		second = loader.load(verbose=False, commit=False)
		self.assertEqual(snapshot(), after_first)
		for kind in loader.KINDS:
			self.assertEqual(second[kind][loader.CREATED], 0, kind)

		# each demo login sees what the README says
		frappe.set_user("coordination03@demo.pdn-frappe.fr")
		self.assertEqual(set(frappe.get_list("PdN Promeneur", pluck="department")), {"03"})
		frappe.set_user("promeneur@demo.pdn-frappe.fr")
		self.assertEqual(len(frappe.get_list("PdN Promeneur")), 1)
		frappe.set_user("structure@demo.pdn-frappe.fr")
		self.assertEqual(len(frappe.get_list("PdN Structure")), 1)
