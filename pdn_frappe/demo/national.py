"""The national benchmark network, as plain data: 100 departments, 4,200 promeneurs and their
quarterly questionnaires (about 80,000 over twenty quarters).

Deterministic: every value comes from a random generator seeded with ``seed`` and the promeneur (and
period) it belongs to, so that a given year has the same rows whatever the range generated around it.
Every questionnaire passes :func:`pdn_frappe.domain.evaluation.check_indicators`; no young person
appears anywhere, only counts. The loader :mod:`pdn_frappe.evaluation.benchmark.national_data` bulk
inserts it into a site.
"""

from __future__ import annotations

import datetime as dt
import random

from pdn_frappe.demo.evaluations import questionnaire_figures
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period, quarter_value
from pdn_frappe.domain.validation import luhn_complete

PREFIX = "NAT"
STRUCTURE_PREFIX = f"{PREFIX}-STR-"
PROMENEUR_PREFIX = f"{PREFIX}-PRM-"
EVALUATION_PREFIX = f"EVAL-{PREFIX}-PRM-"
EMAIL_DOMAIN = "national.pdn-frappe.invalid"

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
					"siret": luhn_complete(f"9{number:012d}"),
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


def build_evaluation(seed: int, promeneur: dict, period: Period, networks: list[str], themes: list[str]):
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
			"quarter": quarter_value(period.quarter),
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
