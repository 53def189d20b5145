"""The annual synthesis of a departmental network, in the shape of the activity reports' table.

For each department and year the activity report of a network lists: the number of promeneurs,
the number and list of their profile types (professions) and of their structure types, the
individual and collective presentations of the programme, the workshops with the public, the
practice-exchange meetings, the welcome meetings of new promeneurs, the departmental (launch)
meetings and the training days. :func:`build_synthesis` lays those figures out, year against the
previous year, from figures the Frappe layer aggregates in SQL.

The steering committee sets each department a target number of promeneurs: the synthesis shows it
with the gap between the promeneurs active at the end of the year and the target (negative: below
it). Only the target in force is known, so it is shown for the year chosen and left empty for the
year before; several departments together have a target only when each of them has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

PROMENEURS = "promeneurs"
PROFILE_TYPES = "profile_types"
STRUCTURE_TYPES = "structure_types"
INDIVIDUAL_PRESENTATIONS = "individual_presentations"
COLLECTIVE_PRESENTATIONS = "collective_presentations"
PUBLIC_WORKSHOPS = "public_workshops"
PRACTICE_EXCHANGES = "practice_exchanges"
WELCOME_MEETINGS = "welcome_meetings"
DEPARTMENTAL_MEETINGS = "departmental_meetings"
TRAINING_DAYS = "training_days"
TARGET = "target_promeneurs"
TARGET_GAP = "target_gap"

#: indicators in the order of the activity report's table, the target right after the promeneurs
INDICATORS = (
	PROMENEURS,
	TARGET,
	TARGET_GAP,
	PROFILE_TYPES,
	STRUCTURE_TYPES,
	INDIVIDUAL_PRESENTATIONS,
	COLLECTIVE_PRESENTATIONS,
	PUBLIC_WORKSHOPS,
	PRACTICE_EXCHANGES,
	WELCOME_MEETINGS,
	DEPARTMENTAL_MEETINGS,
	TRAINING_DAYS,
)
#: indicators drawn on the chart (the lists of types are shown as their number)
CHART_INDICATORS = (
	PROMENEURS,
	INDIVIDUAL_PRESENTATIONS,
	COLLECTIVE_PRESENTATIONS,
	PUBLIC_WORKSHOPS,
	PRACTICE_EXCHANGES,
	WELCOME_MEETINGS,
	TRAINING_DAYS,
)

TOTAL = "__total__"


@dataclass
class YearFigures:
	"""One department's figures for one year."""

	promeneurs: int = 0
	active_at_year_end: int = 0
	professions: list[str] = field(default_factory=list)
	structure_types: list[str] = field(default_factory=list)
	individual_presentations: int = 0
	collective_presentations: int = 0
	public_workshops: int = 0
	practice_exchanges: int = 0
	welcome_meetings: int = 0
	departmental_meetings: int = 0
	training_days: float = 0.0
	trainings: list[tuple[str, float]] = field(default_factory=list)
	#: the department's target number of promeneurs (None: none set, or not known for that year)
	target: int | None = None

	def value(self, indicator: str) -> float | None:
		if indicator == TARGET:
			return self.target
		if indicator == TARGET_GAP:
			return target_gap(self.active_at_year_end, self.target)
		if indicator == PROFILE_TYPES:
			return len(self.professions)
		if indicator == STRUCTURE_TYPES:
			return len(self.structure_types)
		return getattr(self, indicator)

	def details(self, indicator: str) -> list:
		if indicator == PROFILE_TYPES:
			return list(self.professions)
		if indicator == STRUCTURE_TYPES:
			return list(self.structure_types)
		if indicator == TRAINING_DAYS:
			return list(self.trainings)
		return []


def target_gap(active: int, target: int | None) -> int | None:
	"""Active promeneurs minus the target: negative below it, None without a target."""
	if target is None:
		return None
	return active - target


def _distinct(values: Iterable[str]) -> list[str]:
	return sorted({value for value in values if value})


def combine(figures: Iterable[YearFigures]) -> YearFigures:
	"""Figures of several departments together: counts add up, type lists are merged."""
	total = YearFigures()
	professions, structure_types = [], []
	targets = []
	for item in figures:
		targets.append(item.target)
		for name in (
			"promeneurs",
			"active_at_year_end",
			"individual_presentations",
			"collective_presentations",
			"public_workshops",
			"practice_exchanges",
			"welcome_meetings",
			"departmental_meetings",
			"training_days",
		):
			setattr(total, name, getattr(total, name) + getattr(item, name))
		professions += item.professions
		structure_types += item.structure_types
		total.trainings += item.trainings
	total.professions = _distinct(professions)
	total.structure_types = _distinct(structure_types)
	total.trainings = group_trainings({"title": title, "days": days} for title, days in total.trainings)
	total.target = sum(targets) if targets and None not in targets else None
	return total


def group_trainings(rows: Iterable[Mapping]) -> list[tuple[str, float]]:
	"""(title, days) of the trainings of a year, sessions with the same title added up.

	The reports count "1 day of the training X" per department even when the same training was
	given on two dates.
	"""
	days: dict[str, float] = {}
	for row in rows:
		title = (row.get("title") or "").strip()
		if title:
			days[title] = days.get(title, 0.0) + float(row.get("days") or 0)
	return sorted(days.items(), key=lambda item: (-item[1], item[0]))


def _change(current: float | None, previous: float | None) -> float | None:
	if current is None or previous is None:
		return None
	return round(current - previous, 2)


def build_synthesis(
	departments: Sequence[str],
	current: Mapping[str, YearFigures],
	previous: Mapping[str, YearFigures],
	with_total: bool | None = None,
) -> list[dict]:
	"""Rows of the synthesis: a header row per department, then one row per indicator.

	Each indicator row is ``{"department", "indicator", "value", "previous", "change", "details",
	"indent": 1}``; header rows have ``"indicator": None`` and ``"indent": 0``. A block for all the
	departments together (``department`` :data:`TOTAL`) ends the table when there are several
	departments (or when ``with_total`` says so).
	"""
	blocks = [
		(code, current.get(code, YearFigures()), previous.get(code, YearFigures())) for code in departments
	]
	if with_total is None:
		with_total = len(departments) > 1
	if with_total:
		blocks.append(
			(
				TOTAL,
				combine(figures for _, figures, _ in blocks),
				combine(figures for _, _, figures in blocks),
			)
		)
	rows = []
	for code, now, before in blocks:
		rows.append(
			{
				"department": code,
				"indicator": None,
				"value": None,
				"previous": None,
				"change": None,
				"details": [],
				"indent": 0,
			}
		)
		for indicator in INDICATORS:
			value, previous_value = now.value(indicator), before.value(indicator)
			rows.append(
				{
					"department": code,
					"indicator": indicator,
					"value": value,
					"previous": previous_value,
					"change": _change(value, previous_value),
					"details": now.details(indicator),
					"indent": 1,
				}
			)
	return rows


def chart_values(figures: YearFigures) -> list[float]:
	return [figures.value(indicator) for indicator in CHART_INDICATORS]
