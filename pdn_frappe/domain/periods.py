"""Calendar periods of the programme: quarters, years and the coordinator's reporting due dates.

The coordinator sends the CAF a report every quarter and a report every year. The call for
coordination (annex 1) sets the quarterly due dates: 15 April for the first quarter, 15 July for
the second, 15 November for the third and 15 January of the next year for the fourth; the annual
report is due on 15 January of the next year too.

Pure functions on :class:`datetime.date`; nothing here knows about Frappe.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

QUARTER = "Quarter"
YEAR = "Year"
PERIOD_TYPES = (QUARTER, YEAR)

#: (month, day) of the due date of each quarter's report; the fourth falls in the next year
QUARTER_DUE_DATES: dict[int, tuple[int, int]] = {1: (4, 15), 2: (7, 15), 3: (11, 15), 4: (1, 15)}
#: (month, day) of the due date of the annual report, in the next year
YEAR_DUE_DATE = (1, 15)


class PeriodError(ValueError):
	"""A period that does not exist (quarter 5, a year without a quarter...)."""

	def __init__(self, code: str, value: object) -> None:
		super().__init__(code, value)
		self.code = code
		self.value = value


@dataclass(frozen=True)
class Period:
	"""A reporting period: a quarter of a year or a whole year (``quarter`` is None)."""

	year: int
	quarter: int | None = None

	def __post_init__(self) -> None:
		if not isinstance(self.year, int) or not 1900 <= self.year <= 2999:
			raise PeriodError("invalid_year", self.year)
		if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
			raise PeriodError("invalid_quarter", self.quarter)

	@property
	def period_type(self) -> str:
		return YEAR if self.quarter is None else QUARTER

	@property
	def start(self) -> datetime.date:
		if self.quarter is None:
			return datetime.date(self.year, 1, 1)
		return datetime.date(self.year, 3 * self.quarter - 2, 1)

	@property
	def end(self) -> datetime.date:
		if self.quarter is None or self.quarter == 4:
			return datetime.date(self.year, 12, 31)
		return datetime.date(self.year, 3 * self.quarter + 1, 1) - datetime.timedelta(days=1)

	@property
	def due_date(self) -> datetime.date:
		"""When the coordinator's report on this period is due to the CAF."""
		if self.quarter is None:
			return datetime.date(self.year + 1, *YEAR_DUE_DATE)
		month, day = QUARTER_DUE_DATES[self.quarter]
		return datetime.date(self.year + 1 if self.quarter == 4 else self.year, month, day)

	def contains(self, day: datetime.date) -> bool:
		return self.start <= day <= self.end

	def previous(self) -> Period:
		"""The same kind of period just before (Q1 2026 -> Q4 2025, 2026 -> 2025)."""
		if self.quarter is None:
			return Period(self.year - 1)
		if self.quarter == 1:
			return Period(self.year - 1, 4)
		return Period(self.year, self.quarter - 1)

	def key(self) -> str:
		"""Stable short code: "2026-Q1" or "2026"."""
		return str(self.year) if self.quarter is None else f"{self.year}-Q{self.quarter}"


def make_period(period_type: str, year: int, quarter: int | str | None = None) -> Period:
	"""Period from the values of a form: ("Quarter", 2026, "Q2") or ("Year", 2026)."""
	if period_type == YEAR:
		return Period(int(year))
	if period_type != QUARTER:
		raise PeriodError("invalid_period_type", period_type)
	if quarter in (None, ""):
		raise PeriodError("missing_quarter", quarter)
	return Period(int(year), parse_quarter(quarter))


def parse_quarter(value: int | str) -> int:
	"""1..4 from 1, "1", "Q1" or "q1"."""
	text = str(value).strip().upper().removeprefix("Q")
	if text not in ("1", "2", "3", "4"):
		raise PeriodError("invalid_quarter", value)
	return int(text)


def quarter_of(day: datetime.date) -> int:
	return (day.month - 1) // 3 + 1


def quarter_containing(day: datetime.date) -> Period:
	return Period(day.year, quarter_of(day))


def last_closed_quarter(today: datetime.date) -> Period:
	"""The most recent quarter that has ended on ``today`` (the one a report is written about)."""
	return quarter_containing(today).previous()


def periods_due_around(today: datetime.date, days_before: int) -> list[tuple[Period, str]]:
	"""Reports to remind the coordinator of on ``today``.

	Returns ``(period, "upcoming")`` when ``today`` is ``days_before`` days before a due date and
	``(period, "overdue")`` the day after a due date. Only the quarters and years whose due date is
	close to ``today`` are considered, so a daily job calls this once and sends what it returns.
	"""
	candidates = [Period(year, quarter) for year in (today.year - 1, today.year) for quarter in (1, 2, 3, 4)]
	candidates += [Period(today.year - 1), Period(today.year - 2)]
	result = []
	for period in sorted(candidates, key=lambda p: (p.due_date, p.quarter or 0)):
		if days_before >= 0 and period.due_date - datetime.timedelta(days=days_before) == today:
			result.append((period, "upcoming"))
		if period.due_date + datetime.timedelta(days=1) == today:
			result.append((period, "overdue"))
	return result


def add_months(day: datetime.date, months: int) -> datetime.date:
	"""``day`` moved by ``months`` months, kept within the target month (31 January + 1 = 28/29 February)."""
	index = day.year * 12 + day.month - 1 + months
	year, month = divmod(index, 12)
	month += 1
	next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
	last_day = (next_month - datetime.timedelta(days=1)).day
	return datetime.date(year, month, min(day.day, last_day))


def overlaps(start: datetime.date, end: datetime.date | None, period: Period) -> bool:
	"""Whether [start, end] (end None = still going) meets the period."""
	return start <= period.end and (end is None or end >= period.start)
