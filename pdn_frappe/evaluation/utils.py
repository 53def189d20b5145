"""Bridges between the evaluation rules of :mod:`pdn_frappe.domain.evaluation` and Frappe.

Periods read from a document's fields, French labels of periods, and the French messages of the
problems the domain reports (from the table of :mod:`pdn_frappe.errors`).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, format_date, getdate

from pdn_frappe import errors, exceptions
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain import periods
from pdn_frappe.settings import get_settings

DOCTYPE = "PdN Evaluation"


# ---------------------------------------------------------------- periods


def period_label(period: periods.Period) -> str:
	"""The label of a period in the user's language: "T1 2025" or "Année 2025" in French."""
	return periods.label(period, _)


def period_of(doc) -> periods.Period:
	"""The period of a questionnaire (or of report filters), or a French error."""
	try:
		return periods.make_period(
			doc.get("period_type") or periods.QUARTER, doc.get("year"), doc.get("quarter")
		)
	except periods.PeriodError as error:
		errors.throw(error)


def due_date_of(period: periods.Period) -> str:
	return str(rules.due_date(period, get_settings().evaluation_due_days))


# ---------------------------------------------------------------- consistency messages


def _label(meta, fieldname: str) -> str:
	return _(meta.get_label(fieldname)) if meta.has_field(fieldname) else fieldname


def problem_message(problem: rules.Problem, meta) -> str:
	"""One French sentence for a problem reported by :func:`rules.check_indicators` or
	:func:`rules.check_complete` (the table of :mod:`pdn_frappe.errors`)."""
	return errors.message(
		errors.QUESTIONNAIRE,
		problem.code,
		problem.values,
		label=_label(meta, problem.fields[0]),
		other=_label(meta, problem.fields[1]) if len(problem.fields) > 1 else "",
		youths=_label(meta, "youths_contacted"),
		parents=_label(meta, "parents_contacted"),
	)


def throw_problems(problems: list[rules.Problem], meta, exc, title: str) -> None:
	if not problems:
		return
	messages = [problem_message(problem, meta) for problem in problems]
	if len(messages) == 1:
		frappe.throw(messages[0], exc=exc, title=title)
	frappe.throw(messages, exc=exc, title=title, as_list=True)


# ---------------------------------------------------------------- misc


def format_day(value) -> str:
	return format_date(getdate(value)) if value else ""


# ---------------------------------------------------------------- report filters


def report_periods(filters) -> list[periods.Period]:
	"""The questionnaire periods a report covers: an annual questionnaire's year, one quarter, or
	the four quarters of the year when no quarter is chosen."""
	year = cint(filters.get("year"))
	if not year:
		frappe.throw(_("Choose the year of the report."), exc=exceptions.InvalidEvaluationPeriodError)
	period_type = filters.get("period_type") or periods.QUARTER
	try:
		if period_type == periods.YEAR:
			return [periods.Period(year)]
		if filters.get("quarter"):
			return [periods.Period(year, periods.parse_quarter(filters.get("quarter")))]
		return list(periods.Period(year).quarters())
	except periods.PeriodError as error:
		errors.throw(error)


def status_labels() -> dict[str, str]:
	"""French labels of the follow-up statuses of :mod:`pdn_frappe.domain.evaluation`."""
	return {
		rules.ANSWERED: _("Answered"),
		rules.ANSWERED_LATE: _("Answered late"),
		rules.IN_PROGRESS: _("In progress"),
		rules.MISSING: _("Missing"),
		rules.OVERDUE: _("Overdue"),
		rules.NOT_EXPECTED: _("Not expected"),
	}
