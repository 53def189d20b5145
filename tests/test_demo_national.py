"""The national benchmark data (pdn_frappe.demo.national): valid records, the same every time."""

from __future__ import annotations

from collections import Counter

from pdn_frappe.demo import national as nat
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import parse_period_key, periods_between
from pdn_frappe.domain.validation import normalize_siret

DEPARTMENTS = ["01", "03", "63"]
NETWORKS = ["Instagram", "Snapchat", "Facebook"]
THEMES = ["Santé", "Harcèlement", "Citoyenneté"]


def test_the_network_is_spread_over_every_department_with_valid_sirets():
	structures, people = nat.build_network(DEPARTMENTS, 60, seed=7, professions=["Animateur"])
	assert len(people) == 60
	assert {p["department"] for p in people} == set(DEPARTMENTS)
	assert all(normalize_siret(s["siret"]) == s["siret"] for s in structures)
	assert all(s["name"].startswith(nat.STRUCTURE_PREFIX) for s in structures)
	assert all(p["name"].startswith(nat.PROMENEUR_PREFIX) for p in people)
	by_name = {s["name"]: s for s in structures}
	assert all(by_name[p["structure"]]["department"] == p["department"] for p in people)


def test_the_same_seed_gives_the_same_network():
	assert nat.build_network(DEPARTMENTS, 30, 11, []) == nat.build_network(DEPARTMENTS, 30, 11, [])


def test_questionnaires_pass_the_rules_and_carry_no_more_than_counts():
	_structures, people = nat.build_network(DEPARTMENTS, 40, seed=3, professions=[])
	periods = periods_between(parse_period_key("2024-Q1"), parse_period_key("2024-Q4"))
	statuses = Counter()
	for person in people:
		for period in periods:
			built = nat.build_evaluation(3, person, period, NETWORKS, THEMES)
			if not built:
				continue
			values, used, addressed = built
			assert rules.check_indicators(values, period) == []
			assert values["period"] == period.key and values["promeneur"] == person["name"]
			assert set(used) <= set(NETWORKS) and set(addressed) <= set(THEMES)
			statuses[values["status"]] += 1
	assert statuses["Submitted"] > statuses["Draft"]
