"""SQL aggregation behind the coordination report: the log, the trainings and network meetings,
the steering meetings and the questionnaires of one department over one period.

The steering meetings (``PdN Steering Meeting``) and the questionnaires (``PdN Evaluation``) are
doctypes of other modules: they are counted when they are installed and ignored otherwise.
"""

from __future__ import annotations

import datetime

import frappe
from frappe.query_builder.functions import Count, Date, Sum

from pdn_frappe.animation.utils import doctype_exists
from pdn_frappe.domain import animation, coordination
from pdn_frappe.queries import child_rows

STEERING_MEETING = "PdN Steering Meeting"
EVALUATION = "PdN Evaluation"
#: date fields that tell when a steering meeting was held, in order of preference
STEERING_DATE_FIELDS = ("meeting_date", "date", "held_on", "starts_on", "meeting_on")
#: date fields that tell when a questionnaire was answered, in order of preference
EVALUATION_DATE_FIELDS = ("submitted_on", "answered_on", "received_on", "filled_on")


def activity_rows(department: str, start: datetime.date, end: datetime.date) -> list[dict]:
	activity = frappe.qb.DocType("PdN Coordination Activity")
	return (
		frappe.qb.from_(activity)
		.select(
			activity.kind,
			activity.mission_axis,
			Count(activity.name).as_("count"),
			Sum(activity.hours).as_("hours"),
		)
		.where(activity.department == department)
		.where(activity.activity_date.between(start, end))
		.groupby(activity.kind, activity.mission_axis)
		.run(as_dict=True)
	)


def mission_rows(department: str, start: datetime.date, end: datetime.date) -> list[dict]:
	"""Hours of the log by mission (and, for both missions, the part that went to parenting)."""
	activity = frappe.qb.DocType("PdN Coordination Activity")
	return (
		frappe.qb.from_(activity)
		.select(
			activity.mission,
			Sum(activity.hours).as_("hours"),
			Sum(activity.parenting_hours).as_("parenting_hours"),
		)
		.where(activity.department == department)
		.where(activity.activity_date.between(start, end))
		.groupby(activity.mission)
		.run(as_dict=True)
	)


def session_rows(department: str, start: datetime.date, end: datetime.date) -> list[dict]:
	"""Trainings and network meetings of the period (not cancelled), grouped by kind."""
	training = frappe.qb.DocType("PdN Training")
	rows = (
		frappe.qb.from_(training)
		.select(
			training.kind,
			Count(training.name).as_("count"),
			Sum(training.hours).as_("hours"),
			Sum(training.days).as_("days"),
			Sum(training.attended_count).as_("participants"),
		)
		.where(training.department == department)
		.where(training.status != animation.CANCELLED)
		.where(Date(training.starts_on).between(start, end))
		.groupby(training.kind)
		.run(as_dict=True)
	)
	return rows


def theme_rows(department: str, start: datetime.date, end: datetime.date) -> list[dict]:
	"""How many activities and sessions of the period addressed each theme."""
	activity, theme, query = child_rows("PdN Coordination Activity", "PdN Theme Row")
	from_activities = (
		query.select(theme.theme, Count(theme.name).as_("count"))
		.where(activity.department == department)
		.where(activity.activity_date.between(start, end))
		.groupby(theme.theme)
		.run(as_dict=True)
	)
	training, theme, query = child_rows("PdN Training", "PdN Theme Row")
	from_sessions = (
		query.select(theme.theme, Count(theme.name).as_("count"))
		.where(training.department == department)
		.where(training.status != animation.CANCELLED)
		.where(Date(training.starts_on).between(start, end))
		.groupby(theme.theme)
		.run(as_dict=True)
	)
	return from_activities + from_sessions


def _date_field(doctype: str, candidates: tuple[str, ...]) -> str | None:
	meta = frappe.get_meta(doctype)
	for fieldname in candidates:
		field = meta.get_field(fieldname)
		if field and field.fieldtype in ("Date", "Datetime"):
			return fieldname
	first = next(
		(df.fieldname for df in meta.fields if df.fieldtype in ("Date", "Datetime") and df.reqd), None
	)
	return first


def count_in_period(
	doctype: str, department: str, start: datetime.date, end: datetime.date, date_fields: tuple[str, ...]
) -> int:
	"""Records of an optional doctype of ``department`` dated within the period (0 when absent).

	Submittable doctypes count their submitted records only; cancelled ones never count.
	"""
	if not doctype_exists(doctype):
		return 0
	meta = frappe.get_meta(doctype)
	if not meta.has_field("department"):
		return 0
	table = frappe.qb.DocType(doctype)
	fieldname = _date_field(doctype, date_fields)
	moment = table[fieldname] if fieldname else table.creation
	query = (
		frappe.qb.from_(table)
		.select(Count(table.name))
		.where(table.department == department)
		.where(Date(moment).between(start, end))
		.where(table.docstatus == 1 if meta.is_submittable else table.docstatus < 2)
	)
	if meta.has_field("status"):
		query = query.where(table.status.isnull() | (table.status != "Cancelled"))
	return query.run()[0][0] or 0


def count_questionnaires(department: str, start: datetime.date, end: datetime.date) -> int:
	"""Questionnaires of the department's promeneurs about the period (or a part of it), received.

	A quarterly report counts the questionnaires on its quarter; an annual report those on the
	quarters of its year and on the year itself. Without period fields on the questionnaire, those
	answered during the period count.
	"""
	if not doctype_exists(EVALUATION):
		return 0
	meta = frappe.get_meta(EVALUATION)
	if not (meta.has_field("period_start") and meta.has_field("period_end") and meta.has_field("department")):
		return count_in_period(EVALUATION, department, start, end, EVALUATION_DATE_FIELDS)
	evaluation = frappe.qb.DocType(EVALUATION)
	return (
		frappe.qb.from_(evaluation)
		.select(Count(evaluation.name))
		.where(evaluation.department == department)
		.where(evaluation.docstatus == 1)
		.where(evaluation.period_start >= start)
		.where(evaluation.period_end <= end)
		.run()[0][0]
		or 0
	)


def promeneur_counts(department: str, start: datetime.date, end: datetime.date) -> dict:
	"""Active promeneurs at the end of the period and promeneurs who became active during it."""
	promeneur = frappe.qb.DocType("PdN Promeneur")
	member = (
		(promeneur.department == department)
		& (promeneur.status != "Candidate")
		& promeneur.active_since.isnotnull()
	)
	active = (
		frappe.qb.from_(promeneur)
		.select(Count(promeneur.name))
		.where(member)
		.where(promeneur.active_since <= end)
		.where(promeneur.ended_on.isnull() | (promeneur.ended_on > end))
		.run()[0][0]
	)
	new = (
		frappe.qb.from_(promeneur)
		.select(Count(promeneur.name))
		.where(member)
		.where(promeneur.active_since.between(start, end))
		.run()[0][0]
	)
	return {"active_promeneurs": active or 0, "new_promeneurs": new or 0}


def report_figures(department: str, start: datetime.date, end: datetime.date) -> dict:
	"""Every figure of a coordination report on ``department`` from ``start`` to ``end``."""
	figures = animation.build_report_figures(
		activity_rows(department, start, end),
		session_rows(department, start, end),
		theme_rows(department, start, end),
		steering_meetings=count_in_period(STEERING_MEETING, department, start, end, STEERING_DATE_FIELDS),
		questionnaires=count_questionnaires(department, start, end),
	)
	result = figures.as_dict()
	result.update(promeneur_counts(department, start, end))
	result.update(coordination.mission_split(mission_rows(department, start, end)))
	return result
