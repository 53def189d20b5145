# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import add_to_date, now_datetime

from pdn_frappe import exceptions
from pdn_frappe.animation.testing import make_promeneur_with_login, make_training
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member


def give_feedback(
	training: str, promeneur: str | None = None, rating: float = 0.8, comment: str = "Très utile"
):
	doc = frappe.get_doc(
		{"doctype": "PdN Training Feedback", "training": training, "rating": rating, "comment": comment}
	)
	if promeneur:
		doc.promeneur = promeneur
	return doc.insert()


class TestPdNTrainingFeedback(PdnTestCase):
	OUTGOING_EMAIL = True

	def setUp(self):
		self.attendee, self.attendee_user = make_promeneur_with_login()
		self.absent, self.absent_user = make_promeneur_with_login()
		self.training = make_training(
			starts_on=add_to_date(now_datetime(), days=-3),
			participants=[(self.attendee.name, "Attended"), (self.absent.name, "Registered")],
		)

	def test_an_attendee_gives_feedback_once_and_the_training_shows_the_average(self):
		frappe.set_user(self.attendee_user)
		feedback = give_feedback(self.training.name)  # promeneur filled in from the login
		self.assertEqual(feedback.promeneur, self.attendee.name)
		self.assertEqual(feedback.department, "03")
		with self.assertRaises(exceptions.DuplicateFeedbackError):
			give_feedback(self.training.name)
		frappe.set_user("Administrator")
		self.training.reload()
		self.assertEqual(self.training.feedback_count, 1)
		self.assertAlmostEqual(self.training.average_rating, 0.8)

	def test_the_comment_holds_no_young_persons_contact_details(self):
		frappe.set_user(self.attendee_user)
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			give_feedback(self.training.name, comment="Utile : j'ai pu aider un jeune, son snap @lea_du_03")
		message = str(refused.exception)
		self.assertIn(_("a network handle"), message)
		self.assertIn(_("Comment"), message)
		self.assertNotIn("lea_du_03", message)  # the kind is named, never the fragment
		self.assertFalse(frappe.db.exists("PdN Training Feedback", {"promeneur": self.attendee.name}))
		feedback = give_feedback(self.training.name, comment="Utile pour le live Instagram de @14h.")
		self.assertTrue(feedback.name)

	def test_feedback_only_from_attendees(self):
		frappe.set_user(self.absent_user)
		with self.assertRaises(exceptions.NotAnAttendeeError):
			give_feedback(self.training.name)
		self.assertFalse(frappe.db.exists("PdN Training Feedback", {"promeneur": self.absent.name}))

	def test_nobody_gives_feedback_in_the_name_of_another(self):
		frappe.set_user(self.absent_user)
		with self.assertRaises(frappe.PermissionError):
			give_feedback(self.training.name, promeneur=self.attendee.name)

	def test_feedback_is_private_to_its_author_and_read_by_the_coordination(self):
		frappe.set_user(self.attendee_user)
		feedback = give_feedback(self.training.name)
		frappe.set_user(self.absent_user)
		self.assertFalse(frappe.has_permission("PdN Training Feedback", "read", feedback.name))
		self.assertNotIn(feedback.name, frappe.get_list("PdN Training Feedback", pluck="name"))

		coordinator03 = add_department_member("03", COORDINATOR)
		coordinator63 = add_department_member("63", COORDINATOR)
		frappe.set_user(coordinator03)
		self.assertTrue(frappe.has_permission("PdN Training Feedback", "read", feedback.name))
		self.assertFalse(frappe.has_permission("PdN Training Feedback", "write", feedback.name))
		frappe.set_user(coordinator63)
		self.assertFalse(frappe.has_permission("PdN Training Feedback", "read", feedback.name))
