"""The demo's steering committee: every decision is one the app accepts, about the Allier."""

import datetime as dt

from pdn_frappe.demo import committee as plan
from pdn_frappe.demo import network as demo
from pdn_frappe.domain import committee as rules

TODAY = dt.date(2026, 12, 1)


def test_the_demo_meeting_decides_on_two_active_promeneurs_of_the_allier():
	network = demo.build_demo_network()
	meeting = plan.steering_meeting(network, TODAY)
	by_email = {p.email: p for p in network.promeneurs}
	decided = [row for row in meeting["decisions"] if row["kind"] in rules.PROMENEUR_TARGETS]
	assert [row["kind"] for row in decided] == [rules.SUSPENSION, rules.EXCLUSION]
	emails = {row["promeneur_email"] for row in decided}
	assert len(emails) == 2
	assert demo.login_for_role(demo.PROMENEUR_ROLE).email not in emails
	for row in meeting["decisions"]:
		promeneur = by_email.get(row.get("promeneur_email"))
		values = {**row, "promeneur": promeneur and promeneur.email}
		record = promeneur and {"department": promeneur.department, "status": promeneur.status}
		assert rules.decision_problems(values, meeting_department="03", promeneur=record, today=TODAY) == []
	assert plan.steering_meeting(network, TODAY) == meeting, "the same choice at each load"


def test_the_demo_roadmap_has_one_overdue_item_and_keeps_the_target():
	network = demo.build_demo_network()
	meeting = plan.steering_meeting(network, TODAY)
	roadmap = [row for row in meeting["decisions"] if row["kind"] == rules.ROADMAP_ITEM]
	assert [rules.is_overdue(rules.OPEN, row["due_date"], TODAY) for row in roadmap] == [True, False]
	target = next(row for row in meeting["decisions"] if row["kind"] == rules.YEARLY_TARGET)
	assert (target["target_year"], target["target_value"]) == (2026, 30)
	assert meeting["meeting_date"] < TODAY
	assert all(a["email"].endswith(demo.DEMO_EMAIL_DOMAIN) for a in meeting["attendees"])
