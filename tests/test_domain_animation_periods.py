"""Quarters, years and the due dates of the coordinator's reports (pdn_frappe.domain.periods)."""

import datetime as dt

import pytest

from pdn_frappe.domain.periods import (
	Period,
	PeriodError,
	add_months,
	last_closed_quarter,
	make_period,
	overlaps,
	parse_quarter,
	periods_due_around,
	quarter_containing,
	quarter_of,
)


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
	assert (period.start, period.end, period.due_date) == (start, end, due)
	assert period.period_type == "Quarter"
	assert period.key() == f"2026-Q{quarter}"


def test_year_and_its_due_date():
	year = Period(2019)
	assert (year.start, year.end, year.due_date) == (
		dt.date(2019, 1, 1),
		dt.date(2019, 12, 31),
		dt.date(2020, 1, 15),
	)
	assert year.period_type == "Year" and year.key() == "2019"


def test_leap_year_february_is_inside_the_first_quarter():
	assert Period(2024, 1).contains(dt.date(2024, 2, 29))
	assert not Period(2024, 1).contains(dt.date(2024, 4, 1))


def test_previous_periods():
	assert Period(2026, 1).previous() == Period(2025, 4)
	assert Period(2026, 3).previous() == Period(2026, 2)
	assert Period(2026).previous() == Period(2025)


def test_quarter_of_and_last_closed_quarter():
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
	assert quarter_containing(dt.date(2026, 11, 23)) == Period(2026, 4)
	assert last_closed_quarter(dt.date(2026, 1, 5)) == Period(2025, 4)


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
