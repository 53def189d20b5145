"""Context of the alert sent to a coordinator about overdue questionnaires.

The daily job (:mod:`pdn_frappe.evaluation.reminders`) puts the period and, for each of the
coordinator's departments, the promeneurs who have not answered in the User document's flags.
"""

from frappe import _


def get_context(context):
	info = context["doc"].flags.get("evaluation_overdue") or {}
	context["overdue"] = info
	missing = sum(len(department.get("promeneurs") or []) for department in info.get("departments") or [])
	context["overdue_subject"] = _("Promeneurs du Net: {0} questionnaires for {1} are overdue").format(
		missing, info.get("period_label", "")
	)
	return context
