# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, nowdate

from pdn_frappe import exceptions
from pdn_frappe.applications import utils
from pdn_frappe.applications.doctype.pdn_application_call.pdn_application_call import close_expired_calls
from pdn_frappe.applications.testing import ApplicationsTestCase, make_call, make_staff
from pdn_frappe.roles import COORDINATOR


class TestPdNApplicationCall(ApplicationsTestCase):
	def test_closing_date_cannot_come_before_opening_date(self):
		with self.assertRaises(exceptions.InvalidCallDatesError):
			make_call(opening_date=nowdate(), closing_date=add_days(nowdate(), -1))

	def test_welcome_meetings_are_trainings_of_a_department_the_call_covers(self):
		from pdn_frappe.animation.testing import make_training

		call = make_call(department="03", other_departments=["63"])
		for department in ("03", "63"):
			meeting = make_training(department=department, kind="Welcome meeting", application_call=call.name)
			self.assertEqual(meeting.application_call, call.name)
		with self.assertRaises(exceptions.InvalidTrainingError):
			make_training(department="75", kind="Welcome meeting", application_call=call.name)
		# only a welcome meeting belongs to a call
		self.assertFalse(
			make_training(department="03", kind="Training", application_call=call.name).application_call
		)

	def test_departments_of_a_joint_call(self):
		call = make_call(department="03", other_departments=["63", "03", "63"])
		self.assertEqual(call.departments, ["03", "63"])
		self.assertEqual([row.department for row in call.other_departments], ["63"])

	def test_open_only_when_published_and_within_dates(self):
		self.assertTrue(make_call().is_open())
		self.assertFalse(make_call(status="Draft").is_open())
		self.assertFalse(
			make_call(opening_date=add_days(nowdate(), 1), closing_date=add_days(nowdate(), 9)).is_open()
		)
		names = [c.name for c in utils.open_calls()]
		closed = make_call(opening_date=add_days(nowdate(), -20), closing_date=add_days(nowdate(), -1))
		self.assertNotIn(closed.name, names)

	def test_expired_calls_are_closed_daily(self):
		expired = make_call(opening_date=add_days(nowdate(), -20), closing_date=add_days(nowdate(), -1))
		running = make_call()
		closed = close_expired_calls()
		self.assertIn(expired.name, closed)
		self.assertEqual(frappe.db.get_value("PdN Application Call", expired.name, "status"), "Closed")
		self.assertEqual(frappe.db.get_value("PdN Application Call", running.name, "status"), "Open")

	def test_contact_details_are_checked(self):
		with self.assertRaises(exceptions.InvalidEmailError):
			make_call(contact_email="coordination.example.org")
		call = make_call(contact_phone="0470123456")
		self.assertEqual(call.contact_phone, "04 70 12 34 56")

	def test_coordinators_see_the_calls_of_their_department_only(self):
		ours, theirs = make_call(department="03"), make_call(department="75")
		frappe.set_user(make_staff("03", COORDINATOR))
		names = frappe.get_list("PdN Application Call", pluck="name")
		self.assertIn(ours.name, names)
		self.assertNotIn(theirs.name, names)
		self.assertFalse(frappe.has_permission("PdN Application Call", "write", theirs.name))
