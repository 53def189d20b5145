# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime

import frappe

from pdn_frappe import exceptions
from pdn_frappe.animation import reporting, tasks
from pdn_frappe.animation.testing import make_activity, make_training
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur

DEPARTMENT = "976"  # a department neither the demo nor the national benchmark data fill
YEAR = 2031


def make_report(department=DEPARTMENT, period_type="Quarter", year=YEAR, quarter="Q2", **kwargs):
	return frappe.get_doc(
		{
			"doctype": "PdN Coordination Report",
			"department": department,
			"period_type": period_type,
			"year": year,
			"quarter": quarter,
			**kwargs,
		}
	).insert()


def at(month: int, day: int, hour: int = 9) -> datetime.datetime:
	return datetime.datetime(YEAR, month, day, hour, 0)


class TestPdNCoordinationReport(PdnTestCase):
	OUTGOING_EMAIL = True

	def setUp(self):
		"""Known data for the second quarter of 2031 in Mayotte (976), and some around it."""
		first, second, third = (make_promeneur(department=DEPARTMENT) for _ in range(3))
		for _ in range(2):
			make_activity(DEPARTMENT, "Individual presentation", 1.5, activity_date=f"{YEAR}-04-10")
		make_activity(DEPARTMENT, "Collective presentation", 2, activity_date=f"{YEAR}-05-02")
		make_activity(
			DEPARTMENT,
			"Public workshop",
			3,
			activity_date=f"{YEAR}-06-30",
			themes=[{"theme": "Santé"}],
			people_reached=30,
			audience="Parents",
		)
		for _ in range(3):
			make_activity(DEPARTMENT, "Exchange with a promeneur", 0.5, activity_date=f"{YEAR}-05-20")
		make_activity(DEPARTMENT, "Funding search", 4, activity_date=f"{YEAR}-06-01")
		make_activity(DEPARTMENT, "Individual presentation", 1, activity_date=f"{YEAR}-07-01")  # next quarter
		make_activity("63", "Individual presentation", 1, activity_date=f"{YEAR}-05-01")  # elsewhere

		make_training(
			DEPARTMENT,
			starts_on=at(5, 12),
			hours=8,
			kind="Training",
			status="Held",
			participants=[(first.name, "Attended"), (second.name, "Attended"), (third.name, "Excused")],
			themes=[{"theme": "Santé"}, {"theme": "Harcèlement et cyberharcèlement"}],
		)
		make_training(
			DEPARTMENT,
			starts_on=at(6, 3, 14),
			hours=2,
			kind="Practice exchange",
			status="Held",
			participants=[(first.name, "Attended")],
		)
		make_training(DEPARTMENT, starts_on=at(6, 10), hours=8, status="Cancelled")
		make_training(DEPARTMENT, starts_on=at(7, 2), hours=2, kind="Welcome meeting")

	def test_the_quarterly_report_comes_prefilled_with_the_right_numbers(self):
		report = make_report()
		self.assertEqual(report.name, f"PDN-BIL-{DEPARTMENT}-{YEAR}-Q2")
		self.assertEqual(
			(str(report.from_date), str(report.to_date), str(report.due_date)),
			(f"{YEAR}-04-01", f"{YEAR}-06-30", f"{YEAR}-07-15"),
		)
		self.assertIn("2031", report.title)
		expected = {
			"individual_presentations": 2,
			"collective_presentations": 1,
			"public_workshops": 1,
			"promeneur_exchanges": 3,
			"individual_coaching": 0,
			"trainings": 1,
			"training_days": 1,
			"network_meetings": 1,
			"practice_exchanges": 1,
			"welcome_meetings": 0,
			"participants": 3,
			"logged_hours": 13.5,
			"session_hours": 10,
			"total_hours": 23.5,
			"steering_meetings": 0,
		}
		self.assertEqual({key: report.get(key) for key in expected}, expected)
		grid = {row.mission_axis: row.hours for row in report.time_by_axis}
		self.assertEqual(grid["Growth and development of the network"], 8)
		self.assertEqual(grid["Network animation"], 11.5)
		self.assertEqual(grid["Funding"], 4)
		self.assertEqual(grid["Tools administration"], 0)
		tasks_ = {row.task: (row.task_count, row.hours) for row in report.tasks}
		self.assertEqual(tasks_["Individual presentation"], (2, 3))
		self.assertEqual(tasks_["Training"], (1, 8))
		self.assertEqual(
			[(row.theme, row.theme_count) for row in report.themes],
			[("Santé", 2), ("Harcèlement et cyberharcèlement", 1)],
		)

	def test_the_time_split_between_the_youth_and_parenting_missions(self):
		# the third quarter: the setUp's presentation of 1 July (1 h, youth) and, computed by hand,
		# youth 1 + 2 + (4 - 1) = 6 h, parenting 1.5 + 1 = 2.5 h, share 2.5 / 8.5 = 29.4 %
		make_activity(DEPARTMENT, "Individual coaching", 2, activity_date=f"{YEAR}-08-03", mission="Youth")
		make_activity(
			DEPARTMENT, "Collective presentation", 1.5, activity_date=f"{YEAR}-08-04", mission="Parenting"
		)
		both = make_activity(
			DEPARTMENT,
			"Public workshop",
			4,
			activity_date=f"{YEAR}-09-10",
			mission="Youth and parenting",
			parenting_hours=1,
		)
		make_activity("63", "Public workshop", 3, activity_date=f"{YEAR}-08-04", mission="Parenting")
		report = make_report(quarter="Q3")
		self.assertEqual(
			(report.youth_hours, report.parenting_hours, report.parenting_share, report.logged_hours),
			(6, 2.5, 29.4, 8.5),
		)
		# the second quarter's log served the youth mission only
		second = make_report(quarter="Q2")
		self.assertEqual((second.youth_hours, second.parenting_hours, second.parenting_share), (13.5, 0, 0))

		both.parenting_hours = 5  # more than the 4 hours of the activity
		self.assertRaises(exceptions.InvalidActivityError, both.save)
		both.reload()
		both.mission = "Youth"
		both.save()
		self.assertEqual(both.parenting_hours, 0, "a youth activity keeps no parenting part")

	def test_the_annual_report_and_the_promeneurs(self):
		report = make_report(period_type="Year", quarter=None)
		self.assertEqual(report.name, f"PDN-BIL-{DEPARTMENT}-{YEAR}")
		self.assertEqual(str(report.due_date), f"{YEAR + 1}-01-15")
		self.assertEqual(report.individual_presentations, 3)
		self.assertEqual(report.welcome_meetings, 1)
		# the three promeneurs became active today, before 2031 ends
		self.assertEqual(report.active_promeneurs, 3)

	def test_the_texts_hold_no_young_persons_contact_details(self):
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			make_report(difficulties="<p>Une jeune nous écrit sur <b>lea.martin@example.com</b>.</p>")
		message = str(refused.exception)
		self.assertIn(frappe._("an e-mail address"), message)
		self.assertIn(frappe._("Difficulties"), message)
		self.assertNotIn("lea.martin@example.com", message)  # the kind is named, never the fragment
		report = make_report(highlights="<p>Deux ateliers &laquo; réseaux sociaux &raquo; en collège.</p>")
		report.next_steps = "<p>Voir https://instagram.com/lea_63 ensemble.</p>"
		with self.assertRaises(exceptions.PersonalDataError) as refused:
			report.save()
		self.assertIn(frappe._("a link to a profile"), str(refused.exception))
		self.assertNotIn("lea_63", str(refused.exception))

	def test_one_report_per_department_and_period(self):
		make_report()
		with self.assertRaises(exceptions.DuplicateReportError):
			make_report()
		with self.assertRaises(exceptions.InvalidReportPeriodError):
			make_report(quarter=None)

	def test_figures_are_counted_again_until_sent_then_frozen_and_the_caf_is_told(self):
		caf = add_department_member(DEPARTMENT, CAF_AGENT)
		report = make_report()
		make_activity(DEPARTMENT, "Public workshop", 2, activity_date=f"{YEAR}-05-05")
		report.save()
		self.assertEqual(report.public_workshops, 2)
		report.highlights = "<p>Deux ateliers parents.</p>"
		report.submit()
		self.assertEqual(str(report.submitted_on), frappe.utils.nowdate())
		make_activity(DEPARTMENT, "Public workshop", 2, activity_date=f"{YEAR}-05-06")
		report.reload()
		self.assertEqual(report.public_workshops, 2)
		queued = frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": "PdN Coordination Report", "reference_name": report.name},
			pluck="name",
		)
		self.assertEqual(len(queued), 1)
		recipients = frappe.get_all("Email Queue Recipient", filters={"parent": queued[0]}, pluck="recipient")
		self.assertIn(caf, recipients)

	def test_reminders_before_the_due_date_and_after_it(self):
		coordinator = add_department_member(DEPARTMENT, COORDINATOR)

		def reminders_sent(day):
			before = frappe.db.count("Email Queue", {"reference_doctype": "PdN Coordination Report"})
			tasks.send_report_reminders(day)
			return frappe.db.count("Email Queue", {"reference_doctype": "PdN Coordination Report"}) - before

		self.assertGreaterEqual(reminders_sent(f"{YEAR}-07-08"), 1)  # 7 days before 15 July
		self.assertEqual(reminders_sent(f"{YEAR}-07-09"), 0)
		self.assertGreaterEqual(reminders_sent(f"{YEAR}-07-16"), 1)  # the day after
		frappe.set_user(coordinator)
		make_report().submit()
		frappe.set_user("Administrator")
		queued_for_48 = frappe.get_all(
			"Email Queue Recipient",
			filters={"recipient": coordinator},
			pluck="parent",
		)
		count_before = len(queued_for_48)
		tasks.send_report_reminders(f"{YEAR}-07-16")
		self.assertEqual(
			len(frappe.get_all("Email Queue Recipient", filters={"recipient": coordinator}, pluck="parent")),
			count_before,
		)

	def test_the_coordination_of_another_department_sees_nothing(self):
		report = make_report()
		coordinator03 = add_department_member("03", COORDINATOR)
		caf48 = add_department_member(DEPARTMENT, CAF_AGENT)
		frappe.set_user(coordinator03)
		self.assertFalse(frappe.has_permission("PdN Coordination Report", "read", report.name))
		self.assertNotIn(report.name, frappe.get_list("PdN Coordination Report", pluck="name"))
		frappe.set_user(caf48)
		self.assertTrue(frappe.has_permission("PdN Coordination Report", "read", report.name))
		self.assertFalse(frappe.has_permission("PdN Coordination Report", "write", report.name))

	def test_steering_meetings_and_questionnaires_count_only_when_installed(self):
		start, end = datetime.date(YEAR, 4, 1), datetime.date(YEAR, 6, 30)
		self.assertEqual(
			reporting.count_in_period("PdN Doctype That Does Not Exist", DEPARTMENT, start, end, ("date",)), 0
		)
		if not frappe.db.exists("DocType", reporting.STEERING_MEETING):
			return
		frappe.get_doc(
			{
				"doctype": reporting.STEERING_MEETING,
				"department": DEPARTMENT,
				"meeting_date": f"{YEAR}-05-15",
				"kind": frappe.get_meta(reporting.STEERING_MEETING).get_field("kind").options.split("\n")[0],
			}
		).insert(ignore_permissions=True, ignore_mandatory=True)
		self.assertEqual(make_report().steering_meetings, 1)
