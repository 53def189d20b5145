"""The demo's structure requests: every state shows, and each request passes the rules once the
loader has resolved its structure, promeneur and convention."""

import datetime

from pdn_frappe.demo import network as demo
from pdn_frappe.demo import structure_requests as plan
from pdn_frappe.domain import structure_requests as rules

TODAY = datetime.date(2026, 12, 1)


def test_every_state_is_shown():
	assert {request.state for request in plan.demo_requests(TODAY)} == set(rules.STATES)


def test_the_manager_login_has_a_request_waiting_a_draft_and_a_refusal():
	gannat = {request.state for request in plan.demo_requests(TODAY) if request.structure_key == demo.GANNAT}
	assert gannat == {rules.SUBMITTED, rules.DRAFT, rules.REFUSED}


def test_each_request_passes_the_rules_once_resolved():
	for request in plan.demo_requests(TODAY):
		values = {key: value for key, value in request.values.items() if value != plan.CURRENT_REPRESENTATIVE}
		if request.values.get("representative") == plan.CURRENT_REPRESENTATIVE:
			values.update(legal_representative="Anne Vidal", legal_representative_title="Présidente")
		values.update(
			details=request.details,
			effective_date=TODAY + datetime.timedelta(days=request.effective_in_days or 0),
			promeneur="PDN-PRM-00001" if request.promeneur else None,
			convention="PDN-CONV-2026-0001" if request.convention else None,
		)
		rules.check_request(request.kind, values)
		rules.check_effective_date(values["effective_date"], TODAY)
		assert not rules.fields_to_clear(request.kind, values), request
		if request.state == rules.REFUSED:
			rules.check_decision(request.state, request.refusal_reason)


def test_structures_are_demo_structures_or_departments():
	network = demo.build_demo_network()
	keys = {structure.key for structure in network.structures} | {demo.ALLIER, demo.PUY_DE_DOME}
	assert {request.structure_key for request in plan.demo_requests(TODAY)} <= keys
