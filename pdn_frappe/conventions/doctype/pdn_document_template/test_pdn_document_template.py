# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe import exceptions
from pdn_frappe.conventions import shipped_templates
from pdn_frappe.conventions.testing import ConventionsTestCase
from pdn_frappe.domain import documents
from pdn_frappe.roles import CAF_AGENT
from pdn_frappe.tests.utils import add_department_member


def shipped_convention():
	key = next(t["shipped_key"] for t in shipped_templates.shipped_templates() if t["document_kind"] == "Convention")
	return frappe.get_doc("PdN Document Template", {"shipped_key": key})


class TestPdNDocumentTemplate(ConventionsTestCase):
	def test_default_templates_are_installed_once(self):
		self.assertEqual(shipped_templates.sync_document_templates(), [])
		for kind in ("Convention", "Charter"):
			active = frappe.get_all(
				"PdN Document Template",
				filters={"document_kind": kind, "is_active": 1, "department": ("is", "not set")},
				pluck="name",
			)
			self.assertEqual(len(active), 1, kind)

	def test_sync_never_overwrites_an_edited_template(self):
		template = shipped_convention()
		template.db_set("frozen", 0)  # not used by a signed convention in this test
		template.reload()
		template.sections[1].body = "Texte officiel collé par l'administrateur."
		template.save()
		frappe.db.delete("PdN Document Template", {"shipped_key": "charter-v1"})
		created = shipped_templates.sync_document_templates()
		self.assertEqual(len(created), 1, "only the missing charter is created again")
		template.reload()
		self.assertEqual(template.sections[1].body, "Texte officiel collé par l'administrateur.")

	def test_versions_are_numbered_and_only_one_is_in_use(self):
		template = shipped_convention()
		second = frappe.get_doc("PdN Document Template", template.create_new_version())
		self.assertEqual(second.version, template.version + 1)
		self.assertEqual(second.based_on, template.name)
		self.assertFalse(second.is_active)
		self.assertEqual(documents.fingerprint(second.as_dict()), documents.fingerprint(template.as_dict()))
		second.is_active = 1
		second.save()
		self.assertFalse(frappe.db.get_value("PdN Document Template", template.name, "is_active"))

	def test_a_department_template_takes_precedence(self):
		from pdn_frappe.conventions.documents import active_template

		national = shipped_convention()
		local = frappe.copy_doc(national, ignore_no_copy=False)
		local.department = "63"
		local.is_active = 1
		local.insert()
		self.assertEqual(local.version, 1)
		self.assertEqual(active_template("Convention", "63"), local.name)
		self.assertEqual(active_template("Convention", "03"), national.name)
		self.assertTrue(frappe.db.get_value("PdN Document Template", national.name, "is_active"))

	def test_invalid_merge_fields_are_refused(self):
		template = shipped_convention()
		template.sections[0].body = "{% if structure.name %}sans fin"
		with self.assertRaises(exceptions.DocumentTemplateError) as caught:
			template.save()
		self.assertIn(template.sections[0].section_title, str(caught.exception))

	def test_caf_agents_read_but_do_not_edit_templates(self):
		agent = add_department_member("03", CAF_AGENT)
		frappe.set_user(agent)
		self.assertTrue(frappe.has_permission("PdN Document Template", "read"))
		self.assertFalse(frappe.has_permission("PdN Document Template", "write"))
