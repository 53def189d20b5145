# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow

from pdn_frappe import exceptions
from pdn_frappe.animation.setup import ensure_practice_note_workflow
from pdn_frappe.animation.testing import make_promeneur_with_login
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member

SITUATION = (
	"<p>Un jeune de 15 ans m'écrit en message privé : il est moqué dans un groupe de sa classe. "
	"Nous en parlons, puis nous le rencontrons au PIJ avec son accord.</p>"
)


def write_note(**kwargs):
	return frappe.get_doc(
		{
			"doctype": "PdN Practice Note",
			"title": kwargs.pop("title", "Harcèlement dans un groupe de classe"),
			"situation": kwargs.pop("situation", SITUATION),
			"themes": [{"theme": "Harcèlement et cyberharcèlement"}],
			**kwargs,
		}
	).insert()


class TestPdNPracticeNote(PdnTestCase):
	OUTGOING_EMAIL = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_practice_note_workflow()
		frappe.clear_cache(doctype="PdN Practice Note")

	def setUp(self):
		self.author, self.author_user = make_promeneur_with_login(department="03")
		self.reader, self.reader_user = make_promeneur_with_login(department="03")
		self.coordinator = add_department_member("03", COORDINATOR)

	def test_a_promeneur_writes_a_draft_in_their_name_and_department(self):
		frappe.set_user(self.author_user)
		note = write_note()
		self.assertEqual(note.workflow_state, "Draft")
		self.assertEqual(note.author_promeneur, self.author.name)
		self.assertEqual(note.department, "03")
		self.assertEqual(note.author_name, self.author.full_name)

	def test_identity_fragments_are_refused_until_the_author_confirms_them(self):
		frappe.set_user(self.author_user)
		with self.assertRaises(exceptions.IdentityInNoteError) as refused:
			write_note(situation="<p>Elle m'a donné son snap @lea_du_03 et son 06 12 34 56 78.</p>")
		message = str(refused.exception)
		self.assertIn(_("a network handle"), message)
		self.assertIn(_("a phone number"), message)
		self.assertIn(_("Situation (anonymised)"), message)
		self.assertNotIn("lea_du_03", message)  # the kinds are named, never the fragment
		self.assertNotIn("06 12 34 56 78", message)
		self.assertFalse(frappe.db.exists("PdN Practice Note", {"owner": self.author_user}))

		note = write_note(situation="<p>Nous avons relayé le compte @pij_vichy.</p>", anonymity_confirmed=1)
		self.assertFalse(note.anonymity_confirmed)  # a confirmation covers one save only
		self.assertFalse(note.meta.has_field("anonymity_warnings"))  # nothing is copied elsewhere

		note.tips = "<p>Ne jamais noter le 06 12 34 56 78 d'un jeune.</p>"
		with self.assertRaises(exceptions.IdentityInNoteError) as refused:
			note.save()  # the phone number is new: a new confirmation is needed
		self.assertIn(_("a phone number"), str(refused.exception))
		self.assertNotIn(_("a network handle"), str(refused.exception))
		note.reload()
		note.tips = "<p>Relayer les comptes des structures.</p>"
		note.save()  # the confirmed handle is still there, nothing new

		note = frappe.get_doc("PdN Practice Note", note.name)
		note.run_method("onload")  # the coordinator is told what kind of contact details it holds
		self.assertEqual(note.get_onload().get("contact_details"), _("a network handle"))

	def test_the_confirmation_is_read_from_the_database_not_from_the_form(self):
		frappe.set_user(self.author_user)
		note = write_note()
		note.situation = "<p>Son mail : lea@example.com</p>"
		with self.assertRaises(exceptions.IdentityInNoteError) as refused:
			note.save()
		self.assertIn(_("an e-mail address"), str(refused.exception))
		self.assertNotIn("lea@example.com", str(refused.exception))
		self.assertTrue(issubclass(exceptions.IdentityInNoteError, exceptions.PersonalDataError))

	def test_a_note_without_contact_details_is_saved(self):
		frappe.set_user(self.author_user)
		note = write_note(tips="<p>Rencontrer le jeune au PIJ, le mercredi @14h.</p>")
		self.assertTrue(note.name)
		note.outcome = "<p>Il a repris contact avec son CPE.</p>"
		note.save()
		note.run_method("onload")
		self.assertFalse((note.get_onload() or {}).get("contact_details"))

	def test_workflow_submit_publish_archive(self):
		frappe.set_user(self.author_user)
		note = write_note()
		note = apply_workflow(note, "Submit for review")
		self.assertEqual(note.workflow_state, "Under review")
		# a submitted note belongs to the coordination now
		note.reload()
		note.title = "Changé"
		with self.assertRaises(frappe.PermissionError):
			note.save()
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(frappe.get_doc("PdN Practice Note", note.name), "Publish")

		frappe.set_user(self.coordinator)
		note = apply_workflow(frappe.get_doc("PdN Practice Note", note.name), "Publish")
		self.assertEqual(note.workflow_state, "Published")
		self.assertTrue(note.published_on)
		note = apply_workflow(note, "Archive")
		self.assertEqual(note.workflow_state, "Archived")

	def test_a_promeneur_reads_published_notes_and_their_own_only(self):
		frappe.set_user(self.author_user)
		draft = write_note(title="Brouillon")
		published = write_note(title="Publiée")
		frappe.set_user(self.coordinator)
		apply_workflow(frappe.get_doc("PdN Practice Note", published.name), "Publish")

		frappe.set_user(self.reader_user)
		names = frappe.get_list("PdN Practice Note", pluck="name")
		self.assertIn(published.name, names)
		self.assertNotIn(draft.name, names)
		self.assertTrue(frappe.has_permission("PdN Practice Note", "read", published.name))
		self.assertFalse(frappe.has_permission("PdN Practice Note", "read", draft.name))
		self.assertFalse(frappe.has_permission("PdN Practice Note", "write", published.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Practice Note", draft.name).check_permission("read")

		frappe.set_user(self.author_user)
		self.assertIn(draft.name, frappe.get_list("PdN Practice Note", pluck="name"))
		self.assertTrue(frappe.has_permission("PdN Practice Note", "write", draft.name))

	def test_the_coordination_of_another_department_sees_nothing(self):
		frappe.set_user(self.author_user)
		note = write_note()
		coordinator63 = add_department_member("63", COORDINATOR)
		caf03 = add_department_member("03", CAF_AGENT)
		_promeneur63, user63 = make_promeneur_with_login(department="63")
		frappe.set_user(self.coordinator)
		apply_workflow(frappe.get_doc("PdN Practice Note", note.name), "Publish")

		frappe.set_user(coordinator63)
		self.assertNotIn(note.name, frappe.get_list("PdN Practice Note", pluck="name"))
		self.assertFalse(frappe.has_permission("PdN Practice Note", "read", note.name))
		frappe.set_user(user63)
		self.assertFalse(frappe.has_permission("PdN Practice Note", "read", note.name))
		frappe.set_user(caf03)
		self.assertTrue(frappe.has_permission("PdN Practice Note", "read", note.name))
		self.assertFalse(frappe.has_permission("PdN Practice Note", "write", note.name))

	def test_check_anonymity_for_the_form(self):
		from pdn_frappe.animation.doctype.pdn_practice_note.pdn_practice_note import check_anonymity

		frappe.set_user(self.author_user)
		note = write_note(situation="<p>Le compte @pij_vichy</p>", anonymity_confirmed=1)
		lines = check_anonymity(note.name, {"situation": "@pij_vichy et lea@example.com"})
		self.assertEqual(len(lines), 1)
		self.assertIn(_("an e-mail address"), lines[0])
		self.assertNotIn(_("a network handle"), lines[0])  # confirmed before
		self.assertNotIn("lea@example.com", lines[0])
		self.assertEqual(check_anonymity(note.name, '{"situation": "<p>Le compte @pij_vichy</p>"}'), [])
		self.assertEqual(check_anonymity(None, '["rien"]'), [])
