# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""The promeneur's own directory profile (/mon-profil), both ways: their own record only."""

import json

import frappe
from frappe.utils import set_request
from frappe.website.serve import get_response

from pdn_frappe import roles
from pdn_frappe.conventions.testing import complete_structure, make_active_convention
from pdn_frappe.network import profile
from pdn_frappe.network.test_scope import link_login
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_user


class TestMyProfile(PdnTestCase):
	def setUp(self):
		self.structure = complete_structure(department="03", structure_name="Centre social Les Tilleuls")
		make_active_convention(structure=self.structure.name)
		self.own = make_promeneur(
			structure=self.structure.name,
			first_name="Julie",
			directory_consent=1,
			network_profiles=[
				{"social_network": "Instagram", "profile_name": "Julie CS Les Tilleuls"},
			],
		)
		self.other = make_promeneur(structure=self.structure.name, first_name="Karim", directory_consent=1)
		self.user = make_user()
		self.other_user = make_user()
		link_login(self.own.name, self.user)
		link_login(self.other.name, self.other_user)

	def tearDown(self):
		frappe.flags.in_web_form = False
		frappe.local.form_dict = frappe._dict()
		if hasattr(frappe.local, "request"):
			del frappe.local.request

	# ------------------------------------------------------------ saving through the web form

	def submit(self, name: str | None, **values):
		"""What the web form's script sends: the form's fields, and the record's name."""
		data = {"doctype": "PdN Promeneur", "web_form_name": profile.ROUTE, **values}
		if name:
			data["name"] = name
		payload = json.dumps(data, default=str)
		frappe.local.form_dict = frappe._dict(web_form=profile.ROUTE, data=payload)
		from pdn_frappe.applications.submission import accept

		return accept(web_form=profile.ROUTE, data=payload)

	def form_values(self, name: str, **changes) -> dict:
		doc = frappe.get_doc("PdN Promeneur", name)
		values = {
			"photo": doc.photo or "",
			"network_profiles": [row.as_dict() for row in doc.network_profiles],
			"office_hours": [row.as_dict() for row in doc.office_hours],
			"directory_consent": doc.directory_consent,
		}
		values.update(changes)
		return values

	def test_the_promeneur_changes_their_own_profile(self):
		frappe.set_user(self.user)
		self.submit(
			self.own.name,
			**self.form_values(
				self.own.name,
				network_profiles=[
					{"social_network": "Snapchat", "profile_name": "Julie Tilleuls", "profile_url": ""},
				],
				office_hours=[{"weekday": "Wednesday", "from_time": "14:00:00", "to_time": "16:00:00"}],
				directory_consent=0,
			),
		)
		doc = frappe.get_doc("PdN Promeneur", self.own.name)
		self.assertEqual([row.profile_name for row in doc.network_profiles], ["Julie Tilleuls"])
		self.assertEqual([row.weekday for row in doc.office_hours], ["Wednesday"])
		self.assertFalse(doc.directory_consent)
		self.assertEqual(doc.first_name, "Julie", "the fields the form does not hold are kept")

	def test_another_promeneurs_record_is_refused(self):
		frappe.set_user(self.user)
		with self.assertRaises(frappe.PermissionError):
			self.submit(self.other.name, **self.form_values(self.other.name, directory_consent=0))
		self.assertTrue(frappe.db.get_value("PdN Promeneur", self.other.name, "directory_consent"))
		self.assertFalse(frappe.has_permission("PdN Promeneur", "write", doc=self.other.name, user=self.user))

	def test_a_coordinator_does_not_edit_a_promeneur_through_this_form(self):
		coordinator = add_department_member("03", roles.COORDINATOR)
		frappe.set_user(coordinator)
		self.assertTrue(frappe.has_permission("PdN Promeneur", "write", doc=self.own.name))
		with self.assertRaises(frappe.PermissionError):
			self.submit(self.own.name, **self.form_values(self.own.name, directory_consent=0))
		self.assertTrue(frappe.db.get_value("PdN Promeneur", self.own.name, "directory_consent"))

	def test_the_form_never_creates_a_promeneur(self):
		count = frappe.db.count("PdN Promeneur")
		for user in (self.user, make_user()):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				self.submit(None, directory_consent=1, photo="")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("PdN Promeneur"), count)

	# ------------------------------------------------------------ the page

	def page(self, path: str):
		set_request(method="GET", path="/" + path)
		frappe.local.form_dict = frappe._dict()
		frappe.local.response = frappe._dict()
		return get_response(path, http_status_code=None)

	def test_the_page_opens_the_users_own_record(self):
		frappe.set_user(self.user)
		response = self.page("mon-profil/new")
		self.assertIn(response.status_code, (301, 302))
		self.assertTrue(response.headers["Location"].endswith(f"/mon-profil/{self.own.name}/edit"))
		response = self.page(f"mon-profil/{self.own.name}/edit")
		self.assertEqual(response.status_code, 200)
		html = response.get_data(as_text=True)
		self.assertIn(f"/promeneurs/{self.own.name}", html, "the link of the public page")
		self.assertIn("pdn-preview", html, "the preview of the card")
		self.assertNotIn("pdn-identification", html, "the profile name follows the charter")

	def test_the_page_warns_about_a_profile_name_that_breaks_the_charter(self):
		frappe.db.set_value(
			"PdN Network Profile", self.own.network_profiles[0].name, "profile_name", "juju03"
		)
		summary = profile.profile_summary(self.own.name)
		self.assertEqual(len(summary["warnings"]), 1)
		self.assertIn("juju03", summary["warnings"][0])
		self.assertIn("Centre social Les Tilleuls", summary["warnings"][0])
		frappe.set_user(self.user)
		html = self.page(f"mon-profil/{self.own.name}/edit").get_data(as_text=True)
		self.assertIn("pdn-identification", html)

	def test_the_page_says_why_a_profile_is_not_published(self):
		self.assertTrue(profile.profile_summary(self.own.name)["listed"])
		frappe.db.set_value("PdN Promeneur", self.own.name, "directory_consent", 0)
		summary = profile.profile_summary(self.own.name)
		self.assertFalse(summary["listed"])
		self.assertEqual(summary["listing_message"], profile.listing_message("consent", "Active"))

	def test_another_promeneurs_page_is_refused(self):
		frappe.set_user(self.user)
		response = self.page(f"mon-profil/{self.other.name}/edit")
		self.assertIn(response.status_code, (301, 302, 403))
		if response.status_code != 403:
			self.assertTrue(response.headers["Location"].endswith(f"/mon-profil/{self.own.name}/edit"))
		self.assertNotIn("Karim", response.get_data(as_text=True))

	def test_a_user_without_a_promeneur_record_is_told_so(self):
		frappe.set_user(make_user())
		html = self.page("mon-profil/new").get_data(as_text=True)
		self.assertIn("pdn-no-promeneur", html)
		self.assertIsNone(profile.own_promeneur())
