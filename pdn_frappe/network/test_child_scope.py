# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""Child rows listed through the REST API follow their parent record's scope.

``frappe.client.get_list`` of a child doctype (with ``parent``) checks the parent doctype's
permission only; the scope module's ``child_query_conditions`` keeps each row with its parent.
"""

import frappe
from frappe.client import get_list

from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur

PROFILE = "PdN Network Profile"


def profile(promeneur) -> None:
	doc = frappe.get_doc("PdN Promeneur", promeneur.name)
	doc.append("network_profiles", {"social_network": "Instagram", "profile_name": f"{doc.first_name} PdN"})
	doc.save(ignore_permissions=True)


class TestChildScope(PdnTestCase):
	def test_every_child_doctype_of_the_app_is_scoped_with_its_parent(self):
		modules = frappe.get_all("Module Def", filters={"app_name": "pdn_frappe"}, pluck="name")
		children = frappe.get_all("DocType", filters={"module": ("in", modules), "istable": 1}, pluck="name")
		hooks = frappe.get_hooks("permission_query_conditions")
		missing = [
			name
			for name in children
			if "pdn_frappe.network.scope.child_query_conditions" not in hooks.get(name, [])
		]
		self.assertEqual(missing, [])

	def test_a_coordinator_lists_the_rows_of_their_department_only(self):
		ours, theirs = make_promeneur(department="63"), make_promeneur(department="03")
		profile(ours)
		profile(theirs)
		frappe.set_user(add_department_member("63", COORDINATOR))
		parents = {
			row.parent
			for row in get_list(PROFILE, fields=["parent"], parent="PdN Promeneur", limit_page_length=0)
		}
		self.assertIn(ours.name, parents)
		self.assertNotIn(theirs.name, parents)

	def test_a_promeneur_lists_the_themes_of_their_own_proposals_only(self):
		author = make_promeneur(department="03")
		author_user = author.create_login(send_welcome_email=False)
		colleague_user = make_promeneur(department="03").create_login(send_welcome_email=False)
		frappe.set_user(author_user)
		proposal = frappe.get_doc(
			{
				"doctype": "PdN Resource Proposal",
				"full_name": "Marc Dupuis",
				"themes": [{"theme": "Santé"}],
			}
		).insert()

		def parents():
			rows = get_list(
				"PdN Theme Row", fields=["parent"], parent="PdN Resource Proposal", limit_page_length=0
			)
			return {row.parent for row in rows}

		self.assertIn(proposal.name, parents())
		frappe.set_user(colleague_user)
		self.assertNotIn(proposal.name, parents())
