"""The demo shows the address book's proposals and every status of the national registration."""

import datetime

from pdn_frappe.demo import address_book as plan
from pdn_frappe.domain import national, resources

TODAY = datetime.date(2026, 12, 1)


def test_the_promeneur_login_has_proposals_waiting_and_a_colleague_has_one_they_do_not_see():
	waiting = [p for p in plan.PROPOSALS if p.status == resources.PROPOSED]
	mine = [p for p in waiting if p.author == plan.PROMENEUR_LOGIN]
	assert {p.proposal_type for p in mine} == {resources.NEW, resources.CORRECTION}
	assert any(p.author != plan.PROMENEUR_LOGIN and p.department == mine[0].department for p in waiting)
	assert all(p.refusal_reason for p in plan.PROPOSALS if p.status == resources.REFUSED)


def test_the_registrations_show_every_status():
	listed = [f"L{i:02d}" for i in range(30)]
	former = ["F1", "F2", "F3", "F4"]
	registrations = plan.registration_plan(listed, former, TODAY)
	assert {status for status, _on in registrations.values()} == set(national.STATUSES)
	assert set(registrations) == {*listed, "F1", "F2", "F3"}
	for name in listed:
		status, registered_on = registrations[name]
		# what the plan gives a listed promeneur is where the rule keeps them
		assert national.next_status(status, True) == status
		assert (registered_on is None) == (status == national.TO_REGISTER)
	for name in ("F1", "F2", "F3"):
		status, _on = registrations[name]
		assert national.next_status(status, False) == status
