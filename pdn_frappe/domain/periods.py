"""Calendar periods of the programme: quarters and years, their keys and labels, and due dates.

A period is a calendar quarter or a whole year. The promeneurs answer a questionnaire on each
period (it is due some days after the period ends, a setting: see
:func:`pdn_frappe.domain.evaluation.due_date`); the coordinator sends the CAF a report on each
quarter and each year. The call for coordination (annex 1) sets the due dates of those reports:
15 April for the first quarter, 15 July for the second, 15 November for the third and 15 January of
the next year for the fourth; the annual report is due on 15 January of the next year too
(:func:`report_due_date`).

A period is stored as its :attr:`Period.key` ("2026-Q1", "2026") and shown as its :func:`label`
("T1 2026", "Année 2026" in French). Pure functions on :class:`datetime.date`; nothing here knows
about Frappe.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from pdn_frappe.domain.errors import DomainError

QUARTER = "Quarter"
YEAR = "Year"
PERIOD_TYPES = (QUARTER, YEAR)

#: the Promeneurs du Net programme started in France in 2012; earlier periods are typos
FIRST_YEAR = 2012
LAST_YEAR = 2100

#: (month, day) of the due date of each quarter's coordination report; the fourth falls in the next year
REPORT_QUARTER_DUE_DATES: dict[int, tuple[int, int]] = {1: (4, 15), 2: (7, 15), 3: (11, 15), 4: (1, 15)}
#: (month, day) of the due date of the annual coordination report, in the next year
REPORT_YEAR_DUE_DATE = (1, 15)


class PeriodError(DomainError):
	"""A period that cannot exist; ``code`` is one of "invalid_period_type", "invalid_year",
	"invalid_quarter", "invalid_period_key"."""

	kind = "period"


@dataclass(frozen=True, order=True)
class Period:
	"""A calendar quarter (``quarter`` 1..4) or a whole year (``quarter`` None)."""

	year: int
	quarter: int | None = None

	def __post_init__(self) -> None:
		if not isinstance(self.year, int) or isinstance(self.year, bool):
			raise PeriodError("invalid_year", self.year)
		if not FIRST_YEAR <= self.year <= LAST_YEAR:
			raise PeriodError("invalid_year", self.year)
		if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
			raise PeriodError("invalid_quarter", self.quarter)

	@property
	def period_type(self) -> str:
		return YEAR if self.quarter is None else QUARTER

	@property
	def start(self) -> datetime.date:
		return datetime.date(self.year, 1 if self.quarter is None else 3 * self.quarter - 2, 1)

	@property
	def end(self) -> datetime.date:
		if self.quarter is None or self.quarter == 4:
			return datetime.date(self.year, 12, 31)
		return datetime.date(self.year, 3 * self.quarter + 1, 1) - datetime.timedelta(days=1)

	@property
	def days(self) -> int:
		return (self.end - self.start).days + 1

	@property
	def hours(self) -> int:
		"""Hours in the period: nobody can have been online longer than that."""
		return 24 * self.days

	@property
	def key(self) -> str:
		"""Stable, language-neutral identifier, as stored: "2026-Q1" or "2026"."""
		return str(self.year) if self.quarter is None else f"{self.year}-Q{self.quarter}"

	def contains(self, day: datetime.date) -> bool:
		return self.start <= day <= self.end

	def previous(self) -> Period:
		"""The same kind of period just before (Q1 2026 -> Q4 2025, 2026 -> 2025)."""
		if self.quarter is None:
			return Period(self.year - 1)
		if self.quarter == 1:
			return Period(self.year - 1, 4)
		return Period(self.year, self.quarter - 1)

	def next(self) -> Period:
		if self.quarter is None:
			return Period(self.year + 1)
		if self.quarter == 4:
			return Period(self.year + 1, 1)
		return Period(self.year, self.quarter + 1)

	def quarters(self) -> tuple[Period, ...]:
		"""The quarters the period is made of (itself for a quarter)."""
		if self.quarter is not None:
			return (self,)
		return tuple(Period(self.year, q) for q in (1, 2, 3, 4))

	def __str__(self) -> str:
		return self.key


def _untranslated(text: str) -> str:
	return text


def label(period: Period, _: Callable[[str], str] = _untranslated) -> str:
	"""What users read: "Q1 2026" or "Year 2026"; with Frappe's ``_``, "T1 2026" or "Année 2026"."""
	if period.quarter is None:
		return _("Year {0}").format(period.year)
	return _("Q{0} {1}").format(period.quarter, period.year)


# --------------------------------------------------------------------------- from form values


def _as_int(value: object, code: str) -> int:
	if isinstance(value, bool):
		raise PeriodError(code, value)
	if isinstance(value, int):
		return value
	if isinstance(value, float) and value.is_integer():
		return int(value)
	if isinstance(value, str) and value.strip().isdigit():
		return int(value.strip())
	raise PeriodError(code, value)


def parse_quarter(value: object) -> int:
	"""1..4 from a quarter as forms send it: 1, "1", "Q1" or "q1" (the value of the Select field)."""
	if isinstance(value, str) and value.strip().upper().startswith("Q"):
		value = value.strip()[1:]
	quarter = _as_int(value, "invalid_quarter")
	if quarter not in (1, 2, 3, 4):
		raise PeriodError("invalid_quarter", value)
	return quarter


def quarter_value(quarter: int | None) -> str:
	"""The value of the quarter Select field: "Q1".."Q4" ("" for a year)."""
	return f"Q{quarter}" if quarter else ""


def make_period(period_type: str, year: object, quarter: object = None) -> Period:
	"""The period of a document from its fields, as a form sends them: ("Quarter", "2026", "Q2")
	or ("Year", 2026); strings accepted."""
	if period_type not in PERIOD_TYPES:
		raise PeriodError("invalid_period_type", period_type)
	year = _as_int(year, "invalid_year")
	if period_type == YEAR:
		return Period(year)
	if quarter in (None, ""):
		raise PeriodError("invalid_quarter", quarter)
	return Period(year, parse_quarter(quarter))


def parse_period_key(key: str) -> Period:
	"""Inverse of :attr:`Period.key`."""
	text = str(key or "").strip().upper()
	try:
		if "-Q" in text:
			year, quarter = text.split("-Q", 1)
			return Period(int(year), int(quarter))
		return Period(int(text))
	except (ValueError, PeriodError):
		raise PeriodError("invalid_period_key", key)


# --------------------------------------------------------------------------- around a day


def quarter_of(day: datetime.date) -> int:
	return (day.month - 1) // 3 + 1


def period_containing(day: datetime.date, period_type: str = QUARTER) -> Period:
	if period_type == YEAR:
		return Period(day.year)
	if period_type == QUARTER:
		return Period(day.year, quarter_of(day))
	raise PeriodError("invalid_period_type", period_type)


def last_ended_period(today: datetime.date, period_type: str = QUARTER) -> Period:
	"""The most recent period that is over on ``today`` (the one a report is written about)."""
	return period_containing(today, period_type).previous()


def periods_between(first: Period, last: Period) -> list[Period]:
	"""Every period from ``first`` to ``last`` included (both of the same type)."""
	if first.period_type != last.period_type:
		raise PeriodError("invalid_period_type", last.period_type)
	periods, current = [], first
	while current <= last:
		periods.append(current)
		current = current.next()
	return periods


def overlaps(start: datetime.date, end: datetime.date | None, period: Period) -> bool:
	"""Whether [start, end] (end None = still going) meets the period."""
	return start <= period.end and (end is None or end >= period.start)


def add_months(day: datetime.date, months: int) -> datetime.date:
	"""``day`` moved by ``months`` months, kept within the target month (31 January + 1 = 28/29 February)."""
	index = day.year * 12 + day.month - 1 + months
	year, month = divmod(index, 12)
	month += 1
	next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
	last_day = (next_month - datetime.timedelta(days=1)).day
	return datetime.date(year, month, min(day.day, last_day))


# --------------------------------------------------------------------------- coordination reports


def report_due_date(period: Period) -> datetime.date:
	"""When the coordinator's report on ``period`` is due to the CAF (fixed dates, see above).

	The promeneurs' questionnaire has its own due date, some days after the period ends
	(:func:`pdn_frappe.domain.evaluation.due_date`)."""
	if period.quarter is None:
		return datetime.date(period.year + 1, *REPORT_YEAR_DUE_DATE)
	month, day = REPORT_QUARTER_DUE_DATES[period.quarter]
	return datetime.date(period.year + 1 if period.quarter == 4 else period.year, month, day)


def periods_due_around(today: datetime.date, days_before: int) -> list[tuple[Period, str]]:
	"""Coordination reports to remind the coordinator of on ``today``.

	Returns ``(period, "upcoming")`` when ``today`` is ``days_before`` days before a due date and
	``(period, "overdue")`` the day after a due date. Only the quarters and years whose due date is
	close to ``today`` are considered, so a daily job calls this once and sends what it returns.
	"""
	possible = range(FIRST_YEAR, LAST_YEAR + 1)
	candidates = [
		Period(year, quarter)
		for year in (today.year - 1, today.year)
		if year in possible
		for quarter in (1, 2, 3, 4)
	]
	candidates += [Period(year) for year in (today.year - 2, today.year - 1) if year in possible]
	result = []
	for period in sorted(candidates, key=lambda p: (report_due_date(p), p.quarter or 0)):
		due = report_due_date(period)
		if days_before >= 0 and due - datetime.timedelta(days=days_before) == today:
			result.append((period, "upcoming"))
		if due + datetime.timedelta(days=1) == today:
			result.append((period, "overdue"))
	return result
