# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Suivi des évaluations: for each period, each promeneur who owes a questionnaire, and where it is.

One line per promeneur and period: answered (on time or late), in progress (a draft), missing
(not due yet) or overdue, with the due date, the submission date and the last reminder sent.
Promeneurs are those who owe the questionnaire (their activity overlaps the period, see
:func:`pdn_frappe.domain.evaluation.is_expected`) plus any who answered anyway; the department and
structure filters apply to the promeneurs' current record.
"""

import datetime
from functools import reduce
from itertools import groupby
from operator import add

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Concat_ws, GroupConcat, IfNull
from frappe.utils import getdate, nowdate

from pdn_frappe import reports
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


@frappe.read_only()
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
	"""The lines of the report, sorted by department, name and period.

	One query whatever the number of periods: the promeneurs in the filters with, for each period,
	whether they owe its questionnaire (:func:`queries.expected_criterion`), the last reminder sent
	to them, and their questionnaires of the periods (drafts and submitted) packed in one column;
	Python unpacks them and writes the lines in one pass.
	"""
	today = getdate(today or nowdate())
	due_days = get_settings().evaluation_due_days
	people = promeneurs_owing(filters, periods)
	labels = utils.status_labels()
	columns = [
		(index, period.key, utils.period_label(period), rules.due_date(period, due_days))
		for index, period in enumerate(periods)
	]
	nothing = (None,)
	rows = []
	# promeneurs of the same department and name keep the order of the periods first, as one sort of
	# all the lines by (department, name, period) would give
	for _same, group in groupby(people, key=lambda person: (person[4] or "", person[1] or "")):
		group = list(group)
		answers = {person[0]: unpack(person[7]) for person in group}
		reminders = {person[0]: last_reminders(person[6]) for person in group}
		for index, key, label, due in columns:
			owes = 1 << index
			for person in group:
				name = person[0]
				found = answers[name].get(key)
				expected = person[5] & owes  # rules.is_expected, as the database applies it
				if found is None:
					if not expected:
						continue
					found = nothing
				for evaluation in found:
					docstatus = evaluation[1] if evaluation else None
					submitted_on = evaluation[2] if docstatus == 1 else None
					code = rules.follow_up_status(
						expected=bool(expected),
						submitted_on=submitted_on,
						has_draft=docstatus == 0,
						due=due,
						today=today,
					)
					rows.append(
						{
							"period": key,
							"period_label": label,
							"promeneur": name,
							"full_name": person[1],
							"structure": person[2],
							"structure_name": person[3],
							"department": person[4],
							"status": labels[code],
							"status_code": code,
							"due_date": due,
							"submitted_on": submitted_on,
							"evaluation": evaluation[0] if evaluation else None,
							"reminded_on": reminders[name].get(key),
						}
					)
	return rows


def promeneurs_owing(filters, periods: list[Period]) -> list[tuple]:
	"""(name, full name, structure, structure name, department, the periods whose questionnaire they
	owe as bits (1 for the first period, 2 for the second...), the days reminders were e-mailed to
	them for the periods (``period|day`` joined by commas, see :func:`last_reminders`), and their
	questionnaires of the periods packed by :func:`packed`), sorted by department, name and
	promeneur."""
	p = frappe.qb.DocType(queries.PROMENEUR)
	s = frappe.qb.DocType("PdN Structure")
	t = frappe.qb.DocType("PdN Evaluation Reminder")
	criteria = aggregates.promeneur_criteria(p, filters)

	def build():
		owes = reduce(
			add,
			(
				Case().when(queries.expected_criterion(p, period), 1 << index).else_(0)
				for index, period in enumerate(periods)
			),
		)
		keys = [period.key for period in periods]
		reminded = (
			frappe.qb.from_(t)
			.select(GroupConcat(Concat_ws(FIELDS, t.period, t.sent_on)))
			.where((t.audience == "Promeneur") & t.period.isin(keys) & (t.promeneur == p.name))
		)
		query = frappe.qb.from_(p).left_join(s).on(s.name == p.structure)
		query = query.select(
			p.name,
			p.full_name,
			p.structure,
			s.structure_name,
			p.department,
			owes,
			reminded,
			packed(p, keys),
		)
		return queries.where_all(query, criteria)

	key = ("follow-up promeneurs", queries.criteria_key(criteria), *(period.key for period in periods))
	people = queries.run_rendered(key, build)
	return sorted(people, key=lambda person: (person[4] or "", person[1] or "", person[0]))


#: separators of the packed questionnaires: between questionnaires, between their fields
ITEMS, FIELDS = ",", "|"


def packed(p, period_keys: list[str]):
	"""The questionnaires (drafts and submitted) of the promeneur ``p`` for the periods, as one text:
	``period|name|docstatus|submitted on`` joined by commas (none of these values holds either).
	A subquery a promeneur, read from the index of the questionnaires by promeneur and period."""
	e = frappe.qb.DocType(queries.EVALUATION)
	fields = Concat_ws(FIELDS, e.period, e.name, e.docstatus, IfNull(e.submitted_on, ""))
	return (
		frappe.qb.from_(e)
		.select(GroupConcat(fields))
		.where((e.promeneur == p.name) & e.period.isin(period_keys) & (e.docstatus < 2))
	)


def last_reminders(text: str | None) -> dict[str, datetime.date]:
	"""period -> the day of the last reminder, from the ``period|day`` texts joined by commas."""
	last: dict[str, datetime.date] = {}
	for item in text.split(ITEMS) if text else ():
		period, day = item.split(FIELDS)
		day = datetime.date.fromisoformat(day[:10])
		if period not in last or day > last[period]:
			last[period] = day
	return last


def unpack(text: str | None) -> dict[str, list[tuple]]:
	"""period -> [(questionnaire, docstatus, submitted on)] from :func:`packed`'s text (the rule
	allows one a period; any more are listed too)."""
	found: dict[str, list[tuple]] = {}
	for item in text.split(ITEMS) if text else ():
		period, name, docstatus, submitted_on = item.split(FIELDS)
		submitted = datetime.date.fromisoformat(submitted_on[:10]) if submitted_on else None
		found.setdefault(period, []).append((name, int(docstatus), submitted))
	return found


def get_columns() -> list[dict]:
	return reports.columns(
		"period_label promeneur full_name structure_title department status due_date",
		"submitted_on reminded_on evaluation",
	)


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
