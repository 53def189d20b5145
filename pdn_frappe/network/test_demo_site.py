# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The site set-up of the demo: the outgoing e-mail account a mail catcher receives, and scheduled
jobs that run from the day the demo is loaded."""

import frappe
from frappe.utils import add_to_date, now_datetime

from pdn_frappe.network.demo import (
	DEMO_EMAIL_ACCOUNT,
	DEMO_SENDER,
	ensure_outgoing_email_account,
	release_scheduled_jobs,
)
from pdn_frappe.tests.utils import PdnTestCase


class TestDemoSiteSetUp(PdnTestCase):
	def test_the_demo_email_account_points_at_the_given_server(self):
		if frappe.db.exists("Email Account", DEMO_EMAIL_ACCOUNT):
			frappe.delete_doc("Email Account", DEMO_EMAIL_ACCOUNT, ignore_permissions=True)

		self.assertEqual(ensure_outgoing_email_account("mailpit", 1025), "created")
		account = frappe.get_doc("Email Account", DEMO_EMAIL_ACCOUNT)
		self.assertEqual(
			(account.email_id, account.smtp_server, account.smtp_port), (DEMO_SENDER, "mailpit", "1025")
		)
		self.assertEqual(
			(account.enable_outgoing, account.default_outgoing, account.no_smtp_authentication), (1, 1, 1)
		)
		self.assertEqual((account.use_tls, account.use_ssl_for_outgoing, account.enable_incoming), (0, 0, 0))
		self.assertEqual(
			frappe.get_all("Email Account", filters={"default_outgoing": 1}, pluck="name"),
			[DEMO_EMAIL_ACCOUNT],
		)

		self.assertEqual(ensure_outgoing_email_account("mailpit", 1025), "existing")
		self.assertEqual(ensure_outgoing_email_account("smtp.example.org", 2525), "updated")
		self.assertEqual(
			frappe.db.get_value("Email Account", DEMO_EMAIL_ACCOUNT, ["smtp_server", "smtp_port"]),
			("smtp.example.org", "2525"),
		)

	def test_scheduled_jobs_dated_in_the_future_run_from_now(self):
		job = frappe.get_all(
			"Scheduled Job Type", filters={"stopped": 0, "frequency": "All"}, pluck="name", limit=1
		)[0]
		ahead = add_to_date(now_datetime(), hours=4, minutes=30)
		frappe.db.set_value("Scheduled Job Type", job, {"creation": ahead, "last_execution": None})

		self.assertGreaterEqual(release_scheduled_jobs(), 1)
		doc = frappe.get_doc("Scheduled Job Type", job)
		self.assertLessEqual(doc.last_execution, now_datetime())
		self.assertLess(doc.get_next_execution(), add_to_date(now_datetime(), minutes=10))
		self.assertEqual(release_scheduled_jobs(), 0)
