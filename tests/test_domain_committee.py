"""The steering committee's decisions beyond applications: what a row needs, what applying it does."""

import datetime as dt

import pytest

from pdn_frappe.domain import committee as c
from pdn_frappe.domain import lifecycle

TODAY = dt.date(2026, 12, 1)
ACTIVE_03 = {"department": "03", "status": "Active"}


def codes(row, promeneur=ACTIVE_03, department="03"):
	return [
		p.code
		for p in c.decision_problems(row, meeting_department=department, promeneur=promeneur, today=TODAY)
	]


def test_a_complete_exclusion_and_suspension_pass():
	for kind in (c.EXCLUSION, c.SUSPENSION):
		assert codes({"kind": kind, "promeneur": "P1", "note": "Manquements à la charte"}) == []


def test_a_promeneur_decision_needs_the_promeneur_of_the_meetings_department_and_a_reason():
	assert codes({"kind": c.EXCLUSION, "note": "x"}, promeneur=None) == ["promeneur_required"]
	assert codes({"kind": c.EXCLUSION, "promeneur": "P9", "note": "x"}, promeneur=None) == [
		"promeneur_required"
	]
	assert codes({"kind": c.EXCLUSION, "promeneur": "P1", "note": "  "}) == ["reason_required"]
	other = {"department": "63", "status": "Active"}
	assert codes({"kind": c.SUSPENSION, "promeneur": "P1", "note": "x"}, promeneur=other) == [
		"promeneur_other_department"
	]
	# a meeting without department accepts nobody
	assert "promeneur_other_department" in codes(
		{"kind": c.SUSPENSION, "promeneur": "P1", "note": "x"}, department=None
	)


@pytest.mark.parametrize(
	"kind, status, refused",
	[
		(c.SUSPENSION, "Active", False),
		(c.SUSPENSION, "Candidate", True),
		(c.SUSPENSION, "Left", True),
		(c.SUSPENSION, "Excluded", True),
		(c.SUSPENSION, "Suspended", False),  # there already: applying changes nothing
		(c.EXCLUSION, "Candidate", False),
		(c.EXCLUSION, "Suspended", False),
		(c.EXCLUSION, "Left", True),
		(c.EXCLUSION, "Excluded", False),
	],
)
def test_the_move_follows_the_lifecycle(kind, status, refused):
	promeneur = {"department": "03", "status": status}
	found = codes({"kind": kind, "promeneur": "P1", "note": "x"}, promeneur=promeneur)
	assert ("promeneur_cannot_move" in found) is refused
	if refused:
		with pytest.raises(c.CommitteeError) as error:
			c.promeneur_move(kind, status)
		assert error.value.code == "promeneur_cannot_move"
		assert error.value.values == (status, c.PROMENEUR_TARGETS[kind])


def test_applying_twice_moves_once():
	assert c.promeneur_move(c.EXCLUSION, "Active") == lifecycle.EXCLUDED
	assert c.promeneur_move(c.EXCLUSION, "Excluded") is None
	assert c.promeneur_move(c.SUSPENSION, "Active") == lifecycle.SUSPENDED
	assert c.promeneur_move(c.SUSPENSION, "Suspended") is None
	with pytest.raises(c.CommitteeError):
		c.promeneur_move(c.ROADMAP_ITEM, "Active")


def test_an_applied_row_is_not_checked_against_the_promeneurs_new_status():
	row = {"kind": c.EXCLUSION, "promeneur": "P1", "note": "x", "applied_on": "2026-11-30 10:00:00"}
	assert codes(row, promeneur={"department": "03", "status": "Excluded"}) == []


@pytest.mark.parametrize(
	"year, value, expected",
	[
		(2026, 40, []),
		("2027", "45", []),
		(2031, 1, []),
		(2026, 10_000, []),
		(2026, 0, ["invalid_target"]),
		(2026, -3, ["invalid_target"]),
		(2026, 10_001, ["invalid_target"]),
		(2026, 12.5, ["invalid_target"]),
		(2026, "douze", ["invalid_target"]),
		(2026, None, ["invalid_target"]),
		(2026, float("nan"), ["invalid_target"]),
		(2026, True, ["invalid_target"]),
		(2025, 40, ["past_year"]),
		(2011, 40, ["invalid_year"]),
		(2032, 40, ["invalid_year"]),
		("<script>", 40, ["invalid_year"]),
		(None, None, ["invalid_year", "invalid_target"]),
	],
)
def test_a_yearly_target(year, value, expected):
	assert codes({"kind": c.YEARLY_TARGET, "target_year": year, "target_value": value}) == expected


def test_a_roadmap_item_needs_a_short_subject():
	assert codes({"kind": c.ROADMAP_ITEM, "subject": "Former les nouveaux promeneurs"}) == []
	assert codes({"kind": c.ROADMAP_ITEM, "subject": "   "}) == ["subject_required"]
	assert codes({"kind": c.ROADMAP_ITEM, "subject": "x" * 141}) == ["subject_too_long"]
	assert codes({"kind": c.OTHER}) == []
	assert codes({"kind": c.OTHER, "subject": "x" * 141}) == ["subject_too_long"]
	assert codes({"kind": "Dissolution"}) == ["invalid_kind"]


def test_pending_rows():
	assert c.is_pending({"kind": c.APPLICATION, "decision": "Accept"})
	assert not c.is_pending({"kind": c.APPLICATION, "decision": ""})
	assert not c.is_pending({"kind": c.OTHER, "subject": "x"})
	for kind in (c.SUSPENSION, c.EXCLUSION, c.YEARLY_TARGET, c.ROADMAP_ITEM):
		assert c.is_pending({"kind": kind})
		assert not c.is_pending({"kind": kind, "applied_on": "2026-12-01 10:00:00"})


def test_overdue_roadmap_items():
	assert c.is_overdue("Open", "2026-11-30", TODAY)
	assert c.is_overdue("In progress", dt.date(2026, 11, 1), TODAY)
	assert not c.is_overdue("Open", "2026-12-01", TODAY)
	assert not c.is_overdue("Done", "2026-11-01", TODAY)
	assert not c.is_overdue("Cancelled", "2026-11-01", TODAY)
	assert not c.is_overdue("Open", None, TODAY)
