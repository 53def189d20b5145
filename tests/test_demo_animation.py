"""The demo's network life reproduces the 2019 activity report (pdn_frappe.demo.animation)."""

import datetime as dt

from pdn_frappe.demo import animation as d
from pdn_frappe.domain import animation as a
from pdn_frappe.domain.periods import Period


def count(rows, **criteria):
	return sum(1 for row in rows if all(getattr(row, key) == value for key, value in criteria.items()))


def test_2019_matches_the_activity_report_table():
	trainings, activities = d.trainings_2019(), d.activities_for(Period(2019), d.COUNTS_2019)
	expected = {
		# department: (individual, collective, workshops, practice exchanges, welcome, departmental, days)
		d.PUY_DE_DOME: (13, 8, 4, 2, 1, 0, 1.5),
		d.ALLIER: (10, 5, 5, 1, 1, 1, 1.5),
	}
	for department, figures in expected.items():
		days = sum(
			a.default_days(t.starts_on, t.ends_on)
			for t in trainings
			if t.department == department and t.kind == a.TRAINING
		)
		assert (
			count(activities, department=department, kind=a.INDIVIDUAL_PRESENTATION),
			count(activities, department=department, kind=a.COLLECTIVE_PRESENTATION),
			count(activities, department=department, kind=a.PUBLIC_WORKSHOP),
			count(trainings, department=department, kind=a.PRACTICE_EXCHANGE),
			count(trainings, department=department, kind=a.WELCOME_MEETING),
			count(trainings, department=department, kind=a.DEPARTMENTAL_MEETING),
			days,
		) == figures
	assert all(row.activity_date.year == 2019 and row.activity_date.weekday() < 5 for row in activities)
	assert all(row.note.endswith(d.DEMO_MARK) for row in activities)


def test_recent_sessions_are_around_the_loading_day():
	today = dt.date(2026, 11, 23)
	demo = d.build_animation_demo(today)
	recent = d.recent_trainings(today)
	held = [t for t in recent if t.status == a.HELD]
	planned = [t for t in recent if t.status == a.PLANNED]
	assert held and all(Period(2026, 3).contains(t.starts_on.date()) for t in held)
	assert planned and all(t.starts_on.date() > today and t.starts_on.weekday() < 5 for t in planned)
	assert any(t.with_demo_promeneur for t in held)
	assert all(t.ends_on > t.starts_on for t in demo.trainings)
	quarter = [row for row in demo.activities if Period(2026, 3).contains(row.activity_date)]
	assert len(quarter) == sum(sum(kinds.values()) for kinds in d.COUNTS_QUARTER.values())


def test_demo_practice_notes_are_anonymous():
	for note in d.practice_notes():
		assert (
			a.find_identity_fragments(note.title, note.situation, note.action_taken, note.outcome, note.tips)
			== []
		)
	assert {note.state for note in d.practice_notes()} >= {"Draft", "Under review", "Published"}


def test_two_departmental_meetings_in_the_year_up_to_the_last_closed_quarter():
	today = dt.date(2026, 12, 1)  # last closed quarter: Q3 2026
	meetings = d.departmental_meetings(today)
	for department in (d.ALLIER, d.PUY_DE_DOME):
		days = sorted(m.starts_on.date() for m in meetings if m.department == department)
		assert len(days) == 2
		assert Period(2026, 1).contains(days[0]) and Period(2026, 2).contains(days[1])
		assert all(day.weekday() < 5 for day in days)
	assert all(m.kind == a.DEPARTMENTAL_MEETING and m.status == a.HELD for m in meetings)
	assert len({m.title for m in meetings}) == 2  # two titles: not the same attendees twice
	assert set(meetings) <= set(d.build_animation_demo(today).trainings)
