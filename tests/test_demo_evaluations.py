"""The demo questionnaires (pdn_frappe.demo.evaluations): the last four quarters over, about 41 % of
the promeneurs who owe one, consistent figures, the same every time."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from pdn_frappe.demo import evaluations as ev
from pdn_frappe.demo import network as demo
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.roles import PROMENEUR_ROLE

TODAY = dt.date(2026, 12, 1)
THEMES = (
	"Addictions",
	"Citoyenneté",
	"Culture et loisirs",
	"Emploi et insertion",
	"Harcèlement",
	"Orientation et scolarité",
	"Santé",
	"Sexualité",
	"Vie affective",
)
NETWORKS = ("Facebook", "Instagram", "Snapchat")
LOGIN = demo.login_for_role(PROMENEUR_ROLE).email


def _date(value: str | None) -> dt.date | None:
	return dt.date.fromisoformat(value) if value else None


def demo_promeneurs() -> list[ev.Promeneur]:
	"""The demo network's promeneurs, as the loader reads them from a site."""
	return [
		ev.Promeneur(
			key=p.email,
			department=p.department,
			status=p.status,
			active_since=_date(p.active_since),
			ended_on=_date(p.ended_on),
			mission=p.mission,
			weekly_hours=p.weekly_hours,
			networks=tuple(dict.fromkeys(profile.social_network for profile in p.network_profiles)),
		)
		for p in demo.build_demo_network().promeneurs
	]


@pytest.fixture(scope="module")
def promeneurs() -> list[ev.Promeneur]:
	return demo_promeneurs()


@pytest.fixture(scope="module")
def questionnaires(promeneurs) -> list[ev.Questionnaire]:
	return ev.build_demo_questionnaires(promeneurs, TODAY, THEMES, NETWORKS, leave_open=[LOGIN])


def test_the_four_quarters_over_oldest_first():
	assert [p.key for p in ev.demo_periods(dt.date(2026, 12, 1))] == [
		"2025-Q4",
		"2026-Q1",
		"2026-Q2",
		"2026-Q3",
	]
	# on the first day of a quarter, the quarter that just ended is the last one
	assert ev.demo_periods(dt.date(2026, 4, 1))[-1] == Period(2026, 1)
	assert ev.demo_periods(dt.date(2026, 3, 31))[-1] == Period(2025, 4)


def test_answered_count_rounds_half_up():
	assert ev.answered_count(20) == 8
	assert ev.answered_count(38) == 16
	assert ev.answered_count(0) == 0
	assert ev.answered_count(10, 0.45) == 5


def test_about_41_percent_of_the_expected_promeneurs_answer_each_quarter(promeneurs, questionnaires):
	by_key = {p.key: p for p in promeneurs}
	answered = Counter((q.period, by_key[q.promeneur].department) for q in questionnaires)
	total_answered = total_expected = 0
	for period in ev.demo_periods(TODAY):
		for department in demo.DEMO_DEPARTMENTS:
			expected = [p for p in promeneurs if p.department == department and p.is_expected(period)]
			assert expected, (period, department)
			count = answered[(period, department)]
			assert count == ev.answered_count(len(expected))
			assert abs(count / len(expected) - ev.RESPONSE_RATE) <= 0.5 / len(expected)
			total_answered += count
			total_expected += len(expected)
	assert 0.39 <= total_answered / total_expected <= 0.43


def test_only_promeneurs_who_owe_the_questionnaire_answer_and_once(promeneurs, questionnaires):
	by_key = {p.key: p for p in promeneurs}
	assert all(by_key[q.promeneur].is_expected(q.period) for q in questionnaires)
	assert not [q for q in questionnaires if by_key[q.promeneur].status == "Candidate"]
	pairs = [(q.promeneur, q.period) for q in questionnaires]
	assert len(pairs) == len(set(pairs))


def test_the_demo_login_leaves_the_last_quarter_to_fill_in(questionnaires):
	last = ev.demo_periods(TODAY)[-1]
	assert not [q for q in questionnaires if q.promeneur == LOGIN and q.period == last]


def test_same_input_same_questionnaires(promeneurs, questionnaires):
	again = ev.build_demo_questionnaires(
		list(reversed(promeneurs)), TODAY, THEMES, NETWORKS, leave_open=[LOGIN]
	)
	assert sorted(again, key=lambda q: (q.promeneur, q.period)) == sorted(
		questionnaires, key=lambda q: (q.promeneur, q.period)
	)


def test_values_depend_on_the_promeneur_and_the_period_only(promeneurs):
	promeneur = next(p for p in promeneurs if p.status == "Active")
	period = Period(2026, 2)
	one = ev.build_questionnaire(promeneur, period, TODAY, THEMES, NETWORKS)
	# built another day, among other promeneurs: the same answers (only the sending day is capped)
	other = ev.build_questionnaire(promeneur, period, dt.date(2027, 6, 1), THEMES, NETWORKS)
	assert one.values == other.values and one.networks == other.networks and one.themes == other.themes
	assert ev.build_questionnaire(promeneur, Period(2026, 1), TODAY, THEMES, NETWORKS) != one


def test_who_answers_does_not_depend_on_the_order_of_the_rows(promeneurs):
	period = ev.demo_periods(TODAY)[-1]
	shuffled = list(promeneurs)
	random.Random(4).shuffle(shuffled)
	assert ev.respondents(promeneurs, period) == ev.respondents(shuffled, period)


def test_every_questionnaire_is_consistent_and_complete(questionnaires):
	for q in questionnaires:
		assert rules.check_indicators(q.values, q.period) == [], q
		assert rules.check_complete(q.values, q.networks) == [], q
		assert set(q.values) <= {
			*rules.COUNT_FIELDS,
			rules.HOURS_FIELD,
			*rules.CHECK_FIELDS,
			*rules.RATING_FIELDS,
			*rules.FREE_TEXT_FIELDS,
		}
		assert q.themes == tuple(dict.fromkeys(q.themes)) and set(q.themes) <= set(THEMES)


def test_networks_come_from_the_promeneur_profiles(promeneurs, questionnaires):
	by_key = {p.key: p for p in promeneurs}
	for q in questionnaires:
		assert q.networks and set(q.networks) <= set(by_key[q.promeneur].networks or NETWORKS)


def test_figures_are_plausible(questionnaires):
	for q in questionnaires:
		weeks = q.period.days / 7
		assert 0 < q.values["hours_online"] <= 6 * 1.3 * weeks + 1
		assert q.values["young_friends"] <= 450
	youth = [q for q in questionnaires if q.values["youths_contacted"] > 3]
	assert len(youth) > len(questionnaires) / 2
	assert sum(q.values["device_smartphone"] for q in questionnaires) > 0.8 * len(questionnaires)


def test_sent_around_the_due_date_never_in_the_future(questionnaires):
	for q in questionnaires:
		due = rules.due_date(q.period, ev.DUE_DAYS)
		assert (
			q.period.end - dt.timedelta(days=5) <= q.submitted_on <= min(due + dt.timedelta(days=20), TODAY)
		)
	late = [q for q in questionnaires if q.submitted_on > rules.due_date(q.period, ev.DUE_DAYS)]
	assert len(late) < len(questionnaires) / 3


def test_a_quarter_that_just_ended_is_answered_by_today_at_the_latest(promeneurs):
	today = dt.date(2026, 10, 2)
	last = ev.demo_periods(today)[-1]
	recent = [q for q in ev.build_demo_questionnaires(promeneurs, today, THEMES) if q.period == last]
	assert recent and all(q.submitted_on <= today for q in recent)


def test_free_texts_hold_no_contact_details(questionnaires):
	from pdn_frappe.domain import privacy

	texts = [q.values.get(f) for q in questionnaires for f in rules.FREE_TEXT_FIELDS if q.values.get(f)]
	assert texts
	assert not [text for text in texts if privacy.has_contact_details(text)]


def test_a_promeneur_without_network_uses_the_default_ones():
	promeneur = ev.Promeneur("x@example.org", "03", "Active", dt.date(2020, 1, 1))
	q = ev.build_questionnaire(promeneur, Period(2026, 3), TODAY, THEMES, ("Instagram",))
	assert q.networks == ("Instagram",)
	with pytest.raises(ValueError):
		ev.build_questionnaire(promeneur, Period(2026, 3), TODAY, THEMES, ())


def test_some_promeneurs_report_fewer_hours_than_committed_the_same_every_quarter(promeneurs, questionnaires):
	from pdn_frappe.domain import commitments

	by_key = {p.key: p for p in promeneurs}

	def committed(q):
		p = by_key[q.promeneur]
		return commitments.committed_hours(
			p.weekly_hours, q.period.start, q.period.end, p.active_since, p.ended_on
		)

	below = [q for q in questionnaires if q.values["hours_online"] < committed(q)]
	assert 0 < len(below) < len(questionnaires) / 3
	for q in questionnaires:
		falls_short = ev.reports_below_commitment(q.promeneur)
		assert (q.values["hours_online"] < committed(q)) == falls_short, q.promeneur
		if falls_short:
			assert q.values["hours_online"] <= committed(q) * ev.BELOW_COMMITMENT_RATIO


def test_hours_against_the_commitment():
	assert ev.hours_against_commitment(20, 26.3, below=False) == 26.5  # raised to the half hour above
	assert ev.hours_against_commitment(30, 26.3, below=False) == 30
	assert ev.hours_against_commitment(30, 26.3, below=True) == 19.5  # 3/4 of 26.3 = 19.7
	assert ev.hours_against_commitment(12, 26.3, below=True) == 12
	assert ev.hours_against_commitment(3, 0.4, below=True) == 0.5
