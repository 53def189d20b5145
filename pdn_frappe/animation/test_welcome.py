"""Welcome meetings are trainings: an accepted candidate is invited to the next one of their
department, and their attendance counts on their record."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_to_date, getdate, now_datetime, nowdate

from pdn_frappe.animation import welcome
from pdn_frappe.animation.testing import make_promeneur_with_login, make_training
from pdn_frappe.applications.testing import (
	CallTestCase,
	application_values,
	make_call,
	queued_emails,
	submit_as_guest,
)
from pdn_frappe.network import lifecycle
from pdn_frappe.tests.utils import make_promeneur, make_structure


def days_ahead(days: int):
	return add_to_date(now_datetime(), days=days).replace(hour=10, minute=0, second=0, microsecond=0)


class TestWelcomeMeetings(CallTestCase):
	OTHER_DEPARTMENTS = ("63",)

	def meeting(self, days: int, department: str = "03", call: str | None = None, **kwargs):
		return make_training(
			department=department,
			kind="Welcome meeting",
			application_call=call,
			starts_on=days_ahead(days),
			title=kwargs.pop("title", "Réunion d'accueil des nouveaux promeneurs"),
			**kwargs,
		)

	def accept(self, **overrides):
		result = submit_as_guest(application_values(application_call=self.call.name, **overrides))
		for user, action in ((self.coordinator, "Pre-select"), (self.caf_agent, "Accept")):
			frappe.set_user(user)
			apply_workflow(frappe.get_doc("PdN Application", result["name"]), action)
		frappe.set_user("Administrator")
		return frappe.get_doc("PdN Application", result["name"])

	def participants(self, training: str) -> dict:
		return {
			row.promeneur: row
			for row in frappe.get_all(
				"PdN Training Participant",
				filters={"parent": training, "parenttype": "PdN Training"},
				fields=["promeneur", "status", "invitation_sent_on"],
			)
		}

	def test_an_accepted_candidate_is_invited_to_the_calls_next_welcome_meeting(self):
		later = self.meeting(40, call=self.call.name)
		sooner = self.meeting(20, call=self.call.name)
		elsewhere = self.meeting(5, department="63", call=self.call.name)  # another department
		application = self.accept()
		promeneur = application.promeneur

		listed = self.participants(sooner.name)
		self.assertEqual(listed[promeneur].status, "Invited")
		self.assertTrue(listed[promeneur].invitation_sent_on, "the invitation was e-mailed")
		self.assertNotIn(promeneur, self.participants(later.name))
		self.assertNotIn(promeneur, self.participants(elsewhere.name))
		email = frappe.db.get_value("PdN Promeneur", promeneur, "email")
		invitations = queued_emails(sooner.name)
		self.assertEqual(len(invitations), 1)
		self.assertIn(email, invitations[0].recipients)
		# the acceptance notice lists the call's meetings of the department, not the other one's
		accepted = queued_emails(application.name)[-1]
		self.assertIn("Caf de l'Allier", accepted.body)
		self.assertEqual(accepted.body.count("<li>"), 2)

		# accepting again (the records' button) invites nobody twice
		application.create_records()
		self.assertEqual(len(queued_emails(sooner.name)), 1)

	def test_attendance_counts_on_the_promeneurs_record(self):
		meeting = self.meeting(10, call=self.call.name)
		promeneur = self.accept().promeneur
		meeting.reload()
		for row in meeting.participants:
			if row.promeneur == promeneur:
				row.status = "Attended"
		meeting.status = "Held"
		meeting.save()
		record = frappe.get_doc("PdN Promeneur", promeneur)
		self.assertTrue(record.welcome_meeting_attended)  # the commitments follow-up reads it
		self.assertEqual(str(record.welcome_meeting_on), str(meeting.starts_on)[:10])
		record.run_method("onload")
		self.assertEqual(
			[(row.name, row.kind) for row in record.get_onload().attended_trainings],
			[(meeting.name, "Welcome meeting")],
		)

	def test_without_a_meeting_of_the_call_the_departments_next_one_is_used(self):
		self.assertIsNone(welcome.next_meeting("976"))
		frappe.db.delete("PdN Training", {"kind": "Welcome meeting", "department": "03"})  # a known slate
		past = self.meeting(-3, status="Held")
		cancelled = self.meeting(3, status="Cancelled")
		department_wide = self.meeting(30)
		promeneur = self.accept().promeneur
		self.assertIn(promeneur, self.participants(department_wide.name))
		self.assertNotIn(promeneur, self.participants(past.name))
		self.assertNotIn(promeneur, self.participants(cancelled.name))

	def test_a_call_holds_welcome_meetings_of_the_departments_it_covers_only(self):
		with self.assertRaises(frappe.ValidationError):
			self.meeting(10, department="75", call=self.call.name)

	def test_welcome_meetings_are_seen_within_their_department_only(self):
		meeting = self.meeting(10, call=self.call.name)
		ours = {"kind": "Welcome meeting", "application_call": self.call.name, "department": "03"}
		for user in (self.coordinator, self.caf_agent):
			frappe.set_user(user)
			self.assertIn(meeting.name, frappe.get_list("PdN Training", filters=ours, pluck="name"))
		frappe.set_user(self.other_coordinator)
		self.assertNotIn(meeting.name, frappe.get_list("PdN Training", filters=ours, pluck="name"))
		self.assertFalse(frappe.has_permission("PdN Training", "read", meeting.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Training", meeting.name).invite(promeneurs=[])

	def test_a_promeneur_who_left_no_longer_sees_the_meeting(self):
		meeting = self.meeting(10, call=self.call.name)
		promeneur, user = make_promeneur_with_login(department="03")
		frappe.set_user(user)
		self.assertTrue(frappe.has_permission("PdN Training", "read", meeting.name))
		frappe.set_user("Administrator")
		lifecycle.change_status(promeneur.name, "Left", reason="Fin de contrat")
		frappe.set_user(user)
		self.assertFalse(frappe.has_permission("PdN Training", "read", meeting.name))
		try:
			self.assertNotIn(meeting.name, frappe.get_list("PdN Training", pluck="name"))
		except frappe.PermissionError:
			pass  # the role went with the status
		self.addCleanup(frappe.clear_cache, user=user)

	def test_the_commitments_follow_up_reads_the_welcome_meeting_of_the_call(self):
		from pdn_frappe.evaluation.report.commitments_follow_up.commitments_follow_up import execute

		call = make_call(department="976")  # a department neither the demo nor the benchmark fill
		meeting = self.meeting(15, department="976", call=call.name)
		structure = make_structure(department="976").name
		promeneur = make_promeneur(structure=structure, status="Active", active_since="2020-01-01").name
		self.assertEqual(welcome.invite_to_next(promeneur, "976", call.name), meeting.name)

		today = getdate(nowdate())
		filters = {
			"period_type": "Quarter",
			"year": today.year,
			"quarter": f"Q{(today.month - 1) // 3 + 1}",
			"structure": structure,
		}

		def row():
			return {r["promeneur"]: r for r in execute(filters)[1]}[promeneur]

		self.assertEqual(row()["welcome_meeting_attended"], 0)
		meeting.reload()
		meeting.participants[0].status = "Attended"
		meeting.status = "Held"
		meeting.save()
		self.assertEqual(row()["welcome_meeting_attended"], 1)
		self.assertEqual(row()["welcome_meeting"], frappe._("Yes"))
