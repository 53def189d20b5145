# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""A promeneur's proposal stays between its author and the coordination until it is decided."""

import frappe

from pdn_frappe import exceptions
from pdn_frappe.network import lifecycle, scope
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur

PROPOSAL = "PdN Resource Proposal"
REFERENT = "PdN Resource Referent"


def make_referent(department="03", visible=1, **kwargs):
	return frappe.get_doc(
		{
			"doctype": REFERENT,
			"full_name": kwargs.pop("full_name", "Dr Claire Roux"),
			"organisation": "Maison des adolescents",
			"department": department,
			"visible_to_promeneurs": visible,
			"themes": [{"theme": "Santé"}],
			**kwargs,
		}
	).insert(ignore_permissions=True)


def promeneur_login(department="03", **kwargs) -> tuple[str, str]:
	promeneur = make_promeneur(department=department, **kwargs)
	return promeneur.name, promeneur.create_login(send_welcome_email=False)


def propose(**values):
	"""A proposal as the session user sends it (desk or REST)."""
	return frappe.get_doc(
		{
			"doctype": PROPOSAL,
			"proposal_type": "New resource person",
			"full_name": "Marc Dupuis",
			"organisation": "Point accueil écoute jeunes",
			"themes": [{"theme": "Santé"}],
			**values,
		}
	).insert()


def listed() -> list[str]:
	"""The proposals the session user can list (none when they lost the doctype altogether)."""
	try:
		return frappe.get_list(PROPOSAL, pluck="name")
	except frappe.PermissionError:
		return []


class TestPdNResourceProposal(PdnTestCase):
	OUTGOING_EMAIL = True

	def setUp(self):
		self.author, self.author_user = promeneur_login("03")
		self.colleague, self.colleague_user = promeneur_login("03")
		self.coordinator = add_department_member("03", COORDINATOR)
		self.other_coordinator = add_department_member("63", COORDINATOR)

	def test_a_proposal_is_seen_by_its_author_and_the_coordination_only(self):
		frappe.set_user(self.author_user)
		proposal = propose()
		self.assertEqual(
			(proposal.promeneur, proposal.department, proposal.status), (self.author, "03", "Proposed")
		)
		self.assertIn(proposal.name, frappe.get_list(PROPOSAL, pluck="name"))

		frappe.set_user(self.coordinator)
		self.assertIn(proposal.name, frappe.get_list(PROPOSAL, pluck="name"))
		self.assertTrue(frappe.has_permission(PROPOSAL, "write", proposal.name))

		caf = add_department_member("03", CAF_AGENT)
		for user in (self.colleague_user, self.other_coordinator, caf):
			frappe.set_user(user)
			self.assertNotIn(proposal.name, listed(), user)
			self.assertFalse(frappe.has_permission(PROPOSAL, "read", proposal.name), user)
			try:
				self.assertEqual(scope.get_count(PROPOSAL, {"name": proposal.name}), 0, user)
			except frappe.PermissionError:
				pass  # the role cannot read the doctype at all
			with self.assertRaises(frappe.PermissionError):
				frappe.client.get(PROPOSAL, proposal.name)
			try:
				self.assertFalse(frappe.client.get_value(PROPOSAL, "full_name", {"name": proposal.name}))
			except frappe.PermissionError:
				pass  # the role cannot read the doctype at all
			self.assertFalse(frappe.get_all("File", filters={"attached_to_name": proposal.name}))

	def test_a_validated_new_person_enters_the_address_book_for_every_promeneur(self):
		frappe.set_user(self.author_user)
		proposal = propose(email="marc.dupuis@example.org", phone="0470123456")
		frappe.set_user(self.colleague_user)
		self.assertFalse(frappe.get_list(REFERENT, filters={"full_name": "Marc Dupuis"}))

		frappe.set_user(self.coordinator)
		referent = frappe.get_doc(PROPOSAL, proposal.name).validate_and_apply()
		proposal.reload()
		self.assertEqual((proposal.status, proposal.resulting_referent), ("Validated", referent))
		self.assertEqual(proposal.decided_by, self.coordinator)
		stored = frappe.get_doc(REFERENT, referent)
		self.assertEqual(
			(stored.department, stored.phone, stored.visible_to_promeneurs), ("03", "04 70 12 34 56", 1)
		)
		self.assertEqual([row.theme for row in stored.themes], ["Santé"])

		frappe.set_user(self.colleague_user)
		self.assertEqual(
			frappe.get_list(REFERENT, filters={"full_name": "Marc Dupuis"}, pluck="name"), [referent]
		)
		# the proposal itself stays its author's and the coordination's
		self.assertFalse(frappe.has_permission(PROPOSAL, "read", proposal.name))
		self.assertTrue(
			frappe.db.exists(
				"Email Queue Recipient",
				{"recipient": frappe.db.get_value("PdN Promeneur", self.author, "email")},
			)
		)

	def test_a_correction_changes_only_what_it_fills(self):
		referent = make_referent(phone="0473000000", email="claire.roux@example.org")
		frappe.set_user(self.author_user)
		proposal = propose(
			proposal_type="Correction", referent=referent.name, full_name="", phone="0473999999", themes=[]
		)
		frappe.set_user(self.coordinator)
		self.assertEqual(frappe.get_doc(PROPOSAL, proposal.name).validate_and_apply(), referent.name)
		referent.reload()
		self.assertEqual(
			(referent.full_name, referent.phone, referent.email),
			("Dr Claire Roux", "04 73 99 99 99", "claire.roux@example.org"),
		)
		self.assertEqual([row.theme for row in referent.themes], ["Santé"])

	def test_a_refusal_needs_a_reason_and_leaves_the_address_book_alone(self):
		frappe.set_user(self.author_user)
		proposal = propose()
		frappe.set_user(self.coordinator)
		doc = frappe.get_doc(PROPOSAL, proposal.name)
		with self.assertRaises(exceptions.ResourceProposalError):
			doc.refuse("   ")
		frappe.get_doc(PROPOSAL, proposal.name).refuse("Already in the address book")
		proposal.reload()
		self.assertEqual(
			(proposal.status, proposal.refusal_reason), ("Declined", "Already in the address book")
		)
		self.assertFalse(frappe.db.exists(REFERENT, {"full_name": "Marc Dupuis"}))
		with self.assertRaises(exceptions.ResourceProposalError):
			frappe.get_doc(PROPOSAL, proposal.name).validate_and_apply()
		# decided: the author may read it, no longer change it
		frappe.set_user(self.author_user)
		self.assertTrue(frappe.has_permission(PROPOSAL, "read", proposal.name))
		self.assertFalse(frappe.has_permission(PROPOSAL, "write", proposal.name))

	def test_only_the_coordination_decides(self):
		frappe.set_user(self.author_user)
		proposal = propose()
		for user in (self.author_user, self.colleague_user, self.other_coordinator):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc(PROPOSAL, proposal.name).validate_and_apply()
		# nor can the author write the decision in through a save
		frappe.set_user(self.author_user)
		doc = frappe.get_doc(PROPOSAL, proposal.name)
		doc.status = "Validated"
		with self.assertRaises(frappe.PermissionError):
			doc.save()
		frappe.set_user(self.coordinator)
		doc = frappe.get_doc(PROPOSAL, proposal.name)
		doc.status = "Validated"
		with self.assertRaises(frappe.PermissionError):
			doc.save()
		self.assertEqual(frappe.db.get_value(PROPOSAL, proposal.name, "status"), "Proposed")

	def test_what_a_request_says_of_author_department_or_decision_is_ignored(self):
		other = make_promeneur(department="63")
		frappe.set_user(self.author_user)
		proposal = propose(
			promeneur=self.author, department="03", status="Validated", decided_by=self.coordinator
		)
		self.assertEqual((proposal.status, proposal.decided_by), ("Proposed", None))
		with self.assertRaises(frappe.PermissionError):
			propose(promeneur=other.name, department="63")

	def test_a_correction_of_a_referent_the_promeneur_cannot_read_is_refused(self):
		hidden = make_referent(visible=0, full_name="Contact interne")
		elsewhere = make_referent(department="63", full_name="Ailleurs")
		frappe.set_user(self.author_user)
		for referent in (hidden, elsewhere):
			with self.assertRaises(frappe.PermissionError):
				propose(proposal_type="Correction", referent=referent.name, phone="0473999999")

	def test_hostile_values_are_refused_in_french(self):
		frappe.set_user(self.author_user)
		with self.assertRaises(exceptions.InvalidEmailError):
			propose(email="not-an-address")
		with self.assertRaises(exceptions.InvalidUrlError):
			propose(website="javascript:alert(1)")
		with self.assertRaises(exceptions.PersonalDataError):
			propose(comment="Le jeune Kevin, 06 12 34 56 78, a besoin de lui parler")
		with self.assertRaises(exceptions.ResourceProposalError):
			propose(full_name="   ")
		with self.assertRaises(frappe.ValidationError):
			propose(proposal_type="Deletion")
		self.assertFalse(frappe.db.exists(PROPOSAL, {"promeneur": self.author}))

	def test_a_suspended_or_former_promeneur_cannot_propose(self):
		frappe.set_user(self.author_user)
		proposal = propose()
		lifecycle.change_status(self.author, "Suspended", "Pause")
		scope.clear_cache()
		with self.assertRaises(frappe.PermissionError):
			propose()
		self.assertTrue(frappe.has_permission(PROPOSAL, "read", proposal.name))
		lifecycle.change_status(self.author, "Left", "Départ")
		scope.clear_cache()
		self.assertEqual(listed(), [])
		self.assertFalse(frappe.has_permission(PROPOSAL, "read", proposal.name))
		with self.assertRaises(frappe.PermissionError):
			propose()

	def test_a_coordinator_taken_off_the_team_no_longer_sees_proposals(self):
		frappe.set_user(self.author_user)
		proposal = propose()
		frappe.set_user("Administrator")
		department = frappe.get_doc("PdN Department", "03")
		department.set("members", [row for row in department.members if row.user != self.coordinator])
		department.save(ignore_permissions=True)
		scope.clear_cache()
		frappe.set_user(self.coordinator)
		self.assertNotIn(proposal.name, listed())
		self.assertFalse(frappe.has_permission(PROPOSAL, "read", proposal.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(PROPOSAL, proposal.name).validate_and_apply()

	def test_an_attachment_of_a_proposal_is_listed_to_its_readers_only(self):
		frappe.set_user(self.author_user)
		proposal = propose()
		frappe.set_user("Administrator")
		attachment = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "plaquette.pdf",
				"content": b"%PDF-1.4 plaquette",
				"is_private": 1,
				"attached_to_doctype": PROPOSAL,
				"attached_to_name": proposal.name,
			}
		).insert(ignore_permissions=True)
		for user, allowed in (
			(self.author_user, True),
			(self.coordinator, True),
			(self.colleague_user, False),
		):
			frappe.set_user(user)
			files = frappe.get_list("File", filters={"name": attachment.name}, pluck="name")
			self.assertEqual(bool(files), allowed, user)
			self.assertEqual(frappe.has_permission("File", "read", doc=attachment), allowed, user)

	def test_the_coordination_is_told_of_a_new_proposal(self):
		frappe.set_user(self.author_user)
		propose()
		self.assertTrue(frappe.db.exists("Email Queue Recipient", {"recipient": self.coordinator}))
		self.assertFalse(frappe.db.exists("Email Queue Recipient", {"recipient": self.other_coordinator}))
