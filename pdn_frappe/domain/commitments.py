"""What a promeneur commits to, and when their records fall short of it.

The charter and the calls for applications ask each promeneur for:

- an educational presence online of at least :data:`MIN_WEEKLY_HOURS` hours a week, the weekly
  hours written on their record (the questionnaire reports the hours actually spent online);
- the periodic questionnaire, which is how the network follows and evaluates the programme;
- participation in the network's collective times: trainings, practice exchanges, practice
  analysis and departmental meetings (the coordinator holds at least two departmental meetings a
  year, so :data:`MIN_COLLECTIVE_TIMES` are expected over :data:`FOLLOW_UP_MONTHS` months);
- a welcome meeting when they join;
- the charter, signed for the structure they work for, in the version in use.

:func:`assess` applies these rules to one promeneur and one period and returns the shortfalls,
each with a stable code and the figures that explain it; the Frappe layer aggregates the records
in SQL and writes the reasons in French. The rules, as the report states them:

**Hours.** Committed hours = weekly hours x the days the promeneur was active in the period / 7
(a whole quarter of 91 days is 13 weeks). A shortfall when a questionnaire was submitted and its
hours online are below the committed hours; weekly hours below the charter's minimum are a
shortfall of their own.

**Questionnaire.** A shortfall once the questionnaire of the period is overdue and still not
submitted (before its due date, nothing is owed yet).

**Collective times.** Counted over the twelve months that end on the last day of the period (or
today, when the period is not over). Required: :data:`MIN_COLLECTIVE_TIMES`, but never more than
the department held in those months (nobody can attend a meeting that did not take place), and in
proportion to the days the promeneur was active in those months, rounded down (a promeneur who
joined three months ago owes none yet). Cancelled sessions and welcome meetings do not count.

**Welcome meeting.** Owed by the promeneurs who became active on or after the department's first
recorded welcome meeting: those who joined before it had theirs before the network recorded
welcome meetings.

**Charter.** Signed: a submitted signature for the promeneur's current structure. Current: the
latest such signature was made on the charter template in use for the department, or on a
version of the same template line (same department, or national) at least as recent. A signature
whose template is unknown, or a department with no charter template in use, counts as current.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from pdn_frappe.domain import animation
from pdn_frappe.domain.periods import add_months

#: the charter's minimum educational presence online, in hours a week
MIN_WEEKLY_HOURS = 2.0
#: collective times expected of a promeneur over :data:`FOLLOW_UP_MONTHS` months
MIN_COLLECTIVE_TIMES = 2
#: length of the window over which collective times are counted
FOLLOW_UP_MONTHS = 12
#: kinds of PdN Training that are collective times of the network (welcome meetings are followed
#: on their own)
COLLECTIVE_KINDS = (
	animation.TRAINING,
	animation.PRACTICE_EXCHANGE,
	animation.PRACTICE_ANALYSIS,
	animation.DEPARTMENTAL_MEETING,
)

# shortfall codes, in the order the report lists them
WEEKLY_HOURS_BELOW_MINIMUM = "weekly_hours_below_minimum"
NO_QUESTIONNAIRE = "no_questionnaire"
HOURS_BELOW_COMMITMENT = "hours_below_commitment"
FEW_COLLECTIVE_TIMES = "few_collective_times"
NO_WELCOME_MEETING = "no_welcome_meeting"
NO_CHARTER = "no_charter"
OUTDATED_CHARTER = "outdated_charter"
SHORTFALLS = (
	WEEKLY_HOURS_BELOW_MINIMUM,
	NO_QUESTIONNAIRE,
	HOURS_BELOW_COMMITMENT,
	FEW_COLLECTIVE_TIMES,
	NO_WELCOME_MEETING,
	NO_CHARTER,
	OUTDATED_CHARTER,
)

# states of the charter
CHARTER_CURRENT = "current"
CHARTER_OUTDATED = "outdated"
CHARTER_MISSING = "missing"


# ---------------------------------------------------------------- time in the network


def days_active(start: dt.date, end: dt.date, active_since: dt.date | None, ended_on: dt.date | None) -> int:
	"""Days of [start, end] during which the promeneur was active (both ends included)."""
	if not active_since:
		return 0
	first = max(start, active_since)
	last = min(end, ended_on) if ended_on else end
	return max((last - first).days + 1, 0)


def committed_hours(
	weekly_hours: float | None,
	start: dt.date,
	end: dt.date,
	active_since: dt.date | None,
	ended_on: dt.date | None,
) -> float:
	"""Hours online committed over [start, end]: weekly hours x active days / 7, to 0.1 hour."""
	return round(float(weekly_hours or 0) * days_active(start, end, active_since, ended_on) / 7, 1)


def follow_up_window(period_end: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
	"""The :data:`FOLLOW_UP_MONTHS` months over which collective times are counted: they end on the
	last day of the period, or on ``today`` while the period is not over."""
	end = min(period_end, today)
	return add_months(end, -FOLLOW_UP_MONTHS) + dt.timedelta(days=1), end


def required_collective_times(
	window: tuple[dt.date, dt.date],
	active_since: dt.date | None,
	ended_on: dt.date | None,
	held: int,
	minimum: int = MIN_COLLECTIVE_TIMES,
) -> int:
	"""Collective times a promeneur owes over ``window``: ``minimum``, capped by the ``held``
	sessions of the department, in proportion to the days active in the window, rounded down."""
	start, end = window
	owed = min(minimum, max(held, 0))
	days = days_active(start, end, active_since, ended_on)
	length = (end - start).days + 1
	if days >= length:
		return owed
	return math.floor(owed * days / length)


def welcome_meeting_owed(active_since: dt.date | None, first_welcome_meeting: dt.date | None) -> bool:
	"""Whether the promeneur owes a welcome meeting: they became active on or after the first
	welcome meeting their department recorded."""
	return bool(active_since and first_welcome_meeting and active_since >= first_welcome_meeting)


# ---------------------------------------------------------------- the charter


@dataclass(frozen=True)
class CharterTemplate:
	"""A version of a charter template: its record, version and department (None: national)."""

	name: str | None
	version: int | None = None
	department: str | None = None


def charter_state(signed: bool, signed_on: CharterTemplate | None, in_use: CharterTemplate | None) -> str:
	""":data:`CHARTER_MISSING`, :data:`CHARTER_CURRENT` or :data:`CHARTER_OUTDATED`.

	``signed``: a submitted signature exists for the promeneur's current structure; ``signed_on``:
	the template of the latest one; ``in_use``: the charter template the department uses today.
	"""
	if not signed:
		return CHARTER_MISSING
	if in_use is None or signed_on is None or not signed_on.name:
		return CHARTER_CURRENT
	if signed_on.name == in_use.name:
		return CHARTER_CURRENT
	same_line = (signed_on.department or None) == (in_use.department or None)
	if same_line and (signed_on.version or 0) >= (in_use.version or 0):
		return CHARTER_CURRENT
	return CHARTER_OUTDATED


# ---------------------------------------------------------------- one promeneur, one period


@dataclass(frozen=True)
class Shortfall:
	"""One commitment not met: its code and the figures of its reason."""

	code: str
	values: tuple = ()


@dataclass(frozen=True)
class Record:
	"""What the records say of one promeneur for one period (plain values, read by the report)."""

	weekly_hours: float | None
	active_since: dt.date | None
	ended_on: dt.date | None = None
	questionnaire_submitted: bool = False
	questionnaire_overdue: bool = False
	hours_online: float | None = None
	collective_times: int = 0
	collective_times_held: int = 0
	welcome_meeting_attended: bool = False
	first_welcome_meeting: dt.date | None = None
	charter: str = CHARTER_MISSING
	charter_version: int | None = None
	charter_version_in_use: int | None = None


@dataclass
class Assessment:
	committed_hours: float
	required_collective_times: int
	welcome_meeting_owed: bool
	shortfalls: list[Shortfall] = field(default_factory=list)

	@property
	def codes(self) -> list[str]:
		return [shortfall.code for shortfall in self.shortfalls]

	@property
	def below(self) -> bool:
		"""Whether the promeneur falls short of any commitment."""
		return bool(self.shortfalls)


def assess(
	record: Record, period_start: dt.date, period_end: dt.date, window: tuple[dt.date, dt.date]
) -> Assessment:
	"""The shortfalls of one promeneur for the period [period_start, period_end], collective times
	counted over ``window`` (see :func:`follow_up_window`)."""
	committed = committed_hours(
		record.weekly_hours, period_start, period_end, record.active_since, record.ended_on
	)
	required = required_collective_times(
		window, record.active_since, record.ended_on, record.collective_times_held
	)
	owed = welcome_meeting_owed(record.active_since, record.first_welcome_meeting)
	found = []
	if float(record.weekly_hours or 0) < MIN_WEEKLY_HOURS:
		found.append(
			Shortfall(WEEKLY_HOURS_BELOW_MINIMUM, (float(record.weekly_hours or 0), MIN_WEEKLY_HOURS))
		)
	if not record.questionnaire_submitted and record.questionnaire_overdue:
		found.append(Shortfall(NO_QUESTIONNAIRE))
	reported = round(float(record.hours_online or 0), 2)
	if record.questionnaire_submitted and reported < committed:
		found.append(Shortfall(HOURS_BELOW_COMMITMENT, (reported, committed)))
	if record.collective_times < required:
		found.append(Shortfall(FEW_COLLECTIVE_TIMES, (record.collective_times, required)))
	if owed and not record.welcome_meeting_attended:
		found.append(Shortfall(NO_WELCOME_MEETING))
	if record.charter == CHARTER_MISSING:
		found.append(Shortfall(NO_CHARTER))
	elif record.charter == CHARTER_OUTDATED:
		found.append(Shortfall(OUTDATED_CHARTER, (record.charter_version, record.charter_version_in_use)))
	return Assessment(committed, required, owed, found)


def count_by_shortfall(code_lists: Iterable[Iterable[str]]) -> dict[str, int]:
	"""How many rows show each shortfall, from each row's shortfall codes (every code present, in
	:data:`SHORTFALLS` order)."""
	counts = dict.fromkeys(SHORTFALLS, 0)
	for codes in code_lists:
		for code in set(codes):
			counts[code] += 1
	return counts
