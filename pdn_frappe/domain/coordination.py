"""The coordination's own means: its yearly budget, and its time split between the two missions.

Plain Python (no frappe).

* The budget of a department's coordination for a year: the CAF funds it per full-time equivalent
  (FTE) of coordinator, co-funders (the department's council, the MSA, a municipality...) add their
  amounts. :func:`budget_totals` checks the figures and adds them up.
* The coordinator's log says, for each activity, which mission it served: the youth mission, the
  parenting mission, or both (then the coordinator says how many of its hours went to parenting).
  :func:`split_hours` checks one activity, :func:`mission_split` adds up the log of a period for
  the quarterly report.

Errors are :class:`CoordinationError` with a stable ``code`` (French in :mod:`pdn_frappe.errors`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pdn_frappe.domain.errors import DomainError

YOUTH = "Youth"
PARENTING = "Parenting"
BOTH = "Youth and parenting"
MISSIONS = (YOUTH, PARENTING, BOTH)

#: bounds of a budget: FTE of coordination of one department, amounts in euros
MAX_FTE = 10
MAX_AMOUNT = 10_000_000
MAX_FUNDER_NAME = 140


class CoordinationError(DomainError):
	kind = "coordination"


def _number(value: object, code: str) -> float:
	"""A figure of a form; empty is 0. Text, NaN or infinity raise ``code``."""
	if value in (None, ""):
		return 0.0
	if isinstance(value, bool):
		raise CoordinationError(code, value)
	try:
		number = float(str(value).replace(",", ".").strip())
	except (TypeError, ValueError):
		raise CoordinationError(code, value) from None
	if not math.isfinite(number):
		raise CoordinationError(code, value)
	return number


# --------------------------------------------------------------------------- time by mission


def split_hours(mission: str | None, hours: object, parenting_hours: object = None) -> tuple[float, float]:
	"""(youth hours, parenting hours) of one activity of the log.

	``parenting_hours`` counts only for an activity of both missions: the part of its hours that
	went to parenting (from 0 to all of them). Codes: ``invalid_mission`` (value),
	``invalid_parenting_hours`` (value, hours).
	"""
	total = _number(hours, "invalid_parenting_hours")
	if mission not in MISSIONS:
		raise CoordinationError("invalid_mission", mission)
	if mission == YOUTH:
		return total, 0.0
	if mission == PARENTING:
		return 0.0, total
	parenting = _number(parenting_hours, "invalid_parenting_hours")
	if not 0 <= parenting <= total:
		raise CoordinationError("invalid_parenting_hours", parenting_hours, total)
	return round(total - parenting, 2), parenting


def mission_split(rows: Iterable[Mapping]) -> dict:
	"""Hours of the log by mission, from rows ``{mission, hours, parenting_hours}`` (summed by
	mission, as SQL groups them); an activity without mission counts for the youth mission (the log
	kept before the missions were recorded)."""
	youth = parenting = 0.0
	for row in rows:
		hours = float(row.get("hours") or 0)
		mission = row.get("mission") or YOUTH
		if mission == PARENTING:
			parenting += hours
		elif mission == BOTH:
			part = min(max(float(row.get("parenting_hours") or 0), 0.0), hours)
			parenting += part
			youth += hours - part
		else:
			youth += hours
	total = youth + parenting
	return {
		"youth_hours": round(youth, 2),
		"parenting_hours": round(parenting, 2),
		"parenting_share": round(100 * parenting / total, 1) if total else 0.0,
	}


# --------------------------------------------------------------------------- the budget

MIN_YEAR = 2012  # the programme started in 2012
MAX_YEAR = 2100


def check_year(year: object) -> int:
	"""The year of a budget. Code: ``invalid_year`` (value)."""
	value = _number(year, "invalid_year")
	if value != int(value) or not MIN_YEAR <= value <= MAX_YEAR:
		raise CoordinationError("invalid_year", year)
	return int(value)


@dataclass(frozen=True)
class BudgetTotals:
	caf_funding: float
	co_funding: float
	total: float
	caf_share: float | None


def budget_totals(
	funding_per_fte: object, fte: object, co_funders: Iterable[tuple[str | None, object]]
) -> BudgetTotals:
	"""The CAF's funding (per FTE times FTE), the co-funders' total and the whole budget.

	``co_funders``: (name, amount) pairs. Codes: ``invalid_fte`` (value), ``invalid_amount``
	(value), ``funder_required`` (row), ``funder_too_long`` (row), ``funder_twice`` (name),
	``invalid_funder_amount`` (row, value).
	"""
	per_fte = _number(funding_per_fte, "invalid_amount")
	if not 0 <= per_fte <= MAX_AMOUNT:
		raise CoordinationError("invalid_amount", funding_per_fte)
	count = _number(fte, "invalid_fte")
	if not 0 < count <= MAX_FTE:
		raise CoordinationError("invalid_fte", fte)
	co_funding, seen = 0.0, set()
	for position, (name, amount) in enumerate(co_funders, start=1):
		label = " ".join((name or "").split())
		if not label:
			raise CoordinationError("funder_required", position)
		if len(label) > MAX_FUNDER_NAME:
			raise CoordinationError("funder_too_long", position)
		if label.casefold() in seen:
			raise CoordinationError("funder_twice", label)
		seen.add(label.casefold())
		try:
			value = _number(amount, "invalid_funder_amount")
		except CoordinationError:
			raise CoordinationError("invalid_funder_amount", position, amount) from None
		if not 0 < value <= MAX_AMOUNT:
			raise CoordinationError("invalid_funder_amount", position, amount)
		co_funding += value
	caf = round(per_fte * count, 2)
	total = round(caf + co_funding, 2)
	return BudgetTotals(caf, round(co_funding, 2), total, round(100 * caf / total, 1) if total else None)
