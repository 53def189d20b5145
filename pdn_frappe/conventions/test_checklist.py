"""The convention's checklist on the structure's form: its manager reads and fills it, for their own
structure only."""

import frappe

from pdn_frappe import roles
from pdn_frappe.conventions.checklist import structure_checklist, upload_document
from pdn_frappe.conventions.testing import attach_file, complete_structure, make_convention
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_user


def set_manager(structure, user, is_manager=1):
	doc = frappe.get_doc("PdN Structure", structure)
	for row in doc.contacts:
		if row.user == user:
			row.is_manager = is_manager
			break
	else:
		doc.append("contacts", {"contact_name": "Responsable", "user": user, "is_manager": is_manager})
	doc.save(ignore_permissions=True)


class TestConventionChecklist(PdnTestCase):
	def setUp(self):
		self.structure = complete_structure(department="03").name
		self.convention = make_convention(structure=self.structure)
		self.other = make_convention(department="03")
		self.manager = make_user()
		set_manager(self.structure, self.manager)
		self.missing = [row for row in self.convention.supporting_documents if row.status == "Missing"]
		self.assertTrue(self.missing, "the draft convention asks for documents")

	def test_manager_reads_and_fills_their_checklist(self):
		url = attach_file(self.convention, "statuts.pdf")
		frappe.set_user(self.manager)
		checklist = structure_checklist(self.structure)
		self.assertEqual(checklist["convention"], self.convention.name)
		self.assertTrue(checklist["can_upload"])
		self.assertEqual(
			{row["name"] for row in checklist["rows"] if row["status"] == "Missing"},
			{row.name for row in self.missing},
		)
		self.assertEqual(
			upload_document(self.convention.name, self.missing[0].name, url), {"status": "Received"}
		)
		frappe.set_user("Administrator")
		row = frappe.get_doc("PdN Convention Document", self.missing[0].name)
		self.assertEqual((row.file, row.status), (url, "Received"))

	def test_another_structure_is_out_of_reach(self):
		url = attach_file(self.other, "statuts.pdf")
		row = next(row for row in self.other.supporting_documents if row.status == "Missing")
		frappe.set_user(self.manager)
		self.assertRaises(frappe.PermissionError, structure_checklist, self.other.structure)
		self.assertRaises(frappe.PermissionError, upload_document, self.other.name, row.name, url)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.get_value("PdN Convention Document", row.name, "file"))

	def test_withdrawn_manager_and_promeneur_are_refused(self):
		url = attach_file(self.convention, "statuts.pdf")
		set_manager(self.structure, self.manager, is_manager=0)
		frappe.set_user(self.manager)
		self.assertRaises(frappe.PermissionError, structure_checklist, self.structure)
		self.assertRaises(
			frappe.PermissionError, upload_document, self.convention.name, self.missing[0].name, url
		)
		frappe.set_user("Administrator")
		from pdn_frappe.animation.testing import make_promeneur_with_login

		_promeneur, user = make_promeneur_with_login(structure=self.structure)
		frappe.set_user(user)
		self.assertRaises(
			frappe.PermissionError, upload_document, self.convention.name, self.missing[0].name, url
		)

	def test_only_a_file_of_the_convention_into_a_row_to_provide(self):
		elsewhere = attach_file(self.other, "autre.pdf")
		frappe.set_user(self.manager)
		self.assertRaises(
			frappe.ValidationError, upload_document, self.convention.name, self.missing[0].name, elsewhere
		)
		self.assertRaises(
			frappe.ValidationError,
			upload_document,
			self.convention.name,
			self.other.supporting_documents[0].name,
			elsewhere,
		)

	def test_coordinator_of_the_department_reads_it_too(self):
		coordinator = add_department_member("03", roles.COORDINATOR)
		coordinator63 = add_department_member("63", roles.COORDINATOR)
		frappe.set_user(coordinator)
		self.assertEqual(structure_checklist(self.structure)["convention"], self.convention.name)
		frappe.set_user(coordinator63)
		self.assertRaises(frappe.PermissionError, structure_checklist, self.structure)
