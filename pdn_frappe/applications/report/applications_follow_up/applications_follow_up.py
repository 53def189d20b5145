# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""Applications follow-up: how many applications each call received per department and status,
and how long the coordination and the steering committee took. Aggregated in SQL."""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Avg, Count, Date, Max, Now, Sum, UnixTimestamp

from pdn_frappe import reports
from pdn_frappe.domain import applications as rules
from pdn_frappe.network import scope

DAY = 86400


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	summary = rules.follow_up_summary(rows)
	return get_columns(), rows, None, get_chart(rows), get_report_summary(summary)


def get_columns() -> list[dict]:
	return reports.columns(
		"application_call call_title department state_label count preselection_days",
		"decision_days oldest_pending_days last_submitted_on",
	)


def allowed_departments() -> list[str] | None:
	"""Departments whose applications the user may see (their scope), or None when not restricted."""
	allowed = scope.allowed_departments(doctype="PdN Application")
	return None if allowed is None else sorted(allowed)


def days(end, start):
	"""Whole days from the day of ``start`` (a datetime) to ``end`` (a date or a datetime)."""
	return (UnixTimestamp(Date(end)) - UnixTimestamp(Date(start))) / DAY


def get_rows(filters: frappe._dict) -> list[dict]:
	application = frappe.qb.DocType("PdN Application")
	call = frappe.qb.DocType("PdN Application Call")
	decided = application.workflow_state.isin([rules.ACCEPTED, rules.REJECTED])
	pending = application.workflow_state.isin(list(rules.PENDING_STATES))
	decision_days = Case().when(decided, days(application.decided_on, application.submitted_on))

	query = (
		frappe.qb.from_(application)
		.left_join(call)
		.on(call.name == application.application_call)
		.select(
			application.application_call,
			call.title.as_("call_title"),
			application.department,
			application.workflow_state.as_("state"),
			Count(application.name).as_("count"),
			Avg(days(application.preselected_on, application.submitted_on)).as_("preselection_days"),
			Avg(decision_days).as_("decision_days"),
			Sum(decision_days).as_("decision_days_total"),
			Sum(Case().when(decided, 1).else_(0)).as_("decided"),
			Max(Case().when(pending, days(Now(), application.submitted_on))).as_("oldest_pending_days"),
			Max(application.submitted_on).as_("last_submitted_on"),
		)
		.groupby(application.application_call, call.title, application.department, application.workflow_state)
		.orderby(application.application_call)
		.orderby(application.department)
		.orderby(application.workflow_state)
	)
	departments = allowed_departments()
	if departments is not None:
		if not departments:
			return []
		query = query.where(application.department.isin(departments))
	if filters.application_call:
		query = query.where(application.application_call == filters.application_call)
	if filters.department:
		query = query.where(application.department == filters.department)
	if filters.workflow_state:
		query = query.where(application.workflow_state == filters.workflow_state)
	if filters.from_date:
		query = query.where(application.submitted_on >= filters.from_date)
	if filters.to_date:
		query = query.where(application.submitted_on < frappe.utils.add_days(filters.to_date, 1))

	rows = query.run(as_dict=True)
	for row in rows:
		row.state_label = _(row.state or "", context="PdN Application")
		for key in ("preselection_days", "decision_days"):
			row[key] = round(float(row[key]), 1) if row[key] is not None else None
		row.oldest_pending_days = (
			int(row.oldest_pending_days) if row.oldest_pending_days is not None else None
		)
		row.last_submitted_on = frappe.utils.getdate(row.last_submitted_on) if row.last_submitted_on else None
	return rows


def get_chart(rows: list[dict]) -> dict | None:
	counts: dict[str, int] = {}
	for row in rows:
		counts[row.state] = counts.get(row.state, 0) + int(row["count"])
	states = [s for s in rules.STATES if counts.get(s)]
	if not states:
		return None
	return {
		"data": {
			"labels": [_(s) for s in states],
			"datasets": [{"name": _("Applications"), "values": [counts[s] for s in states]}],
		},
		"type": "bar",
		"colors": ["#2490ef"],
	}


def get_report_summary(summary: dict) -> list[dict]:
	return [
		{"value": summary["received"], "label": _("Applications received"), "datatype": "Int"},
		{"value": summary["pending"], "label": _("Under review"), "datatype": "Int", "indicator": "Blue"},
		{"value": summary["accepted"], "label": _("Accepted"), "datatype": "Int", "indicator": "Green"},
		{"value": summary["rejected"], "label": _("Rejected"), "datatype": "Int", "indicator": "Red"},
		{
			"value": one_decimal(summary["acceptance_rate"]),
			"label": _("Acceptance rate (%)"),
			"datatype": "Data",
		},
		{
			"value": one_decimal(summary["average_decision_days"]),
			"label": _("Average days to decision"),
			"datatype": "Data",
		},
	]


def one_decimal(value) -> str:
	if value is None:
		return "–"
	return frappe.format_value(value, {"fieldtype": "Float", "precision": 1})
