"""The commitments of each promeneur against their records, for the report and the number card.

The rules are :mod:`pdn_frappe.domain.commitments`; this module reads the records with a handful of
SQL queries per period (query builder: the promeneurs with their questionnaire, the collective
times they attended, the sessions their department held, the first welcome meeting of each
department, the charter signatures and the charter template in use), never document by document,
and writes the reasons in French. The user's scope applies to the promeneurs as it does to their
list: a coordinator or a CAF agent sees their department, a structure manager their structure.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Date, Min, Sum
from frappe.utils import flt, getdate, nowdate

from pdn_frappe.conventions import documents
from pdn_frappe.domain import animation
from pdn_frappe.domain import commitments as rules
from pdn_frappe.domain import evaluation as evaluation_rules
from pdn_frappe.domain.periods import Period, quarter_value
from pdn_frappe.evaluation import aggregates, queries, utils
from pdn_frappe.evaluation.dashboard import last_overdue_period
from pdn_frappe.queries import child_rows

REPORT = "Commitments Follow-up"
#: value of the report's shortfall filter that keeps every promeneur below any commitment
ANY_SHORTFALL = "any"
CHARTER_KIND = "Charter"


# ---------------------------------------------------------------- French wording


def shortfall_labels() -> dict[str, str]:
	"""Short French names of the shortfalls (chart, filter)."""
	return {
		rules.WEEKLY_HOURS_BELOW_MINIMUM: _("Weekly hours below the minimum"),
		rules.NO_QUESTIONNAIRE: _("Questionnaire not submitted"),
		rules.HOURS_BELOW_COMMITMENT: _("Hours online below the commitment"),
		rules.FEW_COLLECTIVE_TIMES: _("Too few collective times"),
		rules.NO_WELCOME_MEETING: _("No welcome meeting"),
		rules.NO_CHARTER: _("Charter not signed"),
		rules.OUTDATED_CHARTER: _("Charter outdated"),
	}


def hours_text(value) -> str:
	value = flt(value, 1)
	if value == int(value):
		return str(int(value))
	return frappe.format(value, {"fieldtype": "Float", "precision": 1})


def reason(shortfall: rules.Shortfall, due_date=None, charter_in_use: str | None = None) -> str:
	"""One French sentence saying why a commitment is not met (``due_date``: of the questionnaire;
	``charter_in_use``: the title of the charter template the department uses)."""
	values = shortfall.values
	if shortfall.code == rules.WEEKLY_HOURS_BELOW_MINIMUM:
		return _("{0} hours a week committed, below the charter's minimum of {1} hours").format(
			hours_text(values[0]), hours_text(values[1])
		)
	if shortfall.code == rules.NO_QUESTIONNAIRE:
		return _("Questionnaire not submitted, due on {0}").format(utils.format_day(due_date))
	if shortfall.code == rules.HOURS_BELOW_COMMITMENT:
		return _("{0} hours online reported for {1} hours committed").format(
			hours_text(values[0]), hours_text(values[1])
		)
	if shortfall.code == rules.FEW_COLLECTIVE_TIMES:
		return _("{0} collective times attended in twelve months, {1} expected").format(values[0], values[1])
	if shortfall.code == rules.NO_WELCOME_MEETING:
		return _("Welcome meeting not attended")
	if shortfall.code == rules.NO_CHARTER:
		return _("Charter not signed for the current structure")
	if shortfall.code == rules.OUTDATED_CHARTER:
		return _("Charter to sign again: signed on version {0}, “{1}” version {2} is in use").format(
			values[0] or "?", charter_in_use or "", values[1] or "?"
		)
	return shortfall.code


def charter_text(state: str, version: int | None) -> str:
	if state == rules.CHARTER_MISSING:
		return _("Not signed")
	if state == rules.CHARTER_OUTDATED:
		return _("Outdated version (v{0})").format(version or "?")
	return _("Signed (v{0})").format(version) if version else _("Signed")


def promeneur_status_label(status: str | None) -> str:
	return _(status) if status else ""


# ---------------------------------------------------------------- SQL


def _promeneurs(period: Period, filters, user: str | None):
	"""The promeneurs who owe commitments for ``period``, with their questionnaire of the period."""
	p = frappe.qb.DocType(queries.PROMENEUR)
	e = frappe.qb.DocType(queries.EVALUATION)
	s = frappe.qb.DocType("PdN Structure")
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
			p.status,
			p.active_since,
			p.ended_on,
			p.weekly_hours,
			p.welcome_meeting_attended,
			e.name.as_("evaluation"),
			e.docstatus,
			e.hours_online,
			e.submitted_on,
		)
		.where(queries.expected_criterion(p, period))
		.orderby(p.department)
		.orderby(p.full_name)
		.orderby(p.name)
	)
	return queries.where_all(query, aggregates.promeneur_criteria(p, filters, user)).run(as_dict=True)


def _attended(window, filters, user: str | None) -> dict[str, frappe._dict]:
	"""promeneur -> trainings and other collective times attended during ``window``."""
	p = frappe.qb.DocType(queries.PROMENEUR)
	training, participant, query = child_rows("PdN Training", "PdN Training Participant", "participants")
	is_training = training.kind == animation.TRAINING
	query = (
		query.join(p)
		.on(p.name == participant.promeneur)
		.select(
			participant.promeneur,
			Sum(Case().when(is_training, 1).else_(0)).as_("trainings"),
			Sum(Case().when(is_training, 0).else_(1)).as_("meetings"),
		)
		.where(participant.status == animation.ATTENDED)
		.where(training.status != animation.CANCELLED)
		.where(training.kind.isin(list(rules.COLLECTIVE_KINDS)))
		.where(Date(training.starts_on).between(window[0], window[1]))
		.groupby(participant.promeneur)
	)
	rows = queries.where_all(query, aggregates.promeneur_criteria(p, filters, user)).run(as_dict=True)
	return {row.promeneur: row for row in rows}


def _held(window, departments: list[str]) -> dict[str, int]:
	"""department -> collective times held during ``window`` (cancelled ones left out)."""
	if not departments:
		return {}
	training = frappe.qb.DocType("PdN Training")
	return dict(
		frappe.qb.from_(training)
		.select(training.department, Count(training.name))
		.where(training.department.isin(departments))
		.where(training.status != animation.CANCELLED)
		.where(training.kind.isin(list(rules.COLLECTIVE_KINDS)))
		.where(Date(training.starts_on).between(window[0], window[1]))
		.groupby(training.department)
		.run()
	)


def _first_welcome_meetings(departments: list[str], today) -> dict:
	"""department -> day of its first welcome meeting held up to ``today``."""
	if not departments:
		return {}
	training = frappe.qb.DocType("PdN Training")
	return {
		department: getdate(day)
		for department, day in (
			frappe.qb.from_(training)
			.select(training.department, Min(Date(training.starts_on)))
			.where(training.department.isin(departments))
			.where(training.status != animation.CANCELLED)
			.where(training.kind == animation.WELCOME_MEETING)
			.where(Date(training.starts_on) <= today)
			.groupby(training.department)
			.run()
		)
		if day
	}


def _charters(promeneurs: list[str]) -> dict[str, frappe._dict]:
	"""promeneur -> their latest submitted charter signature for their current structure."""
	if not promeneurs:
		return {}
	p = frappe.qb.DocType(queries.PROMENEUR)
	signature = frappe.qb.DocType("PdN Charter Signature")
	template = frappe.qb.DocType(documents.TEMPLATE)
	rows = (
		frappe.qb.from_(signature)
		.join(p)
		.on((p.name == signature.promeneur) & (p.structure == signature.structure))
		.left_join(template)
		.on(template.name == signature.template)
		.select(
			signature.promeneur,
			signature.signed_on,
			signature.template,
			signature.template_version,
			template.department.as_("template_department"),
		)
		.where(signature.docstatus == 1)
		.where(signature.promeneur.isin(promeneurs))
		.orderby(signature.signed_on)
		.orderby(signature.creation)
		.run(as_dict=True)
	)
	return {row.promeneur: row for row in rows}  # the latest one wins


def _charters_in_use(departments: list[str]) -> dict[str, frappe._dict]:
	"""department -> the charter template it uses today (its own, else the national one) as
	``template`` (a :class:`rules.CharterTemplate`) and ``title``; departments without one are left out."""
	result = {}
	for department in departments:
		name = documents.active_template(CHARTER_KIND, department)
		if name:
			version, template_department, title = frappe.db.get_value(
				documents.TEMPLATE, name, ["version", "department", "template_name"]
			)
			result[department] = frappe._dict(
				template=rules.CharterTemplate(name, version, template_department), title=title
			)
	return result


# ---------------------------------------------------------------- rows


def commitment_rows(filters, periods: list[Period], today=None, user: str | None = None) -> list[dict]:
	"""One row per promeneur and period: committed and reported figures, and the shortfalls."""
	filters = frappe._dict(filters or {})
	today = getdate(today or nowdate())
	labels = utils.status_labels()
	found = [(period, _promeneurs(period, filters, user)) for period in periods]
	names = sorted({row.promeneur for _period, rows in found for row in rows})
	departments = sorted({row.department for _period, rows in found for row in rows if row.department})
	first_welcome = _first_welcome_meetings(departments, today)
	charters = _charters(names)
	in_use = _charters_in_use(departments)
	result = []
	for period, rows in found:
		window = rules.follow_up_window(period.end, today)
		context = frappe._dict(
			period=period,
			label=utils.period_label(period),
			window=window,
			due=getdate(utils.due_date_of(period)),
			today=today,
			labels=labels,
			attended=_attended(window, filters, user) if rows else {},
			held=_held(window, departments),
			first_welcome=first_welcome,
			charters=charters,
			in_use=in_use,
		)
		result += [_row(row, context) for row in rows]
	result.sort(key=lambda r: (r["department"] or "", r["full_name"] or "", r["promeneur"], r["period"]))
	return result


def _row(row, context) -> dict:
	period, due, today = context.period, context.due, context.today
	submitted = row.docstatus == 1
	submitted_on = (getdate(row.submitted_on) if row.submitted_on else due) if submitted else None
	status = evaluation_rules.follow_up_status(
		expected=True,
		submitted_on=submitted_on,
		has_draft=bool(row.evaluation) and row.docstatus == 0,
		due=due,
		today=today,
	)
	times = context.attended.get(row.promeneur) or frappe._dict(trainings=0, meetings=0)
	trainings, meetings = int(times.trainings or 0), int(times.meetings or 0)
	signature = context.charters.get(row.promeneur)
	in_use = context.in_use.get(row.department)
	department_charter = in_use.template if in_use else None
	signed_on = (
		rules.CharterTemplate(signature.template, signature.template_version, signature.template_department)
		if signature
		else None
	)
	charter = rules.charter_state(bool(signature), signed_on, department_charter)
	record = rules.Record(
		weekly_hours=flt(row.weekly_hours),
		active_since=getdate(row.active_since) if row.active_since else None,
		ended_on=getdate(row.ended_on) if row.ended_on else None,
		questionnaire_submitted=submitted,
		questionnaire_overdue=today > due,
		hours_online=flt(row.hours_online) if submitted else None,
		collective_times=trainings + meetings,
		collective_times_held=int(context.held.get(row.department) or 0),
		welcome_meeting_attended=bool(row.welcome_meeting_attended),
		first_welcome_meeting=context.first_welcome.get(row.department),
		charter=charter,
		charter_version=signature.template_version if signature else None,
		charter_version_in_use=department_charter.version if department_charter else None,
	)
	assessment = rules.assess(record, period.start, period.end, context.window)
	if assessment.welcome_meeting_owed or record.welcome_meeting_attended:
		welcome = _("Yes") if record.welcome_meeting_attended else _("No")
	else:
		welcome = _("Not owed")
	return {
		"period": period.key,
		"period_label": context.label,
		"promeneur": row.promeneur,
		"full_name": row.full_name,
		"structure": row.structure,
		"structure_name": row.structure_name,
		"department": row.department,
		"promeneur_status": promeneur_status_label(row.status),
		"weekly_hours": flt(row.weekly_hours),
		"committed_hours": assessment.committed_hours,
		"hours_online": record.hours_online,
		"questionnaire": context.labels[status],
		"questionnaire_code": status,
		"evaluation": row.evaluation,
		"trainings": trainings,
		"meetings": meetings,
		"collective_times": record.collective_times,
		"required_collective_times": assessment.required_collective_times,
		"welcome_meeting": welcome,
		"welcome_meeting_attended": 1 if record.welcome_meeting_attended else 0,
		"charter": charter_text(charter, record.charter_version),
		"charter_code": charter,
		"shortfall_count": len(assessment.shortfalls),
		"shortfall_codes": assessment.codes,
		"shortfalls": "; ".join(
			reason(shortfall, due, in_use.title if in_use else None) for shortfall in assessment.shortfalls
		),
	}


def keep(rows: list[dict], shortfall: str | None) -> list[dict]:
	"""The rows the report's shortfall filter keeps: all, those below any commitment, or one kind."""
	if not shortfall:
		return rows
	if shortfall == ANY_SHORTFALL:
		return [row for row in rows if row["shortfall_count"]]
	return [row for row in rows if shortfall in row["shortfall_codes"]]


# ---------------------------------------------------------------- number card


@frappe.whitelist()
@frappe.read_only()
def promeneurs_below_commitments(filters=None) -> dict:
	"""Number card: promeneurs below any of their commitments in the latest period past its due date."""
	frappe.has_permission(queries.PROMENEUR, "read", throw=True)
	period = last_overdue_period()
	value = 0
	options = {}
	if period:
		rows = commitment_rows({}, [period])
		value = len({row["promeneur"] for row in rows if row["shortfall_count"]})
		options = {
			"period_type": period.period_type,
			"year": period.year,
			"quarter": quarter_value(period.quarter),
			"shortfall": ANY_SHORTFALL,
		}
	return {"value": value, "fieldtype": "Int", "route": ["query-report", REPORT], "route_options": options}
