"""One application per person and call: the guest's second sending, the coordination's flags, and
an acknowledgement announced only when one was queued."""

import json
from unittest.mock import patch

import frappe

from pdn_frappe.applications import submission
from pdn_frappe.applications.testing import (
	CallTestCase,
	application_values,
	make_call,
	make_staff,
	queued_emails,
	submit_as_guest,
)
from pdn_frappe.domain import applications as rules
from pdn_frappe.network import scope
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import make_siret


class TestDuplicates(CallTestCase):
	def values(self, **overrides):
		overrides.setdefault("application_call", self.call.name)
		return application_values(**overrides)

	def counts(self):
		return (
			frappe.db.count("PdN Application"),
			frappe.db.count("File", {"attached_to_doctype": "PdN Application"}),
			frappe.db.count("Email Queue"),
		)

	def test_a_second_sending_is_not_recorded_and_the_guest_learns_its_reference(self):
		values = self.values()
		first = submit_as_guest(values)
		counts = self.counts()
		spaced = " ".join([values["siret"][:3], values["siret"][3:9], values["siret"][9:]])
		again = submit_as_guest(
			{**values, "candidate_email": values["candidate_email"].upper(), "siret": spaced}
		)
		self.assertEqual(self.counts(), counts, "no application, file or e-mail the second time")
		self.assertTrue(again["duplicate"])
		self.assertEqual(again["name"], first["name"])
		self.assertIn(first["name"], again["message"])
		self.assertIn("déjà été reçue", again["message"])
		self.assertNotIn("title", again, "nothing else of the application is told")
		self.assertFalse(again["acknowledgement_sent"])
		comments = frappe.get_all(
			"Comment",
			filters={"reference_name": first["name"], "comment_type": "Info"},
			pluck="content",
		)
		self.assertTrue(any("envoyée à nouveau" in c for c in comments), comments)

	def test_the_standard_web_form_endpoint_refuses_the_second_sending_too(self):
		values = self.values()
		first = submit_as_guest(values)
		frappe.set_user("Guest")
		frappe.local.request_ip = "192.0.2.77"
		try:
			result = submission.accept("candidature", json.dumps(values))
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(result.name, first["name"])
		self.assertTrue(result.duplicate)
		self.assertEqual(
			frappe.db.count("PdN Application", {"candidate_email": values["candidate_email"]}), 1
		)

	def test_no_reference_without_the_email_siret_and_call_together(self):
		values = self.values()
		first = submit_as_guest(values)
		other_call = make_call(department="03")
		for changed in (
			{"siret": make_siret()},
			{"candidate_email": "quelquun.dautre@example.com"},
			{"application_call": other_call.name},
		):
			result = submit_as_guest({**values, **changed})
			self.assertNotEqual(result["name"], first["name"], changed)
			self.assertNotIn(first["name"], result["message"], changed)
			self.assertFalse(result.get("duplicate"))

	def test_a_near_duplicate_is_recorded_and_flagged_for_the_coordination_only(self):
		values = self.values()
		first = submit_as_guest(values)
		other = submit_as_guest({**values, "siret": make_siret()})
		self.assertNotIn(first["name"], other["message"], "the guest learns nothing of the first one")
		doc = frappe.get_doc("PdN Application", other["name"])
		self.assertEqual(doc.possible_duplicate_of, first["name"])
		self.assertEqual(doc.duplicate_kind, rules.SAME_CANDIDATE_OTHER_STRUCTURE)
		self.assertFalse(frappe.db.get_value("PdN Application", first["name"], "possible_duplicate_of"))

	def test_a_withdrawn_application_leaves_the_candidate_free_to_apply_again(self):
		values = self.values()
		first = submit_as_guest(values)
		frappe.db.set_value("PdN Application", first["name"], "workflow_state", rules.WITHDRAWN)
		again = submit_as_guest(values)
		self.assertNotEqual(again["name"], first["name"])
		self.assertFalse(frappe.db.get_value("PdN Application", again["name"], "possible_duplicate_of"))

	def test_an_application_that_goes_is_nobodys_duplicate_any_more(self):
		values = self.values()
		first = submit_as_guest(values)
		second = submit_as_guest({**values, "siret": make_siret()})
		third = submit_as_guest({**values, "siret": make_siret()})
		self.assertEqual(
			frappe.db.get_value("PdN Application", third["name"], "possible_duplicate_of"), first["name"]
		)
		frappe.delete_doc("PdN Application", first["name"], force=True)  # as the retention job erases it
		self.assertEqual(
			frappe.db.get_value("PdN Application", third["name"], "possible_duplicate_of"), second["name"]
		)
		self.assertFalse(frappe.db.get_value("PdN Application", second["name"], "possible_duplicate_of"))

	def test_the_desk_records_an_exact_duplicate_but_flags_it(self):
		first = submit_as_guest(self.values())
		source = frappe.get_doc("PdN Application", first["name"])
		copy = frappe.copy_doc(source)
		copy.insert()
		self.assertEqual(copy.possible_duplicate_of, source.name)
		self.assertEqual(copy.duplicate_kind, rules.SAME_APPLICATION)
		# corrected to another candidate: the flag goes
		copy.candidate_email = "autre.personne@example.com"
		copy.save()
		self.assertFalse(copy.possible_duplicate_of)
		self.assertFalse(copy.duplicate_kind)

	def test_duplicates_are_listed_to_their_department_only(self):
		values = self.values()
		first = submit_as_guest(values)
		other = submit_as_guest({**values, "siret": make_siret()})
		flagged = {"possible_duplicate_of": ("is", "set")}
		for user in (self.coordinator, self.caf_agent):
			frappe.set_user(user)
			self.assertIn(other["name"], frappe.get_list("PdN Application", filters=flagged, pluck="name"))
		frappe.set_user(self.other_coordinator)
		self.assertNotIn(other["name"], frappe.get_list("PdN Application", filters=flagged, pluck="name"))
		self.assertFalse(frappe.has_permission("PdN Application", "read", other["name"]))
		self.assertEqual(
			scope.get_count("PdN Application", filters=flagged), 0
		)  # /api/method/frappe.client.get_count
		self.assertFalse(
			frappe.get_list("PdN Application", filters={"possible_duplicate_of": first["name"]}, pluck="name")
		)
		# a coordinator whose membership was withdrawn sees nothing any more
		leaving = make_staff("03", COORDINATOR)
		frappe.set_user(leaving)
		self.assertIn(other["name"], frappe.get_list("PdN Application", filters=flagged, pluck="name"))
		frappe.set_user("Administrator")
		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != leaving]
		department.save(ignore_permissions=True)
		frappe.set_user(leaving)
		try:
			self.assertNotIn(other["name"], frappe.get_list("PdN Application", filters=flagged, pluck="name"))
		except frappe.PermissionError:
			pass  # the role went with the membership
		self.assertFalse(frappe.has_permission("PdN Application", "read", other["name"]))
		self.addCleanup(frappe.clear_cache, user=leaving)

	def test_the_answer_says_an_acknowledgement_was_sent_only_when_one_was_queued(self):
		sent = submit_as_guest(self.values())
		self.assertTrue(sent["acknowledgement_sent"])
		self.assertIn("accusé de réception a été envoyé", sent["message"])
		self.assertEqual(len(queued_emails(sent["name"])), 1)

		with patch("pdn_frappe.mail.can_send", return_value=False):
			unsent = submit_as_guest(self.values())
		self.assertFalse(unsent["acknowledgement_sent"])
		self.assertIn(unsent["name"], unsent["message"])
		self.assertIn("Aucun accusé de réception", unsent["message"])
		self.assertNotIn("a été envoyé", unsent["message"])
		self.assertEqual(queued_emails(unsent["name"]), [])
