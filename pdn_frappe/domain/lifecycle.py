"""The promeneur's lifecycle: statuses, the moves between them and what each move entails.

One place for every caller (the desk, committee decisions, convention and structure changes, the
scheduler). Plain data in and out: :func:`transition` checks a move and returns a
:class:`Transition` that carries its date, reason, author and :class:`Effects`, the list of what the
Frappe layer must do (listing, login, role and scope, training registrations, dates). Each rule
raises :class:`LifecycleError` with a stable ``code`` and the values the caller needs to write its
French message.

* Candidate -> Active (charter signed, active convention: see
  :func:`pdn_frappe.domain.conventions.activation_blockers`), Left, Excluded;
* Active -> Suspended, Left, Excluded; Suspended -> Active, Left, Excluded;
* Left -> Candidate (a former promeneur comes back and starts over); Excluded is final;
* Suspended, Left and Excluded need a reason; automatic moves carry a reason code
  (:data:`REASON_CONVENTION_ENDED`, :data:`REASON_STRUCTURE_CLOSED`) so that a later restore
  lifts only the suspensions it caused.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from pdn_frappe.domain.applications import as_date
from pdn_frappe.domain.conventions import ACTIVE as CONVENTION_ACTIVE
from pdn_frappe.domain.errors import DomainError

# --------------------------------------------------------------------------- errors


class LifecycleError(DomainError):
	"""``code`` names the rule; ``values`` are what the message shows."""

	kind = "lifecycle"


# --------------------------------------------------------------------------- statuses (values of the Select field)

CANDIDATE = "Candidate"
ACTIVE = "Active"
SUSPENDED = "Suspended"
LEFT = "Left"
EXCLUDED = "Excluded"
STATUSES = (CANDIDATE, ACTIVE, SUSPENDED, LEFT, EXCLUDED)

#: statuses that end the mandate
ENDED_STATUSES = (LEFT, EXCLUDED)
#: statuses a move into needs a reason
REASON_REQUIRED = (SUSPENDED, LEFT, EXCLUDED)

#: status -> statuses it may move to
TRANSITIONS: dict[str, tuple[str, ...]] = {
	CANDIDATE: (ACTIVE, LEFT, EXCLUDED),
	ACTIVE: (SUSPENDED, LEFT, EXCLUDED),
	SUSPENDED: (ACTIVE, LEFT, EXCLUDED),
	LEFT: (CANDIDATE,),
	EXCLUDED: (),
}

# --------------------------------------------------------------------------- reason codes

#: a move decided by somebody (desk, committee): the reason is their text
REASON_MANUAL = "manual"
#: the structure's convention expired or was terminated and no other active convention covers it
REASON_CONVENTION_ENDED = "convention_ended"
#: the structure closed
REASON_STRUCTURE_CLOSED = "structure_closed"
#: the charter and the convention are both in force again
REASON_CONVENTION_RENEWED = "convention_renewed"
REASON_CODES = (REASON_MANUAL, REASON_CONVENTION_ENDED, REASON_STRUCTURE_CLOSED, REASON_CONVENTION_RENEWED)

#: suspensions a renewal or a new active convention lifts
LIFTED_BY_RENEWAL = (REASON_CONVENTION_ENDED,)

# --------------------------------------------------------------------------- effects

#: the login stays as it is
LOGIN_KEEP = "keep"
#: the login stays, with read-only access to the promeneur's own record
LOGIN_READ_ONLY = "read_only"
#: the login is disabled, unless the user holds another role of the network
LOGIN_DISABLE = "disable_unless_other_role"
LOGIN_ACTIONS = (LOGIN_KEEP, LOGIN_READ_ONLY, LOGIN_DISABLE)


@dataclass(frozen=True)
class Effects:
	"""What being in a status entails; the Frappe layer carries it out on every move.

	* ``listed``: may appear in the public directory (still only with consent and an active
	  convention of the structure that day: :func:`is_listed`); False removes the public page;
	* ``login``: one of :data:`LOGIN_ACTIONS`;
	* ``keep_role``: the ``PdN Promeneur`` role and the promeneur's scope (User Permissions) stay;
	* ``cancel_upcoming_registrations``: registrations to trainings that have not started yet go;
	* ``set_candidate_since`` / ``set_active_since``: the date is set when empty (or, coming back
	  after leaving, set anew);
	* ``set_ended_on``: ``ended_on`` is the date of the move; ``clear_ended_on``: it is emptied.
	"""

	listed: bool
	login: str
	keep_role: bool
	cancel_upcoming_registrations: bool
	set_candidate_since: bool = False
	set_active_since: bool = False
	set_ended_on: bool = False
	clear_ended_on: bool = False


def _still_in_network(listed: bool, login: str, **dates: bool) -> Effects:
	"""A status that keeps the promeneur in the network: role, scope and registrations stay."""
	return Effects(listed, login, keep_role=True, cancel_upcoming_registrations=False, **dates)


#: leaving and being excluded entail the same: no listing, no login, no role, no registrations
_OUT_OF_NETWORK = Effects(
	listed=False,
	login=LOGIN_DISABLE,
	keep_role=False,
	cancel_upcoming_registrations=True,
	set_ended_on=True,
)

#: what each status entails once reached
EFFECTS: dict[str, Effects] = {
	CANDIDATE: _still_in_network(listed=False, login=LOGIN_KEEP, set_candidate_since=True),
	ACTIVE: _still_in_network(listed=True, login=LOGIN_KEEP, set_active_since=True),
	SUSPENDED: _still_in_network(listed=False, login=LOGIN_READ_ONLY),
	**dict.fromkeys(ENDED_STATUSES, _OUT_OF_NETWORK),
}


def effects_of(status: str) -> Effects:
	"""What being in ``status`` entails (for a record created directly in that status)."""
	check_status(status)
	return EFFECTS[status]


# --------------------------------------------------------------------------- transitions


def check_status(status: str | None) -> None:
	if status not in STATUSES:
		raise LifecycleError("invalid_status", status)


def allowed_targets(current: str | None) -> tuple[str, ...]:
	"""Statuses ``current`` may move to (any status for a new record, ``current`` None)."""
	if current is None:
		return STATUSES
	check_status(current)
	return TRANSITIONS[current]


def can_move(current: str | None, target: str) -> bool:
	return target in STATUSES and target != current and target in allowed_targets(current)


def status_history_row(
	status_from: str | None,
	status_to: str,
	changed_on: datetime.date,
	reason: str | None,
	author: str,
	reason_code: str | None = None,
) -> dict:
	"""One row of the promeneur's status history, as the child table stores it."""
	return {
		"status_from": status_from,
		"status_to": status_to,
		"changed_on": changed_on,
		"reason": reason,
		"author": author,
		"reason_code": reason_code,
	}


@dataclass(frozen=True)
class Transition:
	"""A checked move: from ``status_from`` (None: a new record) to ``status``."""

	status_from: str | None
	status: str
	on: datetime.date
	reason: str | None
	author: str
	reason_code: str
	effects: Effects

	def history_row(self) -> dict:
		return status_history_row(
			self.status_from, self.status, self.on, self.reason, self.author, self.reason_code
		)

	def values(self, record: Mapping | None = None) -> dict:
		"""Fields of the promeneur to write: the status, its date, reason and reason code (which
		:func:`restore_after_renewal` reads back), and the dates the move sets.

		``record``: the promeneur's current ``candidate_since``, ``active_since`` and ``ended_on``;
		a date already set stays, unless the promeneur comes back after leaving.
		"""
		record = record or {}
		comes_back = self.status_from in ENDED_STATUSES
		values: dict = {
			"status": self.status,
			"status_changed_on": self.on,
			"status_reason": self.reason,
			"status_reason_code": self.reason_code,
		}
		effects = self.effects
		if effects.set_candidate_since and (comes_back or not record.get("candidate_since")):
			values["candidate_since"] = self.on
		if comes_back:
			values["active_since"] = None
		if effects.set_active_since and not record.get("active_since"):
			values["active_since"] = self.on
		if effects.set_ended_on:
			values["ended_on"] = self.on
		if effects.clear_ended_on:
			values["ended_on"] = None
		return values


def transition(
	current: str | None,
	target: str,
	*,
	on: datetime.date,
	reason: str | None,
	author: str,
	reason_code: str = REASON_MANUAL,
) -> Transition:
	"""Check the move from ``current`` to ``target`` and say what it entails.

	``current`` None is a new record, which may start in any status. Raises :class:`LifecycleError`:
	``invalid_status`` (value), ``same_status`` (status), ``invalid_transition`` (from, to),
	``reason_required`` (to), ``author_required``, ``invalid_date`` (value),
	``invalid_reason_code`` (value).
	"""
	check_status(target)
	if current is not None:
		check_status(current)
		if current == target:
			raise LifecycleError("same_status", target)
		if target not in TRANSITIONS[current]:
			raise LifecycleError("invalid_transition", current, target)
	reason = (reason or "").strip() or None
	if target in REASON_REQUIRED and not reason:
		raise LifecycleError("reason_required", target)
	author = (author or "").strip()
	if not author:
		raise LifecycleError("author_required")
	if isinstance(on, datetime.datetime):
		on = on.date()
	if not isinstance(on, datetime.date):
		raise LifecycleError("invalid_date", on)
	if reason_code not in REASON_CODES:
		raise LifecycleError("invalid_reason_code", reason_code)
	effects = EFFECTS[target]
	if current in ENDED_STATUSES:
		effects = replace(effects, clear_ended_on=True)
	return Transition(current, target, on, reason, author, reason_code, effects)


# --------------------------------------------------------------------------- conventions and structures


def suspension_for_convention_end(
	promeneur_status: str | None, has_other_active_convention: bool
) -> str | None:
	"""Where an active promeneur goes when their structure's convention expires or is terminated.

	Suspended (reason :data:`REASON_CONVENTION_ENDED`) unless another active convention covers
	them; None when nothing changes (candidates, suspended and former promeneurs stay as they are).
	"""
	if promeneur_status == ACTIVE and not has_other_active_convention:
		return SUSPENDED
	return None


def restore_after_renewal(
	promeneur_status: str | None,
	suspended_reason_code: str | None,
	charter_valid: bool,
	*,
	lifts: Iterable[str] = LIFTED_BY_RENEWAL,
) -> str | None:
	"""Active again once a renewal or a new active convention exists, or None.

	Only a promeneur suspended for a reason in ``lifts`` (the end of the convention by default)
	comes back, and only with a valid charter: a suspension decided by somebody stays.
	"""
	if promeneur_status == SUSPENDED and suspended_reason_code in tuple(lifts) and charter_valid:
		return ACTIVE
	return None


#: statuses a structure's closing moves
CLOSING_STATUSES = (CANDIDATE, ACTIVE, SUSPENDED)
#: where a closing may send them
CLOSING_TARGETS = (SUSPENDED, LEFT)


def structure_closing_target(promeneur_status: str | None, target: str = SUSPENDED) -> str | None:
	"""Where a promeneur goes when their structure closes (reason :data:`REASON_STRUCTURE_CLOSED`), or None.

	Active, candidate and suspended promeneurs move to ``target`` (Suspended or Left) when that move
	is allowed: a candidate is never suspended (without an active convention they cannot become
	active anyway) and a suspended promeneur is not suspended twice.
	"""
	if target not in CLOSING_TARGETS:
		raise LifecycleError("invalid_closing_target", target)
	if promeneur_status in CLOSING_STATUSES and can_move(promeneur_status, target):
		return target
	return None


def structure_closing_moves(promeneurs: Iterable[Mapping], target: str = SUSPENDED) -> list[tuple[str, str]]:
	"""(promeneur name, target) for each row (``name``, ``status``) a structure's closing moves."""
	moves = []
	for row in promeneurs:
		to = structure_closing_target(row.get("status"), target)
		if to:
			moves.append((row["name"], to))
	return moves


# --------------------------------------------------------------------------- public directory


def convention_in_force(convention: Mapping, day: datetime.date) -> bool:
	"""A convention row (``status``, ``start_date``, ``end_date``) is active and covers ``day``."""
	if convention.get("status") != CONVENTION_ACTIVE:
		return False
	start, end = as_date(convention.get("start_date")), as_date(convention.get("end_date"))
	return (start is None or start <= day) and (end is None or day <= end)


def has_active_convention_on(conventions: Iterable[Mapping], day: datetime.date) -> bool:
	return any(convention_in_force(row, day) for row in conventions)


def is_listed(
	status: str | None, consent: bool | int | None, structure_has_active_convention_on_day: bool
) -> bool:
	"""The public directory shows a promeneur who is active, consents, and whose structure has an
	active convention that day."""
	return status == ACTIVE and bool(consent) and bool(structure_has_active_convention_on_day)
