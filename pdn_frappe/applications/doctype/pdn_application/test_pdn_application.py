# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import json
import re

import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow
from frappe.utils import add_days, nowdate

from pdn_frappe import exceptions
from pdn_frappe.applications import submission
from pdn_frappe.applications.testing import (
	PDF,
	PNG,
	ApplicationsTestCase,
	application_values,
	data_url,
	make_call,
	make_staff,
	queued_emails,
	submit_as_guest,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR, PROMENEUR_ROLE
from pdn_frappe.tests.utils import make_promeneur, make_siret, make_user

RIB = "Relevé d'identité bancaire (RIB)"
SIRENE = "Avis de situation au répertoire SIRENE"
RECEIPT = "Récépissé de déclaration en préfecture"


class ApplicationTestCase(ApplicationsTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.call = make_call(
			department="03", other_departments=["63"], required_documents=[SIRENE, RIB, RECEIPT]
		)
		cls.coordinator = make_staff("03", COORDINATOR)
		cls.caf_agent = make_staff("03", CAF_AGENT)

	def values(self, **overrides):
		overrides.setdefault("application_call", self.call.name)
		overrides.setdefault("prefecture_receipt", data_url(name="recepisse.pdf"))
		return application_values(**overrides)

	def submit(self, **overrides):
		result = submit_as_guest(self.values(**overrides))
		return frappe.get_doc("PdN Application", result["name"])

	def assert_refused(self, exc, values, ip=None):
		"""The submission fails with ``exc`` and leaves no application, file or e-mail behind."""
		counts = self.counts()
		with self.assertRaises(exc) as caught:
			submit_as_guest(values, ip=ip)
		self.assertEqual(self.counts(), counts, "nothing may be saved")
		return str(caught.exception)

	def counts(self):
		return (
			frappe.db.count("PdN Application"),
			frappe.db.count("File", {"attached_to_doctype": "PdN Application"}),
			frappe.db.count("Email Queue"),
		)


class TestGuestSubmission(ApplicationTestCase):
	def test_guest_submission_is_recorded_with_private_files_assignment_and_acknowledgement(self):
		siret = make_siret()
		spaced = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
		result = submit_as_guest(self.values(candidate_phone="+33 4 70 11 22 33", siret=spaced))
		self.assertTrue(re.fullmatch(r"PDN-CAND-\d{4}-\d{5}", result["name"]), result["name"])
		self.assertIn(result["name"], result["message"])

		doc = frappe.get_doc("PdN Application", result["name"])
		self.assertEqual(doc.owner, "Guest")
		self.assertEqual(doc.workflow_state, "Submitted")
		self.assertEqual(doc.application_call, self.call.name)
		self.assertEqual(doc.candidate_phone, "04 70 11 22 33")
		self.assertEqual(doc.siret, siret)
		self.assertEqual([row.social_network for row in doc.networks], ["Instagram", "Snapchat"])
		self.assertTrue(doc.submitted_on)

		files = frappe.get_all(
			"File",
			filters={"attached_to_doctype": "PdN Application", "attached_to_name": doc.name},
			fields=["attached_to_field", "is_private", "file_url"],
		)
		self.assertCountEqual(
			[f.attached_to_field for f in files], ["prefecture_receipt", "siret_certificate", "bank_details"]
		)
		self.assertTrue(all(f.is_private and f.file_url.startswith("/private/files/") for f in files))
		self.assertTrue(doc.bank_details.startswith("/private/files/"))

		todos = frappe.get_all(
			"ToDo", filters={"reference_name": doc.name, "status": "Open"}, pluck="allocated_to"
		)
		self.assertIn(self.coordinator, todos)
		self.assertNotIn(self.caf_agent, todos, "only coordinators are assigned")

		(ack,) = queued_emails(doc.name)
		self.assertIn(doc.name, ack.subject)
		self.assertIn(doc.candidate_email, ack.recipients)
		self.assertIn(doc.structure_email, ack.cc)
		self.assertIn(doc.name, ack.body)

	def test_acknowledgement_is_french_whatever_the_browser_language(self):
		frappe.local.lang = "en"
		try:
			doc = self.submit()
		finally:
			frappe.local.lang = "fr"
		(ack,) = queued_emails(doc.name)
		# "Reference" and "Department" are translated by Frappe itself
		self.assertIn("Référence", ack.body)
		self.assertIn("Département", ack.body)

	def test_submission_through_the_standard_web_form_endpoint(self):
		self.assertIn(
			"pdn_frappe.applications.submission.accept",
			frappe.get_hooks("override_whitelisted_methods")[
				"frappe.website.doctype.web_form.web_form.accept"
			],
		)
		frappe.set_user("Guest")
		frappe.local.request_ip = "192.0.2.10"
		result = submission.accept("candidature", json.dumps(self.values()))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Application", result.name, "owner"), "Guest")

	def test_closed_call_refuses_the_submission(self):
		closed = make_call(
			department="03", closing_date=add_days(nowdate(), -1), opening_date=add_days(nowdate(), -30)
		)
		message = self.assert_refused(
			exceptions.ApplicationCallClosedError, self.values(application_call=closed.name)
		)
		self.assertIn(closed.title, message)
		draft = make_call(department="03", status="Draft")
		self.assert_refused(exceptions.ApplicationCallClosedError, self.values(application_call=draft.name))

	def test_only_a_call_of_the_applicants_department_accepts_it(self):
		other = make_call(department="75")
		message = self.assert_refused(
			exceptions.ApplicationCallClosedError, self.values(application_call=other.name)
		)
		self.assertIn("Allier", message)
		# a department without any open call
		self.assert_refused(
			exceptions.ApplicationCallClosedError,
			self.values(application_call=None, department="2A", postcode="20000"),
		)

	def test_joint_call_accepts_the_other_department(self):
		doc = self.submit(department="63", postcode="63000", city="Clermont-Ferrand")
		self.assertEqual(doc.application_call, self.call.name)
		self.assertEqual(doc.department, "63")

	def test_each_invalid_field_is_refused_with_its_label(self):
		cases = {
			"candidate_email": ("camille.example.com", "camille.example.com"),
			"candidate_phone": ("12345", "12345"),
			"structure_email": ("contact@", "contact@"),
			"siret": ("12345678901234", "12345678901234"),
			"postcode": ("63000", "63000"),
			"candidate_last_name": ("", None),
			"structure_name": ("", None),
			"weekly_hours": ("1h", "1h"),
			"mission": ("Sport", "Sport"),
			"legal_status": ("Club", "Club"),
			"networks": (["MySpace"], "MySpace"),
			"charter_ack_candidate": (0, None),
			"charter_ack_representative": (0, None),
			"structure_project": ("x" * 5001, "5000"),
		}
		meta = frappe.get_meta("PdN Application")
		for fieldname, (value, shown) in cases.items():
			with self.subTest(fieldname=fieldname):
				message = self.assert_refused(
					exceptions.InvalidApplicationError, self.values(**{fieldname: value})
				)
				label = meta.get_label(fieldname) if fieldname != "networks" else "Social networks"
				self.assertIn(frappe._(label), message)
				if shown:
					self.assertIn(shown, message)
				self.assertEqual(frappe.local.response.get("invalid_fields"), [fieldname])

	def test_descriptive_texts_hold_no_young_persons_contact_details(self):
		message = self.assert_refused(
			exceptions.InvalidApplicationError,
			self.values(candidate_experience="J'accompagne une jeune (insta : lea.d63, 06 12 34 56 78)."),
		)
		label = frappe.get_meta("PdN Application").get_label("candidate_experience")
		self.assertIn(frappe._(label), message)
		self.assertIn(frappe._("a network handle"), message)
		self.assertIn(frappe._("a phone number"), message)
		self.assertNotIn("lea.d63", message)  # the kinds are named, never the fragment
		self.assertNotIn("06 12 34 56 78", message)
		self.assertEqual(frappe.local.response.get("invalid_fields"), ["candidate_experience"])
		# the candidate's own contact details stay in the contact fields, which are not checked
		doc = self.submit(
			intervention_mode="Permanences en ligne le mercredi @14h, sur Instagram et Discord."
		)
		self.assertTrue(doc.candidate_email and doc.candidate_phone)

	def test_choices_that_need_a_detail(self):
		self.assert_refused(exceptions.InvalidApplicationError, self.values(networks=[], network_other=0))
		self.assert_refused(exceptions.InvalidApplicationError, self.values(network_other=1))
		self.assert_refused(
			exceptions.InvalidApplicationError,
			self.values(public_12_17=0, public_18_25=0, public_parents=0, public_other=0),
		)
		self.assert_refused(exceptions.InvalidApplicationError, self.values(public_other=1))
		doc = self.submit(networks=[], network_other=1, network_other_text="Discord de la ludothèque")
		self.assertEqual(doc.network_other_text, "Discord de la ludothèque")

	def test_every_problem_is_reported_at_once(self):
		message = self.assert_refused(
			exceptions.InvalidApplicationError, self.values(candidate_email="nope", siret="123", city="")
		)
		for label in ("Candidate's e-mail", "SIRET", "City"):
			self.assertIn(frappe._(label), message)
		self.assertEqual(frappe.local.response["invalid_fields"], ["city", "candidate_email", "siret"])

	def test_documents_required_by_the_call(self):
		message = self.assert_refused(exceptions.InvalidApplicationError, self.values(bank_details=None))
		self.assertIn(frappe._("Bank details (RIB)"), message)
		# the préfecture receipt is only asked of associations
		doc = self.submit(legal_status="Local authority", prefecture_receipt=None)
		self.assertFalse(doc.prefecture_receipt)

	def test_a_guest_cannot_point_at_a_file_already_on_the_server(self):
		message = self.assert_refused(
			exceptions.InvalidApplicationError, self.values(bank_details="/private/files/someone-else.pdf")
		)
		self.assertIn(frappe._("Bank details (RIB)"), message)

	def test_forbidden_file_types_are_refused(self):
		for name, content, mime in (
			("virus.exe", b"MZ\x90\x00" * 10, "application/octet-stream"),
			("page.html", b"<html><script>alert(1)</script></html>", "text/html"),
			("fake.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf"),
			("image.png", PDF, "image/png"),
		):
			with self.subTest(name=name):
				message = self.assert_refused(
					exceptions.InvalidApplicationError,
					self.values(bank_details=data_url(content, name, mime)),
				)
				self.assertIn(name, message)
				self.assertIn("PDF, JPEG", message)

	def test_oversized_file_is_refused(self):
		frappe.db.set_single_value("PdN Settings", "max_attachment_mb", 1)
		try:
			big = PDF + b"0" * (1024 * 1024 + 10)
			message = self.assert_refused(
				exceptions.InvalidApplicationError, self.values(bank_details=data_url(big, "rib.pdf"))
			)
			self.assertIn(frappe._("Bank details (RIB)"), message)
			self.assertEqual(frappe.local.response["invalid_fields"], ["bank_details"])
		finally:
			frappe.db.set_single_value("PdN Settings", "max_attachment_mb", 5)

	def test_rate_limit_per_client_address(self):
		"""Frappe's rate_limit guards the endpoint, with the hourly limit of PdN Settings."""
		from frappe.utils import set_request

		frappe.db.set_single_value("PdN Settings", "guest_rate_limit", 2)
		set_request(method="POST", path="/api/method/pdn_frappe.applications.submission.submit_application")
		frappe.form_dict.cmd = "pdn_frappe.applications.submission.submit_application"
		try:
			address = f"192.0.2.{frappe.generate_hash(length=6)}"
			submit_as_guest(self.values(), ip=address)
			submit_as_guest(self.values(), ip=address)
			self.assert_refused(frappe.RateLimitExceededError, self.values(), ip=address)
			# another address is not affected
			submit_as_guest(self.values(), ip=f"192.0.2.{frappe.generate_hash(length=6)}")
		finally:
			del frappe.local.request
			frappe.form_dict.pop("cmd", None)
			frappe.db.set_single_value("PdN Settings", "guest_rate_limit", 50)

	def test_honeypot_turns_robots_away(self):
		self.assert_refused(exceptions.SpamSubmissionError, self.values(website_url="https://spam.example"))
		# the same single check guards the standard web form endpoint
		frappe.set_user("Guest")
		try:
			with self.assertRaises(exceptions.SpamSubmissionError):
				submission.accept("candidature", json.dumps(self.values(website_url="https://spam.example")))
		finally:
			frappe.set_user("Administrator")

	def test_acknowledgement_goes_to_the_applications_own_addresses_once(self):
		doc = self.submit(
			structure_email="contact.ack@example.org", legal_representative_email="president.ack@example.org"
		)
		(ack,) = queued_emails(doc.name)
		self.assertCountEqual(
			ack.recipients, [doc.candidate_email, "contact.ack@example.org", "president.ack@example.org"]
		)
		self.assertEqual(
			sorted(address.strip() for address in ack.cc.split(",") if address.strip()),
			["contact.ack@example.org", "president.ack@example.org"],
		)
		# saving the application again (a reviewer's note) sends nothing more
		doc.reload()
		doc.coordinator_notes = "Dossier complet."
		doc.save()
		self.assertEqual(len(queued_emails(doc.name)), 1)

	def test_values_typed_by_the_guest_are_escaped_in_the_acknowledgement(self):
		doc = self.submit(
			candidate_first_name='<script>alert("x")</script>',
			structure_name='Centre <img src=x onerror=alert(1)> "social"',
		)
		(ack,) = queued_emails(doc.name)
		self.assertNotIn("<script", ack.body)
		self.assertNotIn("<img", ack.body)
		self.assertIn("&lt;", ack.body)

	def test_nothing_but_the_form_fields_is_taken_from_the_visitor(self):
		doc = self.submit(
			workflow_state="Accepted",
			coordinator_notes="injected",
			promeneur="PDN-PRM-00001",
			rejection_reason="injected",
		)
		self.assertEqual(doc.workflow_state, "Submitted")
		self.assertFalse(doc.coordinator_notes or doc.promeneur or doc.rejection_reason)

	def test_application_files_are_private_pdf_jpeg_or_png(self):
		doc = self.submit()
		with self.assertRaises(exceptions.InvalidAttachmentError):
			frappe.get_doc(
				{
					"doctype": "File",
					"file_name": "notes.txt",
					"content": b"plain text",
					"is_private": 1,
					"attached_to_doctype": "PdN Application",
					"attached_to_name": doc.name,
				}
			).insert()
		with self.assertRaises(exceptions.InvalidAttachmentError):
			frappe.get_doc(
				{
					"doctype": "File",
					"file_name": "public.png",
					"content": PNG,
					"is_private": 0,
					"attached_to_doctype": "PdN Application",
					"attached_to_name": doc.name,
				}
			).insert()

	def test_public_form_and_calls_page_render_for_guests(self):
		from frappe.utils import set_request
		from frappe.website.serve import get_response_content

		frappe.set_user("Guest")
		try:
			set_request(method="GET", path="/candidature/new")
			page = get_response_content("/candidature/new")
			set_request(method="GET", path="/appels-a-candidatures")
			calls = get_response_content("/appels-a-candidatures")
		finally:
			frappe.local.request = None
		self.assertIn("web-form", page)
		self.assertIn("pdn_frappe.applications.submission", page, "the form's own script is served")
		self.assertIn(frappe.utils.escape_html(self.call.title), calls)
		self.assertIn(f"application_call={self.call.name}", calls)

	def test_summary_print_escapes_every_answer(self):
		hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
		doc = self.submit()
		# written straight to the database: no sanitizer on the way, the print format must escape
		frappe.db.set_value(
			"PdN Application",
			doc.name,
			{
				"candidate_first_name": hostile,
				"structure_name": hostile,
				"city": hostile,
				"structure_project": hostile,
				"additional_information": hostile,
			},
		)
		if getattr(frappe.local, "request", "") is None:
			del frappe.local.request  # left empty by another test; Frappe's router reads it
		html = frappe.get_print("PdN Application", doc.name, print_format="Application Summary")
		self.assertNotIn("<script>alert", html)
		self.assertNotIn("<img src=x", html)
		self.assertIn("&lt;script&gt;alert(1)", html)

	def test_form_setup_lists_open_departments_and_networks(self):
		frappe.set_user("Guest")
		setup = submission.get_form_setup()
		departments = {d["value"]: d for d in setup["departments"]}
		self.assertIn(self.call.name, [c["name"] for c in departments["03"]["calls"]])
		self.assertIn(self.call.name, [c["name"] for c in departments["63"]["calls"]])
		self.assertIn("Instagram", setup["networks"])
		self.assertEqual(setup["max_attachment_mb"], 5)


class TestReview(ApplicationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.other_coordinator = make_staff("63", COORDINATOR)
		cls.promeneur_user = make_user(roles=(PROMENEUR_ROLE,))

	def act(self, user, doc, action):
		frappe.set_user(user)
		try:
			return apply_workflow(frappe.get_doc("PdN Application", doc.name), action)
		finally:
			frappe.set_user("Administrator")

	def test_coordinator_preselects_but_does_not_accept(self):
		doc = self.submit()
		self.act(self.coordinator, doc, "Pre-select")
		doc.reload()
		self.assertEqual(doc.workflow_state, "Pre-selected")
		self.assertEqual(str(doc.preselected_on), nowdate())
		with self.assertRaises(WorkflowTransitionError):
			self.act(self.coordinator, doc, "Accept")
		self.assertEqual(frappe.db.get_value("PdN Application", doc.name, "workflow_state"), "Pre-selected")

	def test_caf_agent_accepts_and_the_records_are_created_once(self):
		doc = self.submit()
		self.act(self.coordinator, doc, "Pre-select")
		structures, promeneurs = frappe.db.count("PdN Structure"), frappe.db.count("PdN Promeneur")
		self.act(self.caf_agent, doc, "Accept")
		doc.reload()
		self.assertEqual(doc.workflow_state, "Accepted")
		self.assertEqual(frappe.db.count("PdN Structure"), structures + 1)
		self.assertEqual(frappe.db.count("PdN Promeneur"), promeneurs + 1)

		structure = frappe.get_doc("PdN Structure", doc.structure)
		self.assertEqual(structure.siret, doc.siret)
		self.assertEqual(structure.convention_name, doc.convention_name)
		self.assertEqual(structure.department, "03")
		self.assertCountEqual([row.document_type for row in structure.documents], [RECEIPT, SIRENE, RIB])
		promeneur = frappe.get_doc("PdN Promeneur", doc.promeneur)
		self.assertEqual(promeneur.email, doc.candidate_email)
		self.assertEqual(promeneur.structure, structure.name)
		self.assertEqual(promeneur.weekly_hours, 3)
		self.assertEqual(promeneur.status, "Candidate")
		self.assertTrue(promeneur.public_12_17 and promeneur.public_18_25)
		self.assertTrue(promeneur.user)
		self.assertIn(PROMENEUR_ROLE, frappe.get_roles(promeneur.user))
		self.assertTrue(
			frappe.db.exists("Email Queue Recipient", {"recipient": promeneur.user}),
			"login invitation queued",
		)
		self.assertFalse(frappe.get_all("ToDo", filters={"reference_name": doc.name, "status": "Open"}))

		subjects = [m.subject for m in queued_emails(doc.name)]
		self.assertEqual(len(subjects), 3, subjects)  # received, pre-selected, accepted

		# again: nothing more is created
		doc.create_records()
		self.assertEqual(frappe.db.count("PdN Structure"), structures + 1)
		self.assertEqual(frappe.db.count("PdN Promeneur"), promeneurs + 1)

	def test_second_application_of_the_same_person_and_structure_makes_no_duplicate(self):
		first = self.submit()
		self.act(self.coordinator, first, "Pre-select")
		self.act(self.caf_agent, first, "Accept")
		first.reload()
		structures, promeneurs = frappe.db.count("PdN Structure"), frappe.db.count("PdN Promeneur")

		# the same person and structure answer the next call (the same call refuses a second one)
		second = self.submit(
			candidate_email=first.candidate_email.upper(),
			siret=first.siret,
			structure_name="Autre nom",
			application_call=make_call(department="03").name,
		)
		self.act(self.coordinator, second, "Pre-select")
		self.act(self.caf_agent, second, "Accept")
		second.reload()
		self.assertEqual((second.structure, second.promeneur), (first.structure, first.promeneur))
		self.assertEqual(frappe.db.count("PdN Structure"), structures)
		self.assertEqual(frappe.db.count("PdN Promeneur"), promeneurs)

	def test_existing_structure_is_linked_by_siret(self):
		existing = frappe.get_doc(
			{
				"doctype": "PdN Structure",
				"structure_name": "Maison des jeunes",
				"department": "03",
				"siret": application_values()["siret"],
				"postcode": "03200",
				"city": "Vichy",
			}
		).insert()
		doc = self.submit(siret=existing.siret)
		self.act(self.coordinator, doc, "Pre-select")
		self.act(self.caf_agent, doc, "Accept")
		self.assertEqual(frappe.db.get_value("PdN Application", doc.name, "structure"), existing.name)
		existing.reload()
		self.assertEqual(existing.structure_name, "Maison des jeunes", "nothing is overwritten")
		self.assertEqual(existing.legal_representative, doc.legal_representative, "blanks are filled")

	def test_promeneur_cannot_move_an_application(self):
		doc = self.submit()
		with self.assertRaises(frappe.PermissionError):
			self.act(self.promeneur_user, doc, "Pre-select")
		frappe.set_user(self.promeneur_user)
		self.assertFalse(frappe.has_permission("PdN Application", "read", doc.name))

	def test_coordinator_of_another_department_sees_nothing(self):
		doc = self.submit()
		frappe.set_user(self.other_coordinator)
		self.assertFalse(frappe.has_permission("PdN Application", "read", doc.name))
		self.assertNotIn(doc.name, frappe.get_list("PdN Application", pluck="name"))
		frappe.set_user(self.coordinator)
		self.assertIn(doc.name, frappe.get_list("PdN Application", pluck="name"))

	def test_refusal_needs_a_written_reason(self):
		doc = self.submit()
		with self.assertRaises(exceptions.DecisionReasonRequiredError):
			self.act(self.caf_agent, doc, "Reject")
		self.assertEqual(frappe.db.get_value("PdN Application", doc.name, "workflow_state"), "Submitted")
		frappe.db.set_value("PdN Application", doc.name, "rejection_reason", "Public hors du champ jeunesse.")
		self.act(self.caf_agent, doc, "Reject")
		self.assertEqual(frappe.db.get_value("PdN Application", doc.name, "workflow_state"), "Rejected")
		notice = queued_emails(doc.name)[-1]
		self.assertIn("Public hors du champ jeunesse.", notice.body)
		self.assertIn(doc.structure_email, notice.cc)

	def test_coordinator_cannot_reject(self):
		doc = self.submit(rejection_reason="Hors champ")
		with self.assertRaises(WorkflowTransitionError):
			self.act(self.coordinator, doc, "Reject")

	def test_private_notes_never_reach_the_applicant(self):
		doc = self.submit()
		frappe.db.set_value("PdN Application", doc.name, "coordinator_notes", "SECRET-NOTE")
		frappe.db.set_value("PdN Application", doc.name, "correction_request", "Joindre le RIB.")
		self.act(self.coordinator, doc, "Return for correction")
		token = self.correction_token(doc.name)

		frappe.set_user("Guest")
		data = submission.get_correction(token)
		frappe.set_user("Administrator")
		self.assertNotIn("SECRET-NOTE", json.dumps(data, default=str))
		self.assertEqual(data["correction_request"], "Joindre le RIB.")
		self.assertNotIn("SECRET-NOTE", "".join(m.body for m in queued_emails(doc.name)))
		html = frappe.get_print("PdN Application", doc.name, "Application Summary")
		self.assertIn(doc.candidate_last_name, html)
		self.assertNotIn("SECRET-NOTE", html)

		meta = frappe.get_meta("PdN Application")
		self.assertEqual(meta.get_field("coordinator_notes").permlevel, 1)
		web_form = frappe.get_doc("Web Form", "candidature")
		self.assertNotIn("coordinator_notes", [f.fieldname for f in web_form.web_form_fields])

	def correction_token(self, name: str) -> str:
		notice = queued_emails(name)[-1]
		match = re.search(r"correction=([0-9a-f]+)", notice.body)
		self.assertTrue(match, "the correction link is in the e-mail")
		return match.group(1)

	def test_return_for_correction_and_resubmission_through_the_private_link(self):
		doc = self.submit(bank_details=data_url(PNG, "old-rib.png", "image/png"))
		frappe.db.set_value("PdN Application", doc.name, "correction_request", "Le RIB est illisible.")
		self.act(self.coordinator, doc, "Return for correction")
		token = self.correction_token(doc.name)
		self.assertNotEqual(frappe.db.get_value("PdN Application", doc.name, "correction_token_hash"), token)

		answers = self.values(candidate_job_title="Animatrice numérique")
		answers["bank_details"] = data_url(PDF + b"new", "rib.pdf")
		submit_as_guest(answers, correction=token)
		doc.reload()
		self.assertEqual(doc.workflow_state, "Submitted")
		self.assertEqual(doc.candidate_job_title, "Animatrice numérique")
		self.assertTrue(doc.resubmitted_on)
		self.assertFalse(doc.correction_token_hash)
		self.assertEqual(doc.application_call, self.call.name)
		rib = frappe.get_all(
			"File",
			filters={"attached_to_name": doc.name, "attached_to_field": "bank_details"},
			pluck="file_name",
		)
		self.assertEqual(len(rib), 1, "the old file is replaced")
		self.assertTrue(rib[0].startswith("rib") and rib[0].endswith(".pdf"), rib)

		with self.assertRaises(exceptions.InvalidCorrectionLinkError):
			submit_as_guest(answers, correction=token)
		with self.assertRaises(exceptions.InvalidCorrectionLinkError):
			submit_as_guest(answers, correction="0" * 32)

	def test_withdrawal(self):
		doc = self.submit()
		self.act(self.coordinator, doc, "Withdraw")
		self.assertEqual(frappe.db.get_value("PdN Application", doc.name, "workflow_state"), "Withdrawn")
		self.assertEqual(len(queued_emails(doc.name)), 2)

	def test_a_candidate_who_is_already_a_promeneur_is_linked(self):
		promeneur = make_promeneur()
		doc = self.submit(candidate_email=promeneur.email)
		self.act(self.coordinator, doc, "Pre-select")
		self.act(self.caf_agent, doc, "Accept")
		self.assertEqual(frappe.db.get_value("PdN Application", doc.name, "promeneur"), promeneur.name)
