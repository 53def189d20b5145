# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime
import io

import frappe
from frappe import _
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe import exceptions
from pdn_frappe.conventions import alerts, api, documents
from pdn_frappe.conventions.testing import (
	ConventionsTestCase,
	attach_file,
	complete_structure,
	make_active_convention,
	make_convention,
	sign_convention,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import add_department_member, make_promeneur, make_user


def today():
	return getdate(nowdate())


def email_count(convention: str) -> int:
	return frappe.db.count(
		"Email Queue", {"reference_doctype": "PdN Convention", "reference_name": convention}
	)


class TestPdNConvention(ConventionsTestCase):
	# ------------------------------------------------------------ lifecycle

	def test_lifecycle_from_draft_to_active_with_dates(self):
		convention = make_convention()
		self.assertEqual(convention.status, "Draft")
		self.assertEqual(convention.total_amount, 15000)
		self.assertTrue(convention.template, "the template in use is taken")
		convention.mark_sent()
		self.assertEqual(convention.status, "Sent")
		self.assertEqual(str(convention.sent_on), nowdate())
		convention.mark_signed(signed_on=nowdate(), signed_scan=attach_file(convention))
		convention.reload()
		# the period started on 1 January: signed, then active at once
		self.assertEqual(convention.status, "Active")
		self.assertEqual(str(convention.signed_on), nowdate())
		self.assertTrue(convention.activated_on)
		self.assertTrue(convention.rendered_snapshot)
		self.assertTrue(frappe.db.get_value("PdN Document Template", convention.template, "frozen"))

	def test_a_convention_starting_later_stays_signed_until_its_start(self):
		start = datetime.date(today().year + 1, 1, 1)
		convention = sign_convention(make_convention(start_date=start), signed_on=nowdate())
		self.assertEqual(convention.status, "Signed")
		alerts.update_statuses(today=start)
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Active")

	def test_status_cannot_skip_steps(self):
		convention = make_convention()
		with self.assertRaises(exceptions.ConventionStatusError):
			convention.change_status("Signed")
		convention.reload()
		with self.assertRaises(exceptions.ConventionStatusError):
			convention.terminate(reason="Fin de l'action")
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Draft")

	def test_signature_needs_the_signed_scan(self):
		convention = make_convention()
		convention.mark_sent()
		with self.assertRaises(exceptions.ConventionStatusError):
			convention.mark_signed(signed_on=nowdate())
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Sent")

	def test_termination_needs_a_reason_and_is_final(self):
		convention = make_active_convention()
		with self.assertRaises(exceptions.ConventionStatusError):
			convention.terminate(reason=" ", immediate=1)
		convention.reload()
		convention.terminate(reason="Dissolution de l'association", immediate=1)
		convention.reload()
		self.assertEqual(convention.status, "Terminated")
		self.assertEqual(str(convention.terminated_on), nowdate())
		self.assertEqual(convention.termination_kind, "Immediate")
		with self.assertRaises(exceptions.ConventionStatusError):
			convention.change_status("Active")

	# ------------------------------------------------------------ termination with notice

	def notice_convention(self):
		"""Three years from 1 January of last year: its anniversaries are 1 January of this year and
		of next year."""
		year = today().year
		return make_active_convention(start_date=datetime.date(year - 1, 1, 1), years=3)

	def test_a_termination_with_too_short_a_notice_is_refused_in_french(self):
		convention = self.notice_convention()
		next_anniversary = datetime.date(today().year + 1, 1, 1)
		with self.assertRaises(exceptions.ConventionTerminationError) as caught:
			convention.terminate(reason="Fin du projet", terminated_on=str(add_days(nowdate(), 15)))
		message = str(caught.exception)
		self.assertIn("préavis", message)
		self.assertIn("trois mois", message)
		earliest = (
			next_anniversary
			if add_days(today(), 92) <= next_anniversary
			else datetime.date(today().year + 2, 1, 1)
		)
		if earliest.year > today().year + 1:
			return  # too late in the year for any anniversary before the end: refused all the same
		self.assertIn(frappe.utils.format_date(earliest), message)
		convention.reload()
		self.assertEqual(convention.status, "Active")
		self.assertFalse(convention.terminated_on)

	def test_a_termination_with_notice_is_planned_then_applied_by_the_daily_job(self):
		year = today().year
		# notice given on 1 October of last year: the anniversary of 1 January is reached
		convention = make_active_convention(start_date=datetime.date(year - 1, 1, 1), years=3)
		convention.terminate(
			reason="Fin du projet", notice_on=f"{year - 1}-10-01", terminated_on=f"{year}-01-01"
		)
		convention.reload()
		# the date has come already: terminated at once, on that date
		self.assertEqual(convention.status, "Terminated")
		self.assertEqual(str(convention.terminated_on), f"{year}-01-01")
		self.assertEqual(convention.termination_kind, "With notice")
		self.assertEqual(str(convention.termination_notice_on), f"{year - 1}-10-01")

		later = make_active_convention(start_date=datetime.date(year - 1, 1, 1), years=5)
		later.terminate(reason="Fin du projet", notice_on=f"{year}-09-30")
		later.reload()
		self.assertEqual(str(later.terminated_on), f"{year + 1}-01-01", "the earliest date allowed")
		self.assertEqual(later.status, "Active", "active until the date")
		with self.assertRaises(exceptions.ConventionTerminationError):
			later.terminate(reason="Encore", notice_on=nowdate())
		changed = alerts.update_statuses(today=datetime.date(year + 1, 1, 1))
		self.assertIn(later.name, changed)
		later.reload()
		self.assertEqual(later.status, "Terminated")
		self.assertEqual(str(later.terminated_on), f"{year + 1}-01-01")

	def test_a_termination_reaching_its_date_suspends_the_structures_promeneurs(self):
		from pdn_frappe.conventions.testing import make_charter_signature

		year = today().year
		convention = make_active_convention(start_date=datetime.date(year - 1, 1, 1), years=5)
		promeneur = make_promeneur(structure=convention.structure, status="Candidate")
		make_charter_signature(promeneur.name)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Active")
		convention.terminate(reason="Fin du projet", notice_on=nowdate())
		convention.reload()
		self.assertEqual(convention.status, "Active")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Active")
		alerts.update_statuses(today=getdate(convention.terminated_on))
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Terminated")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Suspended")
		self.assertEqual(
			frappe.db.get_value("PdN Promeneur", promeneur.name, "status_reason_code"), "convention_ended"
		)

	def test_a_planned_termination_can_be_withdrawn(self):
		year = today().year
		convention = make_active_convention(start_date=datetime.date(year - 1, 1, 1), years=5)
		convention.terminate(reason="Fin du projet", terminated_on=f"{year + 2}-01-01")
		convention.reload()
		convention.withdraw_termination()
		convention.reload()
		self.assertFalse(convention.terminated_on)
		self.assertNotIn(convention.name, alerts.update_statuses(today=datetime.date(year + 2, 1, 1)))
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Active")

	def test_a_date_that_is_not_an_anniversary_is_refused(self):
		year = today().year
		convention = make_active_convention(start_date=datetime.date(year - 1, 1, 1), years=5)
		with self.assertRaises(exceptions.ConventionTerminationError):
			convention.terminate(reason="Fin du projet", terminated_on=f"{year + 2}-03-15")

	def test_only_the_caf_ends_at_once(self):
		convention = make_active_convention()
		coordinator = add_department_member("03", COORDINATOR)
		frappe.set_user(coordinator)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Convention", convention.name).terminate(reason="Dissolution", immediate=1)
		frappe.set_user(add_department_member("63", CAF_AGENT))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Convention", convention.name).terminate(reason="Dissolution", immediate=1)
		frappe.set_user(add_department_member("03", CAF_AGENT))
		doc = frappe.get_doc("PdN Convention", convention.name)
		with self.assertRaises(exceptions.PersonalDataError):
			doc.terminate(reason="Appeler le jeune au 06 12 34 56 78", immediate=1)
		doc = frappe.get_doc("PdN Convention", convention.name)
		doc.terminate(reason="Dissolution de l'association", immediate=1)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Terminated")

	def test_a_termination_cannot_be_written_around_the_terminate_method(self):
		convention = make_active_convention()
		frappe.set_user(add_department_member("03", CAF_AGENT))
		doc = frappe.get_doc("PdN Convention", convention.name)
		doc.terminated_on = add_days(nowdate(), 1)
		with self.assertRaises(exceptions.ConventionTerminationError):
			doc.save()
		frappe.set_user("Administrator")
		self.assertIsNone(frappe.db.get_value("PdN Convention", convention.name, "terminated_on"))

	# ------------------------------------------------------------ recoveries and checks

	def test_recoveries_and_checks_are_recorded_by_the_caf(self):
		convention = make_active_convention()
		doc = frappe.get_doc("PdN Convention", convention.name)
		doc.append(
			"inspections",
			{
				"checked_on": nowdate(),
				"checked_by": "Service contrôle Caf",
				"outcome": "Recovery of sums",
				"findings": "Dépenses 2025 non justifiées",
			},
		)
		doc.append(
			"recoveries",
			{"amount": 1200, "reason": "Dépenses non justifiées", "due_date": add_days(nowdate(), -1)},
		)
		doc.append(
			"recoveries",
			{
				"amount": 300,
				"reason": "Trop-perçu",
				"due_date": nowdate(),
				"status": "Recovered",
				"recovered_on": nowdate(),
			},
		)
		doc.append(
			"recoveries", {"amount": 50, "reason": "Erreur", "due_date": nowdate(), "status": "Cancelled"}
		)
		doc.save()
		self.assertEqual((doc.recovery_due, doc.recovered_amount), (1200, 300))
		doc.recoveries[0].amount = -5
		with self.assertRaises(exceptions.ConventionRecoveryError):
			doc.save()
		doc.reload()
		doc.inspections[0].findings = "Le jeune joignable sur @pseudo_du_jeune"
		with self.assertRaises(exceptions.PersonalDataError):
			doc.save()
		doc.reload()
		doc.append("inspections", {"checked_on": add_days(nowdate(), 3), "checked_by": "Caf"})
		with self.assertRaises(exceptions.ConventionCheckError):
			doc.save()
		# a coordinator reads them, and cannot change them
		frappe.set_user(add_department_member("03", COORDINATOR))
		doc = frappe.get_doc("PdN Convention", convention.name)
		self.assertEqual(len(doc.recoveries), 3)
		doc.recoveries[0].status = "Cancelled"
		with self.assertRaises(frappe.PermissionError):
			doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "recovery_due"), 1200)

	def test_expired_by_the_daily_job(self):
		convention = make_active_convention()
		changed = alerts.update_statuses(today=add_days(convention.end_date, 1))
		self.assertIn(convention.name, changed)
		convention.reload()
		self.assertEqual(convention.status, "Expired")
		self.assertTrue(convention.expired_on)

	def test_only_a_draft_can_be_deleted(self):
		convention = make_active_convention()
		with self.assertRaises(exceptions.ConventionStatusError):
			convention.delete(ignore_permissions=True)
		draft = make_convention()
		draft.delete(ignore_permissions=True)
		self.assertFalse(frappe.db.exists("PdN Convention", draft.name))

	# ------------------------------------------------------------ validation

	def test_period_must_end_after_it_starts(self):
		before = frappe.db.count("PdN Convention")
		with self.assertRaises(exceptions.ConventionPeriodError):
			make_convention(start_date="2026-06-01", end_date="2026-01-01", subsidies=[])
		self.assertEqual(frappe.db.count("PdN Convention"), before)

	def test_subsidy_schedule_is_checked(self):
		with self.assertRaises(exceptions.SubsidyScheduleError) as caught:
			make_convention(years=2, subsidies=[{"year": today().year + 5, "amount": 1000}])
		self.assertIn(str(today().year + 5), str(caught.exception))
		with self.assertRaises(exceptions.SubsidyScheduleError):
			make_convention(years=2, subsidies=[{"year": today().year, "amount": 1}] * 2)
		with self.assertRaises(exceptions.SubsidyScheduleError):
			make_convention(years=2, subsidies=[{"year": today().year, "amount": 0}])

	def test_signed_terms_cannot_change_but_payments_can_be_recorded(self):
		convention = make_active_convention()
		convention.end_date = add_days(convention.end_date, 365)
		with self.assertRaises(exceptions.SignedConventionError):
			convention.save()
		convention.reload()
		convention.subsidies[0].amount = 99
		with self.assertRaises(exceptions.SignedConventionError):
			convention.save()
		convention.reload()
		convention.subsidies[0].paid_on = nowdate()
		convention.save()
		self.assertEqual(convention.paid_amount, 5000)
		self.assertEqual(convention.unpaid_amount, 10000)

	# ------------------------------------------------------------ supporting documents

	def test_checklist_reuses_the_structure_documents_and_flags_expired_ones(self):
		structure = complete_structure(
			documents=[
				{
					"document_type": "Statuts",
					"file": "/private/files/statuts.pdf",
					"received_on": "2020-01-10",
				},
				{
					"document_type": "Liste des membres du conseil d'administration",
					"file": "/private/files/ca.pdf",
					"received_on": "2022-01-10",
					"valid_until": "2023-01-10",
				},
			]
		)
		convention = make_convention(structure=structure.name)
		rows = {row.document_type: row for row in convention.supporting_documents}
		self.assertEqual({row.stage for row in rows.values()}, {"First signature"})
		self.assertIn(
			"Récépissé de déclaration en préfecture", rows, "associations give the préfecture receipt"
		)
		self.assertNotIn("Arrêté préfectoral de création", rows, "that one is for public bodies")
		self.assertEqual(rows["Statuts"].status, "Received")
		self.assertTrue(rows["Statuts"].from_structure)
		self.assertEqual(rows["Statuts"].file, "/private/files/statuts.pdf")
		self.assertEqual(rows["Liste des membres du conseil d'administration"].status, "Expired")
		self.assertEqual(rows["Relevé d'identité bancaire (RIB)"].status, "Missing")

	def test_public_bodies_get_their_own_checklist(self):
		structure = complete_structure(legal_status="Local authority")
		convention = make_convention(structure=structure.name)
		documents_asked = {row.document_type for row in convention.supporting_documents}
		self.assertIn("Arrêté préfectoral de création", documents_asked)
		self.assertNotIn("Récépissé de déclaration en préfecture", documents_asked)

	def test_the_checklist_follows_the_guide_per_legal_status_and_step(self):
		"""The documents the guide lists for each step, from the shipped PdN Document Types."""
		asked = lambda convention: {row.document_type for row in convention.supporting_documents}  # noqa: E731
		association = make_convention(structure=complete_structure(legal_status="Association").name)
		for document in (
			"Règlement intérieur",
			"Plaquettes de présentation et documents de communication",
			"Copie des labels et agréments (jeunesse et éducation populaire)",
			"Bilan comptable de l'année précédente",
			"Liste des membres du conseil d'administration",
			"Statuts",
		):
			self.assertIn(document, asked(association))
		public = make_convention(structure=complete_structure(legal_status="Public establishment").name)
		self.assertIn("Règlement intérieur", asked(public))
		self.assertNotIn("Bilan comptable de l'année précédente", asked(public))
		self.assertEqual({row.stage for row in public.supporting_documents}, {"First signature"})
		# at renewal: what changed since the first convention
		for legal_status, expected, absent in (
			("Association", "Bilan comptable de l'année précédente", "Règlement intérieur"),
			(
				"Local authority",
				"Attestation de non-changement de situation",
				"Relevé d'identité bancaire (RIB)",
			),
		):
			old = make_active_convention(
				structure=complete_structure(legal_status=legal_status).name,
				start_date=datetime.date(today().year - 1, 1, 1),
				years=1,
				subsidies=[{"year": today().year - 1, "amount": 3000}],
			)
			renewal = frappe.get_doc("PdN Convention", old.renew())
			self.assertEqual({row.stage for row in renewal.supporting_documents}, {"Renewal"})
			self.assertIn(expected, asked(renewal))
			self.assertIn("Attestation de non-changement de situation", asked(renewal))
			self.assertNotIn(absent, asked(renewal))
		# each yearly payment: its own documents and due dates
		yearly = {row.document_type for row in association.yearly_reports}
		self.assertEqual(
			yearly,
			{"Attestation de service fait", "Budget prévisionnel", "Compte de résultat", "Bilan d'activité"},
		)

	def test_yearly_documents_for_each_subsidy_year(self):
		convention = make_convention(years=2, start_date=datetime.date(today().year - 1, 1, 1))
		rows = [
			(row.year, row.document_type, str(row.due_date), row.status) for row in convention.yearly_reports
		]
		last_year = today().year - 1
		self.assertIn((last_year, "Attestation de service fait", f"{last_year}-12-31", "Late"), rows)
		self.assertIn((last_year, "Compte de résultat"), [(row[0], row[1]) for row in rows])
		self.assertIn(f"{last_year + 1}-06-30", [row[2] for row in rows if row[1] == "Compte de résultat"])
		self.assertEqual(len({row[0] for row in rows}), 2)
		self.assertEqual(len(rows), 8, "four yearly documents a year")
		late = convention.yearly_reports[0]
		late.received_on = nowdate()
		convention.save()
		self.assertEqual(convention.yearly_reports[0].status, "Received")

	# ------------------------------------------------------------ renewal

	def test_renewal_is_prefilled_from_the_old_convention(self):
		frappe.db.set_value("PdN Department", "03", "msa_name", "MSA Auvergne")
		old = make_active_convention(
			years=3,
			subsidies=[
				{"year": today().year, "amount": 4000},
				{"year": today().year + 1, "amount": 4500},
				{"year": today().year + 2, "amount": 5000},
			],
			include_msa=1,
			msa_representative="Jeanne Msa",
		)
		name = old.renew()
		new = frappe.get_doc("PdN Convention", name)
		self.assertEqual(new.status, "Draft")
		self.assertEqual(new.renewal_of, old.name)
		self.assertEqual(frappe.db.get_value("PdN Convention", old.name, "renewed_by"), name)
		self.assertEqual(str(new.start_date), str(add_days(old.end_date, 1)))
		self.assertEqual(str(new.end_date), f"{today().year + 5}-12-31")
		self.assertEqual(
			[(row.year, row.amount, row.paid_on) for row in new.subsidies],
			[(today().year + 3, 4000, None), (today().year + 4, 4500, None), (today().year + 5, 5000, None)],
		)
		self.assertEqual(new.caf_representative, old.caf_representative)
		self.assertEqual((new.include_msa, new.msa_representative), (1, "Jeanne Msa"))
		self.assertEqual({row.stage for row in new.supporting_documents}, {"Renewal"})
		self.assertIn(
			"Attestation de non-changement de situation",
			{row.document_type for row in new.supporting_documents},
		)
		self.assertIn(
			old.name, documents.render(new).plain_text(), "the new text names the renewed convention"
		)
		with self.assertRaises(exceptions.ConventionRenewalError):
			frappe.get_doc("PdN Convention", old.name).renew()

	def test_a_draft_cannot_be_renewed(self):
		with self.assertRaises(exceptions.ConventionRenewalError):
			make_convention().renew()

	# ------------------------------------------------------------ alerts

	def test_expiry_alerts_are_queued_once_when_due(self):
		caf_agent = add_department_member("03", CAF_AGENT)
		coordinator = add_department_member("03", COORDINATOR)
		end = add_days(nowdate(), 60)
		convention = make_active_convention(
			start_date=datetime.date(today().year - 2, 1, 1),
			end_date=end,
		)
		far = make_active_convention(start_date=datetime.date(today().year - 1, 1, 1), years=4)
		for doc in (convention, far):  # no late yearly document: only expiry alerts here
			for row in doc.yearly_reports:
				row.received_on = nowdate()
			doc.save()

		self.assertEqual(email_count(convention.name), 0)
		alerts.send_alerts(today=add_days(end, -100))
		self.assertEqual(email_count(convention.name), 0, "not yet due 100 days before the end")
		alerts.send_alerts(today=add_days(end, -60))
		self.assertEqual(email_count(convention.name), 1)
		queued = frappe.get_last_doc(
			"Email Queue", filters={"reference_doctype": "PdN Convention", "reference_name": convention.name}
		)
		recipients = {row.recipient for row in queued.recipients}
		self.assertTrue({caf_agent, coordinator} <= recipients)
		alerts.send_alerts(today=add_days(end, -59))
		self.assertEqual(email_count(convention.name), 1, "never the same alert twice")
		alerts.send_alerts(today=add_days(end, -20))
		self.assertEqual(email_count(convention.name), 2, "a second alert 30 days before the end")
		alerts.send_alerts(today=add_days(end, -10))
		self.assertEqual(email_count(convention.name), 2)
		self.assertEqual(email_count(far.name), 0)
		self.assertEqual(
			[row.alert_kind for row in frappe.get_doc("PdN Convention", convention.name).alerts],
			["Expiry", "Expiry"],
		)

	def test_late_yearly_documents_are_reported_once(self):
		add_department_member("03", CAF_AGENT)
		convention = make_active_convention(start_date=datetime.date(today().year - 1, 1, 1), years=3)
		alerts.send_alerts(today=datetime.date(today().year - 1, 3, 31))
		self.assertEqual(email_count(convention.name), 0, "nothing is late on its due date")
		alerts.send_alerts(today=datetime.date(today().year, 1, 2))
		self.assertEqual(email_count(convention.name), 1)
		queued = frappe.get_last_doc(
			"Email Queue", filters={"reference_doctype": "PdN Convention", "reference_name": convention.name}
		)
		self.assertIn("Attestation de service fait", queued.message)
		alerts.send_alerts(today=datetime.date(today().year, 1, 3))
		self.assertEqual(email_count(convention.name), 1)

	# ------------------------------------------------------------ printed documents

	def test_missing_data_is_named_in_the_message(self):
		structure = complete_structure(legal_representative_title="")
		convention = make_convention(structure=structure.name, caf_representative="")
		with self.assertRaises(exceptions.MissingMergeFieldError) as caught:
			convention.mark_sent()
		message = str(caught.exception)
		self.assertIn(_("Title of the structure's representative"), message)
		self.assertIn(_("Name of the CAF's representative"), message)
		self.assertEqual(frappe.db.get_value("PdN Convention", convention.name, "status"), "Draft")

	def test_pdf_opens_with_the_expected_pages(self):
		from pypdf import PdfReader

		from pdn_frappe.conventions.pdf import document_pdf

		convention = make_convention()
		reader = PdfReader(io.BytesIO(document_pdf(convention)))
		self.assertGreaterEqual(len(reader.pages), 3)
		pages = [" ".join(page.extract_text().split()) for page in reader.pages]
		first, text = pages[0], "\n".join(pages)
		self.assertIn(convention.structure_name, first)
		self.assertIn("Article 5", text)
		self.assertIn("15 000,00", text.replace("\u00a0", " ").replace("\u202f", " "))
		self.assertNotIn("Get PDF", first, "no print view toolbar in the PDF")
		for number, page in enumerate(pages, start=1):
			self.assertIn(_("Page {0} of {1}").format(number, len(pages)), page)
		self.assertIn("Pour la structure porteuse", pages[-1], "the signature block ends the document")

	def test_docx_holds_parties_amounts_dates_and_tables(self):
		import docx

		convention = make_convention(years=2, amount=7250.5)
		filename, content = documents.docx_file(convention)
		self.assertTrue(filename.endswith(".docx"))
		word = docx.Document(io.BytesIO(content))
		text = "\n".join(paragraph.text for paragraph in word.paragraphs)
		self.assertIn(convention.structure_name, text)
		self.assertIn("Marie Durand", text)
		self.assertIn("Paul Martin", text)
		self.assertIn(f"1er janvier {today().year}", text)
		subsidy_table = next(t for t in word.tables if t.rows[0].cells[0].text == "Année")
		rows = [[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in subsidy_table.rows]
		self.assertEqual(rows[1], [str(today().year), "7 250,50 €"])
		self.assertEqual(rows[-1], ["Total", "14 501,00 €"])
		signatures = word.tables[-1]
		self.assertIn("Marie Durand", signatures.rows[1].cells[0].text)

	def test_new_template_version_never_changes_a_signed_convention(self):
		signed = make_active_convention()
		before = documents.render(signed).plain_text()
		template = frappe.get_doc("PdN Document Template", signed.template)
		with self.assertRaises(exceptions.TemplateLockedError):
			template.sections[0].body += "\nUne phrase ajoutée."
			template.save()
		template.reload()
		new_name = template.create_new_version()
		new = frappe.get_doc("PdN Document Template", new_name)
		new.sections[1].body = "Texte national officiel du préambule."
		new.is_active = 1
		new.save()
		self.assertFalse(frappe.db.get_value("PdN Document Template", template.name, "is_active"))
		signed.reload()
		self.assertEqual(documents.render(signed).plain_text(), before)
		draft = make_convention()
		self.assertEqual(draft.template, new_name)
		self.assertIn("Texte national officiel du préambule.", documents.render(draft).plain_text())

	# ------------------------------------------------------------ downloads and permissions

	def structure_manager(self, structure):
		user = make_user()
		structure.append("contacts", {"contact_name": "Responsable", "user": user, "is_manager": 1})
		structure.save(ignore_permissions=True)
		return user

	def test_structure_manager_downloads_own_documents_only(self):
		import docx

		mine = make_convention()
		other = make_convention()
		user = self.structure_manager(frappe.get_doc("PdN Structure", mine.structure))
		frappe.set_user(user)
		api.download_docx("PdN Convention", mine.name)
		word = docx.Document(io.BytesIO(frappe.local.response.filecontent))
		self.assertIn(mine.structure_name, "\n".join(p.text for p in word.paragraphs))
		api.download_pdf("PdN Convention", mine.name)
		self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		with self.assertRaises(frappe.PermissionError):
			api.download_docx("PdN Convention", other.name)
		with self.assertRaises(frappe.PermissionError):
			api.download_pdf("PdN Convention", other.name)
		self.assertEqual(frappe.get_list("PdN Convention", pluck="name"), [mine.name])

	def test_structure_manager_cannot_change_the_status_or_the_amounts(self):
		mine = make_convention()
		user = self.structure_manager(frappe.get_doc("PdN Structure", mine.structure))
		frappe.set_user(user)
		doc = frappe.get_doc("PdN Convention", mine.name)
		with self.assertRaises(frappe.PermissionError):
			doc.mark_sent()
		doc.reload()
		doc.subsidies[0].amount = 1
		doc.supporting_documents[0].file = "/private/files/recu.pdf"
		self.assertRaises(frappe.PermissionError, doc.save)  # the amounts belong to the CAF: refused
		doc.reload()
		self.assertEqual(doc.subsidies[0].amount, 5000, "amounts belong to the CAF")
		doc.supporting_documents[0].file = "/private/files/recu.pdf"
		doc.save()
		doc.reload()
		self.assertEqual(doc.supporting_documents[0].status, "Received")

	def test_caf_agent_of_another_department_sees_nothing(self):
		convention = make_convention()
		agent = add_department_member("63", CAF_AGENT)
		frappe.set_user(agent)
		self.assertNotIn(convention.name, frappe.get_list("PdN Convention", pluck="name"))
		with self.assertRaises(frappe.PermissionError):
			api.download_docx("PdN Convention", convention.name)

	def test_only_conventions_and_charters_can_be_downloaded(self):
		promeneur = make_promeneur()
		with self.assertRaises(frappe.PermissionError):
			api.download_docx("PdN Promeneur", promeneur.name)
