# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""Follow-up of conventions and subsidies: expiries, amounts planned and paid, missing documents.

One row per convention (or per structure, or per department), with the subsidies of the
chosen year (all years when none is chosen), the supporting documents missing or expired and
the yearly documents that are late, the sums to recover and recovered after checks, the checks
made and a termination planned or done. The conventions listed are those the user may read
(department or structure scope); the sums are computed by the database.
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, GroupConcat, IfNull, Max, Sum
from frappe.utils import add_days, cint, date_diff, flt, getdate, nowdate

CONVENTION = "PdN Convention"
GROUPS = ("Convention", "Structure", "Department")


@frappe.read_only()
def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate(nowdate())
	conventions = get_conventions(filters, today)
	names = [row.name for row in conventions]
	subsidies = subsidy_totals(names, filters.year)
	missing = missing_documents(names, today)
	late = late_documents(names, today, filters.year)
	recoveries = recovery_totals(names, today, filters.year)
	checks = check_counts(names)

	rows = []
	for convention in conventions:
		amounts = subsidies.get(convention.name, {})
		row = {
			"department": convention.department,
			"structure": convention.structure,
			"structure_name": convention.structure_name,
			"convention": convention.name,
			"status": _(convention.status),
			"start_date": convention.start_date,
			"end_date": convention.end_date,
			"days_left": date_diff(convention.end_date, today)
			if convention.status in ("Signed", "Active")
			else None,
			"planned": flt(amounts.get("planned")),
			"paid": flt(amounts.get("paid")),
			"unpaid": flt(amounts.get("planned")) - flt(amounts.get("paid")),
			"missing_documents": cint(missing.get(convention.name, {}).get("count")),
			"missing_list": missing.get(convention.name, {}).get("names") or "",
			"late_documents": cint(late.get(convention.name, {}).get("count")),
			"late_list": late.get(convention.name, {}).get("names") or "",
			"terminated_on": convention.terminated_on,
			"to_recover": flt(recoveries.get(convention.name, {}).get("to_recover")),
			"overdue_recovery": flt(recoveries.get(convention.name, {}).get("overdue")),
			"recovered": flt(recoveries.get(convention.name, {}).get("recovered")),
			"checks": cint(checks.get(convention.name, {}).get("count")),
			"last_check": checks.get(convention.name, {}).get("last"),
			"conventions": 1,
		}
		if filters.only_missing and not (row["missing_documents"] or row["late_documents"]):
			continue
		rows.append(row)

	group_by = filters.group_by if filters.group_by in GROUPS else "Convention"
	data = rows if group_by == "Convention" else grouped(rows, group_by)
	return (
		get_columns(group_by),
		data,
		None,
		get_chart([row["convention"] for row in rows], filters.year),
		get_summary(rows, filters),
	)


def get_conventions(filters, today):
	conditions = {}
	if filters.department:
		conditions["department"] = filters.department
	if filters.structure:
		conditions["structure"] = filters.structure
	if filters.status:
		conditions["status"] = filters.status
	if cint(filters.expiring_within):
		conditions["status"] = ("in", ("Signed", "Active"))
		conditions["end_date"] = ("between", (today, add_days(today, cint(filters.expiring_within))))
	if filters.year:
		year = cint(filters.year)
		conditions["start_date"] = ("<=", f"{year}-12-31")
		conditions.setdefault("end_date", (">=", f"{year}-01-01"))
	# get_list: only the conventions the user may read
	return frappe.get_list(
		CONVENTION,
		filters=conditions,
		fields=[
			"name",
			"department",
			"structure",
			"structure_name",
			"status",
			"start_date",
			"end_date",
			"terminated_on",
		],
		order_by="department asc, end_date asc",
		limit_page_length=0,
	)


def subsidy_sums(names, year, by: str) -> list[dict]:
	"""The subsidies planned and paid of the conventions ``names`` (of ``year`` when given), summed
	by ``by``: "parent" (the convention) or "year"."""
	subsidy = frappe.qb.DocType("PdN Convention Subsidy")
	group = subsidy[by]
	query = (
		frappe.qb.from_(subsidy)
		.select(
			group,
			Sum(subsidy.amount).as_("planned"),
			Sum(Case().when(subsidy.paid_on.isnotnull(), subsidy.amount).else_(0)).as_("paid"),
		)
		.where((subsidy.parenttype == CONVENTION) & subsidy.parent.isin(names))
		.groupby(group)
		.orderby(group)
	)
	if year:
		query = query.where(subsidy.year == cint(year))
	return query.run(as_dict=True)


def subsidy_totals(names, year=None) -> dict:
	if not names:
		return {}
	return {row.parent: row for row in subsidy_sums(names, year, "parent")}


def recovery_totals(names, today, year=None) -> dict:
	"""Sums to recover (and the part past its due date) and sums recovered, by convention; cancelled
	recoveries count for nothing. With ``year``, the recoveries about that subsidy year only."""
	if not names:
		return {}
	recovery = frappe.qb.DocType("PdN Convention Recovery")
	to_recover = recovery.status == "To recover"
	query = (
		frappe.qb.from_(recovery)
		.select(
			recovery.parent,
			Sum(Case().when(to_recover, recovery.amount).else_(0)).as_("to_recover"),
			Sum(Case().when(to_recover & (recovery.due_date < today), recovery.amount).else_(0)).as_(
				"overdue"
			),
			Sum(Case().when(recovery.status == "Recovered", recovery.amount).else_(0)).as_("recovered"),
		)
		.where((recovery.parenttype == CONVENTION) & recovery.parent.isin(names))
		.groupby(recovery.parent)
	)
	if year:
		query = query.where(recovery.year == cint(year))
	return {row.parent: row for row in query.run(as_dict=True)}


def check_counts(names) -> dict:
	"""How many checks each convention had, and the date of the last one."""
	if not names:
		return {}
	check = frappe.qb.DocType("PdN Convention Inspection")
	rows = (
		frappe.qb.from_(check)
		.select(check.parent, Count(check.name).as_("count"), Max(check.checked_on).as_("last"))
		.where((check.parenttype == CONVENTION) & check.parent.isin(names))
		.groupby(check.parent)
	).run(as_dict=True)
	return {row.parent: row for row in rows}


def missing_documents(names, today) -> dict:
	"""Supporting documents without a file or past their validity date, by convention."""
	if not names:
		return {}
	document = frappe.qb.DocType("PdN Convention Document")
	missing = (IfNull(document.file, "") == "") & document.received_on.isnull()
	expired = document.valid_until.isnotnull() & (document.valid_until < today)
	rows = (
		frappe.qb.from_(document)
		.select(
			document.parent,
			Count(document.name).as_("count"),
			GroupConcat(document.document_type).as_("names"),
		)
		.where(
			(document.parenttype == CONVENTION)
			& document.parent.isin(names)
			& (document.status != "Not required")
			& (missing | expired)
		)
		.groupby(document.parent)
	).run(as_dict=True)
	return {row.parent: row for row in rows}


def late_documents(names, today, year=None) -> dict:
	"""Yearly documents due before today and not received, by convention."""
	if not names:
		return {}
	report = frappe.qb.DocType("PdN Convention Yearly Report")
	query = (
		frappe.qb.from_(report)
		.select(
			report.parent,
			Count(report.name).as_("count"),
			GroupConcat(report.document_type).as_("names"),
		)
		.where(
			(report.parenttype == CONVENTION)
			& report.parent.isin(names)
			& report.received_on.isnull()
			& (IfNull(report.file, "") == "")
			& (report.due_date < today)
		)
		.groupby(report.parent)
	)
	if year:
		query = query.where(report.year == cint(year))
	return {row.parent: row for row in query.run(as_dict=True)}


def grouped(rows, group_by):
	key = "structure" if group_by == "Structure" else "department"
	groups: dict[str, dict] = {}
	for row in rows:
		group = groups.setdefault(
			row[key],
			{
				"department": row["department"],
				"structure": row["structure"] if key == "structure" else None,
				"structure_name": row["structure_name"] if key == "structure" else None,
				"conventions": 0,
				"planned": 0.0,
				"paid": 0.0,
				"unpaid": 0.0,
				"missing_documents": 0,
				"late_documents": 0,
				"expiring": 0,
				"checks": 0,
				"to_recover": 0.0,
				"overdue_recovery": 0.0,
				"recovered": 0.0,
			},
		)
		group["conventions"] += 1
		for field in (
			"planned",
			"paid",
			"unpaid",
			"missing_documents",
			"late_documents",
			"checks",
			"to_recover",
			"overdue_recovery",
			"recovered",
		):
			group[field] += row[field]
		if row["days_left"] is not None and 0 <= row["days_left"] <= 90:
			group["expiring"] += 1
	return list(groups.values())


def get_columns(group_by):
	by_convention = group_by == "Convention"
	columns = reports.columns("department")
	if group_by in ("Convention", "Structure"):
		columns += reports.columns("structure structure_name")
	if by_convention:
		columns += reports.columns("convention status start_date end_date days_left")
	else:
		columns += reports.columns("conventions expiring")
	columns += reports.columns("planned paid unpaid missing_documents")
	if by_convention:
		columns += reports.columns("missing_list late_documents late_list terminated_on checks last_check")
	else:
		columns += reports.columns("late_documents checks")
	return columns + reports.columns("to_recover overdue_recovery recovered")


def get_chart(names, year=None):
	if not names:
		return None
	rows = subsidy_sums(names, year, "year")
	if not rows:
		return None
	return {
		"data": {
			"labels": [str(row.year) for row in rows],
			"datasets": [
				{"name": _("Planned"), "values": [flt(row.planned) for row in rows]},
				{"name": _("Paid"), "values": [flt(row.paid) for row in rows]},
			],
		},
		"type": "bar",
		"fieldtype": "Currency",
		"colors": ["#7cd6fd", "#28a745"],
	}


def get_summary(rows, filters):
	planned = sum(row["planned"] for row in rows)
	paid = sum(row["paid"] for row in rows)
	expiring = sum(1 for row in rows if row["days_left"] is not None and 0 <= row["days_left"] <= 90)
	return [
		{"label": _("Conventions"), "value": len(rows), "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Ending within 90 days"),
			"value": expiring,
			"datatype": "Int",
			"indicator": "Orange" if expiring else "Green",
		},
		{"label": _("Planned"), "value": planned, "datatype": "Currency", "indicator": "Blue"},
		{"label": _("Paid"), "value": paid, "datatype": "Currency", "indicator": "Green"},
		{
			"label": _("Unpaid"),
			"value": planned - paid,
			"datatype": "Currency",
			"indicator": "Red" if planned - paid else "Green",
		},
		{
			"label": _("Missing supporting documents"),
			"value": sum(row["missing_documents"] for row in rows),
			"datatype": "Int",
			"indicator": "Red" if any(row["missing_documents"] for row in rows) else "Green",
		},
		{
			"label": _("Late yearly documents"),
			"value": sum(row["late_documents"] for row in rows),
			"datatype": "Int",
			"indicator": "Red" if any(row["late_documents"] for row in rows) else "Green",
		},
		{
			"label": _("Still to recover"),
			"value": sum(row["to_recover"] for row in rows),
			"datatype": "Currency",
			"indicator": "Red" if any(row["overdue_recovery"] for row in rows) else "Orange",
		},
		{
			"label": _("Recovered"),
			"value": sum(row["recovered"] for row in rows),
			"datatype": "Currency",
			"indicator": "Green",
		},
	]


from pdn_frappe import reports
