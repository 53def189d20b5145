"""The steering committee's decisions beyond applications: promeneurs, the yearly target, the roadmap.

Plain data in and out. A decision row of a ``PdN Steering Meeting`` has a ``kind``; the kinds on
applications are :mod:`pdn_frappe.domain.applications`' business, the others are checked here:

* *Promeneur suspension* and *Promeneur exclusion* name a promeneur of the meeting's department and
  give the reason (sent to the structure); applying one moves the promeneur through the lifecycle
  (:mod:`pdn_frappe.domain.lifecycle`) to Suspended or Excluded;
* *Yearly target* sets the department's target number of promeneurs for a year (this year or a later
  one: a past year's target cannot be decided any more);
* *Roadmap item* gives the coordination a task (its subject) and, optionally, a due date.

:func:`decision_problems` lists what is wrong with one row (codes of the ``committee`` kind of
:mod:`pdn_frappe.errors`); :func:`promeneur_move` says what applying a promeneur decision does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from pdn_frappe.domain import lifecycle
from pdn_frappe.domain.applications import as_date
from pdn_frappe.domain.errors import DomainError

APPLICATION = "Application"
OTHER = "Other"
SUSPENSION = "Promeneur suspension"
EXCLUSION = "Promeneur exclusion"
YEARLY_TARGET = "Yearly target"
ROADMAP_ITEM = "Roadmap item"
KINDS = (APPLICATION, SUSPENSION, EXCLUSION, YEARLY_TARGET, ROADMAP_ITEM, OTHER)

#: promeneur decisions -> the status they move the promeneur to
PROMENEUR_TARGETS = {SUSPENSION: lifecycle.SUSPENDED, EXCLUSION: lifecycle.EXCLUDED}
#: the kinds that change something when the decisions are applied
APPLIED_KINDS = (APPLICATION, SUSPENSION, EXCLUSION, YEARLY_TARGET, ROADMAP_ITEM)

#: bounds of a yearly target (a department has some tens to a few hundred promeneurs)
MAX_TARGET = 10_000
MIN_YEAR = 2012  # the programme started in 2012
MAX_YEARS_AHEAD = 5
MAX_SUBJECT = 140

#: statuses of a roadmap item
OPEN = "Open"
IN_PROGRESS = "In progress"
DONE = "Done"
CANCELLED = "Cancelled"
ROADMAP_STATUSES = (OPEN, IN_PROGRESS, DONE, CANCELLED)
#: the statuses of an item still to be done
PENDING_STATUSES = (OPEN, IN_PROGRESS)


class CommitteeError(DomainError):
	kind = "committee"


@dataclass(frozen=True)
class Problem:
	"""One thing wrong with a decision row: a ``code`` and the ``values`` its message shows."""

	code: str
	values: tuple = ()


def _whole(value: object) -> int | None:
	"""A whole number from a form value (None when empty or not a whole number)."""
	if value in (None, ""):
		return None
	if isinstance(value, bool):
		return None
	try:
		number = float(str(value).replace(",", ".").strip())
	except (TypeError, ValueError):
		return None
	if number != number or number in (float("inf"), float("-inf")) or number != int(number):
		return None
	return int(number)


def decision_problems(
	row: Mapping,
	*,
	meeting_department: str | None,
	promeneur: Mapping | None = None,
	today: dt.date,
) -> list[Problem]:
	"""What is wrong with one decision row that is not about an application.

	``promeneur``: the record the row names (``department`` and ``status``), None when it does not
	exist. A row already applied is not checked again (its promeneur has moved since).
	Codes: ``invalid_kind``, ``promeneur_required``, ``promeneur_other_department``,
	``promeneur_cannot_move`` (status from, status to), ``reason_required``, ``invalid_year``
	(value), ``invalid_target`` (value), ``subject_required``, ``subject_too_long`` (max).
	"""
	kind = row.get("kind")
	if kind not in KINDS:
		return [Problem("invalid_kind", (kind,))]
	if kind in PROMENEUR_TARGETS:
		return _promeneur_problems(row, kind, meeting_department, promeneur)
	if kind == YEARLY_TARGET:
		return _target_problems(row, today)
	if kind == ROADMAP_ITEM:
		return _subject_problems(row, required=True)
	if kind == OTHER:
		return _subject_problems(row, required=False)
	return []


def _promeneur_problems(row, kind, meeting_department, promeneur) -> list[Problem]:
	if not row.get("promeneur") or promeneur is None:
		return [Problem("promeneur_required")]
	problems = []
	if not meeting_department or promeneur.get("department") != meeting_department:
		problems.append(Problem("promeneur_other_department", (row.get("promeneur"),)))
	if not (row.get("note") or "").strip():
		problems.append(Problem("reason_required"))
	target = PROMENEUR_TARGETS[kind]
	status = promeneur.get("status")
	if not row.get("applied_on") and status != target and not lifecycle.can_move(status, target):
		problems.append(Problem("promeneur_cannot_move", (status, target)))
	return problems


def _target_problems(row, today: dt.date) -> list[Problem]:
	problems = []
	year = _whole(row.get("target_year"))
	if year is None or not (MIN_YEAR <= year <= today.year + MAX_YEARS_AHEAD):
		problems.append(Problem("invalid_year", (row.get("target_year"),)))
	elif year < today.year and not row.get("applied_on"):
		problems.append(Problem("past_year", (year,)))
	value = _whole(row.get("target_value"))
	if value is None or not (1 <= value <= MAX_TARGET):
		problems.append(Problem("invalid_target", (row.get("target_value"),)))
	return problems


def _subject_problems(row, required: bool) -> list[Problem]:
	subject = (row.get("subject") or "").strip()
	if required and not subject:
		return [Problem("subject_required")]
	if len(subject) > MAX_SUBJECT:
		return [Problem("subject_too_long", (MAX_SUBJECT,))]
	return []


def promeneur_move(kind: str, current_status: str | None) -> str | None:
	"""The status a promeneur decision moves the promeneur to; None when they are there already
	(applying twice changes nothing). Raises :class:`CommitteeError` for a move the lifecycle
	refuses (``promeneur_cannot_move``)."""
	target = PROMENEUR_TARGETS.get(kind)
	if target is None:
		raise CommitteeError("invalid_kind", kind)
	if current_status == target:
		return None
	if not lifecycle.can_move(current_status, target):
		raise CommitteeError("promeneur_cannot_move", current_status, target)
	return target


def is_pending(row: Mapping) -> bool:
	"""Whether applying the meeting's decisions still has something to do with this row."""
	if row.get("applied_on") or row.get("kind") not in APPLIED_KINDS:
		return False
	if row.get("kind") == APPLICATION:
		return bool(row.get("decision"))
	return True


def is_overdue(status: str | None, due_date: object, today: dt.date) -> bool:
	"""A roadmap item still to be done whose due date has passed."""
	due = as_date(due_date)
	return status in PENDING_STATUSES and due is not None and due < today
