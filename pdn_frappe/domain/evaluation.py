"""The promeneurs' periodic questionnaire: due dates, reminders, consistency rules, indicators.

Plain Python (no frappe). A questionnaire covers one promeneur and one period: a calendar quarter,
or a whole year for an annual questionnaire. It is due some days after the end of its period
(``due_days``, a setting) and a reminder goes out some days before that (``reminder_days``).

The questionnaire only holds aggregate counts about young people: how many were contacted, of
which age, through which kind of interaction, about which themes. Nothing here ever handles a
young person's name, handle or contact details.

Errors are reported as :class:`Problem` values with a stable ``code``; the Frappe layer turns them
into French messages. The derived indicators of the reports (rates, shares, averages, rankings)
are computed here, from plain numbers, so that the tier-1 tests cover them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pdn_frappe.domain import periods

# --------------------------------------------------------------------------- when a questionnaire is due

# The periods themselves (quarters, years, keys, labels) are :mod:`pdn_frappe.domain.periods`.


def period_to_answer(
	today: dt.date, period_type: str = periods.QUARTER, taken: Iterable[str] = (), lookback: int = 4
) -> periods.Period:
	"""The period a new questionnaire is most likely for: the most recent period that is over and
	has no questionnaire yet (among the last ``lookback``), else the current one."""
	taken = set(taken)
	period = periods.last_ended_period(today, period_type)
	for _ in range(lookback):
		if period.key not in taken:
			return period
		period = period.previous()
	return periods.period_containing(today, period_type)


def is_started(period: periods.Period, today: dt.date) -> bool:
	"""A questionnaire can be opened once its period has started."""
	return period.start <= today


def due_date(period: periods.Period, due_days: int) -> dt.date:
	"""The questionnaire is due ``due_days`` days after the last day of its period."""
	return period.end + dt.timedelta(days=max(int(due_days or 0), 0))


def reminder_date(period: periods.Period, due_days: int, reminder_days: int) -> dt.date:
	"""Promeneurs are reminded ``reminder_days`` before the due date, never before the period ends."""
	reminder = due_date(period, due_days) - dt.timedelta(days=max(int(reminder_days or 0), 0))
	return max(reminder, period.end)


def is_overdue(period: periods.Period, today: dt.date, due_days: int) -> bool:
	return today > due_date(period, due_days)


def periods_due_in(
	window: periods.Period, due_days: int, period_type: str = periods.QUARTER
) -> list[periods.Period]:
	"""The periods whose questionnaire falls due within ``window`` (a quarter or a year): for the
	quarter in progress, usually the quarter before (due a few days after it ended)."""
	found = []
	period = periods.period_containing(window.end, period_type)
	while due_date(period, due_days) >= window.start:
		if window.contains(due_date(period, due_days)):
			found.append(period)
		period = period.previous()
	return sorted(found)


# --------------------------------------------------------------------------- who must answer

CANDIDATE = "Candidate"
ACTIVE = "Active"


def is_expected(
	period: periods.Period, status: str | None, active_since: dt.date | None, ended_on: dt.date | None
) -> bool:
	"""Whether a promeneur owes a questionnaire for ``period``.

	A promeneur owes one when their activity (from ``active_since`` to ``ended_on``, open-ended
	while they are still in the network) overlaps the period. Candidates owe none. The reports
	apply the same rule in SQL (see ``pdn_frappe.evaluation.queries``).
	"""
	if status == CANDIDATE or not active_since:
		return False
	return periods.overlaps(active_since, ended_on, period)


def must_be_reminded(
	period: periods.Period, status: str | None, active_since: dt.date | None, ended_on: dt.date | None
) -> bool:
	"""Reminders only go to promeneurs who are active today and owe the questionnaire."""
	return status == ACTIVE and is_expected(period, status, active_since, ended_on)


# --------------------------------------------------------------------------- reminder rounds

PROMENEURS = "promeneurs"
COORDINATION = "coordination"

#: how long after the due date the coordination is still alerted about missing questionnaires
OVERDUE_ALERT_WINDOW_DAYS = 30


@dataclass(frozen=True)
class ReminderRound:
	"""Who is to be reminded today about which period: the promeneurs or their coordination."""

	period: periods.Period
	audience: str


def reminder_rounds(
	today: dt.date,
	due_days: int,
	reminder_days: int,
	period_type: str = periods.QUARTER,
	overdue_window_days: int = OVERDUE_ALERT_WINDOW_DAYS,
) -> list[ReminderRound]:
	"""The reminders the daily job owes today.

	Promeneurs are reminded from the reminder date until the due date; once the questionnaire is
	overdue, their coordination is alerted, during ``overdue_window_days`` days. The job keeps a log,
	so that each reminder goes out once even though a round lasts several days (a day the scheduler
	missed is caught up the next day).
	"""
	rounds = []
	period = periods.period_containing(today, period_type)
	while due_date(period, due_days) + dt.timedelta(days=overdue_window_days) >= today:
		due = due_date(period, due_days)
		if reminder_date(period, due_days, reminder_days) <= today <= due:
			rounds.append(ReminderRound(period, PROMENEURS))
		elif due < today:
			rounds.append(ReminderRound(period, COORDINATION))
		period = period.previous()
	return rounds


# --------------------------------------------------------------------------- follow-up status

ANSWERED = "Answered"
ANSWERED_LATE = "Answered late"
IN_PROGRESS = "In progress"
MISSING = "Missing"
OVERDUE = "Overdue"
NOT_EXPECTED = "Not expected"
FOLLOW_UP_STATUSES = (ANSWERED, ANSWERED_LATE, IN_PROGRESS, MISSING, OVERDUE, NOT_EXPECTED)
ANSWERED_STATUSES = (ANSWERED, ANSWERED_LATE)


def follow_up_status(
	*,
	expected: bool,
	submitted_on: dt.date | None,
	has_draft: bool,
	due: dt.date,
	today: dt.date,
) -> str:
	"""Where one promeneur stands for one period.

	Answered (on time or late) once submitted; otherwise overdue after the due date (even with a
	draft), in progress with a draft, missing without one; not expected when the promeneur owed
	nothing and sent nothing.
	"""
	if submitted_on:
		return ANSWERED_LATE if submitted_on > due else ANSWERED
	if not expected and not has_draft:
		return NOT_EXPECTED
	if today > due:
		return OVERDUE
	return IN_PROGRESS if has_draft else MISSING


# --------------------------------------------------------------------------- the questionnaire's fields

#: counts of the activity of the period (flows: they add up over a year)
ACTIVITY_FIELDS = (
	"youths_contacted",
	"new_youths_contacted",
	"short_contacts",
	"youths_met_after_contact",
	"projects_initiated",
	"parents_contacted",
)
#: state at the end of the period (stocks: averaged, never added up)
STOCK_FIELDS = ("young_friends", "exchanges_per_week")
#: young people contacted by age band; the total may be lower than youths_contacted (unknown ages)
AGE_BAND_FIELDS = ("age_under_12", "age_12_14", "age_15_17", "age_18_20", "age_21_25")
#: exchanges by kind of interaction
INTERACTION_FIELDS = (
	"interactions_simple_exchange",
	"interactions_information",
	"interactions_prevention",
	"interactions_project_support",
	"interactions_listening",
	"interactions_referral",
)
COUNT_FIELDS = ACTIVITY_FIELDS + STOCK_FIELDS + AGE_BAND_FIELDS + INTERACTION_FIELDS
HOURS_FIELD = "hours_online"
#: everything the activity report adds up
SUMMED_FIELDS = (HOURS_FIELD, *ACTIVITY_FIELDS, *AGE_BAND_FIELDS, *INTERACTION_FIELDS)

DEVICE_FIELDS = ("device_smartphone", "device_computer", "device_tablet", "device_console")
PUBLICATION_FIELDS = (
	"published_structure_info",
	"published_local_news",
	"published_institutional_info",
	"published_prevention",
	"published_youth_articles",
	"published_other",
)
CHECK_FIELDS = DEVICE_FIELDS + PUBLICATION_FIELDS
#: the promeneur's interest, rated before a questionnaire can be sent
INTEREST_FIELDS = ("interest_online_presence", "interest_network", "interest_trainings")
#: the guide's qualitative indicators, rated by the promeneur for the period as a whole (never about
#: one young person): quality of the contacts, involvement of partners, impact on the young people,
#: diversity of the channels used; optional
GUIDE_RATING_FIELDS = ("quality_of_contacts", "partner_involvement", "impact_on_youths", "channel_diversity")
RATING_FIELDS = INTEREST_FIELDS + GUIDE_RATING_FIELDS
FREE_TEXT_FIELDS = ("published_other_text", "difficulties", "training_needs", "remarks")

#: parts of youths_contacted: none of them may exceed it
PARTS_OF_CONTACTS = ("new_youths_contacted", "short_contacts", "youths_met_after_contact")
TOTAL_CONTACTS = "youths_contacted"

MAX_STARS = 5


def number(value: object) -> float:
	"""A form value as a number; empty is 0. Text that is not a number raises ValueError."""
	if value in (None, ""):
		return 0
	if isinstance(value, bool):
		return int(value)
	if isinstance(value, (int, float)):
		return value
	return float(str(value).replace(",", ".").strip())


def rating_stars(value: object) -> float:
	"""Stars (0..5, 0 = not rated) of a rating; Frappe stores a rating as a fraction of 1."""
	value = number(value)
	return value * MAX_STARS if 0 <= value <= 1 else value


# --------------------------------------------------------------------------- consistency rules


@dataclass(frozen=True)
class Problem:
	"""One broken rule: a stable ``code``, the ``fields`` involved and the ``values`` at fault."""

	code: str
	fields: tuple[str, ...]
	values: tuple = ()


def check_indicators(values: Mapping, period: periods.Period | None = None) -> list[Problem]:
	"""Every inconsistency of the figures of a questionnaire, in the order of the form.

	Codes: ``not_a_number``, ``negative``, ``not_whole`` (a count with decimals),
	``hours_exceed_period``, ``part_exceeds_total`` (new, short or met contacts above the young
	people contacted), ``age_bands_exceed_total``, ``activity_without_contacts`` (interactions or
	projects with nobody contacted), ``invalid_rating``.
	"""
	problems: list[Problem] = []
	figures: dict[str, float] = {}
	for fieldname in (HOURS_FIELD, *COUNT_FIELDS):
		try:
			figures[fieldname] = number(values.get(fieldname))
		except (TypeError, ValueError):
			problems.append(Problem("not_a_number", (fieldname,), (values.get(fieldname),)))
			figures[fieldname] = 0
			continue
		value = figures[fieldname]
		if isinstance(value, float) and not math.isfinite(value):
			problems.append(Problem("not_a_number", (fieldname,), (value,)))
			figures[fieldname] = 0
		elif value < 0:
			problems.append(Problem("negative", (fieldname,), (value,)))
		elif fieldname != HOURS_FIELD and value != int(value):
			problems.append(Problem("not_whole", (fieldname,), (value,)))

	hours = figures[HOURS_FIELD]
	if period is not None and hours > period.hours:
		problems.append(Problem("hours_exceed_period", (HOURS_FIELD,), (hours, period.hours)))

	total = figures[TOTAL_CONTACTS]
	for fieldname in PARTS_OF_CONTACTS:
		if figures[fieldname] > total:
			problems.append(
				Problem("part_exceeds_total", (fieldname, TOTAL_CONTACTS), (figures[fieldname], total))
			)

	ages = sum(figures[f] for f in AGE_BAND_FIELDS)
	if ages > total:
		problems.append(Problem("age_bands_exceed_total", (*AGE_BAND_FIELDS, TOTAL_CONTACTS), (ages, total)))

	interactions = sum(figures[f] for f in INTERACTION_FIELDS)
	people = total + figures["parents_contacted"]
	if people <= 0 and (interactions > 0 or figures["projects_initiated"] > 0):
		fields = (*INTERACTION_FIELDS, "projects_initiated", TOTAL_CONTACTS, "parents_contacted")
		problems.append(
			Problem("activity_without_contacts", fields, (interactions, figures["projects_initiated"]))
		)

	for fieldname in RATING_FIELDS:
		try:
			stars = rating_stars(values.get(fieldname))
		except (TypeError, ValueError):
			stars = -1
		if not 0 <= stars <= MAX_STARS:
			problems.append(Problem("invalid_rating", (fieldname,), (values.get(fieldname),)))
	return problems


def check_complete(values: Mapping, networks: Iterable[str]) -> list[Problem]:
	"""What a questionnaire still lacks before it can be submitted.

	Codes: ``no_network`` (at least one network used), ``missing_rating`` (every interest rated;
	the guide's indicators are optional).
	"""
	problems = []
	if not [n for n in networks if n]:
		problems.append(Problem("no_network", ("networks",)))
	for fieldname in INTEREST_FIELDS:
		try:
			stars = rating_stars(values.get(fieldname))
		except (TypeError, ValueError):
			stars = 0
		if stars < 1:
			problems.append(Problem("missing_rating", (fieldname,)))
	return problems


def unique_values(values: Iterable[str | None]) -> list[str]:
	"""Non-empty values, each once, in their first order (for multi-select rows)."""
	seen: dict[str, None] = {}
	for value in values:
		if value and value not in seen:
			seen[value] = None
	return list(seen)


# --------------------------------------------------------------------------- derived indicators


def rate(part: float | None, whole: float | None, digits: int = 1) -> float | None:
	"""``part`` as a percentage of ``whole`` (None when there is no whole)."""
	if not whole:
		return None
	return round(100.0 * (part or 0) / whole, digits)


def average(total: float | None, count: float | None, digits: int = 2) -> float | None:
	if not count:
		return None
	return round((total or 0) / count, digits)


def shares(counts: Mapping[str, float], digits: int = 1) -> dict[str, float | None]:
	"""Each count as a percentage of their sum, same keys and order."""
	whole = sum(counts.values())
	return {key: rate(value, whole, digits) for key, value in counts.items()}


@dataclass(frozen=True)
class Ranked:
	rank: int
	key: str
	count: float
	share: float | None


def ranking(counts: Mapping[str, float], base: float | None = None, keep_zero: bool = False) -> list[Ranked]:
	"""Items by decreasing count (ties in alphabetical order, sharing their rank: 1, 1, 3).

	``share`` is the count as a percentage of ``base`` (the sum of the counts by default); items
	with a zero count are left out unless ``keep_zero``.
	"""
	base = sum(counts.values()) if base is None else base
	items = sorted(
		((key, value) for key, value in counts.items() if keep_zero or value),
		key=lambda item: (-item[1], item[0]),
	)
	result, previous, rank = [], None, 0
	for position, (key, value) in enumerate(items, start=1):
		if value != previous:
			rank, previous = position, value
		result.append(Ranked(rank, key, value, rate(value, base)))
	return result


# --------------------------------------------------------------------------- the activity report


@dataclass
class ActivityFigures:
	"""What the activity report needs, as the SQL aggregates (or a loop, in the baseline) give it.

	``answered`` counts submitted questionnaires, ``promeneurs`` the distinct promeneurs who
	answered, ``expected`` the questionnaires owed (promeneur-periods). ``sums`` holds the sums of
	:data:`SUMMED_FIELDS` and of the stock fields; ``checks`` how many questionnaires ticked each
	check field; ``rating_sums``/``rating_counts`` the stars given and how many questionnaires
	rated; ``themes``/``networks`` how many questionnaires named each.
	"""

	expected: int = 0
	answered: int = 0
	promeneurs: int = 0
	sums: dict[str, float] = field(default_factory=dict)
	checks: dict[str, int] = field(default_factory=dict)
	rating_sums: dict[str, float] = field(default_factory=dict)
	rating_counts: dict[str, int] = field(default_factory=dict)
	themes: dict[str, int] = field(default_factory=dict)
	networks: dict[str, int] = field(default_factory=dict)

	def total(self, fieldname: str) -> float:
		return self.sums.get(fieldname) or 0


def accumulate(
	questionnaires: Iterable[Mapping], expected: int = 0
) -> ActivityFigures:  # the naive baseline and the tests use it
	"""Add up questionnaires one by one (dicts with the fields, ``promeneur``, ``networks`` and
	``themes`` as lists of names). The reports get the same figures from SQL."""
	figures = ActivityFigures(expected=expected)
	promeneurs = set()
	for row in questionnaires:
		figures.answered += 1
		promeneurs.add(row.get("promeneur"))
		for fieldname in (*SUMMED_FIELDS, *STOCK_FIELDS):
			figures.sums[fieldname] = figures.sums.get(fieldname, 0) + number(row.get(fieldname))
		for fieldname in CHECK_FIELDS:
			figures.checks[fieldname] = figures.checks.get(fieldname, 0) + (1 if row.get(fieldname) else 0)
		for fieldname in RATING_FIELDS:
			stars = round(rating_stars(row.get(fieldname)))
			if stars > 0:
				figures.rating_sums[fieldname] = figures.rating_sums.get(fieldname, 0) + stars
				figures.rating_counts[fieldname] = figures.rating_counts.get(fieldname, 0) + 1
		for key, target in (("themes", figures.themes), ("networks", figures.networks)):
			for name in unique_values(row.get(key) or ()):
				target[name] = target.get(name, 0) + 1
	figures.promeneurs = len(promeneurs - {None})
	return figures


#: sections of the activity report, in order
SECTION_RESPONSE = "response"
SECTION_PRESENCE = "presence"
SECTION_CONTACTS = "contacts"
SECTION_AGES = "ages"
SECTION_INTERACTIONS = "interactions"
SECTION_THEMES = "themes"
SECTION_NETWORKS = "networks"
SECTION_DEVICES = "devices"
SECTION_PUBLICATIONS = "publications"
SECTION_INTEREST = "interest"
SECTION_GUIDE = "guide"

#: indicator codes that are not fields of the questionnaire
EXPECTED = "expected"
ANSWERED_COUNT = "answered"
PROMENEURS_COUNT = "promeneurs"
RESPONSE_RATE = "response_rate"
THEMES_PER_QUESTIONNAIRE = "themes_per_questionnaire"
DISTINCT_THEMES = "distinct_themes"
INTERACTIONS_TOTAL = "interactions_total"
AGES_KNOWN = "ages_known"


@dataclass(frozen=True)
class ReportRow:
	"""One line of the activity report. ``kind`` tells the report how to label ``code``:
	"section", "field" (a field of the questionnaire), "indicator" (a code above), "theme" or
	"network" (a record name)."""

	section: str
	code: str
	kind: str
	value: float | None = None
	per_promeneur: float | None = None
	share: float | None = None
	rank: int | None = None
	indent: int = 1


def activity_rows(fig: ActivityFigures) -> list[ReportRow]:
	"""The lines of the activity report, section by section.

	Shares: response over the questionnaires owed; new, short and met contacts over the young
	people contacted; age bands over the ages known; interactions over all interactions; themes,
	networks, devices and publications over the questionnaires answered. ``per_promeneur`` divides
	a total by the promeneurs who answered; stocks (young friends, exchanges a week) and ratings
	are averages per questionnaire.
	"""
	rows: list[ReportRow] = []
	n, people = fig.answered, fig.promeneurs

	def section(code: str) -> None:
		rows.append(ReportRow(code, code, "section", indent=0))

	def total_row(sect: str, fieldname: str, share: float | None = None) -> None:
		value = fig.total(fieldname)
		rows.append(ReportRow(sect, fieldname, "field", value, average(value, people), share))

	def parts_section(sect: str, fieldnames: tuple[str, ...]) -> float:
		"""A section of the parts of a whole, each with its share of the whole; returns the whole."""
		section(sect)
		totals = {f: fig.total(f) for f in fieldnames}
		part_shares = shares(totals)
		for fieldname in fieldnames:
			total_row(sect, fieldname, part_shares[fieldname])
		return sum(totals.values())

	section(SECTION_RESPONSE)
	rows.append(ReportRow(SECTION_RESPONSE, EXPECTED, "indicator", fig.expected))
	rows.append(ReportRow(SECTION_RESPONSE, ANSWERED_COUNT, "indicator", n, share=rate(n, fig.expected)))
	rows.append(ReportRow(SECTION_RESPONSE, PROMENEURS_COUNT, "indicator", people))
	rows.append(ReportRow(SECTION_RESPONSE, RESPONSE_RATE, "indicator", rate(n, fig.expected)))

	section(SECTION_PRESENCE)
	total_row(SECTION_PRESENCE, HOURS_FIELD)
	for fieldname in STOCK_FIELDS:
		rows.append(ReportRow(SECTION_PRESENCE, fieldname, "field", average(fig.total(fieldname), n)))

	section(SECTION_CONTACTS)
	contacted = fig.total(TOTAL_CONTACTS)
	for fieldname in ACTIVITY_FIELDS:
		share = rate(fig.total(fieldname), contacted) if fieldname in PARTS_OF_CONTACTS else None
		total_row(SECTION_CONTACTS, fieldname, share)

	known = parts_section(SECTION_AGES, AGE_BAND_FIELDS)
	rows.append(ReportRow(SECTION_AGES, AGES_KNOWN, "indicator", known, share=rate(known, contacted)))

	whole = parts_section(SECTION_INTERACTIONS, INTERACTION_FIELDS)
	rows.append(
		ReportRow(SECTION_INTERACTIONS, INTERACTIONS_TOTAL, "indicator", whole, average(whole, people))
	)

	section(SECTION_THEMES)
	mentions = sum(fig.themes.values())
	rows.append(
		ReportRow(SECTION_THEMES, DISTINCT_THEMES, "indicator", len([v for v in fig.themes.values() if v]))
	)
	rows.append(ReportRow(SECTION_THEMES, THEMES_PER_QUESTIONNAIRE, "indicator", average(mentions, n)))
	for item in ranking(fig.themes, base=n):
		rows.append(
			ReportRow(SECTION_THEMES, item.key, "theme", item.count, share=item.share, rank=item.rank)
		)

	section(SECTION_NETWORKS)
	for item in ranking(fig.networks, base=n):
		rows.append(
			ReportRow(SECTION_NETWORKS, item.key, "network", item.count, share=item.share, rank=item.rank)
		)

	section(SECTION_DEVICES)
	for fieldname in DEVICE_FIELDS:
		count = fig.checks.get(fieldname, 0)
		rows.append(ReportRow(SECTION_DEVICES, fieldname, "field", count, share=rate(count, n)))

	section(SECTION_PUBLICATIONS)
	for fieldname in PUBLICATION_FIELDS:
		count = fig.checks.get(fieldname, 0)
		rows.append(ReportRow(SECTION_PUBLICATIONS, fieldname, "field", count, share=rate(count, n)))

	section(SECTION_INTEREST)
	for fieldname in INTEREST_FIELDS:
		rated = fig.rating_counts.get(fieldname, 0)
		rows.append(
			ReportRow(SECTION_INTEREST, fieldname, "field", average(fig.rating_sums.get(fieldname, 0), rated))
		)

	section(SECTION_GUIDE)
	for fieldname in GUIDE_RATING_FIELDS:
		# the average of the stars given, and the share of the questionnaires that rated it
		rated = fig.rating_counts.get(fieldname, 0)
		rows.append(
			ReportRow(
				SECTION_GUIDE,
				fieldname,
				"field",
				average(fig.rating_sums.get(fieldname, 0), rated),
				share=rate(rated, n),
			)
		)
	return rows


@dataclass(frozen=True)
class SummaryItem:
	code: str
	value: float | None
	kind: str = "field"  # how to label it, as in ReportRow
	percent: bool = False
	indicator: str = "Blue"  # colour of the summary card: Green, Orange, Red, Blue


def response_indicator(response_rate: float | None) -> str:
	"""Colour of a response rate: green from 80 %, orange from 50 %, red below."""
	if response_rate is None:
		return "Blue"
	if response_rate >= 80:
		return "Green"
	return "Orange" if response_rate >= 50 else "Red"


def activity_summary(fig: ActivityFigures) -> list[SummaryItem]:
	"""The cards above the activity report."""
	response = rate(fig.answered, fig.expected)
	contacted = fig.total(TOTAL_CONTACTS)
	return [
		SummaryItem(RESPONSE_RATE, response, "indicator", True, response_indicator(response)),
		SummaryItem(ANSWERED_COUNT, fig.answered, "indicator"),
		SummaryItem(HOURS_FIELD, fig.total(HOURS_FIELD)),
		SummaryItem(TOTAL_CONTACTS, contacted),
		SummaryItem("youths_met_after_contact", fig.total("youths_met_after_contact")),
		SummaryItem(
			"meeting_rate", rate(fig.total("youths_met_after_contact"), contacted), "indicator", True
		),
		SummaryItem("projects_initiated", fig.total("projects_initiated")),
	]


#: what the activity report's chart can show
CHART_AGES = "ages"
CHART_INTERACTIONS = "interactions"
CHART_THEMES = "themes"
CHART_NETWORKS = "networks"
CHARTS = (CHART_AGES, CHART_INTERACTIONS, CHART_THEMES, CHART_NETWORKS)
CHART_TOP = 10


def activity_chart(fig: ActivityFigures, kind: str = CHART_AGES) -> tuple[list[str], list[float], str]:
	"""(codes, values, kind of codes) of one distribution: age bands, interaction types, or the ten
	most frequent themes or networks."""
	if kind == CHART_INTERACTIONS:
		return list(INTERACTION_FIELDS), [fig.total(f) for f in INTERACTION_FIELDS], "field"
	if kind in (CHART_THEMES, CHART_NETWORKS):
		counts = fig.themes if kind == CHART_THEMES else fig.networks
		top = ranking(counts)[:CHART_TOP]
		return [item.key for item in top], [item.count for item in top], kind[:-1]
	return list(AGE_BAND_FIELDS), [fig.total(f) for f in AGE_BAND_FIELDS], "field"


# --------------------------------------------------------------------------- follow-up summary


def follow_up_counts(statuses: Iterable[str]) -> dict[str, int]:
	"""How many promeneur-periods are in each follow-up status (every status present, in order)."""
	counts = dict.fromkeys(FOLLOW_UP_STATUSES, 0)
	for status in statuses:
		counts[status] = counts.get(status, 0) + 1
	return counts


def follow_up_response_rate(counts: Mapping[str, int]) -> float | None:
	"""Answered (on time or late) over what was owed (everything but "not expected")."""
	owed = sum(v for k, v in counts.items() if k != NOT_EXPECTED)
	return rate(sum(counts.get(k, 0) for k in ANSWERED_STATUSES), owed)
