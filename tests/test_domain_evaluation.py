"""Tests for pdn_frappe.domain.evaluation: due dates, reminders, rules and indicators."""

from __future__ import annotations

import datetime as dt

import pytest

from pdn_frappe.domain import evaluation as ev
from pdn_frappe.domain.periods import YEAR, Period

D = dt.date


# --- when a questionnaire is due -------------------------------------------------------------------------


def test_a_questionnaire_opens_when_its_period_starts():
	day = D(2025, 5, 20)
	assert ev.is_started(Period(2025, 2), day)
	assert not ev.is_started(Period(2025, 3), day)


def test_due_and_reminder_dates():
	q1 = Period(2025, 1)
	assert ev.due_date(q1, 15) == D(2025, 4, 15)
	assert ev.due_date(q1, 0) == D(2025, 3, 31)
	assert ev.due_date(q1, None) == D(2025, 3, 31)
	assert ev.reminder_date(q1, 15, 7) == D(2025, 4, 8)
	# never before the period is over
	assert ev.reminder_date(q1, 5, 30) == D(2025, 3, 31)
	assert not ev.is_overdue(q1, D(2025, 4, 15), 15)
	assert ev.is_overdue(q1, D(2025, 4, 16), 15)


def test_period_to_answer_prefers_the_last_period_without_questionnaire():
	today = D(2025, 5, 20)
	assert ev.period_to_answer(today) == Period(2025, 1)
	assert ev.period_to_answer(today, taken={"2025-Q1"}) == Period(2024, 4)
	taken = {"2025-Q1", "2024-Q4", "2024-Q3", "2024-Q2"}
	assert ev.period_to_answer(today, taken=taken) == Period(2025, 2)
	assert ev.period_to_answer(today, YEAR) == Period(2024)


def test_periods_due_in_a_quarter():
	assert ev.periods_due_in(Period(2026, 2), 15) == [Period(2026, 1)]
	assert ev.periods_due_in(Period(2026, 1), 15, YEAR) == [Period(2025)]
	assert ev.periods_due_in(Period(2026, 2), 15, YEAR) == []
	# due on the last day of the period itself
	assert ev.periods_due_in(Period(2026, 3), 0) == [Period(2026, 3)]


# --- who owes a questionnaire, and reminders ----------------------------------------------------------------


@pytest.mark.parametrize(
	("status", "since", "ended", "expected"),
	[
		("Active", D(2020, 1, 1), None, True),
		("Active", D(2025, 3, 31), None, True),
		("Active", D(2025, 4, 1), None, False),
		("Left", D(2020, 1, 1), D(2025, 1, 1), True),
		("Left", D(2020, 1, 1), D(2024, 12, 31), False),
		("Suspended", D(2020, 1, 1), None, True),
		("Candidate", D(2020, 1, 1), None, False),
		("Active", None, None, False),
	],
)
def test_is_expected(status, since, ended, expected):
	assert ev.is_expected(Period(2025, 1), status, since, ended) is expected


def test_only_active_promeneurs_are_reminded():
	q1 = Period(2025, 1)
	assert ev.must_be_reminded(q1, "Active", D(2020, 1, 1), None)
	assert not ev.must_be_reminded(q1, "Suspended", D(2020, 1, 1), None)
	assert not ev.must_be_reminded(q1, "Left", D(2020, 1, 1), D(2025, 2, 1))


@pytest.mark.parametrize(
	("today", "rounds"),
	[
		(D(2025, 4, 7), []),
		(D(2025, 4, 8), [(Period(2025, 1), ev.PROMENEURS)]),
		(D(2025, 4, 15), [(Period(2025, 1), ev.PROMENEURS)]),
		(D(2025, 4, 16), [(Period(2025, 1), ev.COORDINATION)]),
		(D(2025, 5, 15), [(Period(2025, 1), ev.COORDINATION)]),
		(D(2025, 5, 16), []),
	],
)
def test_reminder_rounds(today, rounds):
	found = ev.reminder_rounds(today, due_days=15, reminder_days=7)
	assert [(r.period, r.audience) for r in found] == rounds


def test_reminder_rounds_of_annual_questionnaires():
	found = ev.reminder_rounds(D(2026, 1, 10), 15, 7, YEAR)
	assert [(r.period, r.audience) for r in found] == [(Period(2025), ev.PROMENEURS)]


def test_reminder_rounds_when_due_on_the_last_day():
	found = ev.reminder_rounds(D(2025, 3, 31), 0, 7)
	assert [(r.period, r.audience) for r in found] == [(Period(2025, 1), ev.PROMENEURS)]


@pytest.mark.parametrize(
	("kwargs", "status"),
	[
		({"expected": True, "submitted_on": D(2025, 4, 10), "has_draft": False}, ev.ANSWERED),
		({"expected": True, "submitted_on": D(2025, 4, 15), "has_draft": False}, ev.ANSWERED),
		({"expected": True, "submitted_on": D(2025, 4, 16), "has_draft": False}, ev.ANSWERED_LATE),
		({"expected": False, "submitted_on": D(2025, 4, 1), "has_draft": False}, ev.ANSWERED),
		({"expected": True, "submitted_on": None, "has_draft": True}, ev.IN_PROGRESS),
		({"expected": True, "submitted_on": None, "has_draft": False}, ev.MISSING),
		({"expected": False, "submitted_on": None, "has_draft": False}, ev.NOT_EXPECTED),
	],
)
def test_follow_up_status_before_the_due_date(kwargs, status):
	assert ev.follow_up_status(due=D(2025, 4, 15), today=D(2025, 4, 12), **kwargs) == status


def test_follow_up_status_after_the_due_date():
	args = {"due": D(2025, 4, 15), "today": D(2025, 4, 20)}
	assert ev.follow_up_status(expected=True, submitted_on=None, has_draft=False, **args) == ev.OVERDUE
	assert ev.follow_up_status(expected=True, submitted_on=None, has_draft=True, **args) == ev.OVERDUE
	assert ev.follow_up_status(expected=False, submitted_on=None, has_draft=False, **args) == ev.NOT_EXPECTED


def test_follow_up_counts_and_response_rate():
	statuses = [ev.ANSWERED, ev.ANSWERED, ev.ANSWERED_LATE, ev.OVERDUE, ev.MISSING, ev.NOT_EXPECTED]
	counts = ev.follow_up_counts(statuses)
	assert counts[ev.ANSWERED] == 2 and counts[ev.IN_PROGRESS] == 0
	assert list(counts) == list(ev.FOLLOW_UP_STATUSES)
	assert ev.follow_up_response_rate(counts) == 60.0
	assert ev.follow_up_response_rate(ev.follow_up_counts([])) is None


# --- consistency rules --------------------------------------------------------------------------------------


def good(**changes) -> dict:
	values = {
		"hours_online": 40,
		"young_friends": 120,
		"exchanges_per_week": 10,
		"youths_contacted": 30,
		"new_youths_contacted": 8,
		"short_contacts": 12,
		"youths_met_after_contact": 5,
		"projects_initiated": 2,
		"parents_contacted": 0,
		"age_12_14": 10,
		"age_15_17": 15,
		"interactions_simple_exchange": 40,
		"interactions_listening": 4,
		"interest_online_presence": 0.8,
		"interest_network": 1,
		"interest_trainings": 0.6,
	}
	values.update(changes)
	return values


def codes(problems):
	return [p.code for p in problems]


def test_consistent_figures_pass():
	assert ev.check_indicators(good(), Period(2025, 1)) == []
	assert ev.check_indicators({}, Period(2025, 1)) == []


def test_negative_counts_and_hours_are_refused():
	problems = ev.check_indicators(good(hours_online=-1, youths_contacted=-2, age_12_14=0, age_15_17=0))
	assert ("negative", ("hours_online",)) in [(p.code, p.fields) for p in problems]
	assert ("negative", ("youths_contacted",)) in [(p.code, p.fields) for p in problems]


def test_counts_are_whole_numbers_and_numbers():
	assert codes(ev.check_indicators(good(projects_initiated=1.5))) == ["not_whole"]
	assert codes(ev.check_indicators(good(projects_initiated="beaucoup"))) == ["not_a_number"]
	assert ev.check_indicators(good(hours_online="12,5")) == []


def test_hours_cannot_exceed_the_period():
	problems = ev.check_indicators(good(hours_online=2161), Period(2025, 1))
	assert codes(problems) == ["hours_exceed_period"]
	assert problems[0].values == (2161, 2160)
	assert ev.check_indicators(good(hours_online=2161), Period(2025)) == []


@pytest.mark.parametrize("fieldname", ["new_youths_contacted", "short_contacts", "youths_met_after_contact"])
def test_parts_cannot_exceed_the_young_people_contacted(fieldname):
	problems = ev.check_indicators(good(**{fieldname: 31}))
	assert codes(problems) == ["part_exceeds_total"]
	assert problems[0].fields == (fieldname, "youths_contacted")
	assert problems[0].values == (31, 30)


def test_age_bands_cannot_exceed_the_young_people_contacted():
	problems = ev.check_indicators(good(age_18_20=6))
	assert codes(problems) == ["age_bands_exceed_total"]
	assert problems[0].values == (31, 30)
	assert ev.check_indicators(good(age_18_20=5)) == []


def test_activity_needs_somebody_contacted():
	contacts = ("youths_contacted", "new_youths_contacted", "short_contacts", "youths_met_after_contact")
	values = good(**dict.fromkeys((*contacts, "age_12_14", "age_15_17"), 0))  # nobody contacted
	assert codes(ev.check_indicators(values)) == ["activity_without_contacts"]
	assert ev.check_indicators(dict(values, parents_contacted=3)) == []


def test_ratings_are_one_to_five_stars():
	assert ev.rating_stars(0.6) == pytest.approx(3)
	assert ev.rating_stars(None) == 0
	assert ev.rating_stars(4) == 4
	assert codes(ev.check_indicators(good(interest_network=7))) == ["invalid_rating"]
	assert codes(ev.check_indicators(good(interest_network=-0.2))) == ["invalid_rating"]


def test_several_problems_are_all_reported_in_form_order():
	problems = ev.check_indicators(good(hours_online=-5, new_youths_contacted=40, age_21_25=10))
	assert codes(problems) == ["negative", "part_exceeds_total", "age_bands_exceed_total"]


def test_submission_needs_a_network_and_every_rating():
	assert ev.check_complete(good(), ["Instagram"]) == []
	problems = ev.check_complete(good(interest_trainings=0), ["", None])
	assert codes(problems) == ["no_network", "missing_rating"]
	assert problems[1].fields == ("interest_trainings",)


def test_unique_values_keep_first_order():
	assert ev.unique_values(["Snapchat", "", "Instagram", "Snapchat", None]) == ["Snapchat", "Instagram"]


# --- derived indicators -------------------------------------------------------------------------------------


def test_rate_average_and_shares():
	assert ev.rate(1, 3) == 33.3
	assert ev.rate(2, 0) is None
	assert ev.rate(None, 4) == 0
	assert ev.average(10, 4) == 2.5
	assert ev.average(10, 0) is None
	assert ev.shares({"a": 1, "b": 3}) == {"a": 25.0, "b": 75.0}
	assert ev.shares({"a": 0, "b": 0}) == {"a": None, "b": None}


def test_ranking_shares_ranks_on_ties():
	ranked = ev.ranking({"Santé": 5, "Logement": 2, "Emploi": 5, "Mobilité": 0, "Accès aux droits": 3})
	assert [(r.rank, r.key, r.count) for r in ranked] == [
		(1, "Emploi", 5),
		(1, "Santé", 5),
		(3, "Accès aux droits", 3),
		(4, "Logement", 2),
	]
	assert ranked[0].share == 33.3
	with_base = ev.ranking({"Santé": 5}, base=20)
	assert with_base[0].share == 25.0
	assert len(ev.ranking({"a": 0}, keep_zero=True)) == 1


def questionnaires() -> list[dict]:
	first = good(promeneur="P1", networks=["Instagram", "Snapchat"], themes=["Santé", "Emploi"])
	first.update(device_smartphone=1, published_prevention=1)
	second = good(
		promeneur="P1",
		hours_online=20,
		youths_contacted=10,
		new_youths_contacted=2,
		short_contacts=5,
		youths_met_after_contact=1,
		projects_initiated=0,
		age_12_14=2,
		age_15_17=3,
		interactions_simple_exchange=10,
		interactions_listening=0,
		networks=["Instagram"],
		themes=["Santé"],
		interest_trainings=0,
	)
	second.update(device_smartphone=1, device_computer=1)
	third = good(promeneur="P2", parents_contacted=6, networks=["Facebook", "Facebook"], themes=[])
	return [first, second, third]


def test_accumulate_adds_up_questionnaires():
	fig = ev.accumulate(questionnaires(), expected=4)
	assert (fig.expected, fig.answered, fig.promeneurs) == (4, 3, 2)
	assert fig.total("hours_online") == 100
	assert fig.total("youths_contacted") == 70
	assert fig.total("parents_contacted") == 6
	assert fig.total("age_15_17") == 33
	assert fig.total("young_friends") == 360
	assert fig.checks["device_smartphone"] == 2 and fig.checks["device_computer"] == 1
	assert fig.rating_sums["interest_trainings"] == 6 and fig.rating_counts["interest_trainings"] == 2
	assert fig.themes == {"Santé": 2, "Emploi": 1}
	assert fig.networks == {"Instagram": 2, "Snapchat": 1, "Facebook": 1}


def rows_by_code(rows):
	return {(row.section, row.code): row for row in rows}


def test_activity_rows_on_known_figures():
	fig = ev.accumulate(questionnaires(), expected=4)
	rows = ev.activity_rows(fig)
	by = rows_by_code(rows)
	assert rows[0].kind == "section" and rows[0].indent == 0
	assert by[("response", "response_rate")].value == 75.0
	assert by[("response", "answered")].share == 75.0
	hours = by[("presence", "hours_online")]
	assert (hours.value, hours.per_promeneur) == (100, 50.0)
	assert by[("presence", "young_friends")].value == 120.0  # an average, not a sum
	met = by[("contacts", "youths_met_after_contact")]
	assert (met.value, met.share) == (11, 15.7)
	assert by[("contacts", "parents_contacted")].share is None
	ages = by[("ages", "age_15_17")]
	assert (ages.value, ages.share) == (33, 60.0)
	assert by[("ages", "ages_known")].share == 78.6
	assert by[("interactions", "interactions_total")].value == 98
	assert by[("themes", "distinct_themes")].value == 2
	assert by[("themes", "themes_per_questionnaire")].value == 1.0
	sante = by[("themes", "Santé")]
	assert (sante.kind, sante.rank, sante.value, sante.share) == ("theme", 1, 2, 66.7)
	assert by[("networks", "Instagram")].rank == 1
	assert by[("devices", "device_smartphone")].share == 66.7
	assert by[("interest", "interest_trainings")].value == 3.0
	assert by[("interest", "interest_network")].value == 5.0


def test_activity_rows_without_any_questionnaire():
	rows = ev.activity_rows(ev.ActivityFigures(expected=3))
	by = rows_by_code(rows)
	assert by[("response", "response_rate")].value == 0.0
	assert by[("presence", "hours_online")].per_promeneur is None
	assert not [row for row in rows if row.kind in ("theme", "network")]


def test_summary_and_charts():
	fig = ev.accumulate(questionnaires(), expected=4)
	summary = {item.code: item for item in ev.activity_summary(fig)}
	assert summary["response_rate"].value == 75.0 and summary["response_rate"].indicator == "Orange"
	assert summary["meeting_rate"].value == 15.7 and summary["meeting_rate"].percent
	assert summary["hours_online"].value == 100
	codes_, values, kind = ev.activity_chart(fig, ev.CHART_AGES)
	assert codes_ == list(ev.AGE_BAND_FIELDS) and values[2] == 33 and kind == "field"
	codes_, values, kind = ev.activity_chart(fig, ev.CHART_THEMES)
	assert (codes_, values, kind) == (["Santé", "Emploi"], [2, 1], "theme")
	codes_, values, kind = ev.activity_chart(fig, ev.CHART_NETWORKS)
	assert codes_[0] == "Instagram" and kind == "network"
	codes_, values, kind = ev.activity_chart(fig, ev.CHART_INTERACTIONS)
	assert sum(values) == 98


def test_response_indicator_colours():
	assert ev.response_indicator(None) == "Blue"
	assert ev.response_indicator(80) == "Green"
	assert ev.response_indicator(50) == "Orange"
	assert ev.response_indicator(49.9) == "Red"
