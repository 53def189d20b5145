# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from unittest.mock import patch

import frappe

from pdn_frappe.domain.directory import DirectoryFilters
from pdn_frappe.network import directory, directory_pages
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
		frappe.local.form_dict = frappe._dict()
		html = get_response_content(f"promeneurs/{self.listed.name}")
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
				("promeneurs", {"department": "63", "q": "Zoé"}),
				(f"promeneurs/{self.listed.name}", {}),
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


class TestDirectoryPages(PdnTestCase):
	"""The department pages, the structure's contact, the sitemap and the page cache."""

	def setUp(self):
		from pdn_frappe.conventions.testing import complete_structure, make_active_convention

		self.structure = complete_structure(
			department="63",
			postcode="63000",
			city="Clermont-Ferrand",
			phone="04 73 00 11 22",
			website="https://cs-clermont.example.org",
		)
		make_active_convention(structure=self.structure.name)
		self.listed = make_promeneur(
			structure=self.structure.name,
			first_name="Maëlys",
			directory_consent=1,
			profession=frappe.get_all("PdN Profession", pluck="name", limit=1)[0],
			mission="Youth and parenting",
		)
		self.hidden = make_promeneur(structure=self.structure.name, first_name="Yanis", directory_consent=0)
		frappe.db.set_value("PdN Department", "63", "coordination_email", "coordination63@caf.example.fr")
		frappe.set_user("Guest")
		# the page cache as on a production site (off in developer mode)
		self.production = patch.dict(frappe.conf, {"developer_mode": 0, "disable_website_cache": 0})
		self.production.start()
		directory_pages.clear_cache()

	def tearDown(self):
		self.production.stop()
		directory_pages.clear_cache()
		if hasattr(frappe.local, "request"):
			del frappe.local.request
		frappe.local.form_dict = frappe._dict()

	def get(self, path: str, query: str = ""):
		from frappe.utils import set_request
		from frappe.website.serve import get_response

		set_request(method="GET", path="/" + path, query_string=query)
		frappe.local.form_dict = frappe._dict(frappe.local.request.args)
		frappe.local.response = frappe._dict()
		frappe.local.no_cache = 0
		response = get_response(path, http_status_code=None)
		return response, response.get_data(as_text=True)

	def test_card_shows_profession_parenting_and_how_to_call_the_structure(self):
		response, html = self.get(f"promeneurs/{self.listed.name}")
		self.assertEqual(response.status_code, 200)
		self.assertIn(self.listed.profession, html)
		self.assertIn("pdn-parenting", html)
		self.assertIn('href="tel:0473001122"', html)
		self.assertIn('href="https://cs-clermont.example.org"', html)
		self.assertIn("mailto:coordination63@caf.example.fr?subject=", html, "a problem can be reported")
		self.assertNotIn(self.listed.email, html)

	def test_each_department_has_its_page(self):
		response, html = self.get("promeneurs/departement/63")
		self.assertEqual(response.status_code, 200)
		self.assertTrue("Maëlys" in html)
		self.assertFalse("Yanis" in html)
		self.assertIn("mailto:coordination63@caf.example.fr?subject=", html)
		response, html = self.get("promeneurs/departement/03")
		self.assertFalse("Maëlys" in html, "another department's page lists its own promeneurs")
		response, html = self.get("promeneurs/departement/99")
		self.assertEqual(response.status_code, 404)
		self.assertEqual(self.get(f"promeneurs/{self.hidden.name}")[0].status_code, 404)

	def test_sitemap_lists_the_directory_its_departments_and_each_listed_promeneur(self):
		response, xml = self.get("sitemap.xml")
		self.assertEqual(response.status_code, 200)
		self.assertIn("/promeneurs</loc>", xml)
		self.assertIn("/promeneurs/departement/63</loc>", xml)
		self.assertIn(f"/promeneurs/{self.listed.name}</loc>", xml)
		self.assertNotIn(f"/promeneurs/{self.hidden.name}</loc>", xml)
		self.assertIn("/appels-a-candidatures</loc>", xml)

	def test_guests_get_the_pages_from_the_page_cache(self):
		for path in ("promeneurs", "promeneurs/departement/63", f"promeneurs/{self.listed.name}"):
			first, html = self.get(path)
			second, cached = self.get(path)
			self.assertEqual(first.headers["X-From-Cache"], "False", path)
			self.assertEqual(second.headers["X-From-Cache"], "True", path)
			self.assertTrue(cached == html, path)

	def test_a_search_or_a_logged_in_user_is_never_served_from_the_cache(self):
		self.get("promeneurs")
		response, html = self.get("promeneurs", "q=Yanis")
		self.assertEqual(response.headers["X-From-Cache"], "False")
		self.assertFalse("Maëlys" in html, "the search is applied, not the cached page")
		self.assertEqual(self.get("promeneurs")[0].headers["X-From-Cache"], "True", "nor is it cached")
		frappe.set_user("Administrator")
		self.assertEqual(self.get("promeneurs")[0].headers["X-From-Cache"], "False")

	def test_a_change_of_what_the_directory_shows_empties_the_cache(self):
		changes = (
			lambda: frappe.get_doc("PdN Promeneur", self.listed.name).save(ignore_permissions=True),
			lambda: frappe.get_doc("PdN Structure", self.structure.name).save(ignore_permissions=True),
			lambda: frappe.get_doc("PdN Department", "63").save(ignore_permissions=True),
		)
		for change in changes:
			self.get(f"promeneurs/{self.listed.name}")
			self.assertEqual(self.get(f"promeneurs/{self.listed.name}")[0].headers["X-From-Cache"], "True")
			frappe.set_user("Administrator")
			change()
			frappe.set_user("Guest")
			self.assertEqual(self.get(f"promeneurs/{self.listed.name}")[0].headers["X-From-Cache"], "False")

	def test_a_withdrawn_consent_leaves_the_cached_pages_at_once(self):
		self.assertTrue("Maëlys" in self.get("promeneurs/departement/63")[1])
		frappe.set_user("Administrator")
		doc = frappe.get_doc("PdN Promeneur", self.listed.name)
		doc.directory_consent = 0
		doc.save(ignore_permissions=True)
		frappe.set_user("Guest")
		self.assertFalse("Maëlys" in self.get("promeneurs/departement/63")[1])
		self.assertEqual(self.get(f"promeneurs/{self.listed.name}")[0].status_code, 404)
