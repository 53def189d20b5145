"""Trainings, calendar invitations, anonymity of practice notes and the coordination report's
figures (pdn_frappe.domain.animation)."""

import datetime as dt

import pytest

from pdn_frappe.domain import animation as a

NOON = dt.datetime(2026, 3, 1, 12, 0)
LATER = dt.datetime(2026, 3, 10, 9, 0)


def register(participants=None, capacity=2, **kwargs):
	args = {
		"training_status": a.PLANNED,
		"registration_open": True,
		"starts_on": LATER,
		"now": NOON,
		"capacity": capacity,
		"participants": participants or {},
		"promeneur": "PRM-3",
	}
	args.update(kwargs)
	a.check_registration(**args)


def code_of(call) -> str:
	with pytest.raises(a.AnimationError) as raised:
		call()
	return raised.value.code


# ---------------------------------------------------------------- registration and capacity


def test_registration_within_capacity():
	register({"PRM-1": a.REGISTERED, "PRM-2": a.INVITED})
	register({"PRM-1": a.REGISTERED, "PRM-2": a.EXCUSED, "PRM-3": a.INVITED})
	register({"PRM-1": a.REGISTERED, "PRM-2": a.REGISTERED}, capacity=0)  # 0: no limit


def test_registration_refused_when_full():
	assert code_of(lambda: register({"PRM-1": a.REGISTERED, "PRM-2": a.ATTENDED})) == "training_full"


def test_registration_refused_twice_and_after_start_or_cancellation():
	assert code_of(lambda: register({"PRM-3": a.REGISTERED})) == "already_registered"
	assert code_of(lambda: register(now=LATER)) == "training_started"
	assert code_of(lambda: register(training_status=a.CANCELLED)) == "training_cancelled"
	assert code_of(lambda: register(training_status=a.HELD)) == "training_started"
	assert code_of(lambda: register(registration_open=False)) == "registration_closed"


def test_unregistration():
	a.check_unregistration(training_status=a.PLANNED, starts_on=LATER, now=NOON, status=a.REGISTERED)
	assert (
		code_of(
			lambda: a.check_unregistration(
				training_status=a.PLANNED, starts_on=LATER, now=NOON, status=a.INVITED
			)
		)
		== "not_registered"
	)
	assert (
		code_of(
			lambda: a.check_unregistration(
				training_status=a.PLANNED, starts_on=LATER, now=LATER, status=a.REGISTERED
			)
		)
		== "training_started"
	)


def test_capacity_of_the_coordinators_list():
	a.check_capacity(2, [a.REGISTERED, a.ATTENDED, a.INVITED, a.EXCUSED])
	assert code_of(lambda: a.check_capacity(1, [a.REGISTERED, a.ATTENDED])) == "over_capacity"
	a.check_capacity(None, [a.REGISTERED] * 50)


def test_only_attendees_give_feedback():
	a.check_feedback(a.ATTENDED)
	for status in (a.INVITED, a.REGISTERED, a.EXCUSED, None):
		assert code_of(lambda status=status: a.check_feedback(status)) == "not_an_attendee"


def test_dates_hours_and_days():
	start = dt.datetime(2019, 6, 20, 9, 0)
	assert a.session_hours(start, dt.datetime(2019, 6, 20, 12, 30)) == 3.5
	assert a.default_days(start, dt.datetime(2019, 6, 20, 12, 30)) == 0.5
	assert a.default_days(start, dt.datetime(2019, 6, 20, 17, 0)) == 1.0
	assert a.default_days(start, dt.datetime(2019, 6, 21, 17, 0)) == 2.0
	assert code_of(lambda: a.check_training_dates(start, start)) == "ends_before_start"


def test_activity_hours():
	assert a.check_activity_hours(1.5) == 1.5
	for bad in (0, -1, 25, None):
		assert code_of(lambda bad=bad: a.check_activity_hours(bad)) == "invalid_hours"


def test_rating_average_ignores_empty_ratings():
	assert a.rating_average([0.8, 0.6, None, 0]) == 0.7
	assert a.rating_average([]) is None


def test_default_axis_of_activity_kinds():
	assert a.default_axis(a.INDIVIDUAL_PRESENTATION) == a.AXIS_GROWTH
	assert a.default_axis(a.PROMENEUR_EXCHANGE) == a.AXIS_ANIMATION
	assert a.default_axis(a.DIRECTORY) == a.AXIS_TOOLS
	assert a.default_axis(a.FUNDING_SEARCH) == a.AXIS_FUNDING
	assert a.default_axis(a.OTHER) is None
	assert set(a.ACTIVITY_AXES.values()) - {None} == set(a.MISSION_AXES)


# ---------------------------------------------------------------- calendar attachment


def test_ics_invitation_converts_paris_time_to_utc_and_escapes_text():
	event = a.CalendarEvent(
		uid="PDN-FOR-0001@pdn.localhost",
		starts_on=dt.datetime(2026, 6, 20, 9, 30),  # summer time: UTC+2
		ends_on=dt.datetime(2026, 6, 20, 17, 0),
		summary="Présence éducative, usages; enjeux",
		description="Ligne 1\nLigne 2",
		location="Caf de l'Allier, Vichy",
		organizer_email="coordination@example.org",
		organizer_name="Coordination",
		sequence=2,
	)
	ics = a.build_ics(event, stamp=dt.datetime(2026, 6, 1, 8, 0))
	assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
	lines = ics.split("\r\n")
	assert "METHOD:REQUEST" in lines
	assert "DTSTART:20260620T073000Z" in lines
	assert "DTEND:20260620T150000Z" in lines
	assert "SEQUENCE:2" in lines
	assert "SUMMARY:Présence éducative\\, usages\\; enjeux" in lines
	assert "DESCRIPTION:Ligne 1\\nLigne 2" in lines
	assert "LOCATION:Caf de l'Allier\\, Vichy" in lines
	assert "ORGANIZER;CN=Coordination:mailto:coordination@example.org" in lines


def test_ics_winter_time_cancellation_and_folding():
	event = a.CalendarEvent(
		uid="x",
		starts_on=dt.datetime(2026, 1, 8, 10, 0),
		ends_on=dt.datetime(2026, 1, 8, 12, 0),
		summary="é" * 80,
	)
	ics = a.build_ics(event, stamp=dt.datetime(2026, 1, 1), cancel=True)
	assert "DTSTART:20260108T090000Z" in ics
	assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics
	for line in ics.split("\r\n"):
		assert len(line.encode("utf-8")) <= 75
	unfolded = ics.replace("\r\n ", "")
	assert "SUMMARY:" + "é" * 80 + "\r\n" in unfolded


# ---------------------------------------------------------------- anonymity


def test_identity_fragments_are_found():
	text = (
		"<p>Une jeune (@lea_du_63) m'a écrit sur https://www.instagram.com/lea.d63/ puis "
		"donné son numéro 06 12 34 56 78, son mail lea.d@example.com et le +33 7 12 34 56 78.</p>"
	)
	assert a.find_identity_fragments(text) == [
		"lea.d@example.com",
		"https://www.instagram.com/lea.d63/",
		"@lea_du_63",
		"06 12 34 56 78",
		"+33 7 12 34 56 78",
	]


def test_anonymous_text_has_no_fragments():
	text = (
		"Un jeune de 15 ans m'a contacté en message privé au sujet d'un harcèlement en classe. "
		"Nous avons appelé le 3018 ensemble ; rendez-vous le 12/03/2026 à 14h au PIJ. "
		"Ratio 50 % ; 2 heures ; code postal 03200."
	)
	assert a.find_identity_fragments(text) == []


def test_fragments_across_several_fields_are_listed_once_and_compared_with_confirmed_ones():
	found = a.find_identity_fragments("Voir @pij_vichy", None, "encore @pij_vichy et 04.70.12.34.56")
	assert found == ["@pij_vichy", "04.70.12.34.56"]
	assert a.unconfirmed_fragments(found, ["@pij_vichy"]) == ["04.70.12.34.56"]
	assert a.split_lines(" @a \n\n 06 \n") == ["@a", "06"]


def test_html_entities_are_decoded_before_the_search():
	assert a.find_identity_fragments("contact&nbsp;: jeune&#64;example.com") == ["jeune@example.com"]


# ---------------------------------------------------------------- coordination report


def test_report_figures_on_known_rows():
	activities = [
		{"kind": a.INDIVIDUAL_PRESENTATION, "mission_axis": a.AXIS_GROWTH, "count": 3, "hours": 6},
		{"kind": a.COLLECTIVE_PRESENTATION, "mission_axis": a.AXIS_GROWTH, "count": 2, "hours": 5},
		{"kind": a.PUBLIC_WORKSHOP, "mission_axis": a.AXIS_GROWTH, "count": 1, "hours": 3},
		{"kind": a.PROMENEUR_EXCHANGE, "mission_axis": a.AXIS_ANIMATION, "count": 10, "hours": 5},
		{"kind": a.FUNDING_SEARCH, "mission_axis": a.AXIS_FUNDING, "count": 1, "hours": 4},
		{"kind": a.OTHER, "mission_axis": a.AXIS_TOOLS, "count": 1, "hours": 1},
	]
	sessions = [
		{"kind": a.TRAINING, "count": 2, "hours": 10.5, "days": 1.5, "participants": 14},
		{"kind": a.PRACTICE_EXCHANGE, "count": 1, "hours": 3, "days": 0.5, "participants": 6},
		{"kind": a.WELCOME_MEETING, "count": 1, "hours": 2, "days": 0.5, "participants": 4},
	]
	themes = [
		{"theme": "Santé", "count": 2},
		{"theme": "Harcèlement", "count": 3},
		{"theme": "Santé", "count": 1},
	]
	figures = a.build_report_figures(activities, sessions, themes, steering_meetings=1, questionnaires=12)

	assert figures.logged_hours == 24 and figures.session_hours == 15.5 and figures.total_hours == 39.5
	assert (figures.individual_presentations, figures.collective_presentations, figures.public_workshops) == (
		3,
		2,
		1,
	)
	assert figures.promeneur_exchanges == 10
	assert (figures.trainings, figures.training_days, figures.participants) == (2, 1.5, 24)
	assert (figures.network_meetings, figures.practice_exchanges, figures.welcome_meetings) == (2, 1, 1)
	assert (figures.steering_meetings, figures.questionnaires) == (1, 12)
	grid = {row["mission_axis"]: row for row in figures.time_by_axis}
	assert [row["mission_axis"] for row in figures.time_by_axis] == list(a.MISSION_AXES)
	assert grid[a.AXIS_GROWTH]["hours"] == 14 and grid[a.AXIS_GROWTH]["count"] == 6
	assert grid[a.AXIS_ANIMATION]["hours"] == 20.5  # 5 logged + 15.5 of sessions
	assert grid[a.AXIS_TOOLS]["hours"] == 1 and grid[a.AXIS_FUNDING]["hours"] == 4
	assert grid[a.AXIS_SELF_TRAINING] == {
		"mission_axis": a.AXIS_SELF_TRAINING,
		"hours": 0,
		"count": 0,
		"share": 0,
	}
	assert sum(row["share"] for row in figures.time_by_axis) == pytest.approx(100, abs=0.2)
	assert [task["kind"] for task in figures.tasks] == [
		a.INDIVIDUAL_PRESENTATION,
		a.COLLECTIVE_PRESENTATION,
		a.PUBLIC_WORKSHOP,
		a.PROMENEUR_EXCHANGE,
		a.FUNDING_SEARCH,
		a.OTHER,
		a.TRAINING,
		a.PRACTICE_EXCHANGE,
		a.WELCOME_MEETING,
	]
	assert figures.themes == [{"theme": "Harcèlement", "count": 3}, {"theme": "Santé", "count": 3}]


def test_empty_report():
	figures = a.build_report_figures([], [])
	assert figures.total_hours == 0 and all(row["share"] == 0 for row in figures.time_by_axis)
	assert figures.tasks == [] and figures.themes == []
