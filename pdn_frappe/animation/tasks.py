"""Daily jobs of the animation module (``scheduler_events`` in hooks.py).

* the coordinators are reminded of a coordination report some days before it is due to the CAF
  (15 January, 15 April, 15 July, 15 November) and the day after, when it was not sent;
* the coordinators are reminded, once per check cycle, of the resource referents whose details
  were last checked a year ago (``referent_check_months`` of PdN Settings).
"""

from __future__ import annotations

import frappe
from frappe.utils import format_date, get_url, get_url_to_form, getdate, nowdate

from pdn_frappe import mail
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
			if mail.send(
				"PdN Coordination Report Overdue" if kind == "overdue" else "PdN Coordination Report Due",
				sorted(set(department_team(department, COORDINATOR))),
				{
					"year": period.year,
					"quarter": period.quarter or "",
					"due_date": format_date(periods.report_due_date(period)),
					"reports_url": get_url("/app/pdn-coordination-report"),
				},
				reference_doctype="PdN Coordination Report",
			):
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
		referents = [
			{
				"full_name": row.full_name,
				"organisation": row.organisation or "",
				"url": get_url_to_form("PdN Resource Referent", row.name),
			}
			for row in rows
		]
		# without an outgoing account nothing is marked: the reminder goes out once there is one
		if mail.send(
			"PdN Referent Check",
			sorted(set(department_team(department, COORDINATOR))),
			{"referents": referents},
			reference_doctype="PdN Resource Referent",
		):
			sent += 1
			for row in rows:
				frappe.db.set_value(
					"PdN Resource Referent", row.name, "check_reminder_sent_on", today, update_modified=False
				)
	return sent
