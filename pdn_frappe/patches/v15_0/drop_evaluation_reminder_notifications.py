"""The questionnaire reminders are Email Templates now (pdn_frappe.mail): the standard Notification
records that sent them are gone from the code and go from existing sites."""

import frappe


def execute():
	for name in ("Evaluation Reminder", "Evaluation Overdue"):
		if frappe.db.exists("Notification", {"name": name, "module": "Evaluation", "is_standard": 1}):
			frappe.delete_doc("Notification", name, force=True, ignore_permissions=True)
