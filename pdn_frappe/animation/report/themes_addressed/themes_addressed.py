# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""Which themes the network worked on: trainings and meetings, the coordinator's log, published
practice notes and, when the questionnaires are installed, the promeneurs' questionnaires."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Date

from pdn_frappe import reports
from pdn_frappe.animation.utils import allowed_departments, doctype_exists
from pdn_frappe.domain import animation
from pdn_frappe.queries import child_of

#: the child table every record keeps its themes in
THEMES = "PdN Theme Row"
#: (parent doctype, date field, column)
SOURCES = (
	("PdN Training", "starts_on", "trainings"),
	("PdN Coordination Activity", "activity_date", "activities"),
	("PdN Practice Note", "published_on", "notes"),
	("PdN Evaluation", "period_end", "questionnaires"),
)


@frappe.read_only()
def execute(filters=None):
	filters = reports.with_dates(filters)
	departments = allowed_departments(filters.department)
	counts: dict[str, dict] = {}
	for parent, date_field, column in SOURCES:
		for theme, count in theme_counts(parent, date_field, departments, filters):
			row = counts.setdefault(theme, {"theme": theme})
			row[column] = count
	data = []
	for row in counts.values():
		row["total"] = sum(row.get(column, 0) for *_rest, column in SOURCES)
		data.append(row)
	data.sort(key=lambda row: (-row["total"], row["theme"]))
	return columns(), data, None, chart(data)


def theme_counts(parent, date_field, departments, filters):
	if not departments or not doctype_exists(parent):
		return []
	meta = frappe.get_meta(parent)
	if not (meta.has_field("department") and meta.has_field(date_field)):
		return []
	table, theme = frappe.qb.DocType(parent), frappe.qb.DocType(THEMES)
	query = (
		frappe.qb.from_(theme)
		.join(table)
		.on(child_of(theme, table, parent))
		.select(theme.theme, Count(theme.name))
		.where(table.department.isin(departments))
		.where(Date(table[date_field]).between(filters.from_date, filters.to_date))
		.groupby(theme.theme)
	)
	if parent == "PdN Training":
		query = query.where(table.status != animation.CANCELLED)
	if parent == "PdN Practice Note":
		query = query.where(table.workflow_state.isin(["Published", "Archived"]))
	if meta.is_submittable:
		query = query.where(table.docstatus == 1)
	return query.run()


def columns():
	return reports.columns("theme trainings activities notes questionnaires total")


def chart(data):
	top = data[:12]
	if not top:
		return None
	return {
		"data": {
			"labels": [row["theme"] for row in top],
			"datasets": [{"name": _("Times addressed"), "values": [row["total"] for row in top]}],
		},
		"type": "bar",
	}
