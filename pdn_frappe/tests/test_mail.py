# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Every notice of the app: the Email Template it is sent from, its recipients, its French subject
and a phrase of its text; and the module that sends them (pdn_frappe.mail)."""

import datetime
import email
from email import policy
from unittest.mock import patch

import frappe
from frappe.utils import add_days, format_date, get_datetime, nowdate

from pdn_frappe import mail
from pdn_frappe.animation import notices, tasks
from pdn_frappe.animation.testing import make_training
from pdn_frappe.applications import notifications
from pdn_frappe.applications.testing import (
	ApplicationsTestCase,
	application_values,
	make_call,
	submit_as_guest,
)
from pdn_frappe.conventions import activation, alerts
from pdn_frappe.domain import conventions as convention_rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import reminders
from pdn_frappe.evaluation.testing import make_active_promeneur
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_structure

#: a department the demo and the national benchmark data leave empty
DEPARTMENT = "976"
NO_ACCOUNT = patch(
	"frappe.email.doctype.email_account.email_account.EmailAccount.find_outgoing", return_value=None
)


def emails_to(recipient: str) -> list:
	"""E-mails queued to ``recipient``, oldest first: subject, recipients, cc, HTML text, reference."""
	parents = frappe.get_all("Email Queue Recipient", filters={"recipient": recipient}, pluck="parent")
	rows = frappe.get_all(
		"Email Queue",
		filters={"name": ("in", parents or [""])},
		fields=["name", "message", "show_as_cc", "reference_doctype", "reference_name"],
		order_by="creation asc, name asc",
	)
	result = []
	for row in rows:
		message = email.message_from_string(row.message, policy=policy.default)
		result.append(
			frappe._dict(
				subject=str(message["Subject"]),
				body=message.get_body(preferencelist=("html",)).get_content(),
				attachments=[part.get_filename() for part in message.iter_attachments()],
				cc=row.show_as_cc or "",
				reference=(row.reference_doctype, row.reference_name),
				recipients=frappe.get_all(
					"Email Queue Recipient", filters={"parent": row.name}, pluck="recipient"
				),
			)
		)
	return result


def last_email_to(recipient: str):
	queued = emails_to(recipient)
	return queued[-1] if queued else None


class TestMail(PdnTestCase):
	OUTGOING_EMAIL = True

	def tearDown(self):
		frappe.flags.pdn_no_outgoing_account_logged = False
		frappe.defaults._clear_cache(mail.SHIPPED)  # the fingerprints set by a test that was rolled back

	def test_every_shipped_template_is_a_record_and_an_administrators_edit_stays(self):
		mail.sync_email_templates()
		shipped = mail.shipped_templates()
		self.assertEqual(len(shipped), 28)
		self.assertIn("PdN Promeneur Committee Decision", shipped)
		self.assertIn("PdN Meeting Minutes", shipped)
		self.assertFalse(set(shipped) - set(frappe.get_all("Email Template", pluck="name")))

		frappe.db.set_value("Email Template", "PdN Referent Check", "subject", "Contacts à revoir")
		mail.sync_email_templates()
		self.assertEqual(
			frappe.db.get_value("Email Template", "PdN Referent Check", "subject"), "Contacts à revoir"
		)

		# a text shipped by an earlier version, that nobody edited, is brought up to date
		subject, body = shipped["PdN Training Cancelled"]
		frappe.db.set_value("Email Template", "PdN Training Cancelled", "subject", "Ancien sujet")
		fingerprint = mail.fingerprint("Ancien sujet", body)
		frappe.db.set_default("PdN Training Cancelled", fingerprint, parent=mail.SHIPPED)
		self.assertIn("PdN Training Cancelled", mail.sync_email_templates())
		self.assertEqual(frappe.db.get_value("Email Template", "PdN Training Cancelled", "subject"), subject)

	def test_values_stay_escaped_in_a_template_an_administrator_rewrote(self):
		mail.sync_email_templates()
		frappe.db.set_value(
			"Email Template", "PdN Coordination Report Sent", "response_html", "<p>{{ title }}</p>"
		)
		subject, body = mail.render("PdN Coordination Report Sent", {"title": "Bilan <b>T1</b>"})
		self.assertEqual(body, "<p>Bilan &lt;b&gt;T1&lt;/b&gt;</p>")
		self.assertEqual(subject, "Bilan de coordination : Bilan <b>T1</b>")  # plain text

	def test_without_an_outgoing_account_nothing_is_queued_and_the_error_is_logged_once(self):
		self.assertTrue(mail.can_send())
		errors = frappe.db.count("Error Log")
		with NO_ACCOUNT:
			for _attempt in range(2):
				self.assertFalse(
					mail.send("PdN Coordination Report Sent", "caf.none@example.org", {"title": "T1"})
				)
		self.assertFalse(emails_to("caf.none@example.org"))
		self.assertEqual(frappe.db.count("Error Log"), errors + 1)

	# ------------------------------------------------------------ animation

	def test_training_notices(self):
		training = make_training(
			title="Posture éducative <en ligne>", online_link="https://visio.example.org/a"
		)
		cases = (
			(lambda to: notices.send_invitations(training, [to]), "Invitation : ", "Vous êtes invité"),
			(lambda to: notices.send_invitations(training, [to], update=True), "Mise à jour : ", "invité"),
			(
				lambda to: notices.send_registration_confirmation(training, to),
				"Inscription confirmée : ",
				"Votre inscription à",
			),
			(lambda to: notices.send_cancellation(training, [to]), "Annulé : ", "est annulé"),
			(
				lambda to: notices.send_feedback_requests(training, [to]),
				"Votre avis sur ",
				"Donner votre avis",
			),
		)
		for number, (send, subject, phrase) in enumerate(cases):
			to = f"promeneur.training{number}@example.org"
			send(to)
			queued = last_email_to(to)
			self.assertEqual(queued.subject, subject + training.title)
			self.assertIn(phrase, queued.body)
			self.assertNotIn("<en ligne>", queued.body)  # a stored value is written as text
			self.assertEqual(queued.reference, ("PdN Training", training.name))
			if "avis" not in subject:
				self.assertEqual(queued.attachments, [notices.ICS_FILENAME])
				self.assertIn('<a href="https://visio.example.org/a"', queued.body)

	def test_coordination_report_notices(self):
		agent = add_department_member(DEPARTMENT, CAF_AGENT)
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		report = frappe.get_doc(
			{"doctype": "PdN Coordination Report", "department": DEPARTMENT, "title": "Bilan T1 2026"}
		)
		report.name = "PDN-BILAN-TEST"
		report.notify_caf()
		queued = last_email_to(agent)
		self.assertEqual(queued.recipients, [agent])
		self.assertEqual(queued.subject, "Bilan de coordination : Bilan T1 2026")
		self.assertIn("La coordination a envoyé son bilan", queued.body)

		due = format_date(datetime.date(2026, 4, 15))
		tasks.send_report_reminders("2026-04-08")
		queued = last_email_to(coordinator)
		self.assertEqual(queued.subject, f"Bilan de coordination à rendre le {due}")
		self.assertIn("est à rendre à la Caf le", queued.body)
		tasks.send_report_reminders("2026-04-16")
		queued = last_email_to(coordinator)
		self.assertEqual(queued.subject, "Bilan de coordination du T1 2026 en retard")
		self.assertIn("et n'a pas été envoyé", queued.body)
		self.assertEqual(queued.reference[0], "PdN Coordination Report")

	def test_referent_check_reminder(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		frappe.get_doc(
			{
				"doctype": "PdN Resource Referent",
				"full_name": "Ancien <contact>",
				"organisation": "Maison des adolescents",
				"department": DEPARTMENT,
				"last_checked_on": "2020-01-01",
			}
		).insert(ignore_permissions=True)
		tasks.send_referent_check_reminders(add_days(nowdate(), 1))
		queued = last_email_to(coordinator)
		self.assertEqual(queued.subject, "Carnet d'adresses : 1 personnes ressources à vérifier")
		self.assertIn("Ancien", queued.body)
		self.assertNotIn("<contact>", queued.body)
		self.assertIn("n'ont pas été vérifiées depuis longtemps", queued.body)

	# ------------------------------------------------------------ conventions

	def test_convention_notices(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		structure = make_structure(department=DEPARTMENT, postcode="97600", city="Mamoudzou")
		convention = frappe._dict(
			name="PDN-CONV-TEST",
			structure=structure.name,
			structure_name="Centre <Les Ailes>",
			department=DEPARTMENT,
			end_date=datetime.date(2031, 6, 30),
			status="Expired",
		)
		end = frappe.format(convention.end_date, "Date")
		alerts._send_expiry(convention, convention_rules.Alert("expiry-90", "expiry", 90), [coordinator])
		queued = last_email_to(coordinator)
		self.assertEqual(queued.subject, f"La convention de Centre <Les Ailes> prend fin le {end}")
		self.assertIn("avec Centre &lt;Les Ailes&gt; prend fin le", queued.body)
		self.assertIn("dans 90 jours", queued.body)
		self.assertEqual(queued.reference, ("PdN Convention", "PDN-CONV-TEST"))

		late = frappe._dict(document_type="Rapport annuel", year=2030, due_date=datetime.date(2031, 3, 31))
		alert = convention_rules.Alert("late", "late_document", rows=(late,))
		alerts._send_late_documents(convention, alert, [coordinator])
		queued = last_email_to(coordinator)
		self.assertEqual(queued.subject, "Pièces en retard pour la convention de Centre <Les Ailes>")
		self.assertIn("Rapport annuel pour 2030, attendu le", queued.body)

		promeneur = make_promeneur(structure=structure.name)
		activation.notify_suspensions(convention, [promeneur.name])
		queued = last_email_to(coordinator)
		self.assertEqual(
			queued.subject, f"Promeneurs de {structure.structure_name} suspendus : la convention a pris fin"
		)
		self.assertIn(promeneur.full_name, queued.body)
		self.assertIn("a pris fin (Expirée)", queued.body)
		self.assertIn("ne figurent plus dans l'annuaire public", queued.body)

	# ------------------------------------------------------------ evaluation

	def test_questionnaire_reminder_and_overdue_alert(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)
		structure = make_structure(department=DEPARTMENT, postcode="97600", city="Mamoudzou")
		promeneur = make_active_promeneur(structure=structure.name, first_name="Lou")
		period = Period(2025, 1)
		reminders.remind_promeneurs(period, get_datetime("2025-04-10").date(), 15, DEPARTMENT)
		queued = last_email_to(promeneur.email)
		self.assertEqual(queued.recipients, [promeneur.email])
		self.assertTrue(queued.subject.startswith("Promeneurs du Net : votre questionnaire du T1 2025"))
		self.assertIn("Bonjour Lou,", queued.body)
		self.assertIn("Remplir mon questionnaire", queued.body)
		self.assertEqual(queued.reference, ("PdN Promeneur", promeneur.name))

		reminders.alert_coordination(period, get_datetime("2025-04-20").date(), 15, DEPARTMENT)
		queued = last_email_to(coordinator)
		self.assertRegex(
			queued.subject, r"^Promeneurs du Net : \d+ questionnaires du T1 2025 sont en retard$"
		)
		self.assertIn(promeneur.full_name, queued.body)
		self.assertIn("Ouvrir le suivi des évaluations", queued.body)


class TestApplicationNotices(ApplicationsTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_call()

	def test_each_decision_is_told_in_french_to_the_candidate_copying_the_structure(self):
		values = application_values(structure_name="Centre <Les Ailes>")
		submit_as_guest(values)
		doc = frappe.get_doc("PdN Application", {"candidate_email": values["candidate_email"]})
		yours = "Votre candidature {0}"
		cases = (
			("received", yours + " aux Promeneurs du Net a bien été reçue", "Nous avons bien reçu"),
			("preselected", yours + " a été présélectionnée", "a présélectionné la candidature"),
			("returned", yours + " : merci de la compléter", "/candidature/new?correction=abc123"),
			("resubmitted", "Votre candidature corrigée {0} a bien été reçue", "les corrections"),
			("accepted", "Votre candidature {0} a été acceptée", "une des réunions d'accueil"),
			("rejected", "Votre candidature {0} n'a pas été retenue", "pour le motif suivant"),
			("withdrawn", "Votre candidature {0} a été retirée", "Contactez la coordination"),
		)
		for kind, subject, phrase in cases:
			if kind != "received":
				notifications.send_notice(doc, kind, token="abc123")
			queued = last_email_to(doc.candidate_email)
			self.assertEqual(queued.subject, subject.format(doc.name), kind)
			self.assertIn(phrase, queued.body, kind)
			self.assertIn("Centre", queued.body, kind)
			self.assertNotIn("<Les Ailes>", queued.body, kind)
			self.assertIn(doc.structure_email, queued.cc, kind)
			self.assertEqual(queued.reference, ("PdN Application", doc.name))
			self.assertEqual("correction=abc123" in queued.body, kind == "returned", kind)

	def test_without_an_outgoing_account_the_application_says_who_was_not_told(self):
		submit_as_guest(values := application_values())
		doc = frappe.get_doc("PdN Application", {"candidate_email": values["candidate_email"]})
		with NO_ACCOUNT:
			notifications.send_notice(doc, "preselected")
		frappe.flags.pdn_no_outgoing_account_logged = False
		comment = frappe.get_all(
			"Comment",
			filters={"reference_name": doc.name, "comment_type": "Info"},
			pluck="content",
		)
		self.assertIn(
			"E-mail non envoyé (aucun compte d'envoi configuré) : "
			f"Votre candidature {doc.name} a été présélectionnée",
			comment,
		)
