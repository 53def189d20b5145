# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _

from pdn_frappe import exceptions
from pdn_frappe.domain.periods import last_ended_period
from pdn_frappe.evaluation.testing import (
	make_active_promeneur,
	make_evaluation,
	queued_to,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import (
	PdnTestCase,
	add_department_member,
	ensure_outgoing_email_account,
	make_structure,
	make_user,
)


class TestPdNEvaluation(PdnTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.flags.in_web_form = False

	def assert_refused(self, exc, promeneur=None, **fields):
		promeneur = promeneur or make_active_promeneur().name
		before = frappe.db.count("PdN Evaluation")
		with self.assertRaises(exc) as caught:
			make_evaluation(promeneur, **fields)
		self.assertEqual(frappe.db.count("PdN Evaluation"), before, "nothing may be saved")
		return str(caught.exception)

	# ------------------------------------------------------------ periods and naming

	def test_period_and_promeneur_details_are_set(self):
		structure = make_structure(department="63")
		promeneur = make_active_promeneur(structure=structure.name, profession="Éducateur spécialisé")
		doc = make_evaluation(promeneur.name, year=2025, quarter=2)
		self.assertEqual(doc.name, f"EVAL-{promeneur.name}-2025-Q2")
		self.assertEqual(
			(doc.period, str(doc.period_start), str(doc.period_end)), ("2025-Q2", "2025-04-01", "2025-06-30")
		)
		self.assertEqual(str(doc.due_date), "2025-07-15")  # 15 days, the default of PdN Settings
		self.assertEqual((doc.department, doc.structure), ("63", structure.name))
		self.assertEqual((doc.mission, doc.profession), ("Youth", "Éducateur spécialisé"))
		self.assertEqual(doc.promeneur_name, promeneur.full_name)
		self.assertEqual(doc.status, "Draft")

	def test_annual_questionnaire(self):
		promeneur = make_active_promeneur()
		doc = make_evaluation(promeneur.name, year=2024, quarter=None, hours_online=3000)
		self.assertEqual((doc.name, doc.period, doc.quarter), (f"EVAL-{promeneur.name}-2024", "2024", ""))
		self.assertEqual(str(doc.due_date), "2025-01-15")

	def test_due_days_come_from_settings(self):
		frappe.db.set_single_value("PdN Settings", "evaluation_due_days", 30)
		doc = make_evaluation(make_active_promeneur().name, year=2025, quarter=1)
		self.assertEqual(str(doc.due_date), "2025-04-30")
		frappe.db.set_single_value("PdN Settings", "evaluation_due_days", 15)

	def test_a_quarter_is_required_for_a_quarterly_questionnaire(self):
		self.assert_refused(exceptions.InvalidEvaluationPeriodError, quarter=None, period_type="Quarter")

	def test_a_period_that_has_not_started_is_refused(self):
		message = self.assert_refused(exceptions.InvalidEvaluationPeriodError, year=2099, quarter=1)
		self.assertIn("2099", message)

	def test_second_questionnaire_for_the_same_period_is_refused(self):
		promeneur = make_active_promeneur()
		first = make_evaluation(promeneur.name, year=2025, quarter=1)
		message = self.assert_refused(
			exceptions.DuplicateEvaluationError, promeneur=promeneur.name, year=2025, quarter=1
		)
		self.assertIn(first.name, message)
		# another quarter, or the annual questionnaire, is fine
		make_evaluation(promeneur.name, year=2025, quarter=2)
		make_evaluation(promeneur.name, year=2025, quarter=None)

	def test_the_period_cannot_be_changed_afterwards(self):
		doc = make_evaluation(make_active_promeneur().name, year=2025, quarter=1)
		doc.quarter = "Q2"
		with self.assertRaises(frappe.CannotChangeConstantError):
			doc.save()

	# ------------------------------------------------------------ figures

	def test_negative_numbers_are_refused(self):
		message = self.assert_refused(exceptions.InconsistentEvaluationError, hours_online=-2)
		self.assertIn("-2", message)
		self.assert_refused(exceptions.InconsistentEvaluationError, projects_initiated=-1)

	def test_parts_above_the_young_people_contacted_are_refused(self):
		message = self.assert_refused(exceptions.InconsistentEvaluationError, youths_met_after_contact=21)
		self.assertIn("21", message)
		self.assert_refused(exceptions.InconsistentEvaluationError, new_youths_contacted=25)

	def test_age_bands_above_the_young_people_contacted_are_refused(self):
		message = self.assert_refused(exceptions.InconsistentEvaluationError, age_21_25=5)
		self.assertIn("21", message)  # 5 + 9 + 2 + 5 = 21 > 20

	def test_more_hours_than_the_quarter_lasts_are_refused(self):
		self.assert_refused(exceptions.InconsistentEvaluationError, hours_online=2500)

	def test_repeated_networks_and_themes_are_kept_once(self):
		doc = make_evaluation(
			make_active_promeneur().name,
			networks=[{"network": "Instagram"}, {"network": "Instagram"}, {"network": "TikTok"}],
			themes=[{"theme": "Santé"}, {"theme": "Santé"}],
		)
		self.assertEqual([row.network for row in doc.networks], ["Instagram", "TikTok"])
		self.assertEqual([row.theme for row in doc.themes], ["Santé"])

	def test_no_contact_details_of_young_people_in_free_texts(self):
		message = self.assert_refused(
			exceptions.PersonalDataError, difficulties="Un jeune m'écrit sur jeune.lea@gmail.com"
		)
		self.assertIn("e-mail", message)
		self.assertNotIn("jeune.lea@gmail.com", message)  # the kind is named, never the fragment
		message = self.assert_refused(exceptions.PersonalDataError, remarks="suivre @lea_63 de près")
		self.assertIn(_("a network handle"), message)
		self.assertIn(_("Other remarks"), message)
		self.assertNotIn("lea_63", message)
		message = self.assert_refused(exceptions.PersonalDataError, training_needs="rappeler le 06 12 34 56 78")
		self.assertIn(_("a phone number"), message)
		self.assertNotIn("06 12 34 56 78", message)

	def test_free_texts_without_contact_details_pass(self):
		doc = make_evaluation(
			make_active_promeneur().name,
			difficulties="Peu de réponses le soir ; live Instagram le mercredi @14h.",
			remarks="Deux jeunes orientés vers la Maison des adolescents.",
		)
		self.assertTrue(doc.name)

	def test_the_reason_for_reopening_holds_no_contact_details(self):
		coordinator = add_department_member("03", COORDINATOR)
		doc = make_evaluation(make_active_promeneur(department="03").name, submit=True)
		frappe.set_user(coordinator)
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			frappe.get_doc("PdN Evaluation", doc.name).reopen("Voir avec le jeune (snap : lea_63).")
		self.assertIn(_("a network handle"), str(refused.exception))
		self.assertNotIn("lea_63", str(refused.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Evaluation", doc.name, "docstatus"), 1)

	def test_no_field_can_hold_a_young_persons_identity(self):
		fieldnames = {df.fieldname for df in frappe.get_meta("PdN Evaluation").fields}
		for word in ("youth_name", "young_name", "handle", "youth_email", "youth_phone"):
			self.assertFalse([f for f in fieldnames if word in f])

	# ------------------------------------------------------------ submission

	def test_submission_needs_networks_and_ratings(self):
		doc = make_evaluation(make_active_promeneur().name, networks=[], interest_trainings=0)
		with self.assertRaises(exceptions.IncompleteEvaluationError):
			doc.submit()
		doc.reload()
		self.assertEqual(doc.docstatus, 0)
		doc.append("networks", {"network": "Instagram"})
		doc.interest_trainings = 0.4
		doc.submit()
		self.assertEqual((doc.status, str(doc.submitted_on)), ("Submitted", frappe.utils.nowdate()))

	def test_submitted_questionnaire_is_read_only(self):
		doc = make_evaluation(make_active_promeneur().name, submit=True)
		doc.hours_online = 12
		with self.assertRaises(frappe.UpdateAfterSubmitError):
			doc.save()

	# ------------------------------------------------------------ permissions

	def test_promeneur_reads_and_fills_only_their_own_questionnaires(self):
		structure = make_structure()
		me = make_active_promeneur(structure=structure.name)
		colleague = make_active_promeneur(structure=structure.name)
		mine = make_evaluation(me.name)
		theirs = make_evaluation(colleague.name)
		user = me.create_login(send_welcome_email=False)

		frappe.set_user(user)
		self.assertTrue(frappe.has_permission("PdN Evaluation", "read", mine.name))
		self.assertTrue(frappe.has_permission("PdN Evaluation", "write", mine.name))
		self.assertTrue(frappe.has_permission("PdN Evaluation", "submit", mine.name))
		self.assertFalse(frappe.has_permission("PdN Evaluation", "read", theirs.name))
		self.assertEqual(frappe.get_list("PdN Evaluation", pluck="name"), [mine.name])
		self.assertFalse(frappe.has_permission("PdN Evaluation", "cancel", mine.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Evaluation", theirs.name).check_permission("read")
		# they may create their own questionnaire, not a colleague's
		own = frappe.get_doc(
			{"doctype": "PdN Evaluation", "promeneur": me.name, "year": 2025, "quarter": "Q3"}
		)
		own.insert()
		other = frappe.get_doc(
			{"doctype": "PdN Evaluation", "promeneur": colleague.name, "year": 2025, "quarter": "Q3"}
		)
		with self.assertRaises(frappe.PermissionError):
			other.insert()

	def test_web_form_inserts_with_the_promeneurs_own_rights(self):
		me = make_active_promeneur()
		colleague = make_active_promeneur(structure=me.structure)
		user = me.create_login(send_welcome_email=False)
		frappe.set_user(user)
		frappe.flags.in_web_form = True
		# the web form inserts with ignore_permissions: the controller checks the user's rights
		forged = frappe.get_doc(
			{"doctype": "PdN Evaluation", "promeneur": colleague.name, "year": 2025, "quarter": "Q1"}
		)
		with self.assertRaises(frappe.PermissionError):
			forged.insert(ignore_permissions=True)
		own = frappe.new_doc("PdN Evaluation")  # the promeneur comes from the user's default
		own.update({"year": 2025, "quarter": "Q1"})
		own.insert(ignore_permissions=True)
		self.assertEqual(own.promeneur, me.name)

	def test_structure_manager_reads_only_their_structures_questionnaires(self):
		manager = make_user()
		own = make_structure(contacts=[{"contact_name": "Alex Martin", "user": manager, "is_manager": 1}])
		other = make_structure()
		ours = make_evaluation(make_active_promeneur(structure=own.name).name, submit=True)
		theirs = make_evaluation(make_active_promeneur(structure=other.name).name, submit=True)

		frappe.set_user(manager)
		self.assertTrue(frappe.has_permission("PdN Evaluation", "read", ours.name))
		self.assertFalse(frappe.has_permission("PdN Evaluation", "read", theirs.name))
		self.assertFalse(frappe.has_permission("PdN Evaluation", "write", ours.name))
		self.assertEqual(frappe.get_list("PdN Evaluation", pluck="name"), [ours.name])

	def test_caf_agent_reads_their_departments_questionnaires(self):
		agent = add_department_member("03", CAF_AGENT)
		in_03 = make_evaluation(make_active_promeneur(department="03").name, submit=True)
		in_63 = make_evaluation(make_active_promeneur(department="63").name, submit=True)

		frappe.set_user(agent)
		self.assertTrue(frappe.has_permission("PdN Evaluation", "read", in_03.name))
		self.assertFalse(frappe.has_permission("PdN Evaluation", "read", in_63.name))
		self.assertFalse(frappe.has_permission("PdN Evaluation", "write", in_03.name))
		names = frappe.get_list(
			"PdN Evaluation", filters={"name": ("in", [in_03.name, in_63.name])}, pluck="name"
		)
		self.assertEqual(names, [in_03.name])

	# ------------------------------------------------------------ reopening

	def test_coordinator_reopens_with_a_reason(self):
		ensure_outgoing_email_account()
		coordinator = add_department_member("03", COORDINATOR)
		promeneur = make_active_promeneur(department="03")
		doc = make_evaluation(promeneur.name, submit=True)

		frappe.set_user(coordinator)
		with self.assertRaises(exceptions.EvaluationReopenError):
			frappe.get_doc("PdN Evaluation", doc.name).reopen("  ")
		draft_name = frappe.get_doc("PdN Evaluation", doc.name).reopen(
			"Les heures déclarées semblent doublées."
		)
		frappe.set_user("Administrator")

		self.assertEqual(frappe.db.get_value("PdN Evaluation", doc.name, "status"), "Cancelled")
		draft = frappe.get_doc("PdN Evaluation", draft_name)
		self.assertEqual((draft.docstatus, draft.amended_from), (0, doc.name))
		self.assertEqual(draft.reopen_reason, "Les heures déclarées semblent doublées.")
		self.assertEqual(draft.hours_online, doc.hours_online)
		self.assertEqual(draft_name, f"{doc.name}-1")
		comments = frappe.get_all(
			"Comment",
			filters={"reference_doctype": "PdN Evaluation", "reference_name": draft_name},
			pluck="content",
		)
		self.assertTrue([c for c in comments if "doublées" in c])
		# the promeneur is told, and can submit the corrected questionnaire
		self.assertTrue(queued_to(promeneur.email, "PdN Evaluation"))
		draft.hours_online = 15
		draft.submit()
		self.assertEqual(draft.status, "Submitted")

	def test_promeneurs_and_other_departments_cannot_reopen(self):
		promeneur = make_active_promeneur(department="03")
		doc = make_evaluation(promeneur.name, submit=True)
		user = promeneur.create_login(send_welcome_email=False)
		other_coordinator = add_department_member("63", COORDINATOR)
		for who in (user, other_coordinator):
			frappe.set_user(who)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc("PdN Evaluation", doc.name).reopen("Erreur de saisie")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Evaluation", doc.name, "docstatus"), 1)

	def test_only_a_submitted_questionnaire_can_be_reopened(self):
		doc = make_evaluation(make_active_promeneur().name)
		with self.assertRaises(exceptions.EvaluationReopenError):
			doc.reopen("Erreur")

	# ------------------------------------------------------------ web form

	def web_form_context(self, **form_dict):
		from pdn_frappe.evaluation.web_form.evaluation import evaluation as web_form

		frappe.local.form_dict = frappe._dict(form_dict)
		context = frappe._dict(web_form_doc=frappe._dict(allow_edit=1), allow_edit=1)
		return web_form.get_context(context)

	def test_web_form_prefills_the_networks_and_the_period(self):
		promeneur = make_active_promeneur(
			network_profiles=[
				{"social_network": "Snapchat", "profile_name": "Camille Centre social"},
				{"social_network": "TikTok", "profile_name": "Camille Centre social"},
			]
		)
		frappe.set_user(promeneur.create_login(send_welcome_email=False))
		defaults = self.web_form_context(is_new=1).pdn_evaluation["defaults"]
		self.assertEqual(defaults["promeneur"], promeneur.name)
		self.assertEqual(defaults["networks"], [{"network": "Snapchat"}, {"network": "TikTok"}])
		expected = last_ended_period(frappe.utils.getdate())
		self.assertEqual((defaults["year"], defaults["quarter"]), (expected.year, f"Q{expected.quarter}"))
		self.assertIn("Submit the questionnaire", self.web_form_context(is_new=1).pdn_evaluation["messages"])

	def test_web_form_opens_the_existing_questionnaire_of_a_period(self):
		promeneur = make_active_promeneur()
		draft = make_evaluation(promeneur.name, year=2025, quarter=1)
		submitted = make_evaluation(promeneur.name, year=2025, quarter=2, submit=True)
		frappe.set_user(promeneur.create_login(send_welcome_email=False))
		with self.assertRaises(frappe.Redirect):
			self.web_form_context(is_new=1, year="2025", quarter="Q1", period_type="Quarter")
		self.assertEqual(frappe.local.flags.redirect_location, f"/evaluation/{draft.name}/edit")
		with self.assertRaises(frappe.Redirect):
			self.web_form_context(is_new=1, year="2025", quarter="2")
		self.assertEqual(frappe.local.flags.redirect_location, f"/evaluation/{submitted.name}")

	def test_web_form_shows_a_submitted_questionnaire_read_only(self):
		promeneur = make_active_promeneur()
		submitted = make_evaluation(promeneur.name, year=2025, quarter=2, submit=True)
		frappe.set_user(promeneur.create_login(send_welcome_email=False))
		context = self.web_form_context(name=submitted.name, is_read=1)
		self.assertEqual((context.allow_edit, context.web_form_doc.allow_edit), (0, 0))
		self.assertEqual(context.pdn_evaluation["docstatus"], 1)
		with self.assertRaises(frappe.Redirect):
			self.web_form_context(name=submitted.name, is_edit=1)

	def test_submit_from_the_web_form_uses_the_promeneurs_rights(self):
		from pdn_frappe.evaluation.api import submit_evaluation

		me = make_active_promeneur()
		colleague = make_active_promeneur(structure=me.structure)
		mine = make_evaluation(me.name)
		theirs = make_evaluation(colleague.name)
		frappe.set_user(me.create_login(send_welcome_email=False))
		self.assertEqual(submit_evaluation(mine.name)["status"], "Submitted")
		with self.assertRaises(frappe.PermissionError):
			submit_evaluation(theirs.name)
