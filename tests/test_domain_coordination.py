"""The coordination's budget and its time split between the youth and parenting missions."""

import pytest

from pdn_frappe.demo import animation as demo_animation
from pdn_frappe.demo import budget as demo_budget
from pdn_frappe.domain import coordination as c


def code_of(function, *args):
	with pytest.raises(c.CoordinationError) as error:
		function(*args)
	return error.value.code


# --------------------------------------------------------------------------- time by mission


def test_one_activity_split_by_mission():
	assert c.split_hours(c.YOUTH, 3, 2) == (3.0, 0.0)  # the parenting part counts only for both
	assert c.split_hours(c.PARENTING, "2,5") == (0.0, 2.5)
	assert c.split_hours(c.BOTH, 3, 1) == (2.0, 1.0)
	assert c.split_hours(c.BOTH, 3, 0) == (3.0, 0.0)
	assert c.split_hours(c.BOTH, 3, 3) == (0.0, 3.0)


@pytest.mark.parametrize(
	"mission, hours, parenting",
	[(c.BOTH, 3, 4), (c.BOTH, 3, -1), (c.BOTH, 3, "deux"), (c.BOTH, 3, float("inf")), (c.BOTH, 3, True)],
)
def test_an_impossible_parenting_part(mission, hours, parenting):
	assert code_of(c.split_hours, mission, hours, parenting) == "invalid_parenting_hours"


def test_an_unknown_mission():
	assert code_of(c.split_hours, "Seniors", 2) == "invalid_mission"
	assert code_of(c.split_hours, None, 2) == "invalid_mission"


def test_the_log_of_a_period_by_mission_computed_by_hand():
	# youth 3 + 2 ; parenting 1.5 ; both 4 of which 1 for parenting ; an old row without mission 0.5
	rows = [
		{"mission": c.YOUTH, "hours": 5, "parenting_hours": 0},
		{"mission": c.PARENTING, "hours": 1.5, "parenting_hours": 0},
		{"mission": c.BOTH, "hours": 4, "parenting_hours": 1},
		{"mission": None, "hours": 0.5, "parenting_hours": None},
	]
	# youth = 5 + 3 + 0.5 = 8.5 ; parenting = 1.5 + 1 = 2.5 ; share = 2.5 / 11 = 22.7 %
	assert c.mission_split(rows) == {"youth_hours": 8.5, "parenting_hours": 2.5, "parenting_share": 22.7}
	assert c.mission_split([]) == {"youth_hours": 0.0, "parenting_hours": 0.0, "parenting_share": 0.0}


# --------------------------------------------------------------------------- the budget


def test_a_budget_added_up_by_hand():
	totals = c.budget_totals(30000, 0.8, [("Conseil départemental", 6000), ("MSA", "1500")])
	# CAF 30 000 x 0.8 = 24 000 ; co-funding 7 500 ; total 31 500 ; CAF share 24 000 / 31 500 = 76.2 %
	assert totals == c.BudgetTotals(24000.0, 7500.0, 31500.0, 76.2)
	assert c.budget_totals(0, 1, []) == c.BudgetTotals(0.0, 0.0, 0.0, None)


@pytest.mark.parametrize(
	"per_fte, fte, funders, code",
	[
		(30000, 0, [], "invalid_fte"),
		(30000, -1, [], "invalid_fte"),
		(30000, 11, [], "invalid_fte"),
		(30000, "un", [], "invalid_fte"),
		(-5, 1, [], "invalid_amount"),
		(10_000_001, 1, [], "invalid_amount"),
		(float("nan"), 1, [], "invalid_amount"),
		(30000, 1, [("  ", 100)], "funder_required"),
		(30000, 1, [(None, 100)], "funder_required"),
		(30000, 1, [("x" * 141, 100)], "funder_too_long"),
		(30000, 1, [("MSA", 100), (" msa ", 200)], "funder_twice"),
		(30000, 1, [("MSA", 0)], "invalid_funder_amount"),
		(30000, 1, [("MSA", -10)], "invalid_funder_amount"),
		(30000, 1, [("MSA", "beaucoup")], "invalid_funder_amount"),
		(30000, 1, [("MSA", 10_000_001)], "invalid_funder_amount"),
	],
)
def test_hostile_budgets(per_fte, fte, funders, code):
	assert code_of(c.budget_totals, per_fte, fte, funders) == code


def test_a_budget_year():
	assert c.check_year("2026") == 2026
	for year in (2011, 2101, 2026.5, "deux mille", None, True):
		assert code_of(c.check_year, year) == "invalid_year"


# --------------------------------------------------------------------------- the demo


def test_the_demo_budgets_are_valid_and_one_a_department():
	budgets = demo_budget.budgets(2026)
	assert sorted(b.department for b in budgets) == ["03", "63"]
	allier = c.budget_totals(budgets[0].funding_per_fte, budgets[0].fte, budgets[0].co_funders)
	assert (allier.caf_funding, allier.co_funding, allier.total) == (24000.0, 7500.0, 31500.0)


def test_the_demo_log_serves_both_missions():
	shapes = {
		(kind, index): demo_animation.activity_mission(kind, index, 3.0)
		for kind, index in [
			(demo_animation.a.PUBLIC_WORKSHOP, 0),
			(demo_animation.a.COLLECTIVE_PRESENTATION, 1),
			(demo_animation.a.COLLECTIVE_PRESENTATION, 0),
			(demo_animation.a.PROMENEUR_EXCHANGE, 1),
		]
	}
	assert list(shapes.values()) == [(c.BOTH, 1.5), (c.PARENTING, 0.0), (c.YOUTH, 0.0), (c.YOUTH, 0.0)]
	for kind, index in shapes:
		mission, parenting = shapes[(kind, index)]
		c.split_hours(mission, 3.0, parenting)
