"""Context of the reminder sent to a promeneur whose questionnaire is missing.

The daily job (:mod:`pdn_frappe.evaluation.reminders`) puts the period in the promeneur
document's flags before it triggers the notification.
"""

from frappe import _


def get_context(context):
	info = context["doc"].flags.get("evaluation_reminder") or {}
	context["reminder"] = info
	context["reminder_subject"] = _("Promeneurs du Net: your questionnaire for {0} is due on {1}").format(
		info.get("period_label", ""), info.get("due_date", "")
	)
	return context
