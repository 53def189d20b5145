# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe.domain.directory import DirectoryFilters
from pdn_frappe.network import directory
from pdn_frappe.tests.utils import PdnTestCase, make_promeneur


class TestPublicDirectory(PdnTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from pdn_frappe.conventions.testing import complete_structure, make_active_convention

		cls.structure = complete_structure(department="63", postcode="63000", city="Clermont-Ferrand")
		# a promeneur is listed only while their structure's convention is in force
		make_active_convention(structure=cls.structure.name)
		cls.listed = make_promeneur(
			structure=cls.structure.name,
			first_name="Zoé",
			last_name="Secret",
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
		cls.no_consent = make_promeneur(structure=cls.structure.name, first_name="Yanis", directory_consent=0)
		cls.suspended = make_promeneur(
			structure=cls.structure.name, first_name="Xavier", directory_consent=1, status="Suspended"
		)

	def setUp(self):
		frappe.set_user("Guest")

	def names(self, **filters) -> list[str]:
		profiles, _total = directory.search(DirectoryFilters(department="63", **filters), 500)
		return [profile.name for profile in profiles]

	def test_only_active_consenting_promeneurs_are_listed(self):
		names = self.names()
		self.assertIn(self.listed.name, names)
		self.assertNotIn(self.no_consent.name, names)
		self.assertNotIn(self.suspended.name, names)

	def test_filters_narrow_the_list(self):
		self.assertIn(self.listed.name, self.names(network="Instagram"))
		self.assertNotIn(self.listed.name, self.names(network="Snapchat"))
		self.assertIn(self.listed.name, self.names(public="parents"))
		self.assertNotIn(self.listed.name, self.names(public="12-17"))
		self.assertIn(self.listed.name, self.names(query="Clermont"))
		self.assertNotIn(self.listed.name, self.names(query="Secret"), "last names are not searchable")
		profiles, _total = directory.search(DirectoryFilters(department="03"), 500)
		self.assertNotIn(self.listed.name, [p.name for p in profiles])

	def test_public_page_shows_no_contact_details(self):
		profile = directory.get_profile(self.listed.name)
		self.assertEqual(profile.first_name, "Zoé")
		self.assertEqual(profile.office_hours, [{"weekday": "Wednesday", "from": "14h", "to": "16h30"}])
		self.assertNotIn("Secret", repr(profile))
		self.assertNotIn(self.listed.email, repr(profile))
		self.assertIsNone(directory.get_profile(self.no_consent.name))

	def test_pages_render_for_guests(self):
		from frappe.website.serve import get_response_content

		frappe.local.form_dict = frappe._dict(department="63", q=self.structure.structure_name)
		html = get_response_content("promeneurs")
		self.assertTrue("Zoé" in html, "the listed promeneur is on the page")
		self.assertFalse("Yanis" in html, "a promeneur without consent is not")
		frappe.local.form_dict = frappe._dict(name=self.listed.name)
		html = get_response_content("promeneurs/profile")
		self.assertTrue("Zoé PdN" in html, "the network profile is shown")
		self.assertFalse(self.listed.email in html, "the e-mail is never shown")
		self.assertFalse("Secret" in html, "the last name is never shown")

	def test_pages_escape_hostile_values_and_link_only_http(self):
		from frappe.website.serve import get_response_content

		hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
		frappe.db.savepoint("hostile_directory")
		try:
			# written straight to the database: no sanitizer on the way, the pages must escape
			frappe.db.set_value("PdN Promeneur", self.listed.name, "first_name", "Zoé" + hostile)
			frappe.db.set_value("PdN Structure", self.structure.name, "city", hostile)
			frappe.db.set_value(
				"PdN Network Profile",
				self.listed.network_profiles[0].name,
				{"profile_url": "javascript:alert(3)", "profile_name": hostile},
			)
			pages = []
			for route, form in (
				("promeneurs", {"q": '"><script>alert(4)</script>'}),
				("promeneurs", {"department": "63"}),
				("promeneurs/profile", {"name": self.listed.name}),
			):
				frappe.local.form_dict = frappe._dict(form)
				pages.append(get_response_content(route))
		finally:
			frappe.db.rollback(save_point="hostile_directory")
		for html in pages:
			self.assertNotIn("<script>alert", html)
			self.assertNotIn("<img src=x", html)
			self.assertNotIn("javascript:alert", html)
		self.assertIn("&lt;script&gt;alert(4)", pages[0], "the search is shown, escaped")
		self.assertIn("&lt;script&gt;alert(1)", pages[1], "the promeneur is listed, escaped")
		self.assertIn("&lt;script&gt;alert(1)", pages[2])
