"""Quarters and years, their keys and labels, and the due dates of the coordinator's reports
(pdn_frappe.domain.periods)."""

import datetime as dt

import pytest

from pdn_frappe.domain.periods import (
	YEAR,
	Period,
	PeriodError,
	add_months,
	label,
	last_ended_period,
	make_period,
	overlaps,
	parse_period_key,
	parse_quarter,
	period_containing,
	periods_between,
	periods_due_around,
	quarter_of,
	report_due_date,
)

D = dt.date


@pytest.mark.parametrize(
	"quarter, start, end, due",
	[
		(1, dt.date(2026, 1, 1), dt.date(2026, 3, 31), dt.date(2026, 4, 15)),
		(2, dt.date(2026, 4, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 15)),
		(3, dt.date(2026, 7, 1), dt.date(2026, 9, 30), dt.date(2026, 11, 15)),
		(4, dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 15)),
	],
)
def test_quarters_and_their_due_dates(quarter, start, end, due):
	period = Period(2026, quarter)
	assert (period.start, period.end, report_due_date(period)) == (start, end, due)
	assert period.period_type == "Quarter"
	assert period.key == f"2026-Q{quarter}"


def test_year_and_its_due_date():
	year = Period(2019)
	assert (year.start, year.end, report_due_date(year)) == (
		dt.date(2019, 1, 1),
		dt.date(2019, 12, 31),
		dt.date(2020, 1, 15),
	)
	assert year.period_type == "Year" and year.key == "2019"


def test_leap_year_february_is_inside_the_first_quarter():
	assert Period(2024, 1).contains(dt.date(2024, 2, 29))
	assert not Period(2024, 1).contains(dt.date(2024, 4, 1))


def test_previous_periods():
	assert Period(2026, 1).previous() == Period(2025, 4)
	assert Period(2026, 3).previous() == Period(2026, 2)
	assert Period(2026).previous() == Period(2025)


def test_quarter_of_and_last_ended_period():
	assert [quarter_of(dt.date(2026, month, 1)) for month in range(1, 13)] == [
		1,
		1,
		1,
		2,
		2,
		2,
		3,
		3,
		3,
		4,
		4,
		4,
	]
	assert period_containing(dt.date(2026, 11, 23)) == Period(2026, 4)
	assert last_ended_period(dt.date(2026, 1, 5)) == Period(2025, 4)


def test_make_period_from_form_values():
	assert make_period("Quarter", 2026, "Q2") == Period(2026, 2)
	assert make_period("Quarter", "2026", 3) == Period(2026, 3)
	assert make_period("Year", 2026, "Q1") == Period(2026)
	for bad in (("Quarter", 2026, None), ("Month", 2026, 1), ("Quarter", 2026, "Q5")):
		with pytest.raises(PeriodError):
			make_period(*bad)
	with pytest.raises(PeriodError):
		Period(2026, 0)
	assert parse_quarter("q4") == 4


def test_reminders_a_week_before_and_the_day_after_a_due_date():
	assert periods_due_around(dt.date(2026, 4, 8), 7) == [(Period(2026, 1), "upcoming")]
	assert periods_due_around(dt.date(2026, 4, 16), 7) == [(Period(2026, 1), "overdue")]
	# 15 January closes both the fourth quarter and the year before
	assert periods_due_around(dt.date(2027, 1, 8), 7) == [
		(Period(2026), "upcoming"),
		(Period(2026, 4), "upcoming"),
	]
	assert periods_due_around(dt.date(2026, 5, 2), 7) == []
	assert periods_due_around(dt.date(2026, 11, 15), 0) == [(Period(2026, 3), "upcoming")]


def test_overlaps():
	period = Period(2019)
	assert overlaps(dt.date(2018, 5, 1), None, period)
	assert overlaps(dt.date(2018, 5, 1), dt.date(2019, 1, 1), period)
	assert not overlaps(dt.date(2018, 5, 1), dt.date(2018, 12, 31), period)
	assert not overlaps(dt.date(2020, 1, 1), None, period)


def test_add_months_stays_in_the_target_month():
	assert add_months(dt.date(2025, 11, 23), 12) == dt.date(2026, 11, 23)
	assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
	assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
	assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
	assert add_months(dt.date(2026, 3, 15), -3) == dt.date(2025, 12, 15)


# --- bounds, keys and form values ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("period", "start", "end", "days"),
	[
		(Period(2025, 1), D(2025, 1, 1), D(2025, 3, 31), 90),
		(Period(2024, 1), D(2024, 1, 1), D(2024, 3, 31), 91),
		(Period(2025, 2), D(2025, 4, 1), D(2025, 6, 30), 91),
		(Period(2025, 3), D(2025, 7, 1), D(2025, 9, 30), 92),
		(Period(2025, 4), D(2025, 10, 1), D(2025, 12, 31), 92),
		(Period(2025), D(2025, 1, 1), D(2025, 12, 31), 365),
	],
)
def test_period_bounds(period, start, end, days):
	assert (period.start, period.end, period.days, period.hours) == (start, end, days, 24 * days)


def test_period_keys_round_trip():
	assert Period(2025, 1).key == "2025-Q1"
	assert Period(2025).key == "2025"
	for period in (Period(2025, 1), Period(2025, 4), Period(2019)):
		assert parse_period_key(period.key) == period
	with pytest.raises(PeriodError):
		parse_period_key("2025-Q5")
	with pytest.raises(PeriodError):
		parse_period_key("soon")


def test_make_period_accepts_form_values():
	assert make_period("Quarter", "2025", "Q2") == Period(2025, 2)
	assert make_period("Quarter", 2025, "2") == Period(2025, 2)
	assert make_period("Quarter", 2025.0, 3) == Period(2025, 3)
	assert make_period("Year", "2024", "Q3") == Period(2024)


@pytest.mark.parametrize(
	("args", "code"),
	[
		(("Month", 2025, 1), "invalid_period_type"),
		(("Quarter", 2025, None), "invalid_quarter"),
		(("Quarter", 2025, ""), "invalid_quarter"),
		(("Quarter", 2025, "Q5"), "invalid_quarter"),
		(("Quarter", 2025, 0), "invalid_quarter"),
		(("Quarter", "abc", 1), "invalid_year"),
		(("Year", 1999, None), "invalid_year"),
		(("Year", True, None), "invalid_year"),
	],
)
def test_make_period_refuses_impossible_periods(args, code):
	with pytest.raises(PeriodError) as caught:
		make_period(*args)
	assert caught.value.code == code


def test_previous_next_and_quarters():
	assert Period(2025, 1).previous() == Period(2024, 4)
	assert Period(2024, 4).next() == Period(2025, 1)
	assert Period(2025).previous() == Period(2024)
	assert Period(2025).quarters() == tuple(Period(2025, q) for q in (1, 2, 3, 4))
	assert Period(2025, 2).quarters() == (Period(2025, 2),)
	assert periods_between(Period(2024, 3), Period(2025, 2)) == [
		Period(2024, 3),
		Period(2024, 4),
		Period(2025, 1),
		Period(2025, 2),
	]
	with pytest.raises(PeriodError):
		periods_between(Period(2024, 3), Period(2025))


def test_periods_around_a_day():
	day = D(2025, 5, 20)
	assert quarter_of(day) == 2
	assert period_containing(day) == Period(2025, 2)
	assert period_containing(day, YEAR) == Period(2025)
	assert last_ended_period(day) == Period(2025, 1)
	assert last_ended_period(D(2025, 1, 3)) == Period(2024, 4)
	assert last_ended_period(day, YEAR) == Period(2024)


def test_labels_for_display():
	assert label(Period(2026, 1)) == "Q1 2026"
	assert label(Period(2026)) == "Year 2026"
	french = {"Q{0} {1}": "T{0} {1}", "Year {0}": "Année {0}"}
	assert label(Period(2026, 1), french.get) == "T1 2026"
	assert label(Period(2026), french.get) == "Année 2026"
	assert str(Period(2026, 3)) == "2026-Q3"


def test_years_outside_the_programme_are_refused():
	for year in (2011, 2101):
		with pytest.raises(PeriodError):
			Period(year)
	# the reminders of the first years of the programme never build an impossible period
	assert periods_due_around(dt.date(2013, 1, 8), 7) == [
		(Period(2012), "upcoming"),
		(Period(2012, 4), "upcoming"),
	]
