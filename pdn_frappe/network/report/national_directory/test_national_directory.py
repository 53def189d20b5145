# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""The national directory lists exactly the promeneurs the public directory lists, within the
user's departments, with what the national site asks."""

import frappe
from frappe.desk.query_report import run

from pdn_frappe.domain.directory import DirectoryFilters
from pdn_frappe.network import directory
from pdn_frappe.network.report.national_directory.national_directory import execute
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_structure


def names(filters=None) -> list[str]:
	_columns, rows, *_ = execute(filters or {})
	return [row.promeneur for row in rows]


def public_listing(department: str) -> set[str]:
	"""What a visitor of /promeneurs sees for the department (every page at once)."""
	frappe.set_user("Guest")
	try:
		profiles, total = directory.search(DirectoryFilters(department=department), 100_000)
	finally:
		frappe.set_user("Administrator")
	assert len(profiles) == total
	return {profile.name for profile in profiles}


class TestNationalDirectory(PdnTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from pdn_frappe.conventions.testing import complete_structure, make_active_convention

		structure = complete_structure(department="63", postcode="63000", city="Clermont-Ferrand")
		make_active_convention(structure=structure.name)
		cls.listed = make_promeneur(
			structure=structure.name,
			first_name="Zoé",
			last_name="Annuaire",
			email="zoe.annuaire@example.org",
			directory_consent=1,
			public_parents=1,
			network_profiles=[
				{
					"social_network": "Instagram",
					"profile_name": "Zoé PdN",
					"profile_url": "https://www.instagram.com/zoe",
				}
			],
			office_hours=[{"weekday": "Wednesday", "from_time": "14:00:00", "to_time": "16:30:00"}],
		)
		cls.no_consent = make_promeneur(structure=structure.name, directory_consent=0)
		cls.suspended = make_promeneur(structure=structure.name, directory_consent=1, status="Suspended")
		# active and consenting, but their structure has no convention in force
		cls.no_convention = make_promeneur(
			structure=make_structure(department="63", postcode="63000").name, directory_consent=1
		)
		other = complete_structure(department="03", postcode="03200", city="Vichy")
		make_active_convention(structure=other.name)
		cls.elsewhere = make_promeneur(structure=other.name, directory_consent=1)
		cls.coordinator = add_department_member("63", COORDINATOR)
		cls.caf = add_department_member("63", CAF_AGENT)
		cls.other_coordinator = add_department_member("03", COORDINATOR)

	def test_the_rows_are_exactly_the_public_listing_of_the_department(self):
		expected = public_listing("63")
		self.assertIn(self.listed.name, expected)
		for user in (self.coordinator, self.caf):
			frappe.set_user(user)
			rows = names()
			self.assertEqual(len(rows), len(set(rows)))
			self.assertEqual(set(rows), expected)
		for hidden in (self.no_consent, self.suspended, self.no_convention, self.elsewhere):
			self.assertNotIn(hidden.name, rows)

	def test_another_departments_coordinator_sees_none_of_them(self):
		frappe.set_user(self.other_coordinator)
		rows = names()
		self.assertEqual(set(rows), public_listing("03"))
		self.assertIn(self.elsewhere.name, rows)
		self.assertFalse(set(rows) & public_listing("63"))
		frappe.set_user(self.other_coordinator)
		self.assertEqual(names({"department": "63"}), [])

	def test_a_row_carries_what_the_national_site_asks(self):
		frappe.set_user(self.coordinator)
		_columns, rows, _message, _chart, summary = execute({"department": "63"})
		row = next(row for row in rows if row.promeneur == self.listed.name)
		self.assertEqual(
			(row.first_name, row.last_name, row.email), ("Zoé", "Annuaire", "zoe.annuaire@example.org")
		)
		self.assertEqual(row.department, "63")
		self.assertIn("Instagram : Zoé PdN (https://www.instagram.com/zoe)", row.networks)
		self.assertIn("14h-16h30", row.office_hours)
		self.assertEqual(row.national_registration, "To register")
		self.assertEqual(summary[0]["value"], len(rows))
		self.assertEqual(
			summary[1]["value"], sum(1 for row in rows if row.national_registration == "To register")
		)
		self.assertEqual(
			names({"department": "63", "national_registration": "Registered"}),
			[row.promeneur for row in rows if row.national_registration == "Registered"],
		)

	def test_nothing_a_promeneur_types_becomes_a_formula_in_the_spreadsheet(self):
		frappe.db.set_value("PdN Promeneur", self.listed.name, "last_name", '=HYPERLINK("https://x.example")')
		frappe.set_user(self.coordinator)
		_columns, rows, *_ = execute({"department": "63"})
		row = next(row for row in rows if row.promeneur == self.listed.name)
		self.assertEqual(row.last_name, '\'=HYPERLINK("https://x.example")')

	def test_a_promeneur_cannot_run_it(self):
		user = self.listed.create_login(send_welcome_email=False)
		frappe.set_user(user)
		with self.assertRaises(frappe.PermissionError):
			run("National Directory", filters={})
