# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Suivi des engagements: per promeneur and period, what the charter commits them to against what
their records show, with a flag and a French reason for each shortfall.

Hours committed (weekly hours x weeks active in the period) against the hours online of the
submitted questionnaire, the questionnaire itself, the collective times attended over the twelve
months up to the end of the period, the welcome meeting and the charter. The rules are those of
:mod:`pdn_frappe.domain.commitments`; the records are read in SQL by
:mod:`pdn_frappe.evaluation.commitments`, within the user's scope.

Filters: the questionnaires' period (as in the other evaluation reports: quarterly or annual, a
quarter or the whole year), department, structure, and a shortfall (any, or one kind).
"""

import frappe
from frappe import _

from pdn_frappe import reports
from pdn_frappe.domain import commitments as rules
from pdn_frappe.evaluation import commitments, utils


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	periods = utils.report_periods(filters)
	rows = commitments.commitment_rows(filters, periods)
	shown = commitments.keep(rows, filters.get("shortfall"))
	return get_columns(), shown, None, get_chart(rows, periods), get_summary(rows)


def get_columns() -> list[dict]:
	return reports.columns(
		"period_label promeneur full_name structure_title department promeneur_status",
		"weekly_hours committed_hours hours_online questionnaire trainings_attended",
		"meetings required_collective_times welcome_meeting charter shortfall_count",
		"shortfalls evaluation_record",
	)


#: one colour per shortfall, in the order of :data:`rules.SHORTFALLS`
CHART_COLOURS = ["#7c5cc4", "#e24c4c", "#f8814f", "#ecad4b", "#2490ef", "#5e64ff", "#98a2b3"]


def get_chart(rows: list[dict], periods) -> dict:
	"""Promeneurs per shortfall and period: one bar series per shortfall, named in the legend."""
	labels = commitments.shortfall_labels()
	counts = {
		period.key: rules.count_by_shortfall(
			row["shortfall_codes"] for row in rows if row["period"] == period.key
		)
		for period in periods
	}
	return {
		"data": {
			"labels": [utils.period_label(period) for period in periods],
			"datasets": [
				{"name": labels[code], "values": [counts[period.key][code] for period in periods]}
				for code in rules.SHORTFALLS
			],
		},
		"type": "bar",
		"colors": CHART_COLOURS,
		"height": 280,
	}


def get_summary(rows: list[dict]) -> list[dict]:
	promeneurs = {row["promeneur"] for row in rows}
	below = {row["promeneur"] for row in rows if row["shortfall_count"]}
	answered = [row for row in rows if row["hours_online"] is not None]
	committed = round(sum(row["committed_hours"] for row in answered), 1)
	reported = round(sum(row["hours_online"] or 0 for row in answered), 1)
	# hours to the tenth, as text: a Float summary would show three decimals
	missing = sum(1 for row in rows if rules.NO_QUESTIONNAIRE in row["shortfall_codes"])
	return [
		{"value": len(promeneurs), "label": _("Promeneurs followed"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": len(below),
			"label": _("Promeneurs below their commitments"),
			"datatype": "Int",
			"indicator": "Red" if below else "Green",
		},
		{
			"value": commitments.hours_text(committed),
			"label": _("Hours committed (questionnaires submitted)"),
			"datatype": "Data",
			"indicator": "Blue",
		},
		{
			"value": commitments.hours_text(reported),
			"label": _("Hours online reported"),
			"datatype": "Data",
			"indicator": "Green" if reported >= committed else "Orange",
		},
		{
			"value": missing,
			"label": _("Questionnaires not submitted"),
			"datatype": "Int",
			"indicator": "Red" if missing else "Green",
		},
	]
