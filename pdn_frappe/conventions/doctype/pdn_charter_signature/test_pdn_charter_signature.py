# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import io

import frappe
from frappe.utils import add_days, nowdate

from pdn_frappe import exceptions
from pdn_frappe.conventions import api, documents
from pdn_frappe.conventions.testing import (
	ConventionsTestCase,
	attach_file,
	complete_structure,
	make_active_convention,
	make_charter_signature,
	make_convention,
)
from pdn_frappe.tests.utils import make_promeneur


class TestPdNCharterSignature(ConventionsTestCase):
	def test_signatories_default_to_the_promeneur_and_the_representative(self):
		structure = complete_structure()
		promeneur = make_promeneur(structure=structure.name, status="Candidate", job_title="Animatrice")
		signature = make_charter_signature(promeneur.name, submit=False)
		self.assertEqual(
			[(row.party, row.signatory_name, row.signatory_title) for row in signature.signatories],
			[("Promeneur", promeneur.full_name, "Animatrice"), ("Structure", "Marie Durand", "Présidente")],
		)
		self.assertEqual(signature.structure, structure.name)
		self.assertEqual(signature.department, "03")
		self.assertTrue(signature.template)

	def test_signature_needs_the_scan_and_freezes_the_text(self):
		promeneur = make_promeneur(structure=complete_structure().name, status="Candidate")
		signature = make_charter_signature(promeneur.name, submit=False)
		with self.assertRaises(exceptions.CharterSignatureError):
			signature.submit()
		signature.reload()
		signature.signed_scan = attach_file(signature, "charte.pdf")
		signature.submit()
		self.assertTrue(signature.rendered_snapshot)
		self.assertIn(promeneur.full_name, documents.render(signature).plain_text())
		self.assertTrue(frappe.db.get_value("PdN Document Template", signature.template, "frozen"))

	def test_a_charter_cannot_be_signed_twice_or_in_the_future(self):
		promeneur = make_promeneur(structure=complete_structure().name, status="Candidate")
		make_charter_signature(promeneur.name)
		with self.assertRaises(exceptions.CharterSignatureError):
			make_charter_signature(promeneur.name, submit=False)
		other = make_promeneur(structure=complete_structure().name, status="Candidate")
		with self.assertRaises(exceptions.CharterSignatureError):
			make_charter_signature(other.name, submit=False, signed_on=add_days(nowdate(), 3))

	def test_promeneur_waits_for_the_active_convention(self):
		structure = complete_structure()
		promeneur = make_promeneur(structure=structure.name, status="Candidate")
		signature = make_charter_signature(promeneur.name)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Candidate")
		self.assertFalse(signature.convention)
		# the coordination cannot activate them by hand either
		promeneur.reload()
		promeneur.status = "Active"
		with self.assertRaises(exceptions.PromeneurActivationError) as caught:
			promeneur.save()
		self.assertIn(structure.structure_name, str(caught.exception))
		# the convention becomes active: the waiting promeneur with it
		convention = make_active_convention(structure=structure.name)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Active")
		signature.reload()
		signature.run_method("onload")
		state = signature.get_onload().activation
		self.assertEqual(state["convention"]["name"], convention.name)
		self.assertEqual(state["charter"]["name"], signature.name)

	def test_promeneur_becomes_active_when_the_charter_is_signed(self):
		structure = complete_structure()
		make_active_convention(structure=structure.name)
		promeneur = make_promeneur(structure=structure.name, status="Candidate")
		promeneur.reload()
		promeneur.status = "Active"
		with self.assertRaises(exceptions.PromeneurActivationError):
			promeneur.save()
		signature = make_charter_signature(promeneur.name)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Active")
		self.assertTrue(signature.convention)

	def test_an_unsigned_charter_is_not_enough(self):
		structure = complete_structure()
		make_active_convention(structure=structure.name)
		promeneur = make_promeneur(structure=structure.name, status="Candidate")
		make_charter_signature(promeneur.name, submit=False)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Candidate")

	def test_charter_docx_and_pdf(self):
		import docx
		from pypdf import PdfReader

		from pdn_frappe.conventions.pdf import document_pdf

		promeneur = make_promeneur(structure=complete_structure().name, status="Candidate")
		signature = make_charter_signature(promeneur.name)
		_, content = documents.docx_file(signature)
		word = docx.Document(io.BytesIO(content))
		text = "\n".join(paragraph.text for paragraph in word.paragraphs)
		self.assertIn(f"Je soussigné(e), {promeneur.full_name}", text)
		self.assertIn("Fait à Vichy", text)
		rows = [[cell.text for cell in row.cells] for row in word.tables[-1].rows]
		self.assertEqual(rows[0], ["Signataire", "Qualité", "Signature"])
		self.assertEqual([row[0] for row in rows[1:]], [promeneur.full_name, "Marie Durand"])
		reader = PdfReader(io.BytesIO(document_pdf(signature)))
		self.assertGreaterEqual(len(reader.pages), 2)
		self.assertIn(promeneur.full_name, " ".join(reader.pages[-1].extract_text().split()))

	def test_a_promeneur_downloads_their_own_charter_only(self):
		mine = make_promeneur(status="Candidate")
		user = mine.create_login(send_welcome_email=False)
		other = make_promeneur(status="Candidate")
		my_charter = make_charter_signature(mine.name)
		other_charter = make_charter_signature(other.name)
		frappe.set_user(user)
		api.download_docx("PdN Charter Signature", my_charter.name)
		self.assertTrue(frappe.local.response.filename.endswith(".docx"))
		with self.assertRaises(frappe.PermissionError):
			api.download_docx("PdN Charter Signature", other_charter.name)
