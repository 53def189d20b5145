"""A national-scale network to measure the evaluation reports on: 100 departments, 4,200 promeneurs
and twenty quarters of questionnaires (about 80,000 evaluations).

For benchmark and test sites only. Run it on your own site:

    bench --site SITE execute pdn_frappe.evaluation.benchmark.national_data.generate
    bench --site SITE execute pdn_frappe.evaluation.benchmark.national_data.clear

Everything goes in with bulk inserts (``frappe.db.bulk_insert``), not document by document, and
every record it makes is named with the ``NAT-`` prefix (``EVAL-NAT-...`` for questionnaires), so
that :func:`clear` removes exactly what it made. :func:`generate` does nothing when the data is
already there (``force=True`` clears and makes it again).

By default the questionnaires cover the twenty quarters that end with the last quarter over (so
that the dashboards of the site show current figures); ``first_period``/``last_period`` ("2021-Q1",
"2025-Q4") fix the range. The data itself, deterministic and free of any young person, is built by
:mod:`pdn_frappe.demo.national`.
"""

from __future__ import annotations

import time

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.demo.evaluations import NETWORK_WEIGHTS
from pdn_frappe.demo.national import (
	EVALUATION_PREFIX,
	PROMENEUR_PREFIX,
	STRUCTURE_PREFIX,
	build_evaluation,
	build_network,
)
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import last_ended_period, parse_period_key, periods_between
from pdn_frappe.evaluation import rollup

#: default range: the twenty quarters (five years) that end with the last quarter over today
QUARTERS = 20

EVALUATION_FIELDS = (
	"promeneur", "promeneur_name", "promeneur_email", "structure", "department", "mission", "profession",
	"period_type", "year", "quarter", "period", "period_start", "period_end", "due_date", "status",
	"submitted_on", "title", "hours_online", *rules.STOCK_FIELDS, *rules.ACTIVITY_FIELDS,
	*rules.AGE_BAND_FIELDS, *rules.INTERACTION_FIELDS, *rules.CHECK_FIELDS, *rules.RATING_FIELDS,
)  # fmt: skip
STANDARD = ("name", "creation", "modified", "modified_by", "owner", "docstatus", "idx")
CHILD_STANDARD = (*STANDARD, "parent", "parentfield", "parenttype")


def _masters(doctype: str, ordered: list[str] | None = None) -> list[str]:
	names = frappe.get_all(doctype, filters={"enabled": 1}, pluck="name", order_by="name")
	if ordered:
		names = [n for n in ordered if n in names] + [n for n in names if n not in ordered]
	return names


def exists() -> bool:
	return bool(frappe.db.exists("PdN Promeneur", f"{PROMENEUR_PREFIX}00001"))


def generate(
	departments: int = 100,
	promeneurs: int = 4200,
	first_period: str | None = None,
	last_period: str | None = None,
	seed: int = 2026,
	force: bool = False,
	verbose: bool = True,
) -> dict:
	"""Make the national network and its questionnaires on the current site, then commit."""
	say = print if verbose else (lambda *args, **kwargs: None)
	if exists():
		if not force:
			counts = counts_made()
			say(f"National data already there: {counts}. Use force=True to make it again.")
			return counts
		clear(verbose=verbose)
	started = time.perf_counter()
	department_codes = frappe.get_all("PdN Department", pluck="name", order_by="name")[: int(departments)]
	professions = _masters("PdN Profession")
	networks = _masters("PdN Social Network", list(NETWORK_WEIGHTS))
	themes = _masters("PdN Theme")
	last = parse_period_key(last_period) if last_period else last_ended_period(getdate(nowdate()))
	first = parse_period_key(first_period) if first_period else last
	if not first_period:
		for _ in range(QUARTERS - 1):
			first = first.previous()
	periods = periods_between(first, last)
	structures, people = build_network(department_codes, int(promeneurs), int(seed), professions)
	now = frappe.utils.now()

	frappe.db.bulk_insert(
		"PdN Structure",
		[*STANDARD, "naming_series", "structure_name", "department", "siret", "status", "city"],
		(
			(
				s["name"],
				now,
				now,
				"Administrator",
				"Administrator",
				0,
				0,
				"PDN-STR-.#####",
				s["structure_name"],
				s["department"],
				s["siret"],
				"Active",
				s["city"],
			)
			for s in structures
		),
		chunk_size=5000,
	)
	promeneur_fields = [f for f in people[0] if f != "name"]
	frappe.db.bulk_insert(
		"PdN Promeneur",
		[*STANDARD, "naming_series", *promeneur_fields],
		(
			(
				p["name"],
				now,
				now,
				"Administrator",
				"Administrator",
				0,
				0,
				"PDN-PRM-.#####",
				*(p[f] for f in promeneur_fields),
			)
			for p in people
		),
		chunk_size=5000,
	)
	say(f"{len(structures)} structures and {len(people)} promeneurs in {len(department_codes)} departments")

	made = {"evaluations": 0, "networks": 0, "themes": 0}
	batch: dict[str, list] = {"evaluations": [], "networks": [], "themes": []}

	def flush():
		frappe.db.bulk_insert(
			"PdN Evaluation", [*STANDARD, *EVALUATION_FIELDS], batch["evaluations"], chunk_size=5000
		)
		for key, doctype, field in (
			("networks", "PdN Evaluation Network", "network"),
			("themes", "PdN Theme Row", "theme"),
		):
			frappe.db.bulk_insert(doctype, [*CHILD_STANDARD, field], batch[key], chunk_size=10000)
		for key in batch:
			made[key] += len(batch[key])
			batch[key] = []

	for promeneur in people:
		for period in periods:
			built = build_evaluation(int(seed), promeneur, period, networks, themes)
			if not built:
				continue
			values, used, addressed = built
			name = f"EVAL-{promeneur['name']}-{period.key}"
			stamp = f"{values['submitted_on'] or values['due_date']} 10:00:00"
			docstatus = values.pop("docstatus")
			batch["evaluations"].append(
				(
					name,
					stamp,
					stamp,
					"Administrator",
					"Administrator",
					docstatus,
					0,
					*(values[f] for f in EVALUATION_FIELDS),
				)
			)
			for key, rows, parentfield in (("networks", used, "networks"), ("themes", addressed, "themes")):
				for idx, value in enumerate(rows, start=1):
					batch[key].append(
						(f"{name}-{parentfield[0]}{idx}", stamp, stamp, "Administrator", "Administrator", docstatus, idx,
						 name, parentfield, "PdN Evaluation", value)
					)  # fmt: skip
		if len(batch["evaluations"]) >= 10000:
			flush()
	flush()
	rollup.rebuild(verbose=verbose)  # bulk inserts pass the questionnaire's on_submit by
	frappe.db.commit()
	counts = counts_made()
	say(f"Made {counts} in {time.perf_counter() - started:.1f} s")
	return counts


def counts_made() -> dict:
	return {
		"structures": frappe.db.count("PdN Structure", {"name": ("like", f"{STRUCTURE_PREFIX}%")}),
		"promeneurs": frappe.db.count("PdN Promeneur", {"name": ("like", f"{PROMENEUR_PREFIX}%")}),
		"evaluations": frappe.db.count("PdN Evaluation", {"name": ("like", f"{EVALUATION_PREFIX}%")}),
		"submitted": frappe.db.count(
			"PdN Evaluation", {"name": ("like", f"{EVALUATION_PREFIX}%"), "docstatus": 1}
		),
	}


def clear(verbose: bool = True) -> dict:
	"""Delete everything :func:`generate` made (and the reminders logged about it), then commit."""
	before = counts_made()
	for doctype, column, prefix in (
		("PdN Evaluation Network", "parent", EVALUATION_PREFIX),
		("PdN Theme Row", "parent", EVALUATION_PREFIX),
		("PdN Evaluation", "name", EVALUATION_PREFIX),
		("PdN Evaluation Reminder", "promeneur", PROMENEUR_PREFIX),
		("PdN Promeneur", "name", PROMENEUR_PREFIX),
		("PdN Structure", "name", STRUCTURE_PREFIX),
	):
		table = frappe.qb.DocType(doctype)
		frappe.qb.from_(table).delete().where(table[column].like(f"{prefix}%")).run()
	rollup.rebuild(verbose=verbose)
	frappe.db.commit()
	if verbose:
		print(f"Cleared the national data: {before}")
	return before
