# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Suivi des évaluations: for each period, each promeneur who owes a questionnaire, and where it is.

One line per promeneur and period: answered (on time or late), in progress (a draft), missing
(not due yet) or overdue, with the due date, the submission date and the last reminder sent.
Promeneurs are those who owe the questionnaire (their activity overlaps the period, see
:func:`pdn_frappe.domain.evaluation.is_expected`) plus any who answered anyway; the department and
structure filters apply to the promeneurs' current record.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Max
from frappe.utils import getdate, nowdate

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import aggregates, queries, utils
from pdn_frappe.settings import get_settings

STATUS_COLOURS = {
	rules.ANSWERED: "green",
	rules.ANSWERED_LATE: "blue",
	rules.IN_PROGRESS: "orange",
	rules.MISSING: "yellow",
	rules.OVERDUE: "red",
	rules.NOT_EXPECTED: "grey",
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	periods = utils.report_periods(filters)
	rows = follow_up_rows(filters, periods)
	if filters.get("status"):
		shown = [row for row in rows if row["status_code"] == filters.status]
	else:
		shown = rows
	return get_columns(), shown, None, get_chart(rows, periods), get_summary(rows)


def follow_up_rows(filters, periods: list[Period], today=None) -> list[dict]:
	today = getdate(today or nowdate())
	due_days = get_settings().evaluation_due_days
	p = frappe.qb.DocType(queries.PROMENEUR)
	e = frappe.qb.DocType(queries.EVALUATION)
	s = frappe.qb.DocType("PdN Structure")
	reminders = last_reminders([period.key for period in periods])
	labels = utils.status_labels()
	rows = []
	for period in periods:
		due = rules.due_date(period, due_days)
		label = utils.period_label(period)
		query = (
			frappe.qb.from_(p)
			.left_join(e)
			.on((e.promeneur == p.name) & (e.period == period.key) & (e.docstatus < 2))
			.left_join(s)
			.on(s.name == p.structure)
			.select(
				p.name.as_("promeneur"),
				p.full_name,
				p.structure,
				s.structure_name,
				p.department,
				p.status.as_("promeneur_status"),
				p.active_since,
				p.ended_on,
				e.name.as_("evaluation"),
				e.docstatus,
				e.submitted_on,
			)
			.where(queries.expected_criterion(p, period) | e.name.isnotnull())
			.orderby(p.department)
			.orderby(p.full_name)
		)
		query = queries.where_all(query, aggregates.promeneur_criteria(p, filters))
		for row in query.run(as_dict=True):
			status = rules.follow_up_status(
				expected=rules.is_expected(period, row.promeneur_status, row.active_since, row.ended_on),
				submitted_on=row.submitted_on if row.docstatus == 1 else None,
				has_draft=bool(row.evaluation) and row.docstatus == 0,
				due=due,
				today=today,
			)
			rows.append(
				{
					"period": period.key,
					"period_label": label,
					"promeneur": row.promeneur,
					"full_name": row.full_name,
					"structure": row.structure,
					"structure_name": row.structure_name,
					"department": row.department,
					"status": labels[status],
					"status_code": status,
					"due_date": due,
					"submitted_on": row.submitted_on if row.docstatus == 1 else None,
					"evaluation": row.evaluation,
					"reminded_on": reminders.get((row.promeneur, period.key)),
				}
			)
	rows.sort(key=lambda r: (r["department"] or "", r["full_name"] or "", r["period"]))
	return rows


def last_reminders(period_keys: list[str]) -> dict:
	"""(promeneur, period) -> date of the last reminder e-mailed to the promeneur."""
	t = frappe.qb.DocType("PdN Evaluation Reminder")
	rows = (
		frappe.qb.from_(t)
		.select(t.promeneur, t.period, Max(t.sent_on).as_("sent_on"))
		.where((t.audience == "Promeneur") & t.period.isin(period_keys))
		.groupby(t.promeneur, t.period)
		.run(as_dict=True)
	)
	return {(row.promeneur, row.period): row.sent_on for row in rows}


def get_columns() -> list[dict]:
	return [
		{"fieldname": "period_label", "label": _("Period"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "promeneur",
			"label": _("Promeneur"),
			"fieldtype": "Link",
			"options": "PdN Promeneur",
			"width": 150,
		},
		{"fieldname": "full_name", "label": _("Full name"), "fieldtype": "Data", "width": 180},
		{"fieldname": "structure_name", "label": _("Structure"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "department",
			"label": _("Department"),
			"fieldtype": "Link",
			"options": "PdN Department",
			"width": 100,
		},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 130},
		{"fieldname": "due_date", "label": _("Due date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "submitted_on", "label": _("Submitted on"), "fieldtype": "Date", "width": 110},
		{"fieldname": "reminded_on", "label": _("Reminded on"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "evaluation",
			"label": _("Questionnaire"),
			"fieldtype": "Link",
			"options": "PdN Evaluation",
			"width": 220,
		},
	]


CHART_STATUSES = (rules.ANSWERED, rules.ANSWERED_LATE, rules.IN_PROGRESS, rules.MISSING, rules.OVERDUE)


def get_chart(rows: list[dict], periods: list[Period]) -> dict:
	labels = utils.status_labels()
	counts = {(period.key, status): 0 for period in periods for status in CHART_STATUSES}
	for row in rows:
		key = (row["period"], row["status_code"])
		if key in counts:
			counts[key] += 1
	return {
		"data": {
			"labels": [utils.period_label(period) for period in periods],
			"datasets": [
				{"name": labels[status], "values": [counts[(period.key, status)] for period in periods]}
				for status in CHART_STATUSES
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#29a745", "#2490ef", "#f8814f", "#ecad4b", "#e24c4c"],
		"height": 260,
	}


def get_summary(rows: list[dict]) -> list[dict]:
	counts = rules.follow_up_counts(row["status_code"] for row in rows)
	response = rules.follow_up_response_rate(counts)
	owed = sum(v for k, v in counts.items() if k != rules.NOT_EXPECTED)
	return [
		{"value": owed, "label": _("Questionnaires expected"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": counts[rules.ANSWERED] + counts[rules.ANSWERED_LATE],
			"label": _("Answered"),
			"datatype": "Int",
			"indicator": "Green",
		},
		{
			"value": response,
			"label": _("Response rate (%)"),
			"datatype": "Percent",
			"indicator": rules.response_indicator(response),
		},
		{
			"value": counts[rules.IN_PROGRESS],
			"label": _("In progress"),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{"value": counts[rules.MISSING], "label": _("Missing"), "datatype": "Int", "indicator": "Orange"},
		{"value": counts[rules.OVERDUE], "label": _("Overdue"), "datatype": "Int", "indicator": "Red"},
	]
