# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""Bilan d'activité des Promeneurs: the submitted questionnaires of a period, added up.

One line per indicator, section by section (response, presence online, contacts, ages,
interactions, themes ranked, networks, devices, publications, interest); the database adds up
(:mod:`pdn_frappe.evaluation.aggregates`), :mod:`pdn_frappe.domain.evaluation` derives the rates,
shares, averages and rankings.

Value: totals (hours, contacts, exchanges), counts of questionnaires (themes, networks, devices,
publications) or averages per questionnaire (young friends, exchanges a week, ratings in stars).
Per promeneur: a total divided by the promeneurs who answered. Share: see
:func:`pdn_frappe.domain.evaluation.activity_rows`.
"""

import frappe
from frappe import _

from pdn_frappe import reports
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.evaluation import aggregates

DOCTYPE = "PdN Evaluation"


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	figures = aggregates.activity_figures(filters)
	label = labeller(frappe.get_meta(DOCTYPE))
	data = [row_dict(row, label) for row in rules.activity_rows(figures)]
	return (
		get_columns(),
		data,
		None,
		get_chart(figures, filters.get("chart") or rules.CHART_AGES, label),
		get_summary(figures, label),
	)


def get_columns() -> list[dict]:
	return reports.columns("indicator value per_promeneur share rank")


def section_labels() -> dict[str, str]:
	return {
		rules.SECTION_RESPONSE: _("Response to the questionnaire"),
		rules.SECTION_PRESENCE: _("Presence online"),
		rules.SECTION_CONTACTS: _("Young people and parents reached"),
		rules.SECTION_AGES: _("Age of the young people you exchanged with"),
		rules.SECTION_INTERACTIONS: _("Exchanges by type of interaction"),
		rules.SECTION_THEMES: _("Themes addressed, most frequent first"),
		rules.SECTION_NETWORKS: _("Networks used, most frequent first"),
		rules.SECTION_DEVICES: _("Devices used"),
		rules.SECTION_PUBLICATIONS: _("What you published"),
		rules.SECTION_INTEREST: _("Interest (average, out of 5 stars)"),
		rules.SECTION_GUIDE: _(
			"The guide's indicators (average, out of 5 stars; share of the questionnaires that rated them)"
		),
	}


def indicator_labels() -> dict[str, str]:
	return {
		rules.EXPECTED: _("Questionnaires expected"),
		rules.ANSWERED_COUNT: _("Questionnaires answered"),
		rules.PROMENEURS_COUNT: _("Promeneurs who answered"),
		rules.RESPONSE_RATE: _("Response rate (%)"),
		rules.AGES_KNOWN: _("Young people whose age is known"),
		rules.INTERACTIONS_TOTAL: _("All exchanges"),
		rules.DISTINCT_THEMES: _("Different themes addressed"),
		rules.THEMES_PER_QUESTIONNAIRE: _("Themes per questionnaire (diversity of requests)"),
		"meeting_rate": _("Met in person after an online contact (%)"),
	}


def labeller(meta):
	"""label(code, kind): the French label of a line, with the label tables translated once a run."""
	tables = {"section": section_labels(), "indicator": indicator_labels(), "field": {}}

	def label(code: str, kind: str) -> str:
		if kind == "field" and code not in tables["field"]:
			tables["field"][code] = _(meta.get_label(code))
		if kind in tables:
			return tables[kind].get(code, code)
		return code  # a theme or a network: the name of the record

	return label


def row_dict(row: rules.ReportRow, label) -> dict:
	return {
		"indicator": label(row.code, row.kind),
		"code": row.code,
		"kind": row.kind,
		"section": row.section,
		"value": row.value,
		"per_promeneur": row.per_promeneur,
		"share": row.share,
		"rank": row.rank,
		"indent": row.indent,
		"is_section": 1 if row.kind == "section" else 0,
	}


def get_chart(figures: rules.ActivityFigures, kind: str, label) -> dict:
	codes, values, code_kind = rules.activity_chart(
		figures, kind if kind in rules.CHARTS else rules.CHART_AGES
	)
	titles = {
		rules.CHART_AGES: _("Age of the young people you exchanged with"),
		rules.CHART_INTERACTIONS: _("Exchanges by type of interaction"),
		rules.CHART_THEMES: _("Themes addressed"),
		rules.CHART_NETWORKS: _("Networks used"),
	}
	return {
		"data": {
			"labels": [label(code, code_kind) for code in codes],
			"datasets": [{"name": titles.get(kind, titles[rules.CHART_AGES]), "values": values}],
		},
		"type": "donut" if kind in (rules.CHART_AGES, rules.CHART_INTERACTIONS) else "bar",
		"height": 280,
	}


def get_summary(figures: rules.ActivityFigures, label) -> list[dict]:
	summary = []
	for item in rules.activity_summary(figures):
		summary.append(
			{
				"value": item.value,
				"label": label(item.code, item.kind),
				"datatype": "Percent"
				if item.percent
				else "Float"
				if item.code == rules.HOURS_FIELD
				else "Int",
				"indicator": item.indicator,
			}
		)
	return summary
