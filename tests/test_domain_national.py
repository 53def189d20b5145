"""The national-site registration of each promeneur moves with the public directory."""

import datetime

import pytest

from pdn_frappe.domain import national as rules
from pdn_frappe.domain.national import NationalRegistrationError

NONE, TO_REGISTER, REGISTERED = rules.NONE, rules.TO_REGISTER, rules.REGISTERED
TO_UPDATE, TO_REMOVE, REMOVED = rules.TO_UPDATE, rules.TO_REMOVE, rules.REMOVED


@pytest.mark.parametrize(
	("current", "listed", "changed", "expected"),
	[
		# never registered
		(NONE, False, False, NONE),
		(None, True, False, TO_REGISTER),
		(NONE, True, True, TO_REGISTER),
		(TO_REGISTER, True, True, TO_REGISTER),
		(TO_REGISTER, False, False, NONE),
		# registered
		(REGISTERED, True, False, REGISTERED),
		(REGISTERED, True, True, TO_UPDATE),
		(REGISTERED, False, False, TO_REMOVE),
		(REGISTERED, False, True, TO_REMOVE),
		(TO_UPDATE, True, False, TO_UPDATE),
		(TO_UPDATE, False, False, TO_REMOVE),
		# on the way out
		(TO_REMOVE, False, True, TO_REMOVE),
		(TO_REMOVE, True, False, TO_UPDATE),
		(REMOVED, False, True, REMOVED),
		(REMOVED, True, False, TO_REGISTER),
	],
)
def test_the_registration_follows_the_listing(current, listed, changed, expected):
	assert rules.next_status(current, listed, changed) == expected


def test_an_unknown_status_is_refused():
	with pytest.raises(NationalRegistrationError, match="invalid_status"):
		rules.next_status("Deleted", True)


def test_marking_done_registers_or_removes():
	assert rules.done(TO_REGISTER) == REGISTERED
	assert rules.done(TO_UPDATE) == REGISTERED
	assert rules.done(TO_REMOVE) == REMOVED
	for current in (NONE, None, REGISTERED, REMOVED):
		with pytest.raises(NationalRegistrationError, match="nothing_to_do"):
			rules.done(current)


BEFORE = {
	"first_name": "Julie",
	"photo": "/files/julie.jpg",
	"structure": "STR-1",
	"public_12_17": 1,
	"weekly_hours": 3,
	"network_profiles": [
		{"social_network": "Instagram", "profile_name": "Julie CS", "profile_url": "https://x"}
	],
	"office_hours": [{"weekday": "Monday", "from_time": datetime.timedelta(hours=9), "to_time": "11:30:00"}],
}


def _after(**changes):
	return {**BEFORE, **changes}


def test_shown_details_changed():
	assert not rules.shown_details_changed(BEFORE, _after())
	assert not rules.shown_details_changed(None, _after(photo="/files/other.jpg"))
	# what the form sends compares equal to what the database holds
	same_hours = [{"weekday": "Monday", "from_time": "09:00", "to_time": "11:30"}]
	assert not rules.shown_details_changed(BEFORE, _after(public_12_17=1.0, office_hours=same_hours))
	# the weekly hours are not on the national site
	assert not rules.shown_details_changed(BEFORE, _after(weekly_hours=5))
	assert rules.shown_details_changed(BEFORE, _after(photo="/files/other.jpg"))
	assert rules.shown_details_changed(BEFORE, _after(structure="STR-2"))
	assert rules.shown_details_changed(BEFORE, _after(network_profiles=[]))
	later = [{"weekday": "Monday", "from_time": "10:00", "to_time": "11:30"}]
	assert rules.shown_details_changed(BEFORE, _after(office_hours=later))
