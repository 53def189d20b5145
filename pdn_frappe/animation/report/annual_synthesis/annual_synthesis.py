# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""Annual synthesis per department, in the shape of the activity reports' table.

For the year chosen and the year before: number of promeneurs, number and list of their profile
types and structure types, individual and collective presentations, workshops with the public,
practice-exchange meetings, welcome meetings, departmental meetings and training days (with the
trainings given). Every figure is an SQL aggregate (``frappe.qb``); the layout comes from
:mod:`pdn_frappe.domain.synthesis`.

Who counts as a promeneur of a year: every promeneur whose time in the network (from becoming a
candidate, or else active, until leaving) meets that year; "active on 31 December" tells how
many were still active at the end of it. The department's target number of promeneurs (see
:mod:`pdn_frappe.network.targets`) is compared with those: the target in force for the year
chosen, and the gap (active on 31 December minus the target).
"""

import datetime

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, Count, Date, Extract, Sum
from frappe.utils import cint, flt, getdate, nowdate

from pdn_frappe.animation.utils import allowed_departments
from pdn_frappe.domain import animation, synthesis
from pdn_frappe.network import targets

ACTIVITY_INDICATORS = {
	animation.INDIVIDUAL_PRESENTATION: "individual_presentations",
	animation.COLLECTIVE_PRESENTATION: "collective_presentations",
	animation.PUBLIC_WORKSHOP: "public_workshops",
}
SESSION_INDICATORS = {
	animation.PRACTICE_EXCHANGE: "practice_exchanges",
	animation.PRACTICE_ANALYSIS: "practice_exchanges",
	animation.WELCOME_MEETING: "welcome_meetings",
	animation.DEPARTMENTAL_MEETING: "departmental_meetings",
}


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	year = cint(filters.year) or getdate(nowdate()).year
	departments = allowed_departments(filters.department)
	current = year_figures(departments, year)
	previous = year_figures(departments, year - 1)
	shown = [code for code in departments if code in current or code in previous]
	if filters.department and filters.department in departments and not shown:
		shown = [filters.department]
	set_targets(current, shown)
	rows = synthesis.build_synthesis(shown, current, previous)
	names = dict(
		frappe.get_all(
			"PdN Department",
			filters={"name": ("in", shown or [""])},
			fields=["name", "department_name"],
			as_list=True,
		)
	)
	data = [format_row(row, names, current) for row in rows]
	totals_now = synthesis.combine(current.get(code, synthesis.YearFigures()) for code in shown)
	totals_before = synthesis.combine(previous.get(code, synthesis.YearFigures()) for code in shown)
	return (
		columns(year),
		data,
		None,
		chart(year, totals_now, totals_before),
		summary(year, totals_now, totals_before),
	)


def set_targets(current: dict[str, synthesis.YearFigures], departments: list[str]) -> None:
	"""Give the year's figures of each department its target (the one in force today)."""
	for code, target in targets.department_targets(departments).items():
		current.setdefault(code, synthesis.YearFigures()).target = target


def columns(year: int) -> list[dict]:
	"""Figures are shown as text (23, 1,5, +20) so that counts have no decimals; the numbers
	themselves stay in the hidden ``value``, ``previous`` and ``change`` columns."""
	return [
		{"fieldname": "label", "label": _("Indicator"), "fieldtype": "Data", "width": 320},
		{"fieldname": "value_text", "label": str(year), "fieldtype": "Data", "width": 90, "align": "right"},
		{
			"fieldname": "previous_text",
			"label": str(year - 1),
			"fieldtype": "Data",
			"width": 90,
			"align": "right",
		},
		{
			"fieldname": "change_text",
			"label": _("Change"),
			"fieldtype": "Data",
			"width": 100,
			"align": "right",
		},
		{"fieldname": "details", "label": _("Details"), "fieldtype": "Data", "width": 600},
		{"fieldname": "value", "label": str(year), "fieldtype": "Float", "hidden": 1},
		{"fieldname": "previous", "label": str(year - 1), "fieldtype": "Float", "hidden": 1},
		{"fieldname": "change", "label": _("Change"), "fieldtype": "Float", "hidden": 1},
		{
			"fieldname": "department",
			"label": _("Department"),
			"fieldtype": "Link",
			"options": "PdN Department",
			"hidden": 1,
		},
		{"fieldname": "indicator", "label": _("Indicator code"), "fieldtype": "Data", "hidden": 1},
	]


def number_text(value: float | None, signed: bool = False) -> str:
	"""23 for a count, 1,5 for days (in the site's number format); "+2" / "-1" when ``signed``;
	nothing for a figure that is not known (a target not set)."""
	if value is None:
		return ""
	value = flt(value, 2)
	text = (
		str(int(value))
		if value == int(value)
		else frappe.format(value, {"fieldtype": "Float", "precision": 1})
	)
	if signed and value > 0:
		return f"+{text}"
	return text


def indicator_labels() -> dict:
	return {
		synthesis.PROMENEURS: _("Promeneurs du Net"),
		synthesis.TARGET: _("Target of promeneurs"),
		synthesis.TARGET_GAP: _("Gap to the target"),
		synthesis.PROFILE_TYPES: _("Types of profiles"),
		synthesis.STRUCTURE_TYPES: _("Types of structures"),
		synthesis.INDIVIDUAL_PRESENTATIONS: _("Individual presentations of the programme"),
		synthesis.COLLECTIVE_PRESENTATIONS: _("Collective presentations of the programme"),
		synthesis.PUBLIC_WORKSHOPS: _("Workshops with the public (youths, parents)"),
		synthesis.PRACTICE_EXCHANGES: _("Practice-exchange meetings"),
		synthesis.WELCOME_MEETINGS: _("Welcome meetings of new promeneurs"),
		synthesis.DEPARTMENTAL_MEETINGS: _("Departmental or launch meetings"),
		synthesis.TRAINING_DAYS: _("Training days"),
	}


def days_text(days: float) -> str:
	if days == 0.5:
		return _("half a day")
	if days == 1:
		return _("1 day")
	return _("{0} days").format(frappe.format(days, {"fieldtype": "Float", "precision": 1}))


def format_row(row: dict, names: dict, current: dict) -> dict:
	code = row["department"]
	if row["indicator"] is None:
		label = _("All departments") if code == synthesis.TOTAL else f"{code} – {names.get(code, code)}"
		return {
			"label": label,
			"indent": 0,
			"value_text": "",
			"previous_text": "",
			"change_text": "",
			"department": None if code == synthesis.TOTAL else code,
		}
	details = row["details"]
	if row["indicator"] == synthesis.TRAINING_DAYS:
		text = "; ".join(_("{0} of training “{1}”").format(days_text(days), title) for title, days in details)
	elif row["indicator"] == synthesis.PROMENEURS:
		figures = figures_of(code, current)
		text = _("of which {0} active on 31 December").format(figures.active_at_year_end)
	elif row["indicator"] == synthesis.TARGET:
		text = (
			_("Set by the steering committee")
			if row["value"] is not None
			else _("No target set for the department")
		)
	elif row["indicator"] == synthesis.TARGET_GAP and row["value"] is not None:
		figures = figures_of(code, current)
		text = _("{0} active on 31 December against a target of {1}").format(
			figures.active_at_year_end, figures.target
		)
	else:
		text = ", ".join(details)
	return {
		"label": indicator_labels()[row["indicator"]],
		"indicator": row["indicator"],
		"value": row["value"],
		"previous": row["previous"],
		"change": row["change"],
		"value_text": number_text(row["value"], signed=row["indicator"] == synthesis.TARGET_GAP),
		"previous_text": number_text(row["previous"]),
		"change_text": number_text(row["change"], signed=True),
		"details": text,
		"indent": 1,
		"department": None if code == synthesis.TOTAL else code,
	}


def figures_of(code: str, current: dict) -> synthesis.YearFigures:
	"""The year's figures of a department, or of every department together for the total block."""
	if code == synthesis.TOTAL:
		return synthesis.combine(current.values())
	return current.get(code, synthesis.YearFigures())


def chart(year: int, now: synthesis.YearFigures, before: synthesis.YearFigures) -> dict:
	labels = indicator_labels()
	return {
		"data": {
			"labels": [labels[key] for key in synthesis.CHART_INDICATORS],
			"datasets": [
				{"name": str(year - 1), "values": synthesis.chart_values(before)},
				{"name": str(year), "values": synthesis.chart_values(now)},
			],
		},
		"type": "bar",
		"colors": ["#cbd5e1", "#2490ef"],
	}


def summary(year: int, now: synthesis.YearFigures, before: synthesis.YearFigures) -> list[dict]:
	def item(label, value, previous):
		return {
			"label": label,
			"value": number_text(value),
			"datatype": "Data",
			"indicator": "Green" if value >= previous else "Red",
		}

	target = []
	if now.target is not None:
		target = [
			{
				"label": _("Active promeneurs / target"),
				"value": f"{now.active_at_year_end} / {now.target}",
				"datatype": "Data",
				"indicator": "Green" if now.active_at_year_end >= now.target else "Red",
			}
		]
	return [
		item(_("Promeneurs in {0}").format(year), now.promeneurs, before.promeneurs),
		*target,
		item(
			_("Presentations of the programme"),
			now.individual_presentations + now.collective_presentations,
			before.individual_presentations + before.collective_presentations,
		),
		item(_("Workshops with the public"), now.public_workshops, before.public_workshops),
		item(_("Training days"), now.training_days, before.training_days),
	]


# ---------------------------------------------------------------- SQL aggregation


def year_figures(departments: list[str], year: int) -> dict[str, synthesis.YearFigures]:
	"""Figures of each department that has any for ``year`` (departments without data are left out)."""
	if not departments:
		return {}
	start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
	figures: dict[str, synthesis.YearFigures] = {}

	def of(code: str) -> synthesis.YearFigures:
		return figures.setdefault(code, synthesis.YearFigures())

	promeneur = frappe.qb.DocType("PdN Promeneur")
	structure = frappe.qb.DocType("PdN Structure")
	joined = Coalesce(promeneur.candidate_since, promeneur.active_since, Date(promeneur.creation))
	member = (
		promeneur.department.isin(departments)
		& (joined <= end)
		& (promeneur.ended_on.isnull() | (promeneur.ended_on >= start))
	)
	for code, count in (
		frappe.qb.from_(promeneur)
		.select(promeneur.department, Count(promeneur.name))
		.where(member)
		.groupby(promeneur.department)
		.run()
	):
		of(code).promeneurs = count
	for code, count in (
		frappe.qb.from_(promeneur)
		.select(promeneur.department, Count(promeneur.name))
		.where(member)
		.where(promeneur.status != "Candidate")
		.where(promeneur.active_since <= end)
		.where(promeneur.ended_on.isnull() | (promeneur.ended_on > end))
		.groupby(promeneur.department)
		.run()
	):
		of(code).active_at_year_end = count
	for code, profession in (
		frappe.qb.from_(promeneur)
		.select(promeneur.department, promeneur.profession)
		.distinct()
		.where(member)
		.where(promeneur.profession.isnotnull() & (promeneur.profession != ""))
		.orderby(promeneur.profession)
		.run()
	):
		of(code).professions.append(profession)
	for code, structure_type in (
		frappe.qb.from_(promeneur)
		.join(structure)
		.on(structure.name == promeneur.structure)
		.select(promeneur.department, structure.structure_type)
		.distinct()
		.where(member)
		.where(structure.structure_type.isnotnull() & (structure.structure_type != ""))
		.orderby(structure.structure_type)
		.run()
	):
		of(code).structure_types.append(structure_type)

	activity = frappe.qb.DocType("PdN Coordination Activity")
	for code, kind, count in (
		frappe.qb.from_(activity)
		.select(activity.department, activity.kind, Count(activity.name))
		.where(activity.department.isin(departments))
		.where(activity.kind.isin(list(ACTIVITY_INDICATORS)))
		.where(Extract("year", activity.activity_date) == year)
		.groupby(activity.department, activity.kind)
		.run()
	):
		setattr(of(code), ACTIVITY_INDICATORS[kind], count)

	training = frappe.qb.DocType("PdN Training")
	held = (
		training.department.isin(departments)
		& (training.status != animation.CANCELLED)
		& (Extract("year", training.starts_on) == year)
	)
	for code, kind, count, days in (
		frappe.qb.from_(training)
		.select(training.department, training.kind, Count(training.name), Sum(training.days))
		.where(held)
		.groupby(training.department, training.kind)
		.run()
	):
		if kind == animation.TRAINING:
			of(code).training_days = flt(days, 2)
		else:
			field = SESSION_INDICATORS[kind]
			setattr(of(code), field, getattr(of(code), field) + count)
	sessions: dict[str, list] = {}
	for code, title, days in (
		frappe.qb.from_(training)
		.select(training.department, training.title, training.days)
		.where(held)
		.where(training.kind == animation.TRAINING)
		.run()
	):
		sessions.setdefault(code, []).append({"title": title, "days": days})
	for code, rows in sessions.items():
		of(code).trainings = synthesis.group_trainings(rows)
	return figures
