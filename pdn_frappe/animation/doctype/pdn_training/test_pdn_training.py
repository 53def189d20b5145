# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import email

import frappe
from frappe.utils import add_to_date, now_datetime

from pdn_frappe import exceptions
from pdn_frappe.animation.scope_testing import assert_lists_only
from pdn_frappe.animation.testing import make_promeneur_with_login, make_training
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur


def queued_emails(reference_name: str) -> list:
	return frappe.get_all(
		"Email Queue",
		filters={"reference_doctype": "PdN Training", "reference_name": reference_name},
		fields=["name", "message"],
	)


def calendar_files(reference_name: str) -> list[str]:
	"""Decoded text of the formation.ics attachments of the e-mails queued for a training."""
	files = []
	for queued in queued_emails(reference_name):
		for part in email.message_from_string(queued.message).walk():
			if part.get_filename() == "formation.ics":
				files.append(part.get_payload(decode=True).decode("utf-8"))
	return files


class TestPdNTraining(PdnTestCase):
	OUTGOING_EMAIL = True

	def test_hours_days_and_counts_are_computed(self):
		first, second = make_promeneur(), make_promeneur()
		training = make_training(
			hours=3.5, participants=[(first.name, "Registered"), (second.name, "Invited")], capacity=5
		)
		self.assertEqual(training.hours, 3.5)
		self.assertEqual(training.days, 0.5)
		self.assertEqual(training.seats_taken, 1)
		self.assertTrue(training.participants[0].registered_on)

	def test_end_before_start_is_refused(self):
		start = add_to_date(now_datetime(), days=3)
		with self.assertRaises(exceptions.InvalidTrainingError):
			make_training(starts_on=start, ends_on=add_to_date(start, hours=-1))

	def test_a_promeneur_registers_within_capacity(self):
		seated = make_promeneur()
		training = make_training(capacity=2, participants=[(seated.name, "Registered")])
		promeneur, user = make_promeneur_with_login()
		_late, late_user = make_promeneur_with_login()

		frappe.set_user(user)
		self.assertEqual(training.register(), "Registered")
		with self.assertRaises(exceptions.RegistrationError):
			frappe.get_doc("PdN Training", training.name).register()

		frappe.set_user(late_user)
		with self.assertRaises(exceptions.TrainingFullError):
			frappe.get_doc("PdN Training", training.name).register()

		frappe.set_user("Administrator")
		training.reload()
		statuses = {row.promeneur: row.status for row in training.participants}
		self.assertEqual(statuses, {seated.name: "Registered", promeneur.name: "Registered"})
		self.assertEqual(training.seats_taken, 2)
		self.assertEqual(len(calendar_files(training.name)), 1)

	def test_unregistering_frees_the_seat(self):
		training = make_training(capacity=1)
		promeneur, user = make_promeneur_with_login()
		_other, other_user = make_promeneur_with_login()
		frappe.set_user(user)
		training.register()
		frappe.get_doc("PdN Training", training.name).unregister()
		frappe.set_user(other_user)
		self.assertEqual(frappe.get_doc("PdN Training", training.name).register(), "Registered")
		frappe.set_user("Administrator")
		training.reload()
		self.assertEqual(
			{row.promeneur: row.status for row in training.participants}[promeneur.name], "Excused"
		)

	def test_no_registration_to_a_past_or_cancelled_training(self):
		past = make_training(starts_on=add_to_date(now_datetime(), days=-2))
		cancelled = make_training(status="Cancelled")
		_promeneur, user = make_promeneur_with_login()
		frappe.set_user(user)
		for training in (past, cancelled):
			with self.assertRaises(exceptions.RegistrationError):
				frappe.get_doc("PdN Training", training.name).register()

	def test_the_coordinator_cannot_list_more_people_than_seats(self):
		first, second = make_promeneur(), make_promeneur()
		with self.assertRaises(exceptions.TrainingFullError):
			make_training(capacity=1, participants=[(first.name, "Registered"), (second.name, "Attended")])

	def test_a_promeneur_reads_the_trainings_of_their_department_only_and_cannot_edit_them(self):
		own = make_training(department="03")
		elsewhere = make_training(department="63")
		_promeneur, user = make_promeneur_with_login(department="03")
		frappe.set_user(user)
		assert_lists_only(self, "PdN Training", own.name, elsewhere.name)
		self.assertFalse(frappe.has_permission("PdN Training", "write", own.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("PdN Training", elsewhere.name).register()
		doc = frappe.get_doc("PdN Training", own.name)
		doc.capacity = 99
		with self.assertRaises(frappe.PermissionError):
			doc.save()

	def test_a_promeneur_can_read_a_training_listing_other_promeneurs(self):
		colleague = make_promeneur(department="03")
		training = make_training(participants=[(colleague.name, "Registered")])
		_promeneur, user = make_promeneur_with_login(department="03")
		frappe.set_user(user)
		self.assertTrue(frappe.has_permission("PdN Training", "read", training.name))

	def test_invitations_carry_a_calendar_file(self):
		coordinator = add_department_member("03", COORDINATOR)
		listed = make_promeneur(department="03")
		training = make_training(participants=[(listed.name, "Invited")])
		frappe.set_user(coordinator)
		sent = frappe.get_doc("PdN Training", training.name).invite(promeneurs=[listed.name])
		self.assertEqual(sent, 1)
		frappe.set_user("Administrator")
		training.reload()
		self.assertTrue(training.participants[0].invitation_sent_on)
		files = calendar_files(training.name)
		self.assertEqual(len(files), 1)
		self.assertIn("BEGIN:VCALENDAR", files[0])
		self.assertIn(f"UID:{training.name}@", files[0])
		self.assertIn("METHOD:REQUEST", files[0])
		# sending again only reaches those who have not received it
		frappe.set_user(coordinator)
		self.assertEqual(frappe.get_doc("PdN Training", training.name).invite(promeneurs=[listed.name]), 0)

	def test_promeneur_record_shows_attended_trainings_and_welcome_meeting(self):
		promeneur = make_promeneur()
		welcome = make_training(kind="Welcome meeting", participants=[(promeneur.name, "Registered")])
		make_training(kind="Training", participants=[(promeneur.name, "Attended")])
		promeneur.reload()
		self.assertEqual(promeneur.trainings_attended, 1)
		self.assertFalse(promeneur.welcome_meeting_attended)

		welcome.reload()
		welcome.mark_held()
		promeneur.reload()
		self.assertEqual(promeneur.trainings_attended, 2)
		self.assertTrue(promeneur.welcome_meeting_attended)
		self.assertEqual(str(promeneur.welcome_meeting_on), str(welcome.starts_on)[:10])
		promeneur.run_method("onload")
		titles = [row.kind for row in promeneur.get_onload().attended_trainings]
		self.assertEqual(sorted(titles), ["Training", "Welcome meeting"])

		welcome.reload()
		welcome.status = "Cancelled"
		welcome.save()
		promeneur.reload()
		self.assertFalse(promeneur.welcome_meeting_attended)
		self.assertEqual(promeneur.trainings_attended, 1)
