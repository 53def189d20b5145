"""Number cards of the coordination workspace (Custom cards: whitelisted methods).

"This quarter" means the questionnaires that fall due during the calendar quarter in progress: with
a due date a few days after the end of each period, the questionnaires of the previous quarter,
which the promeneurs are answering now. Each card follows the user's User Permissions (a
coordinator sees their department, a structure manager their structure).
"""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import QUARTER, Period, last_ended_period, period_containing, quarter_value
from pdn_frappe.evaluation import aggregates
from pdn_frappe.settings import get_settings

FOLLOW_UP = "Evaluation Follow-up"
ACTIVITY = "Promeneurs Activity Report"


def periods_due_this_quarter(today=None) -> list[Period]:
	conf = get_settings()
	quarter = period_containing(getdate(today or nowdate()), QUARTER)
	return rules.periods_due_in(quarter, conf.evaluation_due_days, conf.evaluation_period_type)


def figures_due_this_quarter(today=None) -> tuple[list[Period], rules.ActivityFigures]:
	"""Figures of the questionnaires due this quarter, added up over their periods."""
	frappe.has_permission("PdN Evaluation", "read", throw=True)
	periods = periods_due_this_quarter(today)
	total = rules.ActivityFigures()
	for period in periods:
		figures = aggregates.activity_figures(
			{
				"period_type": period.period_type,
				"year": period.year,
				"quarter": quarter_value(period.quarter),
			}
		)
		total.expected += figures.expected
		total.answered += figures.answered
		total.sums[rules.HOURS_FIELD] = total.total(rules.HOURS_FIELD) + figures.total(rules.HOURS_FIELD)
	return periods, total


def _route_options(periods: list[Period]) -> dict:
	if not periods:
		return {}
	period = periods[-1]
	return {
		"period_type": period.period_type,
		"year": period.year,
		"quarter": quarter_value(period.quarter),
	}


@frappe.whitelist()
@frappe.read_only()
def questionnaires_due_this_quarter(filters=None) -> dict:
	periods, figures = figures_due_this_quarter()
	return {
		"value": figures.expected,
		"fieldtype": "Int",
		"route": ["query-report", FOLLOW_UP],
		"route_options": _route_options(periods),
	}


@frappe.whitelist()
@frappe.read_only()
def response_rate_this_quarter(filters=None) -> dict:
	periods, figures = figures_due_this_quarter()
	return {
		"value": rules.rate(figures.answered, figures.expected) or 0,
		"fieldtype": "Percent",
		"route": ["query-report", FOLLOW_UP],
		"route_options": _route_options(periods),
	}


@frappe.whitelist()
@frappe.read_only()
def hours_online_this_quarter(filters=None) -> dict:
	periods, figures = figures_due_this_quarter()
	return {
		"value": figures.total(rules.HOURS_FIELD),
		"fieldtype": "Float",
		"route": ["query-report", ACTIVITY],
		"route_options": _route_options(periods),
	}


def last_overdue_period(today=None) -> Period | None:
	"""The latest period whose questionnaires are past their due date."""
	conf = get_settings()
	today = getdate(today or nowdate())
	period = last_ended_period(today, conf.evaluation_period_type)
	for _attempt in range(2):
		if rules.is_overdue(period, today, conf.evaluation_due_days):
			return period
		period = period.previous()
	return None


@frappe.whitelist()
@frappe.read_only()
def questionnaires_overdue(filters=None) -> dict:
	"""Questionnaires still missing for the latest period past its due date."""
	frappe.has_permission("PdN Evaluation", "read", throw=True)
	period = last_overdue_period()
	missing = 0
	if period:
		figures = aggregates.activity_figures(
			{
				"period_type": period.period_type,
				"year": period.year,
				"quarter": quarter_value(period.quarter),
			}
		)
		missing = max(figures.expected - figures.answered, 0)
	return {
		"value": missing,
		"fieldtype": "Int",
		"route": ["query-report", FOLLOW_UP],
		"route_options": _route_options([period] if period else []),
	}
