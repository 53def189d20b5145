# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe import exceptions, roles
from pdn_frappe.network import scope
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_user

BUDGET = "PdN Coordination Budget"
YEAR = 2031


def make_budget(user="Administrator", **kwargs):
	current = frappe.session.user
	frappe.set_user(user)
	try:
		return frappe.get_doc(
			{
				"doctype": BUDGET,
				"department": kwargs.pop("department", "03"),
				"year": kwargs.pop("year", YEAR),
				"fte": kwargs.pop("fte", 0.8),
				"funding_per_fte": kwargs.pop("funding_per_fte", 30000),
				"co_funders": kwargs.pop(
					"co_funders",
					[{"funder": "Conseil départemental", "amount": 6000}, {"funder": "MSA", "amount": 1500}],
				),
				**kwargs,
			}
		).insert()
	finally:
		frappe.set_user(current)


class TestPdNCoordinationBudget(PdnTestCase):
	def setUp(self):
		self.caf_agent = add_department_member("03", roles.CAF_AGENT)
		self.coordinator = add_department_member("03", roles.COORDINATOR)
		self.other = add_department_member("63", roles.CAF_AGENT)

	def test_the_totals_computed_by_hand(self):
		budget = make_budget(user=self.caf_agent)
		# CAF 30 000 x 0.8 = 24 000 ; co-funding 7 500 ; total 31 500 ; CAF share 76.2 %
		self.assertEqual(
			(budget.caf_funding, budget.co_funding, budget.total_budget, budget.caf_share),
			(24000, 7500, 31500, 76.2),
		)
		self.assertEqual(budget.name, f"PDN-BUD-03-{YEAR}")
		budget.fte = 1
		budget.append("co_funders", {"funder": "Ville de Moulins", "amount": 500})
		budget.save()
		self.assertEqual((budget.caf_funding, budget.co_funding, budget.total_budget), (30000, 8000, 38000))
		with self.assertRaises(exceptions.DuplicateBudgetError):
			make_budget(user=self.caf_agent)

	def test_hostile_values_are_refused_and_nothing_is_saved(self):
		for values in (
			{"fte": 0},
			{"fte": 12},
			{"funding_per_fte": -1},
			{"year": 1990},
			{"co_funders": [{"funder": "MSA", "amount": 10}, {"funder": " msa", "amount": 20}]},
			{"co_funders": [{"funder": "MSA", "amount": -10}]},
			{"co_funders": [{"funder": "   ", "amount": 10}]},
		):
			with self.subTest(values=values), self.assertRaises(frappe.ValidationError):
				make_budget(user=self.caf_agent, **values)
		with self.assertRaises(exceptions.PersonalDataError):
			make_budget(user=self.caf_agent, note="Contact : lea.martin@example.com")
		self.assertFalse(frappe.db.exists(BUDGET, {"year": YEAR}))

	def test_each_department_reads_and_changes_its_own_budget_only(self):
		mine = make_budget(user=self.caf_agent)
		theirs = make_budget(user=self.other, department="63")
		for user in (self.caf_agent, self.coordinator):
			frappe.set_user(user)
			self.assertEqual(set(frappe.get_list(BUDGET, filters={"year": YEAR}, pluck="name")), {mine.name})
			self.assertEqual(scope.get_count(BUDGET, filters={"name": theirs.name}), 0)
			self.assertRaises(frappe.PermissionError, frappe.client.get, BUDGET, theirs.name)
			doc = frappe.get_doc(BUDGET, theirs.name)
			doc.fte = 2
			self.assertRaises(frappe.PermissionError, doc.save)
		frappe.set_user(self.coordinator)
		self.assertRaises(
			frappe.PermissionError, make_budget, user=self.coordinator, department="63", year=YEAR + 1
		)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(BUDGET, theirs.name, "fte"), 1 * 0.8)

	def test_structure_managers_promeneurs_and_withdrawn_users_see_nothing(self):
		budget = make_budget()
		promeneur = make_promeneur(department="03")
		login = promeneur.create_login(send_welcome_email=False)
		manager = make_user(roles=(roles.STRUCTURE_MANAGER,))
		for user in (login, manager):
			frappe.set_user(user)
			self.assertRaises(frappe.PermissionError, frappe.client.get, BUDGET, budget.name)
			self.assertRaises(frappe.PermissionError, make_budget, user=user, year=YEAR + 2)
			frappe.set_user("Administrator")
		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != self.caf_agent]
		department.save(ignore_permissions=True)
		frappe.set_user(self.caf_agent)
		self.assertRaises(frappe.PermissionError, frappe.client.get, BUDGET, budget.name)
		self.assertRaises(frappe.PermissionError, make_budget, user=self.caf_agent, year=YEAR + 3)
