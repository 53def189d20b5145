"""The steering committee's decisions beyond applications on a real site: suspensions and exclusions
through the lifecycle, the yearly target, roadmap items, and the minutes e-mailed as a PDF; each one
tried by the users who may and by those who may not."""

import email
from email import policy

import frappe
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe import exceptions, roles
from pdn_frappe.applications import review
from pdn_frappe.applications.testing import ApplicationsTestCase, make_staff, queued_emails
from pdn_frappe.network import directory
from pdn_frappe.tests.utils import add_department_member, make_promeneur, make_user

MEETING = "PdN Steering Meeting"


def queue_for(reference_doctype: str, reference_name: str) -> list:
	return frappe.get_all(
		"Email Queue",
		filters={"reference_doctype": reference_doctype, "reference_name": reference_name},
		fields=["name", "message", "attachments"],
		order_by="creation asc",
	)


def recipients_of(queue_name: str) -> list[str]:
	return frappe.get_all("Email Queue Recipient", filters={"parent": queue_name}, pluck="recipient")


class CommitteeTestCase(ApplicationsTestCase):
	def setUp(self):
		from pdn_frappe.conventions.testing import complete_structure, make_active_convention

		self.manager = make_user()
		self.structure = complete_structure(
			department="03",
			contacts=[
				{
					"contact_name": "Directrice",
					"email": "directrice.committee@example.com",
					"user": self.manager,
					"is_manager": 1,
				}
			],
		).name
		make_active_convention(structure=self.structure)
		self.promeneur = make_promeneur(structure=self.structure, status="Active", directory_consent=1)
		self.login = self.promeneur.create_login(send_welcome_email=False)
		self.coordinator = make_staff("03", roles.COORDINATOR)
		self.caf_agent = make_staff("03", roles.CAF_AGENT)
		self.other_coordinator = make_staff("63", roles.COORDINATOR)

	def make_meeting(self, decisions, department="03", user="Administrator", **kwargs):
		current = frappe.session.user
		frappe.set_user(user)
		try:
			return frappe.get_doc(
				{
					"doctype": MEETING,
					"kind": "Steering committee (COPIL)",
					"department": department,
					"meeting_date": nowdate(),
					"attendees": kwargs.pop("attendees", [{"attendee_name": "Caf", "organisation": "Caf"}]),
					"decisions": decisions,
					**kwargs,
				}
			).insert()
		finally:
			frappe.set_user(current)

	def apply(self, meeting, user):
		frappe.set_user(user)
		try:
			return frappe.get_doc(MEETING, meeting.name).apply_decisions()
		finally:
			frappe.set_user("Administrator")

	def status(self):
		return frappe.db.get_value("PdN Promeneur", self.promeneur.name, "status")


class TestPromeneurDecisions(CommitteeTestCase):
	def test_an_exclusion_applied_excludes_unlists_disables_and_tells_the_structure(self):
		self.assertIsNotNone(directory.get_profile(self.promeneur.name))
		meeting = self.make_meeting(
			[
				{
					"kind": "Promeneur exclusion",
					"promeneur": self.promeneur.name,
					"note": "Manquements <b>graves</b> à la charte.",
				}
			]
		)
		self.assertEqual(meeting.decisions[0].promeneur_name, self.promeneur.full_name)

		results = self.apply(meeting, self.caf_agent)

		self.assertEqual(results[0]["result"], "Excluded")
		self.assertEqual(self.status(), "Excluded")
		self.assertIsNone(directory.get_profile(self.promeneur.name), "out of the public directory")
		self.assertFalse(frappe.db.get_value("User", self.login, "enabled"))
		history = frappe.get_doc("PdN Promeneur", self.promeneur.name).status_history[-1]
		self.assertEqual(
			(history.status_from, history.status_to, history.author), ("Active", "Excluded", self.caf_agent)
		)
		self.assertIn("Manquements", history.reason)
		meeting.reload()
		self.assertEqual(meeting.status, "Decisions applied")
		self.assertTrue(meeting.decisions[0].applied_on)
		self.assertEqual(meeting.decisions[0].result, "Exclu", "the grid reads in the site's language")

		sent = queued_emails(self.promeneur.name)
		self.assertEqual(len(sent), 1)
		self.assertEqual(sent[0].recipients, ["directrice.committee@example.com"])
		self.assertIn("Exclu", sent[0].subject)
		self.assertIn("exclusion met fin à son mandat", sent[0].body)
		self.assertIn("&lt;b&gt;graves&lt;/b&gt;", sent[0].body)

		# applied twice: nothing moves, nothing is sent again
		self.assertEqual(self.apply(meeting, self.caf_agent), [])
		self.assertEqual(len(queue_for("PdN Promeneur", self.promeneur.name)), 1)

	def test_a_suspension_applied_by_the_coordinator_suspends(self):
		meeting = self.make_meeting(
			[
				{
					"kind": "Promeneur suspension",
					"promeneur": self.promeneur.name,
					"note": "Absence de présence en ligne.",
				}
			]
		)
		self.apply(meeting, self.coordinator)
		self.assertEqual(self.status(), "Suspended")
		self.assertIsNone(directory.get_profile(self.promeneur.name))
		self.assertTrue(frappe.db.get_value("User", self.login, "enabled"), "a suspension keeps the login")

	def test_a_promeneur_decision_needs_its_reason_and_its_promeneur(self):
		with self.assertRaises(exceptions.DecisionReasonRequiredError):
			self.make_meeting(
				[{"kind": "Promeneur exclusion", "promeneur": self.promeneur.name, "note": "  "}]
			)
		with self.assertRaises(exceptions.CommitteeDecisionError):
			self.make_meeting([{"kind": "Promeneur suspension", "note": "Motif"}])
		with self.assertRaises(exceptions.CommitteeDecisionError):
			self.make_meeting([{"kind": "Promeneur suspension", "promeneur": "PDN-NOBODY", "note": "Motif"}])

	def test_an_excluded_promeneur_cannot_be_suspended(self):
		self.promeneur.reload()
		self.promeneur.status, self.promeneur.status_reason = "Excluded", "Décision antérieure"
		self.promeneur.save(ignore_permissions=True)
		with self.assertRaises(exceptions.CommitteeDecisionError) as refused:
			self.make_meeting(
				[{"kind": "Promeneur suspension", "promeneur": self.promeneur.name, "note": "Motif"}]
			)
		self.assertIn(frappe._("Excluded"), str(refused.exception))

	def test_another_departments_promeneur_cannot_be_named_even_in_a_child_row(self):
		# the coordinator of the Puy-de-Dôme names a promeneur of the Allier in a meeting of the Puy-de-Dôme
		with self.assertRaises((exceptions.OutOfScopeError, exceptions.CommitteeDecisionError)):
			self.make_meeting(
				[{"kind": "Promeneur exclusion", "promeneur": self.promeneur.name, "note": "Motif"}],
				department="63",
				user=self.other_coordinator,
			)
		# nor add it to a meeting of their own department that exists already
		own = self.make_meeting([], department="63", user=self.other_coordinator)
		frappe.set_user(self.other_coordinator)
		own = frappe.get_doc(MEETING, own.name)
		own.append(
			"decisions", {"kind": "Promeneur exclusion", "promeneur": self.promeneur.name, "note": "M"}
		)
		with self.assertRaises((exceptions.OutOfScopeError, exceptions.CommitteeDecisionError)):
			own.save()
		frappe.set_user("Administrator")
		# a CAF agent of both departments cannot either: the promeneur is not of the meeting's department
		both = make_staff("63", roles.CAF_AGENT)
		add_department_member("03", roles.CAF_AGENT, user=both)
		with self.assertRaises(exceptions.CommitteeDecisionError) as refused:
			self.make_meeting(
				[{"kind": "Promeneur exclusion", "promeneur": self.promeneur.name, "note": "Motif"}],
				department="63",
				user=both,
			)
		self.assertIn(self.promeneur.name, str(refused.exception))
		self.assertEqual(self.status(), "Active")

	def test_the_coordinator_of_another_department_cannot_apply_nor_read(self):
		meeting = self.make_meeting(
			[{"kind": "Promeneur exclusion", "promeneur": self.promeneur.name, "note": "Motif"}]
		)
		with self.assertRaises(frappe.PermissionError):
			self.apply(meeting, self.other_coordinator)
		frappe.set_user(self.other_coordinator)
		self.assertEqual(frappe.get_list(MEETING, filters={"name": meeting.name}), [])
		self.assertRaises(frappe.PermissionError, frappe.client.get, MEETING, meeting.name)
		frappe.set_user("Administrator")
		self.assertEqual(self.status(), "Active")

	def test_a_withdrawn_coordinator_cannot_apply(self):
		meeting = self.make_meeting(
			[{"kind": "Promeneur exclusion", "promeneur": self.promeneur.name, "note": "Motif"}]
		)
		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != self.coordinator]
		department.save(ignore_permissions=True)
		with self.assertRaises(frappe.PermissionError):
			self.apply(meeting, self.coordinator)
		self.assertEqual(self.status(), "Active")

	def test_the_structure_manager_and_the_promeneur_cannot_apply(self):
		meeting = self.make_meeting(
			[{"kind": "Promeneur suspension", "promeneur": self.promeneur.name, "note": "Motif"}]
		)
		for user in (self.manager, self.login):
			with self.assertRaises(frappe.PermissionError):
				self.apply(meeting, user)
		self.assertEqual(self.status(), "Active")

	def test_an_applied_decision_cannot_be_changed_and_applied_on_cannot_be_forged(self):
		other = make_promeneur(structure=self.structure, status="Active")
		# a row sent as already applied is not taken as applied
		meeting = self.make_meeting(
			[
				{
					"kind": "Promeneur exclusion",
					"promeneur": self.promeneur.name,
					"note": "Motif",
					"applied_on": "2026-01-01 10:00:00",
					"result": "Excluded",
				}
			]
		)
		self.assertFalse(meeting.decisions[0].applied_on)
		self.apply(meeting, self.caf_agent)
		frappe.set_user(self.caf_agent)
		meeting = frappe.get_doc(MEETING, meeting.name)
		meeting.decisions[0].promeneur = other.name
		with self.assertRaises(exceptions.CommitteeDecisionError):
			meeting.save()
		meeting.reload()
		meeting.decisions = []
		with self.assertRaises(exceptions.CommitteeDecisionError):
			meeting.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", other.name, "status"), "Active")

	def test_one_refused_row_leaves_everything_as_it_was(self):
		target_before = frappe.db.get_value("PdN Department", "03", "target_promeneurs")
		meeting = self.make_meeting(
			[
				{"kind": "Yearly target", "target_year": getdate(nowdate()).year, "target_value": 77},
				{"kind": "Promeneur suspension", "promeneur": self.promeneur.name, "note": "Motif"},
			]
		)
		# the promeneur leaves between the meeting and the application of its decisions
		self.promeneur.reload()
		self.promeneur.status, self.promeneur.status_reason = "Excluded", "Autre décision"
		self.promeneur.save(ignore_permissions=True)
		with self.assertRaises(frappe.ValidationError):
			self.apply(meeting, self.caf_agent)
		self.assertEqual(frappe.db.get_value("PdN Department", "03", "target_promeneurs"), target_before)
		self.assertFalse(frappe.get_doc(MEETING, meeting.name).decisions[0].applied_on)


class TestTargetAndRoadmapDecisions(CommitteeTestCase):
	def test_a_yearly_target_sets_the_departments_target(self):
		year = getdate(nowdate()).year
		meeting = self.make_meeting([{"kind": "Yearly target", "target_year": year, "target_value": 42}])
		self.apply(meeting, self.coordinator)
		self.assertEqual(frappe.db.get_value("PdN Department", "03", "target_promeneurs"), 42)
		self.assertEqual(frappe.db.get_value("PdN Department", "63", "target_promeneurs") == 42, False)
		from pdn_frappe.network import targets

		self.assertEqual(targets.active_against_target(self.coordinator)[1], 42)

	def test_hostile_targets_are_refused(self):
		year = getdate(nowdate()).year
		for values in (
			{"target_year": year, "target_value": -5},
			{"target_year": year, "target_value": 0},
			{"target_year": year, "target_value": 10_001},
			{"target_year": 1999, "target_value": 40},
			{"target_year": year - 1, "target_value": 40},
			{"target_year": year + 50, "target_value": 40},
		):
			with self.subTest(values=values), self.assertRaises(exceptions.CommitteeDecisionError):
				self.make_meeting([{"kind": "Yearly target", **values}])

	def test_a_roadmap_decision_creates_one_item_of_the_department(self):
		due = add_days(nowdate(), 30)
		meeting = self.make_meeting(
			[{"kind": "Roadmap item", "subject": "Lancer un groupe d'échange de pratiques", "due_date": due}]
		)
		self.apply(meeting, self.coordinator)
		meeting.reload()
		item = frappe.get_doc("PdN Roadmap Item", meeting.decisions[0].roadmap_item)
		self.assertEqual(
			(item.title, item.department, item.status, str(item.due_date), item.steering_meeting),
			("Lancer un groupe d'échange de pratiques", "03", "Open", str(due), meeting.name),
		)
		self.assertEqual(item.responsible, review.department_coordinators("03")[0])
		self.apply(meeting, self.coordinator)
		self.assertEqual(frappe.db.count("PdN Roadmap Item", {"steering_meeting": meeting.name}), 1)
		with self.assertRaises(exceptions.CommitteeDecisionError):
			self.make_meeting([{"kind": "Roadmap item", "subject": " "}])
		with self.assertRaises(exceptions.CommitteeDecisionError):
			self.make_meeting([{"kind": "Roadmap item", "subject": "x" * 141}])
		with self.assertRaises(exceptions.PersonalDataError):
			self.make_meeting([{"kind": "Roadmap item", "subject": "Rappeler le jeune au 06 12 34 56 78"}])


class TestMinutes(CommitteeTestCase):
	def test_the_minutes_go_to_the_attendees_as_a_pdf(self):
		attendee = make_user()
		meeting = self.make_meeting(
			[{"kind": "Other", "subject": "Journée départementale"}],
			attendees=[
				{
					"attendee_name": "Caf <script>x</script>",
					"organisation": "Caf",
					"email": "caf.minutes@example.com",
				},
				{"attendee_name": "Coordination", "user": attendee},
				{"attendee_name": "Sans adresse"},
			],
			minutes="<p>Bilan <img src=x onerror=alert(1)> du trimestre.</p>",
		)
		frappe.set_user(self.coordinator)
		sent_to = frappe.get_doc(MEETING, meeting.name).send_minutes()
		frappe.set_user("Administrator")
		self.assertEqual(sent_to, ["caf.minutes@example.com", attendee])
		queued = queue_for(MEETING, meeting.name)
		self.assertEqual(len(queued), 1)
		self.assertEqual(sorted(recipients_of(queued[0].name)), sorted(sent_to))
		# the PDF travels in the queued message itself
		message = email.message_from_string(queued[0].message, policy=policy.default)
		pdfs = [part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]
		self.assertEqual(len(pdfs), 1)
		self.assertTrue(pdfs[0].get_filename().endswith(".pdf"))
		self.assertEqual(pdfs[0].get_content()[:5], b"%PDF-")

		html = frappe.get_print(MEETING, meeting.name, print_format="Steering Meeting Minutes")
		self.assertNotIn("<script>x", html)  # shown as text, never as markup
		self.assertIn("Caf &amp;lt;script&amp;gt;", html)
		self.assertNotIn("onerror", html)
		self.assertIn("Bilan", html)

	def test_no_recipient_and_other_departments(self):
		meeting = self.make_meeting([], attendees=[{"attendee_name": "Sans adresse"}])
		frappe.set_user(self.coordinator)
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc(MEETING, meeting.name).send_minutes()
		frappe.set_user(self.other_coordinator)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(MEETING, meeting.name).send_minutes()
		frappe.set_user("Administrator")
		self.assertEqual(queue_for(MEETING, meeting.name), [])
