"""Time both evaluation reports on the national-scale data against the physical limit.

    bench --site SITE execute pdn_frappe.evaluation.benchmark.national_data.generate
    bench --site SITE execute pdn_frappe.evaluation.benchmark.run.run
    bench --site SITE execute pdn_frappe.evaluation.benchmark.run.run --kwargs "{'year': 2024, 'repeat': 15}"

Two cases: a department over a year (the department with the most promeneurs of the national
data) and the whole country over a year. Each report is timed as users get it, through
``frappe.desk.query_report.generate_report_result`` (the report's ``execute`` plus Frappe's own
post-processing), and next to it, in the same loop, the raw query: one ``GROUP BY department``
summing every numeric field of the submitted questionnaires over the same rows (same period, same
department). After one warm-up run of each, report and raw query alternate ``repeat`` times; the
medians are printed with their ratio. Targets: the report within 2 times the raw query for the
whole country, within 4 times for one department.
"""

from __future__ import annotations

import os
import statistics
import time

import frappe
from frappe.desk.query_report import generate_report_result, get_report_doc
from frappe.query_builder.functions import Count, Sum

from pdn_frappe.evaluation import queries, utils
from pdn_frappe.evaluation.benchmark import national_data

#: the report's median over the raw query's, at most
TARGETS = {"national": 2.0, "department": 4.0}
REPORTS = (("activity", "Promeneurs Activity Report"), ("follow-up", "Evaluation Follow-up"))
NUMERIC_FIELDTYPES = ("Int", "Float", "Currency", "Percent", "Check", "Rating")


def largest_department() -> str:
	p = frappe.qb.DocType("PdN Promeneur")
	row = (
		frappe.qb.from_(p)
		.select(p.department, Count("*").as_("count"))
		.where(p.name.like(f"{national_data.PROMENEUR_PREFIX}%"))
		.groupby(p.department)
		.orderby(Count("*"), order=frappe.qb.desc)
		.orderby(p.department)
		.limit(1)
		.run()
	)
	return row[0][0] if row else "63"


def numeric_fields() -> list[str]:
	meta = frappe.get_meta(queries.EVALUATION)
	return [df.fieldname for df in meta.fields if df.fieldtype in NUMERIC_FIELDTYPES]


def raw_query(filters):
	"""The physical limit: one GROUP BY summing every numeric field of the questionnaires the report
	covers, straight from the table (no scope, no derived figures, nothing else)."""
	periods = utils.report_periods(filters)
	e = frappe.qb.DocType(queries.EVALUATION)
	query = (
		frappe.qb.from_(e)
		.select(e.department, Count("*"), *(Sum(e[f]) for f in numeric_fields()))
		.where(e.docstatus == 1)
		.where(e.period_type == periods[0].period_type)
		.where(e.year == periods[0].year)
		.where(e.period.isin([p.key for p in periods]))
		.groupby(e.department)
	)
	if filters.get("department"):
		query = query.where(e.department == filters.department)
	return lambda: query.run()


def report_call(report_name: str, filters):
	report = get_report_doc(report_name)
	return lambda: generate_report_result(report, dict(filters))


def alternate(first, second, repeat: int) -> tuple[list[float], list[float], object]:
	"""Run both once to warm up, then in turns ``repeat`` times: the same load weighs on both."""
	result = first()
	second()
	times_first, times_second = [], []
	for _ in range(repeat):
		started = time.perf_counter()
		first()
		times_first.append(time.perf_counter() - started)
		started = time.perf_counter()
		second()
		times_second.append(time.perf_counter() - started)
	return times_first, times_second, result


def run(year: int = 2025, repeat: int = 11, department: str | None = None) -> dict:
	"""Print the medians of both reports and of the raw query, department-year and national-year."""
	frappe.set_user("Administrator")
	if not national_data.exists():
		print("No national data: run pdn_frappe.evaluation.benchmark.national_data.generate first.")
		return {}
	department = department or largest_department()
	made = national_data.counts_made()
	version = frappe.db.sql("select version()")[0][0]
	print(
		f"Evaluation reports benchmark on {frappe.local.site}: {os.cpu_count()} CPU, MariaDB {version}, "
		f"Frappe {frappe.__version__}"
	)
	print(
		f"Data: {made['promeneurs']} promeneurs in {made['structures']} structures, {made['evaluations']} "
		f"questionnaires ({made['submitted']} submitted); all questionnaires on the site: "
		f"{frappe.db.count(queries.EVALUATION)}"
	)
	cases = (
		("department", f"department {department}, {year}", {"year": year, "department": department}),
		("national", f"national, {year}", {"year": year}),
	)
	header = (
		f"{'case':<22} {'report':<11} {'rows':>6} {'report':>9} {'raw GROUP BY':>13} {'ratio':>7} "
		f"{'target':>7} {'ok':>4}"
	)
	print(header)
	print("-" * len(header))
	results = {}
	for scope, case_label, case_filters in cases:
		filters = frappe._dict(period_type="Quarter", **case_filters)
		raw = raw_query(filters)
		for key, report_name in REPORTS:
			report_times, raw_times, result = alternate(
				report_call(report_name, filters), raw, max(1, int(repeat))
			)
			median, raw_median = statistics.median(report_times), statistics.median(raw_times)
			ratio, target = median / raw_median, TARGETS[scope]
			print(
				f"{case_label:<22} {key:<11} {len(result['result']):>6} {median * 1000:>7.1f}ms "
				f"{raw_median * 1000:>11.1f}ms {ratio:>6.2f}x {target:>6.0f}x "
				f"{'yes' if ratio <= target else 'NO':>4}"
			)
			results[f"{scope}/{key}"] = {
				"rows": len(result["result"]),
				"median": round(median, 5),
				"raw": round(raw_median, 5),
				"ratio": round(ratio, 2),
				"target": target,
			}
	print(
		"report: generate_report_result, as the desk gets it; raw GROUP BY: the numeric fields of the same "
		"questionnaires summed by department; medians of alternate runs; ratio = report / raw."
	)
	return results
