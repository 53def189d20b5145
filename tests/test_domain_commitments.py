"""The commitments of a promeneur and their shortfalls (pdn_frappe.domain.commitments), figures
computed by hand."""

import datetime as dt

import pytest

from pdn_frappe.domain import commitments as c

Q3_START, Q3_END = dt.date(2026, 7, 1), dt.date(2026, 9, 30)  # 92 days
TODAY = dt.date(2026, 12, 1)
WINDOW = (dt.date(2025, 10, 1), dt.date(2026, 9, 30))  # 365 days


def d(text: str) -> dt.date:
	return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
	("active_since", "ended_on", "days"),
	[
		("2019-03-01", None, 92),
		("2026-08-01", None, 61),  # 31 days of August + 30 of September
		("2019-03-01", "2026-07-31", 31),
		("2026-09-30", None, 1),
		("2026-10-01", None, 0),
		("2019-03-01", "2026-06-30", 0),
	],
)
def test_days_active_in_the_third_quarter(active_since, ended_on, days):
	assert c.days_active(Q3_START, Q3_END, d(active_since), d(ended_on) if ended_on else None) == days


def test_days_active_without_activity():
	assert c.days_active(Q3_START, Q3_END, None, None) == 0


def test_committed_hours_are_weekly_hours_times_weeks_active():
	since = d("2019-03-01")
	assert c.committed_hours(2, Q3_START, Q3_END, since, None) == 26.3  # 2 x 92 / 7 = 26.29
	assert c.committed_hours(2, d("2026-04-01"), d("2026-06-30"), since, None) == 26.0  # 91 days: 13 weeks
	assert c.committed_hours(3, d("2026-01-01"), d("2026-03-31"), since, None) == 38.6  # 3 x 90 / 7 = 38.57
	assert c.committed_hours(4, Q3_START, Q3_END, d("2026-08-01"), None) == 34.9  # 4 x 61 / 7 = 34.86
	assert c.committed_hours(6, d("2026-01-01"), d("2026-12-31"), since, None) == 312.9  # 6 x 365 / 7
	assert c.committed_hours(None, Q3_START, Q3_END, since, None) == 0


def test_the_follow_up_window_is_the_twelve_months_up_to_the_end_of_the_period():
	assert c.follow_up_window(Q3_END, TODAY) == WINDOW
	# a period not over yet: the twelve months up to today
	assert c.follow_up_window(d("2026-12-31"), TODAY) == (d("2025-12-02"), TODAY)
	assert c.follow_up_window(d("2024-02-29"), TODAY) == (d("2023-03-01"), d("2024-02-29"))


@pytest.mark.parametrize(
	("active_since", "held", "required"),
	[
		("2019-03-01", 5, 2),  # the whole window: the minimum of 2
		("2019-03-01", 1, 1),  # the department held one: one is owed
		("2019-03-01", 0, 0),
		("2026-04-01", 5, 1),  # 183 of 365 days: 2 x 183 / 365 = 1.003, rounded down
		("2026-07-01", 5, 0),  # 92 days: 0.5, rounded down
		("2025-10-01", 5, 2),  # active from the first day of the window
		("2025-10-02", 5, 1),  # one day short: 2 x 364 / 365 = 1.99, rounded down
	],
)
def test_required_collective_times(active_since, held, required):
	assert c.required_collective_times(WINDOW, d(active_since), None, held) == required


def test_a_promeneur_who_left_owes_collective_times_for_their_time_in_the_window():
	# active until 2026-03-31: 182 days of the window (Oct 1 to Mar 31): 2 x 182 / 365 = 0.997
	assert c.required_collective_times(WINDOW, d("2019-03-01"), d("2026-03-31"), 4) == 0
	assert c.required_collective_times(WINDOW, d("2019-03-01"), d("2026-04-01"), 4) == 1
	assert c.required_collective_times(WINDOW, d("2019-03-01"), None, 4, minimum=3) == 3


def test_the_welcome_meeting_is_owed_from_the_departments_first_recorded_one():
	first = d("2019-11-08")
	assert not c.welcome_meeting_owed(d("2019-01-01"), first)  # joined before it
	assert c.welcome_meeting_owed(d("2019-11-08"), first)
	assert c.welcome_meeting_owed(d("2026-03-01"), first)
	assert not c.welcome_meeting_owed(d("2026-03-01"), None)  # no welcome meeting recorded
	assert not c.welcome_meeting_owed(None, first)


NATIONAL_V2 = c.CharterTemplate("TPL-2", 2, None)


@pytest.mark.parametrize(
	("signed", "signed_on", "in_use", "state"),
	[
		(False, None, NATIONAL_V2, c.CHARTER_MISSING),
		(False, NATIONAL_V2, NATIONAL_V2, c.CHARTER_MISSING),
		(True, NATIONAL_V2, NATIONAL_V2, c.CHARTER_CURRENT),
		(True, c.CharterTemplate("TPL-1", 1, None), NATIONAL_V2, c.CHARTER_OUTDATED),
		(True, c.CharterTemplate("TPL-3", 3, None), NATIONAL_V2, c.CHARTER_CURRENT),  # newer than in use
		(True, c.CharterTemplate("TPL-9", 5, "03"), NATIONAL_V2, c.CHARTER_OUTDATED),  # another line
		# the department now uses its own charter
		(True, NATIONAL_V2, c.CharterTemplate("TPL-7", 1, "03"), c.CHARTER_OUTDATED),
		(True, c.CharterTemplate("TPL-7", 1, "03"), c.CharterTemplate("TPL-7", 1, "03"), c.CHARTER_CURRENT),
		(True, None, NATIONAL_V2, c.CHARTER_CURRENT),  # template unknown
		(True, c.CharterTemplate(None), NATIONAL_V2, c.CHARTER_CURRENT),
		(True, c.CharterTemplate("TPL-1", 1, None), None, c.CHARTER_CURRENT),  # no template in use
	],
)
def test_charter_state(signed, signed_on, in_use, state):
	assert c.charter_state(signed, signed_on, in_use) == state


def record(**values) -> c.Record:
	"""A promeneur who keeps every commitment in the third quarter of 2026."""
	base = {
		"weekly_hours": 2,
		"active_since": d("2019-03-01"),
		"questionnaire_submitted": True,
		"questionnaire_overdue": True,
		"hours_online": 30,
		"collective_times": 2,
		"collective_times_held": 4,
		"welcome_meeting_attended": True,
		"first_welcome_meeting": d("2019-11-08"),
		"charter": c.CHARTER_CURRENT,
	}
	return c.Record(**{**base, **values})


def assess(**values) -> c.Assessment:
	return c.assess(record(**values), Q3_START, Q3_END, WINDOW)


def test_a_promeneur_who_keeps_every_commitment():
	result = assess()
	assert (result.committed_hours, result.required_collective_times, result.welcome_meeting_owed) == (
		26.3,
		2,
		False,
	)
	assert result.shortfalls == [] and not result.below


def test_hours_reported_below_the_hours_committed():
	assert assess(hours_online=26.3).shortfalls == []  # exactly the commitment
	result = assess(hours_online=26.2)
	assert result.shortfalls == [c.Shortfall(c.HOURS_BELOW_COMMITMENT, (26.2, 26.3))]
	result = assess(weekly_hours=4, hours_online=40)  # 4 x 92 / 7 = 52.6
	assert result.shortfalls == [c.Shortfall(c.HOURS_BELOW_COMMITMENT, (40.0, 52.6))]


def test_a_questionnaire_not_submitted_counts_once_overdue_and_hides_the_hours():
	result = assess(questionnaire_submitted=False, hours_online=None)
	assert result.codes == [c.NO_QUESTIONNAIRE]
	# before the due date nothing is owed yet
	assert assess(questionnaire_submitted=False, questionnaire_overdue=False, hours_online=None).codes == []


def test_weekly_hours_below_the_charters_minimum():
	result = assess(weekly_hours=1.5, hours_online=20)  # 1.5 x 92 / 7 = 19.7
	assert result.committed_hours == 19.7
	assert result.shortfalls == [c.Shortfall(c.WEEKLY_HOURS_BELOW_MINIMUM, (1.5, 2.0))]


def test_too_few_collective_times():
	assert assess(collective_times=1).shortfalls == [c.Shortfall(c.FEW_COLLECTIVE_TIMES, (1, 2))]
	assert assess(collective_times=0, collective_times_held=1).shortfalls == [
		c.Shortfall(c.FEW_COLLECTIVE_TIMES, (0, 1))
	]
	assert assess(collective_times=0, collective_times_held=0).shortfalls == []
	# joined on 1 July 2026: a quarter of the window, nothing owed yet
	result = assess(collective_times=0, active_since=d("2026-07-01"))
	assert (result.required_collective_times, result.codes) == (0, [])


def test_welcome_meeting_of_a_newcomer():
	newcomer = {"active_since": d("2026-07-01"), "collective_times": 0}
	assert assess(**newcomer).codes == []  # attended it, owes no collective time yet
	assert assess(**newcomer, welcome_meeting_attended=False).codes == [c.NO_WELCOME_MEETING]
	# joined before the department recorded welcome meetings: not owed
	assert assess(welcome_meeting_attended=False).codes == []


def test_charter_not_signed_or_outdated():
	assert assess(charter=c.CHARTER_MISSING).shortfalls == [c.Shortfall(c.NO_CHARTER)]
	assert assess(charter=c.CHARTER_OUTDATED, charter_version=1, charter_version_in_use=2).shortfalls == [
		c.Shortfall(c.OUTDATED_CHARTER, (1, 2))
	]


def test_every_shortfall_at_once_in_the_reports_order():
	result = assess(
		weekly_hours=1,
		active_since=d("2020-01-01"),
		first_welcome_meeting=d("2019-06-01"),
		welcome_meeting_attended=False,
		questionnaire_submitted=False,
		hours_online=None,
		collective_times=0,
		charter=c.CHARTER_MISSING,
	)
	assert result.codes == [
		c.WEEKLY_HOURS_BELOW_MINIMUM,
		c.NO_QUESTIONNAIRE,
		c.FEW_COLLECTIVE_TIMES,
		c.NO_WELCOME_MEETING,
		c.NO_CHARTER,
	]
	assert result.committed_hours == 13.1  # 1 x 92 / 7


def test_count_by_shortfall():
	counts = c.count_by_shortfall(
		[[c.NO_QUESTIONNAIRE], [c.NO_QUESTIONNAIRE, c.NO_CHARTER], [], [c.NO_CHARTER, c.NO_CHARTER]]
	)
	assert list(counts) == list(c.SHORTFALLS)
	assert counts[c.NO_QUESTIONNAIRE] == 2 and counts[c.NO_CHARTER] == 2
	assert counts[c.HOURS_BELOW_COMMITMENT] == 0
