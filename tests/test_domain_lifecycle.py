"""Tests for pdn_frappe.domain.lifecycle: the promeneur's statuses, moves and what each entails."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pdn_frappe.domain import lifecycle as lc
from pdn_frappe.domain.lifecycle import ACTIVE, CANDIDATE, EXCLUDED, LEFT, SUSPENDED, LifecycleError

DAY = dt.date(2026, 3, 31)
ROOT = Path(__file__).resolve().parents[1]

ALLOWED = {
	(CANDIDATE, ACTIVE),
	(CANDIDATE, LEFT),
	(CANDIDATE, EXCLUDED),
	(ACTIVE, SUSPENDED),
	(ACTIVE, LEFT),
	(ACTIVE, EXCLUDED),
	(SUSPENDED, ACTIVE),
	(SUSPENDED, LEFT),
	(SUSPENDED, EXCLUDED),
	(LEFT, CANDIDATE),
}
ALL_PAIRS = [(a, b) for a in lc.STATUSES for b in lc.STATUSES if a != b]


def move(current, target, reason="Départ en formation", on=DAY, **kwargs):
	return lc.transition(current, target, on=on, reason=reason, author="coord@caf.fr", **kwargs)


def test_statuses_are_the_select_options_of_the_doctype():
	meta = json.loads((ROOT / "pdn_frappe/network/doctype/pdn_promeneur/pdn_promeneur.json").read_text())
	(status,) = (f for f in meta["fields"] if f["fieldname"] == "status")
	assert tuple(status["options"].split("\n")) == lc.STATUSES


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_allowed_moves(current, target):
	result = move(current, target)
	assert (result.status_from, result.status, result.on) == (current, target, DAY)
	assert result.reason == "Départ en formation"
	assert result.author == "coord@caf.fr"
	assert lc.can_move(current, target)


@pytest.mark.parametrize(("current", "target"), [p for p in ALL_PAIRS if p not in ALLOWED])
def test_forbidden_moves(current, target):
	with pytest.raises(LifecycleError) as error:
		move(current, target)
	assert (error.value.code, error.value.values) == ("invalid_transition", (current, target))
	assert not lc.can_move(current, target)


def test_excluded_is_final():
	assert lc.allowed_targets(EXCLUDED) == ()


@pytest.mark.parametrize("status", lc.STATUSES)
def test_a_status_is_not_a_move_to_itself(status):
	with pytest.raises(LifecycleError) as error:
		move(status, status)
	assert error.value.code == "same_status"


@pytest.mark.parametrize("target", [SUSPENDED, LEFT, EXCLUDED])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_suspending_or_ending_needs_a_reason(target, reason):
	with pytest.raises(LifecycleError) as error:
		move(ACTIVE, target, reason=reason)
	assert (error.value.code, error.value.values) == ("reason_required", (target,))


def test_activating_needs_no_reason_and_the_reason_is_trimmed():
	assert move(CANDIDATE, ACTIVE, reason=None).reason is None
	assert move(ACTIVE, LEFT, reason="  Mutation  ").reason == "Mutation"


@pytest.mark.parametrize(
	("kwargs", "code"),
	[
		({"author": ""}, "author_required"),
		({"on": None}, "invalid_date"),
		({"on": "2026-03-31"}, "invalid_date"),
		({"reason_code": "whim"}, "invalid_reason_code"),
	],
)
def test_a_move_needs_an_author_a_date_and_a_known_reason_code(kwargs, code):
	values = {"on": DAY, "reason": "Fin", "author": "coord@caf.fr", **kwargs}
	with pytest.raises(LifecycleError) as error:
		lc.transition(ACTIVE, LEFT, **values)
	assert error.value.code == code


@pytest.mark.parametrize("status", ["Actif", "", None, "active"])
def test_unknown_statuses_are_refused(status):
	with pytest.raises(LifecycleError) as error:
		lc.transition(CANDIDATE, status, on=DAY, reason="x", author="a")
	assert error.value.code == "invalid_status"
	if status is not None:
		with pytest.raises(LifecycleError):
			lc.transition(status, ACTIVE, on=DAY, reason="x", author="a")


def test_a_datetime_counts_as_its_day():
	assert move(ACTIVE, LEFT, on=dt.datetime(2026, 3, 31, 23, 59)).on == DAY


def test_a_new_record_may_start_in_any_status():
	assert move(None, ACTIVE).status_from is None
	assert move(None, LEFT).effects.set_ended_on
	with pytest.raises(LifecycleError):
		move(None, EXCLUDED, reason="")


# ---------------------------------------------------------------- what each move entails


@pytest.mark.parametrize("target", [LEFT, EXCLUDED])
def test_leaving_or_exclusion_closes_everything(target):
	effects = move(ACTIVE, target).effects
	assert effects.listed is False
	assert effects.login == lc.LOGIN_DISABLE == "disable_unless_other_role"
	assert effects.keep_role is False
	assert effects.cancel_upcoming_registrations is True
	assert effects.set_ended_on is True
	assert effects.set_active_since is False


def test_suspension_delists_and_makes_the_login_read_only():
	effects = move(ACTIVE, SUSPENDED).effects
	assert effects == lc.Effects(
		listed=False, login=lc.LOGIN_READ_ONLY, keep_role=True, cancel_upcoming_registrations=False
	)


def test_activation_lists_and_keeps_the_login():
	effects = move(SUSPENDED, ACTIVE).effects
	assert (effects.listed, effects.login, effects.keep_role) == (True, lc.LOGIN_KEEP, True)
	assert effects.set_active_since and not effects.set_ended_on
	assert not effects.cancel_upcoming_registrations


def test_a_candidate_is_not_listed():
	assert lc.effects_of(CANDIDATE).listed is False
	assert lc.effects_of(CANDIDATE).login == lc.LOGIN_KEEP


def test_values_of_a_departure():
	values = move(ACTIVE, LEFT, reason="Mutation").values({"active_since": dt.date(2024, 1, 1)})
	assert values == {
		"status": LEFT,
		"status_changed_on": DAY,
		"status_reason": "Mutation",
		"status_reason_code": lc.REASON_MANUAL,
		"ended_on": DAY,
	}


def test_values_of_an_activation_keep_the_first_active_date():
	assert move(CANDIDATE, ACTIVE).values({})["active_since"] == DAY
	assert "active_since" not in move(SUSPENDED, ACTIVE).values({"active_since": dt.date(2024, 1, 1)})
	assert "ended_on" not in move(SUSPENDED, ACTIVE).values({})


def test_a_former_promeneur_comes_back_as_a_new_candidate():
	result = move(LEFT, CANDIDATE, reason=None)
	assert result.effects.clear_ended_on
	values = result.values(
		{
			"candidate_since": dt.date(2020, 1, 1),
			"active_since": dt.date(2020, 6, 1),
			"ended_on": dt.date(2024, 1, 1),
		}
	)
	assert values["candidate_since"] == DAY
	assert values["active_since"] is None
	assert values["ended_on"] is None


def test_a_move_keeps_its_history():
	result = move(ACTIVE, SUSPENDED, reason="Convention échue", reason_code=lc.REASON_CONVENTION_ENDED)
	assert result.history_row() == {
		"status_from": ACTIVE,
		"status_to": SUSPENDED,
		"changed_on": DAY,
		"reason": "Convention échue",
		"author": "coord@caf.fr",
		"reason_code": "convention_ended",
	}
	assert lc.status_history_row(None, CANDIDATE, DAY, None, "Administrator") == {
		"status_from": None,
		"status_to": CANDIDATE,
		"changed_on": DAY,
		"reason": None,
		"author": "Administrator",
		"reason_code": None,
	}


# ---------------------------------------------------------------- conventions and structures


@pytest.mark.parametrize(
	("status", "covered", "expected"),
	[
		(ACTIVE, False, SUSPENDED),
		(ACTIVE, True, None),
		(CANDIDATE, False, None),
		(SUSPENDED, False, None),
		(LEFT, False, None),
		(EXCLUDED, False, None),
	],
)
def test_the_end_of_a_convention_suspends_its_active_promeneurs(status, covered, expected):
	assert lc.suspension_for_convention_end(status, covered) == expected


@pytest.mark.parametrize(
	("status", "code", "charter_valid", "expected"),
	[
		(SUSPENDED, lc.REASON_CONVENTION_ENDED, True, ACTIVE),
		(SUSPENDED, lc.REASON_CONVENTION_ENDED, False, None),
		(SUSPENDED, lc.REASON_MANUAL, True, None),
		(SUSPENDED, None, True, None),
		(SUSPENDED, lc.REASON_STRUCTURE_CLOSED, True, None),
		(ACTIVE, lc.REASON_CONVENTION_ENDED, True, None),
		(LEFT, lc.REASON_CONVENTION_ENDED, True, None),
	],
)
def test_a_renewal_lifts_only_the_suspensions_the_convention_caused(status, code, charter_valid, expected):
	assert lc.restore_after_renewal(status, code, charter_valid) == expected


def test_a_reopening_may_lift_the_suspensions_of_a_closing():
	assert (
		lc.restore_after_renewal(
			SUSPENDED, lc.REASON_STRUCTURE_CLOSED, True, lifts=[lc.REASON_STRUCTURE_CLOSED]
		)
		== ACTIVE
	)


def test_suspend_then_restore_round_trip():
	target = lc.suspension_for_convention_end(ACTIVE, has_other_active_convention=False)
	suspended = move(ACTIVE, target, reason="Convention échue", reason_code=lc.REASON_CONVENTION_ENDED)
	code = suspended.values()["status_reason_code"]
	back = lc.restore_after_renewal(suspended.status, code, charter_valid=True)
	restored = move(suspended.status, back, reason=None, reason_code=lc.REASON_CONVENTION_RENEWED)
	assert (restored.status, restored.effects.listed) == (ACTIVE, True)


@pytest.mark.parametrize(
	("status", "target", "expected"),
	[
		(ACTIVE, SUSPENDED, SUSPENDED),
		(SUSPENDED, SUSPENDED, None),
		(CANDIDATE, SUSPENDED, None),
		(LEFT, SUSPENDED, None),
		(EXCLUDED, SUSPENDED, None),
		(ACTIVE, LEFT, LEFT),
		(SUSPENDED, LEFT, LEFT),
		(CANDIDATE, LEFT, LEFT),
		(LEFT, LEFT, None),
		(EXCLUDED, LEFT, None),
	],
)
def test_closing_a_structure(status, target, expected):
	assert lc.structure_closing_target(status, target) == expected


def test_closing_moves_list_the_promeneurs_that_move():
	rows = [
		{"name": "P1", "status": ACTIVE},
		{"name": "P2", "status": CANDIDATE},
		{"name": "P3", "status": SUSPENDED},
		{"name": "P4", "status": LEFT},
	]
	assert lc.structure_closing_moves(rows, LEFT) == [("P1", LEFT), ("P2", LEFT), ("P3", LEFT)]
	assert lc.structure_closing_moves(rows) == [("P1", SUSPENDED)]


@pytest.mark.parametrize("target", [ACTIVE, CANDIDATE, EXCLUDED, "Closed"])
def test_a_closing_only_suspends_or_ends(target):
	with pytest.raises(LifecycleError) as error:
		lc.structure_closing_target(ACTIVE, target)
	assert error.value.code == "invalid_closing_target"


# ---------------------------------------------------------------- public directory


@pytest.mark.parametrize(
	("status", "consent", "convention", "listed"),
	[
		(ACTIVE, 1, True, True),
		(ACTIVE, True, True, True),
		(ACTIVE, 0, True, False),
		(ACTIVE, None, True, False),
		(ACTIVE, 1, False, False),
		(SUSPENDED, 1, True, False),
		(CANDIDATE, 1, True, False),
		(LEFT, 1, True, False),
		(EXCLUDED, 1, True, False),
		(None, 1, True, False),
	],
)
def test_directory_rule(status, consent, convention, listed):
	assert lc.is_listed(status, consent, convention) is listed


def test_a_convention_is_in_force_while_active_and_within_its_period():
	row = {"status": "Active", "start_date": dt.date(2025, 1, 1), "end_date": "2026-12-31"}
	assert lc.convention_in_force(row, dt.date(2025, 1, 1))
	assert lc.convention_in_force(row, dt.date(2026, 12, 31))
	assert not lc.convention_in_force(row, dt.date(2024, 12, 31))
	assert not lc.convention_in_force(row, dt.date(2027, 1, 1))
	assert not lc.convention_in_force({**row, "status": "Expired"}, dt.date(2025, 6, 1))
	assert not lc.convention_in_force({**row, "status": "Signed"}, dt.date(2025, 6, 1))


def test_a_structure_has_an_active_convention_if_any_covers_the_day():
	rows = [
		{"status": "Terminated", "start_date": "2024-01-01", "end_date": "2026-12-31"},
		{"status": "Active", "start_date": "2026-07-01", "end_date": "2028-06-30"},
	]
	assert not lc.has_active_convention_on(rows, dt.date(2026, 6, 30))
	assert lc.has_active_convention_on(rows, dt.date(2026, 7, 1))
	assert not lc.has_active_convention_on([], dt.date(2026, 7, 1))
