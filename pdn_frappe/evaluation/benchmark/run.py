"""Time both evaluation reports on the national-scale data, next to a naive baseline.

    bench --site SITE execute pdn_frappe.evaluation.benchmark.national_data.generate
    bench --site SITE execute pdn_frappe.evaluation.benchmark.run.run
    bench --site SITE execute pdn_frappe.evaluation.benchmark.run.run --kwargs "{'year': 2024, 'repeat': 9}"

Two cases: a department over a year (the department with the most promeneurs of the national
data) and the whole country over a year. For each, both reports run ``repeat`` times after one
warm-up run (the median and the slowest run are printed), then the naive baseline, which loads
every document one by one and adds up in Python, runs once in the same process; the figures of
both ways are compared. Targets: 0.5 s for a department-year activity report, 3 s for a
national-year one.
"""

from __future__ import annotations

import os
import statistics
import time

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.evaluation import aggregates, utils
from pdn_frappe.evaluation.benchmark import national_data
from pdn_frappe.evaluation.report.evaluation_follow_up import evaluation_follow_up
from pdn_frappe.evaluation.report.promeneurs_activity_report import promeneurs_activity_report
from pdn_frappe.settings import get_settings

TARGETS = {("department", "activity"): 0.5, ("national", "activity"): 3.0}


def largest_department() -> str:
	p = frappe.qb.DocType("PdN Promeneur")
	from frappe.query_builder.functions import Count

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


def timed(function, *args, repeat: int = 1):
	durations, result = [], None
	for _ in range(repeat):
		started = time.perf_counter()
		result = function(*args)
		durations.append(time.perf_counter() - started)
	return result, durations


def follow_up_naive(filters) -> list[str]:
	"""The follow-up statuses computed by loading every promeneur and questionnaire document."""
	periods = utils.report_periods(filters)
	due_days = get_settings().evaluation_due_days
	today = getdate(nowdate())
	promeneur_filters = {f: filters[f] for f in ("department", "structure") if filters.get(f)}
	statuses = []
	for name in frappe.get_all("PdN Promeneur", filters=promeneur_filters, pluck="name"):
		promeneur = frappe.get_doc("PdN Promeneur", name)
		for period in periods:
			evaluation = None
			for candidate in frappe.get_all(
				"PdN Evaluation",
				filters={"promeneur": name, "period": period.key, "docstatus": ("<", 2)},
				pluck="name",
			):
				evaluation = frappe.get_doc("PdN Evaluation", candidate)
			expected = rules.is_expected(
				period,
				promeneur.status,
				getdate(promeneur.active_since) if promeneur.active_since else None,
				getdate(promeneur.ended_on) if promeneur.ended_on else None,
			)
			if not expected and not evaluation:
				continue
			statuses.append(
				rules.follow_up_status(
					expected=expected,
					submitted_on=getdate(evaluation.submitted_on)
					if evaluation and evaluation.docstatus == 1
					else None,
					has_draft=bool(evaluation) and evaluation.docstatus == 0,
					due=rules.due_date(period, due_days),
					today=today,
				)
			)
	return statuses


def run(year: int = 2025, repeat: int = 5, naive: bool = True, department: str | None = None) -> dict:
	"""Print the timings of both reports, department-year and national-year, and return them."""
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
		f"{frappe.db.count('PdN Evaluation')}"
	)
	cases = [
		(
			"department",
			f"department {department}, {year}",
			{"period_type": "Quarter", "year": year, "department": department},
		),
		("national", f"national, {year}", {"period_type": "Quarter", "year": year}),
	]
	reports = [
		("activity", "Promeneurs Activity Report", promeneurs_activity_report.execute),
		("follow-up", "Evaluation Follow-up", evaluation_follow_up.execute),
	]
	header = f"{'case':<24} {'report':<28} {'rows':>6} {'first':>8} {'median':>8} {'max':>8} {'naive':>9} {'ratio':>8} {'target':>7} {'ok':>4} {'same':>5}"
	print(header)
	print("-" * len(header))
	results = {}
	for scope, case_label, filters in cases:
		for key, report_label, execute in reports:
			(_columns, data, *_rest), first = timed(execute, dict(filters))
			_result, durations = timed(execute, dict(filters), repeat=max(1, int(repeat)))
			median, slowest = statistics.median(durations), max(durations)
			naive_time, same = None, None
			if naive:
				if key == "activity":
					reference, naive_durations = timed(aggregates.activity_figures_naive, dict(filters))
					same = rules.activity_rows(reference) == rules.activity_rows(
						aggregates.activity_figures(filters)
					)
				else:
					statuses, naive_durations = timed(follow_up_naive, frappe._dict(filters))
					same = rules.follow_up_counts(statuses) == rules.follow_up_counts(
						r["status_code"] for r in data
					)
				naive_time = naive_durations[0]
			target = TARGETS.get((scope, key))
			ok = "" if target is None else ("yes" if slowest <= target else "NO")
			ratio = f"{naive_time / median:.0f}x" if naive_time else "-"
			print(
				f"{case_label:<24} {report_label:<28} {len(data):>6} {first[0]:>7.3f}s {median:>7.3f}s "
				f"{slowest:>7.3f}s {(f'{naive_time:.2f}s' if naive_time else '-'):>9} {ratio:>8} "
				f"{(f'{target}s' if target else '-'):>7} {ok:>4} {('yes' if same else 'NO') if same is not None else '-':>5}"
			)
			results[f"{scope}/{key}"] = {
				"rows": len(data),
				"first": round(first[0], 4),
				"median": round(median, 4),
				"max": round(slowest, 4),
				"naive": round(naive_time, 3) if naive_time else None,
				"same_figures": same,
				"target": target,
			}
	print("first: first run in the process (cold caches); median and max over the next runs;")
	print("naive: every document loaded with frappe.get_doc and added up in Python; ratio = naive / median;")
	print("same: the naive baseline finds the same figures (activity rows, follow-up status counts).")
	return results
