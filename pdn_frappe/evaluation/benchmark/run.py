"""Time both evaluation reports on the national-scale data against the physical limit.

    bench --site SITE execute pdn_frappe.evaluation.benchmark.national_data.generate
    bench --site SITE execute pdn_frappe.evaluation.benchmark.run.run
    bench --site SITE execute pdn_frappe.evaluation.benchmark.run.run --kwargs "{'year': 2024, 'repeat': 15}"

Two cases: a department over a year (the department with the most promeneurs of the national
data) and the whole country over a year. Each report is timed as users get it, through
``frappe.desk.query_report.generate_report_result`` (the report's ``execute`` plus Frappe's own
post-processing), and next to it, in the same loop, the raw query over the same rows: one
``GROUP BY`` summing every numeric field of the questionnaires, at the report's grain.

- Bilan d'activité: its rows are the submitted questionnaires of the period (of the department);
  the raw query sums them ``GROUP BY department``.
- Suivi des évaluations: its rows are the promeneurs (of the department) times the periods, with
  their questionnaires (drafts too), one line each, those who have not answered included; the raw
  query reads the promeneurs joined to their questionnaires of the periods and sums them
  ``GROUP BY promeneur, period``. The ``GROUP BY department`` of the same questionnaires, which
  returns 100 lines where the report returns 16,000, is printed beside it.

After one warm-up run of each, report and raw queries alternate ``repeat`` times; the medians are
printed with their ratio. Targets: the report within 2 times its raw query for the whole country,
within 4 times for one department.
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
	"""The activity report's limit: one GROUP BY department summing every numeric field of the
	submitted questionnaires it covers, straight from the table (no scope, nothing derived)."""
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


def raw_query_by_promeneur(filters):
	"""The follow-up's limit: one GROUP BY promeneur and period summing every numeric field of the
	questionnaires (drafts and submitted) of the promeneurs it covers, those without any included."""
	keys = [p.key for p in utils.report_periods(filters)]
	p, e = frappe.qb.DocType(queries.PROMENEUR), frappe.qb.DocType(queries.EVALUATION)
	query = (
		frappe.qb.from_(p)
		.left_join(e)
		.on((e.promeneur == p.name) & e.period.isin(keys) & (e.docstatus < 2))
		.select(p.name, e.period, Count(e.name), *(Sum(e[f]) for f in numeric_fields()))
		.groupby(p.name, e.period)
	)
	if filters.get("department"):
		query = query.where(p.department == filters.department)
	return lambda: query.run()


def report_call(report_name: str, filters):
	report = get_report_doc(report_name)
	return lambda: generate_report_result(report, dict(filters))


def alternate(calls, repeat: int) -> tuple[list[list[float]], object]:
	"""Run each call once to warm up, then all in turns ``repeat`` times: the same load weighs on all.
	Returns the durations of each call and the first call's result."""
	result = calls[0]()
	for call in calls[1:]:
		call()
	durations = [[] for _call in calls]
	for _ in range(repeat):
		for call, times in zip(calls, durations, strict=True):
			started = time.perf_counter()
			call()
			times.append(time.perf_counter() - started)
	return durations, result


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
		f"{'case':<22} {'report':<10} {'rows':>6} {'report':>9} {'raw GROUP BY':>20} {'ratio':>7} "
		f"{'target':>7} {'ok':>4} {'by department':>14} {'ratio':>7}"
	)
	print(header)
	print("-" * len(header))
	results = {}
	for scope, case_label, case_filters in cases:
		filters = frappe._dict(period_type="Quarter", **case_filters)
		by_department = raw_query(filters)
		for key, report_name in REPORTS:
			raw, grain = (
				(by_department, "department")
				if key == "activity"
				else (raw_query_by_promeneur(filters), "promeneur, period")
			)
			durations, result = alternate(
				[report_call(report_name, filters), raw, by_department], max(1, int(repeat))
			)
			median, raw_median, department_median = (statistics.median(times) for times in durations)
			ratio, target = median / raw_median, TARGETS[scope]
			print(
				f"{case_label:<22} {key:<10} {len(result['result']):>6} {median * 1000:>7.1f}ms "
				f"{grain:>11} {raw_median * 1000:>6.1f}ms {ratio:>6.2f}x {target:>6.0f}x "
				f"{'yes' if ratio <= target else 'NO':>4} {department_median * 1000:>12.1f}ms "
				f"{median / department_median:>6.2f}x"
			)
			results[f"{scope}/{key}"] = {
				"rows": len(result["result"]),
				"median": round(median, 5),
				"raw": round(raw_median, 5),
				"raw_grain": grain,
				"ratio": round(ratio, 2),
				"target": target,
				"raw_by_department": round(department_median, 5),
				"ratio_by_department": round(median / department_median, 2),
			}
	print(
		"report: generate_report_result, as the desk gets it; raw GROUP BY: the numeric fields of the "
		"report's rows summed at its grain; by department: the same questionnaires summed by department; "
		"medians of alternate runs; ratio = report / raw."
	)
	return results
