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
"2025-Q4") fix the range. The data is deterministic: every value comes from a random generator
seeded with ``seed`` and the promeneur (and period) it belongs to, so a given year has the same
rows on any site, whatever the range generated around it. Every questionnaire
passes :func:`pdn_frappe.domain.evaluation.check_indicators`; no young person appears anywhere,
only counts.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.demo.evaluations import NETWORK_WEIGHTS, questionnaire_figures
from pdn_frappe.domain import evaluation as rules

PREFIX = "NAT"
STRUCTURE_PREFIX = f"{PREFIX}-STR-"
PROMENEUR_PREFIX = f"{PREFIX}-PRM-"
EVALUATION_PREFIX = f"EVAL-{PREFIX}-PRM-"
EMAIL_DOMAIN = "national.pdn-frappe.invalid"

#: default range: the twenty quarters (five years) that end with the last quarter over today
QUARTERS = 20
DUE_DAYS = 15

FIRST_NAMES = (
	"Camille", "Léa", "Hugo", "Manon", "Lucas", "Chloé", "Nathan", "Inès", "Théo", "Sarah", "Yanis", "Jade",
	"Louis", "Emma", "Karim", "Zoé", "Mehdi", "Julie", "Thomas", "Amina", "Antoine", "Clara", "Samir", "Lina",
)  # fmt: skip
LAST_NAMES = (
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
	"Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
	"Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
)  # fmt: skip
STRUCTURE_KINDS = (
	"Centre social", "Espace jeunes", "Point information jeunesse", "Maison des jeunes", "Association de prévention",
	"Foyer de jeunes travailleurs", "Mission locale", "Service jeunesse municipal", "Espace de vie sociale",
)  # fmt: skip
TOWNS = ("Nord", "Sud", "Est", "Ouest", "Centre", "Val", "Plaine", "Coteaux", "Rivière", "Bourg")
MISSIONS = (("Youth", 0.72), ("Parenting", 0.13), ("Youth and parenting", 0.15))
RESPONSE_ODDS = 0.975
DRAFT_ODDS = 0.008
LATE_ODDS = 0.12

EVALUATION_FIELDS = (
	"promeneur", "promeneur_name", "promeneur_email", "structure", "department", "mission", "profession",
	"period_type", "year", "quarter", "period", "period_start", "period_end", "due_date", "status",
	"submitted_on", "title", "hours_online", *rules.STOCK_FIELDS, *rules.ACTIVITY_FIELDS,
	*rules.AGE_BAND_FIELDS, *rules.INTERACTION_FIELDS, *rules.CHECK_FIELDS, *rules.RATING_FIELDS,
)  # fmt: skip
STANDARD = ("name", "creation", "modified", "modified_by", "owner", "docstatus", "idx")
CHILD_STANDARD = (*STANDARD, "parent", "parentfield", "parenttype")


def _luhn(digits: str) -> str:
	total = 0
	for position, char in enumerate(reversed(digits)):
		value = int(char)
		if position % 2 == 0:
			value *= 2
			if value > 9:
				value -= 9
		total += value
	return digits + str((10 - total % 10) % 10)


def _rng(seed: int, *parts) -> random.Random:
	return random.Random("-".join(str(p) for p in (seed, *parts)))


def _pick_weighted(rng: random.Random, options) -> str:
	roll, total = rng.random(), 0.0
	for value, weight in options:
		total += weight
		if roll < total:
			return value
	return options[-1][0]


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
	return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# ---------------------------------------------------------------- the network


def build_network(departments: list[str], promeneurs: int, seed: int, professions: list[str]):
	"""Structures and promeneurs (dicts), spread over ``departments`` with uneven sizes."""
	rng = _rng(seed, "network")
	weights = [rng.uniform(0.5, 1.6) for _ in departments]
	scale = promeneurs / sum(weights)
	sizes = [max(1, int(w * scale)) for w in weights]
	for index in range(promeneurs - sum(sizes)):
		sizes[index % len(sizes)] += 1
	structures, people = [], []
	for department, size in zip(departments, sizes, strict=True):
		count = max(1, round(size / 2.6))
		first = len(structures)
		for _ in range(count):
			number = len(structures) + 1
			structures.append(
				{
					"name": f"{STRUCTURE_PREFIX}{number:05d}",
					"structure_name": f"{rng.choice(STRUCTURE_KINDS)} {rng.choice(TOWNS)} {number}",
					"department": department,
					"siret": _luhn(f"9{number:012d}"),
					"city": f"Ville {department}",
				}
			)
		for _ in range(size):
			number = len(people) + 1
			people.append(
				_promeneur(
					_rng(seed, "promeneur", number),
					number,
					department,
					structures[rng.randint(first, len(structures) - 1)]["name"],
					professions,
				)
			)
	return structures, people


def _promeneur(
	rng: random.Random, number: int, department: str, structure: str, professions: list[str]
) -> dict:
	first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
	roll = rng.random()
	status, active_since, ended_on = "Active", None, None
	if roll < 0.01:
		status = "Candidate"
	else:
		if roll < 0.93:
			active_since = _day_between(rng, dt.date(2015, 1, 1), dt.date(2020, 12, 31))
		else:
			active_since = _day_between(rng, dt.date(2021, 1, 1), dt.date(2023, 6, 30))
		second = rng.random()
		if second < 0.04:
			status = "Left"
			ended_on = _day_between(rng, max(active_since, dt.date(2024, 1, 1)), dt.date(2025, 12, 31))
		elif second < 0.06:
			status = "Suspended"
	mission = _pick_weighted(rng, MISSIONS)
	return {
		"name": f"{PROMENEUR_PREFIX}{number:05d}",
		"first_name": first,
		"last_name": f"{last} {number}",
		"full_name": f"{first} {last} {number}",
		"profession": rng.choice(professions) if professions else None,
		"structure": structure,
		"department": department,
		"email": f"promeneur.{number:05d}@{EMAIL_DOMAIN}",
		"mission": mission,
		"weekly_hours": rng.choice((2, 2, 3, 3, 4, 5, 6)),
		"public_12_17": 1 if mission != "Parenting" else 0,
		"public_18_25": 1 if mission != "Parenting" and rng.random() < 0.6 else 0,
		"public_parents": 1 if mission != "Youth" else 0,
		"status": status,
		"candidate_since": (active_since - dt.timedelta(days=60)) if active_since else dt.date(2025, 9, 1),
		"active_since": active_since,
		"ended_on": ended_on,
		"status_changed_on": ended_on or active_since or dt.date(2025, 9, 1),
	}


# ---------------------------------------------------------------- the questionnaires


def build_evaluation(
	seed: int, promeneur: dict, period: rules.Period, networks: list[str], themes: list[str]
):
	"""One questionnaire (dict of fields), its networks and its themes; None when not answered."""
	rng = _rng(seed, promeneur["name"], period.key)
	if not rules.is_expected(period, promeneur["status"], promeneur["active_since"], promeneur["ended_on"]):
		return None
	roll = rng.random()
	if roll >= RESPONSE_ODDS + DRAFT_ODDS:
		return None
	docstatus = 1 if roll < RESPONSE_ODDS else 0
	due = rules.due_date(period, DUE_DAYS)
	if docstatus and rng.random() < LATE_ODDS:
		submitted_on = due + dt.timedelta(days=rng.randint(1, 40))
	else:
		submitted_on = due - dt.timedelta(days=rng.randint(0, 20))

	values, used, addressed = questionnaire_figures(
		rng, period, promeneur["mission"], promeneur["weekly_hours"], networks, themes
	)
	values.update(
		{
			"promeneur": promeneur["name"],
			"promeneur_name": promeneur["full_name"],
			"promeneur_email": promeneur["email"],
			"structure": promeneur["structure"],
			"department": promeneur["department"],
			"mission": promeneur["mission"],
			"profession": promeneur["profession"],
			"period_type": period.period_type,
			"year": period.year,
			"quarter": rules.quarter_value(period.quarter),
			"period": period.key,
			"period_start": period.start,
			"period_end": period.end,
			"due_date": due,
			"status": "Submitted" if docstatus else "Draft",
			"submitted_on": submitted_on if docstatus else None,
			"title": f"{promeneur['full_name']} · {period.key}",
			"docstatus": docstatus,
		}
	)
	return values, used, addressed


# ---------------------------------------------------------------- insert / clear


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
	last = rules.parse_period_key(last_period) if last_period else rules.last_ended_period(getdate(nowdate()))
	first = rules.parse_period_key(first_period) if first_period else last
	if not first_period:
		for _ in range(QUARTERS - 1):
			first = first.previous()
	periods = rules.periods_between(first, last)
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
			("themes", "PdN Evaluation Theme", "theme"),
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
		("PdN Evaluation Theme", "parent", EVALUATION_PREFIX),
		("PdN Evaluation", "name", EVALUATION_PREFIX),
		("PdN Evaluation Reminder", "promeneur", PROMENEUR_PREFIX),
		("PdN Promeneur", "name", PROMENEUR_PREFIX),
		("PdN Structure", "name", STRUCTURE_PREFIX),
	):
		table = frappe.qb.DocType(doctype)
		frappe.qb.from_(table).delete().where(table[column].like(f"{prefix}%")).run()
	frappe.db.commit()
	if verbose:
		print(f"Cleared the national data: {before}")
	return before
