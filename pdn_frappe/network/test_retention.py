# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Retention on known dates: what the daily job erases, strips and anonymises, what stays, the log
of counts, a second run that does nothing more; Frappe's personal-data download and deletion of a
promeneur.

The job runs "on" :data:`TODAY`, a date long before any record of the test site was decided or
ended, so that only the records made here are due.
"""

import datetime
import json
import os
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_months, add_to_date, now_datetime

from pdn_frappe.animation.testing import make_promeneur_with_login, make_training
from pdn_frappe.applications.testing import PDF, PNG, application_values, data_url, make_call, submit_as_guest
from pdn_frappe.conventions.testing import (
	attach_file,
	ensure_document_templates,
	make_active_convention,
	make_charter_signature,
)
from pdn_frappe.evaluation.testing import make_evaluation
from pdn_frappe.exceptions import SettingsBoundsError
from pdn_frappe.network import lifecycle, retention
from pdn_frappe.tests.utils import PdnTestCase, ensure_outgoing_email_account, make_promeneur, make_structure

APPLICATION = "PdN Application"
PROMENEUR = "PdN Promeneur"
TODAY = datetime.date(2001, 6, 15)
NOTHING = {"applications_erased": 0, "applications_stripped": 0, "promeneurs_anonymised": 0}


def months_ago(months: int) -> datetime.date:
	return add_months(TODAY, -months)


def counts(log) -> dict:
	return {key: log.get(key) for key in NOTHING}


def file_paths(doctype: str, name: str) -> dict[str, str]:
	"""File record -> path on disk, of the files attached to a record."""
	return {
		file: frappe.get_doc("File", file).get_full_path()
		for file in frappe.get_all(
			"File", filters={"attached_to_doctype": doctype, "attached_to_name": name}, pluck="name"
		)
	}


class RetentionTestCase(PdnTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_outgoing_email_account()
		ensure_document_templates()
		frappe.db.set_single_value(
			"PdN Settings",
			{
				"guest_rate_limit": 50,
				"max_attachment_mb": 5,
				"retention_enabled": 1,
				"retention_rejected_months": 12,
				"retention_accepted_months": 12,
				"retention_former_promeneur_months": 24,
			},
		)
		notifications = patch("frappe.desk.form.assign_to.notify_assignment")
		notifications.start()
		cls.addClassCleanup(notifications.stop)
		cls.call = make_call(department="03")

	def run_job(self):
		"""One run on :data:`TODAY`; no record may fail (a failure is logged, not raised)."""
		errors = frappe.db.count("Error Log")
		log = retention.run(TODAY)
		self.assertEqual(frappe.db.count("Error Log"), errors, "a record failed: see the Error Log")
		return log

	def application(self, state: str | None = None, decided_on=None) -> str:
		"""A guest's application (with two attachments), moved to ``state`` decided on ``decided_on``."""
		# contents of their own: a file whose content another record shares stays on disk
		values = application_values(
			application_call=self.call.name,
			siret_certificate=data_url(PDF + frappe.generate_hash().encode(), "avis-sirene.pdf"),
			bank_details=data_url(PNG + frappe.generate_hash().encode(), "rib.png", "image/png"),
		)
		name = submit_as_guest(values)["name"]
		frappe.get_doc(APPLICATION, name).add_comment("Comment", "Dossier complet.")
		if state:
			frappe.db.set_value(APPLICATION, name, {"workflow_state": state, "decided_on": decided_on})
		return name

	def accepted_application(self, decided_on) -> str:
		name = self.application()
		for action in ("Pre-select", "Accept"):
			apply_workflow(frappe.get_doc(APPLICATION, name), action)
		frappe.db.set_value(APPLICATION, name, "decided_on", decided_on)
		return name


class TestApplicationRetention(RetentionTestCase):
	def test_rejected_and_withdrawn_applications_go_with_their_files_after_the_delay(self):
		old = self.application("Rejected", months_ago(13))
		withdrawn = self.application("Withdrawn", months_ago(12))  # the delay ends that very day
		recent = self.application("Rejected", months_ago(11))
		undecided = self.application("Rejected", None)
		files = file_paths(APPLICATION, old)
		self.assertEqual(len(files), 2, "SIRENE notice and bank details")
		self.assertTrue(all(os.path.exists(path) for path in files.values()))
		self.assertTrue(frappe.get_all("Email Queue", filters={"reference_name": old}))
		meeting = frappe.get_doc(
			{
				"doctype": "PdN Steering Meeting",
				"kind": "Steering committee (COPIL)",
				"department": "03",
				"meeting_date": "2000-05-10",
				"decisions": [
					{
						"kind": "Application",
						"application": old,
						"decision": "Reject",
						"note": "Hors du cadre.",
					},
					{
						"kind": "Application",
						"application": recent,
						"decision": "Reject",
						"note": "Incomplet.",
					},
				],
			}
		).insert(ignore_permissions=True)

		log = self.run_job()

		self.assertEqual(counts(log), {**NOTHING, "applications_erased": 2})
		for name in (old, withdrawn):
			self.assertFalse(frappe.db.exists(APPLICATION, name), name)
			self.assertFalse(frappe.db.exists("Deleted Document", {"deleted_name": name}), "no copy kept")
			for trace, field in (
				("Email Queue", "reference_name"),
				("Communication", "reference_name"),
				("Comment", "reference_name"),
				("Version", "docname"),
				("File", "attached_to_name"),
			):
				self.assertFalse(frappe.get_all(trace, filters={field: name}), f"{trace} of {name}")
		for file, path in files.items():
			self.assertFalse(frappe.db.exists("File", file))
			self.assertFalse(os.path.exists(path), path)
		for name in (recent, undecided):
			self.assertTrue(frappe.db.exists(APPLICATION, name), name)
			self.assertEqual(len(file_paths(APPLICATION, name)), 2)

		# the committee's decision stays, naming the erased application by its number only
		meeting.reload()
		erased_row, kept_row = meeting.decisions
		self.assertEqual(erased_row.kind, "Other")
		self.assertFalse(erased_row.application or erased_row.candidate)
		self.assertIn(old, erased_row.subject)
		self.assertEqual((erased_row.decision, erased_row.note), ("Reject", "Hors du cadre."))
		self.assertEqual((kept_row.kind, kept_row.application), ("Application", recent))
		meeting.save(ignore_permissions=True)  # the minutes can still be edited

		# a second run does nothing more
		self.assertEqual(counts(self.run_job()), NOTHING)
		self.assertTrue(frappe.db.exists(APPLICATION, recent))

	def test_a_record_that_fails_is_rolled_back_alone_and_logged(self):
		failing = self.application("Rejected", months_ago(13))
		erased = self.application("Rejected", months_ago(13))
		detach = retention.detach_decisions

		def detach_or_fail(name):
			detach(name)
			if name == failing:
				raise frappe.ValidationError("simulated failure")

		with patch.object(retention, "detach_decisions", detach_or_fail):
			log = retention.run(TODAY)
		self.assertEqual(log.applications_erased, 1)
		self.assertFalse(frappe.db.exists(APPLICATION, erased))
		self.assertTrue(frappe.db.exists(APPLICATION, failing))
		self.assertEqual(len(file_paths(APPLICATION, failing)), 2)
		self.assertTrue(
			frappe.db.exists("Error Log", {"reference_doctype": APPLICATION, "reference_name": failing})
		)
		# the next day it goes
		self.assertEqual(self.run_job().applications_erased, 1)
		self.assertFalse(frappe.db.exists(APPLICATION, failing))

	def test_accepted_application_keeps_its_records_and_loses_personal_data_and_files(self):
		name = self.accepted_application(months_ago(13))
		before = frappe.get_doc(APPLICATION, name)
		self.assertTrue(before.structure and before.promeneur)
		own_files = file_paths(APPLICATION, name)
		structure_files = file_paths("PdN Structure", before.structure)
		self.assertEqual(len(own_files), 2)
		self.assertEqual(len(structure_files), 2, "the structure files its own copies")
		self.assertTrue(
			frappe.get_all("Comment", filters={"reference_doctype": APPLICATION, "reference_name": name})
		)
		promeneur = frappe.db.get_value(PROMENEUR, before.promeneur, ["full_name", "email"], as_dict=True)

		log = self.run_job()

		self.assertEqual(counts(log), {**NOTHING, "applications_stripped": 1})
		after = frappe.get_doc(APPLICATION, name)
		for fieldname in (
			"candidate_first_name",
			"candidate_last_name",
			"candidate_email",
			"candidate_phone",
			"legal_representative",
			"legal_representative_email",
			"candidate_experience",
			"intervention_mode",
			"siret_certificate",
			"bank_details",
		):
			self.assertFalse(after.get(fieldname), fieldname)
		self.assertEqual(after.title, before.structure_name)
		self.assertNotIn(before.candidate_last_name, after.title)
		# what the reports need stays
		for fieldname in (
			"workflow_state",
			"structure",
			"promeneur",
			"structure_name",
			"siret",
			"weekly_hours",
			"mission",
			"decided_on",
		):
			self.assertEqual(after.get(fieldname), before.get(fieldname), fieldname)
		self.assertEqual(
			[row.social_network for row in after.networks], [row.social_network for row in before.networks]
		)
		self.assertFalse(file_paths(APPLICATION, name))
		for trace, field in (
			("Email Queue", "reference_name"),
			("Version", "docname"),
			("Comment", "reference_name"),
		):
			self.assertFalse(frappe.get_all(trace, filters={field: name}), trace)
		# the structure keeps its supporting documents, and the promeneur is untouched
		self.assertEqual(file_paths("PdN Structure", before.structure), structure_files)
		self.assertTrue(all(os.path.exists(path) for path in structure_files.values()))
		self.assertEqual(
			frappe.db.get_value(PROMENEUR, before.promeneur, ["full_name", "email"], as_dict=True), promeneur
		)

		self.assertEqual(counts(self.run_job()), NOTHING)

	def test_an_accepted_application_within_the_delay_stays_whole(self):
		name = self.accepted_application(months_ago(11))
		self.run_job()
		doc = frappe.get_doc(APPLICATION, name)
		self.assertTrue(doc.candidate_email and doc.bank_details)
		self.assertEqual(len(file_paths(APPLICATION, name)), 2)


class TestPromeneurRetention(RetentionTestCase):
	def former_promeneur(
		self,
		structure: str,
		ended_on,
		status: str = "Left",
		charter: bool = False,
		lifecycle_move: bool = True,
	):
		"""A promeneur with login, photo, profiles, office hours, a questionnaire and a training
		attended, who left on ``ended_on`` (through the lifecycle, or written straight to the record)."""
		promeneur, user = make_promeneur_with_login(
			structure=structure,
			phone="04 70 11 22 33",
			network_profiles=[
				{
					"social_network": "Instagram",
					"profile_name": "pdn.camille",
					"profile_url": "https://www.instagram.com/pdn.camille",
				}
			],
			office_hours=[{"weekday": "Wednesday", "from_time": "14:00:00", "to_time": "16:00:00"}],
			directory_consent=1,
		)
		photo = attach_file(promeneur, "portrait.png", PNG + frappe.generate_hash().encode())
		frappe.db.set_value(PROMENEUR, promeneur.name, "photo", photo)
		make_evaluation(promeneur.name, year=2025, quarter=1, submit=True)
		make_training(
			starts_on=add_to_date(now_datetime(), days=-30).replace(microsecond=0),
			participants=[(promeneur.name, "Attended")],
		)
		if charter:
			make_charter_signature(promeneur.name)
		reason = "Départ de Camille vers une autre structure"
		if lifecycle_move:
			lifecycle.change_status(promeneur.name, status, reason, on=ended_on)
		else:
			frappe.db.set_value(
				PROMENEUR, promeneur.name, {"status": status, "ended_on": ended_on, "status_reason": reason}
			)
		doc = frappe.get_doc(PROMENEUR, promeneur.name)
		self.assertEqual((doc.status, doc.ended_on), (status, ended_on))
		return doc, user

	def test_former_promeneur_is_anonymised_after_the_delay_and_the_history_stays(self):
		structure = make_structure(
			department="03",
			legal_status="Association",
			address_line1="12 rue des Écoles",
			legal_representative="Marie Durand",
			legal_representative_title="Présidente",
		).name
		make_active_convention(structure=structure)
		gone, user = self.former_promeneur(structure, months_ago(25), charter=True)
		charter = frappe.get_doc("PdN Charter Signature", {"promeneur": gone.name})
		self.assertTrue(charter.signed_scan and file_paths("PdN Charter Signature", charter.name))
		self.assertIn(gone.full_name, charter.rendered_snapshot)
		excluded, excluded_user = self.former_promeneur(
			structure, months_ago(30), status="Excluded", lifecycle_move=False
		)
		self.assertTrue(frappe.db.get_value("User", excluded_user, "enabled"))
		recent, recent_user = self.former_promeneur(structure, months_ago(23))
		photo_files = file_paths(PROMENEUR, gone.name)
		self.assertTrue(photo_files, "the photo (Frappe files it once more for its field on save)")

		log = self.run_job()

		self.assertEqual(counts(log), {**NOTHING, "promeneurs_anonymised": 2})
		after = frappe.get_doc(PROMENEUR, gone.name)
		self.assertEqual((after.first_name, after.full_name), (gone.name, gone.name))
		for fieldname in (
			"last_name",
			"email",
			"phone",
			"photo",
			"user",
			"job_title",
			"status_reason",
			"directory_consent",
		):
			self.assertFalse(after.get(fieldname), fieldname)
		self.assertFalse(after.network_profiles or after.office_hours)
		# the status history stays, without the reasons
		self.assertEqual(
			[row.status_to for row in after.status_history], [row.status_to for row in gone.status_history]
		)
		self.assertIn("Left", [row.status_to for row in after.status_history])
		self.assertFalse([row.reason for row in after.status_history if row.reason])
		for fieldname in ("status", "ended_on", "structure", "department", "mission", "weekly_hours"):
			self.assertEqual(after.get(fieldname), gone.get(fieldname), fieldname)
		for file, path in photo_files.items():
			self.assertFalse(frappe.db.exists("File", file))
			self.assertFalse(os.path.exists(path), path)
		self.assertFalse(frappe.get_all("Version", filters={"ref_doctype": PROMENEUR, "docname": gone.name}))

		# the login is unlinked and disabled
		self.assertFalse(frappe.db.get_value("User", user, "enabled"))
		self.assertNotIn("PdN Promeneur", frappe.get_roles(user))

		# questionnaires and trainings attended still count, under the record's number
		evaluation = frappe.get_all(
			"PdN Evaluation",
			filters={"promeneur": gone.name},
			fields=["promeneur_name", "promeneur_email", "youths_contacted", "docstatus"],
		)
		self.assertEqual(len(evaluation), 1)
		self.assertEqual(
			(evaluation[0].promeneur_name, evaluation[0].promeneur_email, evaluation[0].youths_contacted),
			(gone.name, None, 20),
		)
		participation = frappe.get_all(
			"PdN Training Participant", filters={"promeneur": gone.name}, fields=["promeneur_name", "status"]
		)
		self.assertEqual(
			[(row.promeneur_name, row.status) for row in participation], [(gone.name, "Attended")]
		)

		# the charter signature stays, without the name, the signed scan or the e-mail
		charter.reload()
		self.assertEqual(charter.docstatus, 1)
		self.assertEqual(charter.promeneur_name, gone.name)
		self.assertFalse(charter.signed_scan or charter.promeneur_email)
		self.assertFalse(file_paths("PdN Charter Signature", charter.name))
		self.assertEqual(
			[row.signatory_name for row in charter.signatories if row.party == "Promeneur"], [gone.name]
		)
		self.assertNotIn(gone.full_name, charter.rendered_snapshot or "")
		self.assertNotIn(gone.email, charter.rendered_snapshot or "")

		# within the delay: untouched
		kept = frappe.get_doc(PROMENEUR, recent.name)
		self.assertEqual(
			(kept.full_name, kept.email, kept.photo), (recent.full_name, recent.email, recent.photo)
		)
		self.assertEqual(len(kept.network_profiles), 1)
		self.assertEqual(kept.user, recent_user)
		# a login the departure left enabled (a record moved outside the app) is disabled too
		self.assertEqual(frappe.db.get_value(PROMENEUR, excluded.name, "full_name"), excluded.name)
		self.assertFalse(frappe.db.get_value("User", excluded_user, "enabled"))

		self.assertEqual(counts(self.run_job()), NOTHING)

	def test_an_active_promeneur_is_never_anonymised(self):
		active = make_promeneur(department="03")
		frappe.db.set_value(PROMENEUR, active.name, "ended_on", months_ago(40))
		self.run_job()
		self.assertEqual(frappe.db.get_value(PROMENEUR, active.name, "full_name"), active.full_name)


class TestRetentionSettings(RetentionTestCase):
	def test_the_delays_follow_the_settings(self):
		name = self.application("Rejected", months_ago(13))
		frappe.db.set_single_value("PdN Settings", "retention_rejected_months", 24)
		self.assertEqual(counts(self.run_job()), NOTHING)
		self.assertTrue(frappe.db.exists(APPLICATION, name))
		frappe.db.set_single_value("PdN Settings", "retention_rejected_months", 6)
		self.assertEqual(self.run_job().applications_erased, 1)

	def test_delays_are_bounded_to_one_month_to_ten_years(self):
		for value in (0, 121):
			settings = frappe.get_single("PdN Settings")
			settings.retention_former_promeneur_months = value
			with self.assertRaises(SettingsBoundsError):
				settings.save(ignore_permissions=True)
		settings = frappe.get_single("PdN Settings")
		settings.retention_former_promeneur_months = 120
		settings.save(ignore_permissions=True)

	def test_a_site_whose_settings_predate_retention_gets_the_defaults(self):
		frappe.db.delete("Singles", {"doctype": "PdN Settings", "field": ("like", "retention_%")})
		config = retention.settings()
		self.assertEqual(
			(config.enabled, config.rejected_months, config.accepted_months, config.former_promeneur_months),
			(True, 12, 12, 24),
		)
		settings = frappe.get_single("PdN Settings")
		settings.save(ignore_permissions=True)
		self.assertEqual(frappe.db.get_single_value("PdN Settings", "retention_enabled"), 1)
		self.assertEqual(frappe.db.get_single_value("PdN Settings", "retention_former_promeneur_months"), 24)

	def test_the_job_can_be_switched_off(self):
		frappe.db.set_single_value("PdN Settings", "retention_enabled", 0)
		logs = frappe.db.count("PdN Retention Log")
		self.assertIsNone(retention.run_daily())
		self.assertEqual(frappe.db.count("PdN Retention Log"), logs)


class TestPersonalDataRequests(RetentionTestCase):
	def test_download_gathers_the_persons_records(self):
		from frappe.website.doctype.personal_data_download_request.personal_data_download_request import (
			get_user_data,
		)

		promeneur = make_promeneur(department="03", phone="04 70 11 22 33")
		make_evaluation(promeneur.name, year=2025, quarter=2)
		email = promeneur.email
		structure = make_structure(
			department="03",
			legal_representative="Alex Martin",
			legal_representative_email=email,
			contacts=[{"contact_name": "Alex Martin", "function": "Directeur", "email": email}],
		)
		frappe.get_doc(
			{
				"doctype": "PdN Resource Referent",
				"full_name": "Alex Martin",
				"department": "03",
				"email": email,
				"themes": [{"theme": "Santé"}],
			}
		).insert(ignore_permissions=True)

		data = json.loads(get_user_data(email))

		[record] = data["PdN Promeneur"]
		self.assertEqual(
			(record["name"], record["email"], record["full_name"]),
			(promeneur.name, email, promeneur.full_name),
		)
		self.assertEqual([row["promeneur"] for row in data["PdN Evaluation"]], [promeneur.name])
		self.assertEqual([row["name"] for row in data["PdN Structure"]], [structure.name])
		self.assertEqual([row["parent"] for row in data["PdN Structure Contact"]], [structure.name])
		self.assertEqual([row["full_name"] for row in data["PdN Resource Referent"]], ["Alex Martin"])
		self.assertNotIn("PdN Application", data, "nobody applied with this address")

	def test_deletion_anonymises_the_promeneur_like_the_retention_job(self):
		promeneur, user = make_promeneur_with_login(
			department="03",
			network_profiles=[{"social_network": "Instagram", "profile_name": "pdn.alex"}],
		)
		make_evaluation(promeneur.name, year=2025, quarter=3, submit=True)
		make_training(
			starts_on=add_to_date(now_datetime(), days=-20).replace(microsecond=0),
			participants=[(promeneur.name, "Attended")],
		)
		request = frappe.get_doc({"doctype": "Personal Data Deletion Request", "email": user})
		request.insert(ignore_permissions=True)
		request.db_set("status", "Pending Approval")

		request.trigger_data_deletion()

		request.reload()
		self.assertEqual(request.status, "Deleted")
		after = frappe.get_doc(PROMENEUR, promeneur.name)
		self.assertEqual(after.full_name, promeneur.name)
		self.assertNotEqual(after.email, promeneur.email)
		self.assertFalse(after.network_profiles or after.user)
		self.assertFalse(frappe.db.exists("User", user))
		self.assertEqual(
			frappe.get_all(
				"PdN Training Participant", filters={"promeneur": promeneur.name}, pluck="promeneur_name"
			),
			[promeneur.name],
		)
		self.assertEqual(
			frappe.get_all("PdN Evaluation", filters={"promeneur": promeneur.name}, pluck="promeneur_name"),
			[promeneur.name],
		)
