"""Bridges between the evaluation rules of :mod:`pdn_frappe.domain.evaluation` and Frappe.

Periods read from a document's fields, French labels of periods, and French messages for the
problems the domain reports, raised with the app's own exception classes.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, format_date, getdate

from pdn_frappe import exceptions
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
		if error.code == "invalid_quarter":
			message = _("Choose the quarter of the questionnaire (1 to 4).")
		elif error.code == "invalid_year":
			message = _("{0} is not a possible year for a questionnaire.").format(frappe.bold(error.value))
		else:
			message = _("{0} is not a possible period type.").format(frappe.bold(error.value))
		frappe.throw(message, exc=exceptions.InvalidEvaluationPeriodError, title=_("Invalid period"))


def due_date_of(period: periods.Period) -> str:
	return str(rules.due_date(period, get_settings().evaluation_due_days))


# ---------------------------------------------------------------- consistency messages


def _label(meta, fieldname: str) -> str:
	return _(meta.get_label(fieldname)) if meta.has_field(fieldname) else fieldname


def _number(value) -> str:
	value = rules.number(value) if value not in (None, "") else 0
	return frappe.bold(int(value) if float(value).is_integer() else round(value, 2))


def problem_message(problem: rules.Problem, meta) -> str:
	"""One French sentence for a problem reported by :func:`rules.check_indicators` or
	:func:`rules.check_complete`."""
	label = _label(meta, problem.fields[0])
	values = problem.values
	if problem.code == "negative":
		return _("{0} cannot be negative ({1}).").format(label, _number(values[0]))
	if problem.code == "not_whole":
		return _("{0} must be a whole number, not {1}.").format(label, _number(values[0]))
	if problem.code == "not_a_number":
		return _("{0}: {1} is not a number.").format(label, frappe.bold(values[0]))
	if problem.code == "hours_exceed_period":
		return _("{0}: {1} hours is more than the {2} hours the whole period lasts.").format(
			label, _number(values[0]), _number(values[1])
		)
	if problem.code == "part_exceeds_total":
		return _("{0} ({1}) cannot be more than {2} ({3}).").format(
			label, _number(values[0]), _label(meta, problem.fields[1]), _number(values[1])
		)
	if problem.code == "age_bands_exceed_total":
		return _(
			"The age bands add up to {0} young people, more than the {1} young people you exchanged with."
		).format(_number(values[0]), _number(values[1]))
	if problem.code == "activity_without_contacts":
		return _(
			"You report exchanges or projects but nobody you exchanged with: fill in {0} or {1}."
		).format(_label(meta, "youths_contacted"), _label(meta, "parents_contacted"))
	if problem.code == "invalid_rating":
		return _("{0}: give a rating from 1 to 5 stars.").format(label)
	if problem.code == "no_network":
		return _("Choose at least one network used during the period.")
	if problem.code == "missing_rating":
		return _("{0}: give a rating from 1 to 5 stars.").format(label)
	return _("{0}: invalid value.").format(label)


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
	except periods.PeriodError:
		frappe.throw(
			_("{0} is not a possible year for a questionnaire.").format(frappe.bold(year)),
			exc=exceptions.InvalidEvaluationPeriodError,
		)


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
