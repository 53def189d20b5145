"""Daily jobs of the animation module (``scheduler_events`` in hooks.py).

* the coordinators are reminded of a coordination report some days before it is due to the CAF
  (15 January, 15 April, 15 July, 15 November) and the day after, when it was not sent;
* the coordinators are reminded, once per check cycle, of the resource referents whose details
  were last checked a year ago (``referent_check_months`` of PdN Settings).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import escape_html, format_date, get_url, get_url_to_form, getdate, nowdate

from pdn_frappe.animation import mail
from pdn_frappe.animation.utils import department_team
from pdn_frappe.domain import periods
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.settings import get_settings


def _coordinated_departments() -> list[str]:
	"""Departments with at least one coordinator in their team."""
	return sorted(
		set(
			frappe.get_all(
				"PdN Department Member",
				filters={"parenttype": "PdN Department", "role": COORDINATOR},
				pluck="parent",
			)
		)
	)


def _period_label(period: periods.Period) -> str:
	"""“of Q3 2026” / “of the year 2026”, to follow “The coordination report”."""
	if period.quarter is None:
		return _("of the year {0}").format(period.year)
	return _("of Q{0} {1}").format(period.quarter, period.year)


def send_report_reminders(today=None) -> int:
	"""Remind coordinators of the reports due soon or overdue. Returns the number of e-mails."""
	today = getdate(today or nowdate())
	days = get_settings().report_reminder_days
	sent = 0
	for period, kind in periods.periods_due_around(today, days):
		for department in _coordinated_departments():
			filters = {
				"department": department,
				"period_type": period.period_type,
				"year": period.year,
				"docstatus": 1,
			}
			if period.quarter:
				filters["quarter"] = periods.quarter_value(period.quarter)
			if frappe.db.exists("PdN Coordination Report", filters):
				continue
			coordinators = department_team(department, COORDINATOR)
			if not coordinators:
				continue
			due = format_date(periods.report_due_date(period))
			if kind == "overdue":
				subject = _("Coordination report {0} overdue").format(_period_label(period))
				intro = _("The coordination report {0} was due to the CAF on {1} and has not been sent.")
			else:
				subject = _("Coordination report due on {0}").format(due)
				intro = _("The coordination report {0} is due to the CAF on {1}.")
			message = '<p>{}</p><p>{}</p><p><a href="{}">{}</a></p>'.format(
				intro.format(frappe.bold(_period_label(period)), frappe.bold(due)),
				_(
					"It comes prefilled from your log, the trainings and the meetings: complete it and submit it."
				),
				get_url("/app/pdn-coordination-report"),
				_("Coordination reports"),
			)
			mail.send_to_users(coordinators, subject, message, "PdN Coordination Report")
			sent += 1
	return sent


def send_referent_check_reminders(today=None) -> int:
	"""E-mail each department's coordinators the referents to check again, once per check cycle."""
	today = getdate(today or nowdate())
	due = frappe.get_all(
		"PdN Resource Referent",
		filters={"next_check_due": ("<=", today), "check_reminder_sent_on": ("is", "not set")},
		fields=["name", "full_name", "organisation", "department", "next_check_due"],
		order_by="department asc, next_check_due asc",
	)
	by_department: dict[str, list] = {}
	for row in due:
		by_department.setdefault(row.department, []).append(row)
	sent = 0
	for department, rows in by_department.items():
		coordinators = department_team(department, COORDINATOR)
		if coordinators:
			items = "".join(
				'<li><a href="{}">{}</a>{}</li>'.format(
					get_url_to_form("PdN Resource Referent", row.name),
					escape_html(row.full_name),
					f" ({escape_html(row.organisation)})" if row.organisation else "",
				)
				for row in rows
			)
			message = "<p>{}</p><ul>{}</ul><p>{}</p>".format(
				_("These resource people of the address book were last checked a while ago:"),
				items,
				_("Check that their details are still right, then use the Mark as checked button."),
			)
			mail.send_to_users(
				coordinators,
				_("Address book: {0} resource people to check").format(len(rows)),
				message,
				"PdN Resource Referent",
			)
			sent += 1
			for row in rows:
				frappe.db.set_value(
					"PdN Resource Referent", row.name, "check_reminder_sent_on", today, update_modified=False
				)
	return sent
