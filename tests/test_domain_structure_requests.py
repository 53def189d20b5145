"""The rules of a structure's requests: what each kind needs, what a filed request keeps, the
decision and what an approval writes."""

import pytest

from pdn_frappe.domain import structure_requests as rules
from pdn_frappe.domain.structure_requests import StructureRequestError


def code_of(rule, *args):
	with pytest.raises(StructureRequestError) as raised:
		rule(*args)
	return raised.value.code, raised.value.values


def test_unknown_kind_is_refused():
	assert code_of(rules.check_kind, "Dismiss the coordinator") == (
		"invalid_kind",
		("Dismiss the coordinator",),
	)
	assert code_of(rules.check_kind, None)[0] == "invalid_kind"


def test_each_kind_names_what_it_misses_in_order():
	assert code_of(rules.check_request, rules.LEAVING, {"promeneur": "P1"}) == (
		"missing_fields",
		(("effective_date", "details"),),
	)
	assert code_of(rules.check_request, rules.ADDRESS, {"address_line1": "  ", "city": "Vichy"}) == (
		"missing_fields",
		(("address_line1", "postcode"),),
	)
	new = {"first_name": "Inès", "last_name": "M", "email": "i@example.com", "mission": "Youth"}
	assert code_of(rules.check_request, rules.NEW_PROMENEUR, new) == (
		"missing_fields",
		(("new_weekly_hours", "effective_date"),),
	)


def test_complete_requests_pass():
	rules.check_request(
		rules.LEAVING, {"promeneur": "P1", "effective_date": "2026-12-01", "details": "Départ"}
	)
	rules.check_request(
		rules.REPRESENTATIVE,
		{"legal_representative": "Anne Vidal", "legal_representative_title": "Présidente"},
	)
	rules.check_request(rules.BUDGET, {"convention": "C1", "budget_year": 2027, "budget_amount": 6500.0})


def test_a_change_of_hours_changes_something():
	values = {"promeneur": "P1", "effective_date": "2026-12-01"}
	assert code_of(rules.check_request, rules.HOURS, values)[0] == "nothing_to_change"
	rules.check_request(rules.HOURS, {**values, "mission": "Parenting"})
	rules.check_request(rules.HOURS, {**values, "new_weekly_hours": 4.0})


@pytest.mark.parametrize("amount", [-1.0, 1_000_000.01, True, "6500"])
def test_budget_amount_must_be_positive_and_bounded(amount):
	values = {"convention": "C1", "budget_year": 2027, "budget_amount": amount}
	assert code_of(rules.check_request, rules.BUDGET, values)[0] in ("invalid_budget", "missing_fields")


@pytest.mark.parametrize("year", [1999, 2101, True])
def test_budget_year_must_be_plausible(year):
	values = {"convention": "C1", "budget_year": year, "budget_amount": 10.0}
	assert code_of(rules.check_request, rules.BUDGET, values)[0] == "invalid_year"


def test_fields_of_other_kinds_are_cleared():
	values = {"promeneur": "P1", "address_line1": "1 rue", "budget_amount": 10.0, "public_12_17": 0}
	assert rules.fields_to_clear(rules.LEAVING, values) == ["address_line1", "budget_amount"]
	# the mission belongs to both a new promeneur and a change of hours: kept for either
	assert rules.fields_to_clear(rules.HOURS, {"mission": "Youth", "first_name": "A"}) == ["first_name"]


def test_promeneur_must_work_for_the_structure_and_be_in_office():
	rules.check_promeneur_of_structure("S1", "S1", "Active")
	assert code_of(rules.check_promeneur_of_structure, "S2", "S1", "Active")[0] == "promeneur_other_structure"
	assert code_of(rules.check_promeneur_of_structure, "S1", "S1", "Left") == ("promeneur_ended", ("Left",))


def test_convention_must_be_the_structures():
	rules.check_convention_of_structure("S1", "S1")
	assert code_of(rules.check_convention_of_structure, "S2", "S1")[0] == "convention_other_structure"


def test_a_draft_changes_freely_a_filed_request_only_in_its_decision():
	rules.check_content_unchanged(None, ["promeneur"])
	rules.check_content_unchanged(rules.DRAFT, ["promeneur", "details"])
	rules.check_content_unchanged(rules.SUBMITTED, ["refusal_reason", "workflow_state"])
	assert code_of(rules.check_content_unchanged, rules.SUBMITTED, ["details", "refusal_reason"]) == (
		"filed_request_locked",
		(("details",),),
	)


def test_a_decided_request_never_changes():
	for state in rules.DECIDED:
		assert code_of(rules.check_content_unchanged, state, ["refusal_reason"]) == (
			"already_decided",
			(state,),
		)
		rules.check_content_unchanged(state, [])


def test_refusal_needs_a_reason():
	assert code_of(rules.check_decision, rules.REFUSED, "  ")[0] == "refusal_reason_required"
	rules.check_decision(rules.REFUSED, "La direction ne confirme pas le départ.")
	rules.check_decision(rules.APPROVED, None)


def test_notices_follow_the_states():
	assert rules.notice_for_transition(rules.DRAFT, rules.SUBMITTED) == "filed"
	assert rules.notice_for_transition(rules.SUBMITTED, rules.APPROVED) == "approved"
	assert rules.notice_for_transition(rules.SUBMITTED, rules.REFUSED) == "refused"
	assert rules.notice_for_transition(rules.SUBMITTED, rules.SUBMITTED) is None
	assert rules.notice_for_transition(None, rules.DRAFT) is None


def test_commitment_changes_only_what_differs():
	current = {"weekly_hours": 3.0, "mission": "Youth"}
	assert rules.commitment_changes({"new_weekly_hours": 3, "mission": "Youth"}, current) == {}
	assert rules.commitment_changes({"new_weekly_hours": 4.5, "mission": ""}, current) == {
		"weekly_hours": 4.5
	}
	assert rules.commitment_changes({"mission": "Parenting"}, current) == {"mission": "Parenting"}


def test_structure_changes_write_the_kinds_fields_only():
	values = {
		"address_line1": " 2 place Carnot ",
		"address_line2": "",
		"postcode": "03300",
		"city": "Cusset",
		"legal_representative": "X",
	}
	assert rules.structure_changes(rules.ADDRESS, values) == {
		"address_line1": "2 place Carnot",
		"address_line2": None,
		"postcode": "03300",
		"city": "Cusset",
	}
	assert rules.structure_changes(rules.LEAVING, values) == {}


def test_a_new_promeneur_reads_as_an_application():
	from pdn_frappe.domain.applications import promeneur_record

	values = {
		"first_name": "Inès",
		"last_name": "Marchand",
		"email": "i@example.com",
		"mission": "Youth",
		"new_weekly_hours": 4.5,
		"public_12_17": 1,
	}
	record = promeneur_record(rules.new_promeneur_application(values, "03"), "S1", "2026-12-01")
	assert (record["first_name"], record["structure"], record["status"], record["weekly_hours"]) == (
		"Inès",
		"S1",
		"Candidate",
		4.0,
	)
	assert rules.weekly_hours_choice(9) == "6h and more"
	assert code_of(rules.weekly_hours_choice, 1.5)[0] == "invalid_hours"


def test_a_change_takes_effect_within_a_year_of_its_request():
	import datetime

	today = datetime.date(2026, 12, 1)
	rules.check_effective_date(today, today)
	rules.check_effective_date(datetime.date(2027, 12, 1), today)
	rules.check_effective_date(datetime.date(2025, 12, 1), today)
	assert (
		code_of(rules.check_effective_date, datetime.date(9999, 12, 31), today)[0]
		== "effective_date_out_of_range"
	)
	assert (
		code_of(rules.check_effective_date, datetime.date(1900, 1, 1), today)[0]
		== "effective_date_out_of_range"
	)


def test_departures_and_changes_of_hours_wait_for_their_date():
	import datetime

	today = datetime.date(2026, 12, 1)
	later = datetime.date(2026, 12, 15)
	assert rules.applies_later(rules.LEAVING, later, today)
	assert rules.applies_later(rules.HOURS, later, today)
	assert not rules.applies_later(rules.LEAVING, today, today)
	assert not rules.applies_later(rules.NEW_PROMENEUR, later, today)
	assert not rules.applies_later(rules.ADDRESS, later, today)
	assert not rules.applies_later(rules.LEAVING, None, today)
