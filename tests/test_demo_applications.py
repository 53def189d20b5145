"""The demo's applications: complete forms, one accepted, one possible duplicate, welcome meetings
in the departments of the call."""

from pdn_frappe.demo import applications as plan
from pdn_frappe.domain import applications as rules


def test_every_demo_application_is_a_complete_form():
	for application in plan.APPLICATIONS:
		_cleaned, errors = rules.clean_application(plan.application_values(application))
		assert errors == [], application


def test_the_demo_shows_one_accepted_candidate_and_one_possible_duplicate():
	assert [a.state for a in plan.APPLICATIONS].count(rules.ACCEPTED) == 1
	rows = [
		{**plan.application_values(a), "name": f"A{i}", "application_call": "CALL", "workflow_state": a.state}
		for i, a in enumerate(plan.APPLICATIONS)
	]
	matches = [rules.find_duplicate(row, rows[:i]) for i, row in enumerate(rows)]
	assert [m.kind for m in matches if m] == [rules.SAME_CANDIDATE_OTHER_STRUCTURE]


def test_welcome_meetings_are_in_the_departments_of_the_call_and_to_come():
	assert {m.department for m in plan.WELCOME_MEETINGS} == {plan.ALLIER, plan.PUY_DE_DOME}
	assert all(m.days_from_today > 0 and m.start < m.end for m in plan.WELCOME_MEETINGS)
	accepted = [a for a in plan.APPLICATIONS if a.state == rules.ACCEPTED]
	assert all(any(m.department == a.department for m in plan.WELCOME_MEETINGS) for a in accepted)
