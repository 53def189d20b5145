"""The collaborative address book: proposals by promeneurs, decisions by the coordination."""

import pytest

from pdn_frappe.domain import resources as rules
from pdn_frappe.domain.resources import ProposalError


@pytest.mark.parametrize("status", ["Candidate", "Active"])
def test_candidates_and_active_promeneurs_may_propose(status):
	rules.check_author(status)


@pytest.mark.parametrize("status", ["Suspended", "Left", "Excluded", None, ""])
def test_suspended_former_or_unknown_promeneurs_may_not(status):
	with pytest.raises(ProposalError) as raised:
		rules.check_author(status)
	assert raised.value.code == "author_cannot_propose"


def test_a_new_person_needs_a_name_and_no_referent():
	rules.check_proposal(rules.NEW, None, {"full_name": "Dr Roux"})
	with pytest.raises(ProposalError, match="name_required"):
		rules.check_proposal(rules.NEW, None, {"full_name": "   "})
	with pytest.raises(ProposalError, match="referent_with_new_person"):
		rules.check_proposal(rules.NEW, "abc123", {"full_name": "Dr Roux"})


def test_a_correction_names_its_referent_and_changes_something():
	rules.check_proposal(rules.CORRECTION, "abc123", {"phone": "04 70 00 00 00"})
	rules.check_proposal(rules.CORRECTION, "abc123", {"comment": "She retired in June."})
	rules.check_proposal(rules.CORRECTION, "abc123", {"themes": ["Santé"]})
	with pytest.raises(ProposalError, match="referent_required"):
		rules.check_proposal(rules.CORRECTION, None, {"phone": "04 70 00 00 00"})
	with pytest.raises(ProposalError, match="empty_correction"):
		rules.check_proposal(rules.CORRECTION, "abc123", {"phone": " ", "themes": []})


def test_an_unknown_kind_is_refused():
	with pytest.raises(ProposalError, match="invalid_kind"):
		rules.check_proposal("Deletion", None, {"full_name": "x"})


def test_a_proposal_is_decided_once_and_a_refusal_says_why():
	assert rules.check_decision(rules.PROPOSED, rules.VALIDATED) is None
	assert rules.check_decision(rules.PROPOSED, rules.REFUSED, "  Already listed  ") == "Already listed"
	with pytest.raises(ProposalError, match="refusal_reason_required"):
		rules.check_decision(rules.PROPOSED, rules.REFUSED, "   ")
	for decided in rules.DECISIONS:
		with pytest.raises(ProposalError, match="already_decided"):
			rules.check_decision(decided, rules.VALIDATED)
	with pytest.raises(ProposalError, match="invalid_decision"):
		rules.check_decision(rules.PROPOSED, rules.PROPOSED)


def test_a_new_person_takes_every_field():
	values = rules.referent_values(
		rules.NEW, {"full_name": " Dr Roux ", "organisation": "MDA", "phone": ""}, ["Santé", "Santé"]
	)
	assert values["full_name"] == "Dr Roux"
	assert values["organisation"] == "MDA"
	assert values["phone"] is None
	assert values["themes"] == ["Santé"]
	assert set(values) == {*rules.REFERENT_FIELDS, "themes"}


def test_a_correction_changes_only_what_it_fills():
	values = rules.referent_values(rules.CORRECTION, {"phone": "04 70 11 22 33", "email": "", "notes": None})
	assert values == {"phone": "04 70 11 22 33"}
	assert rules.referent_values(rules.CORRECTION, {}, ["Addictions"]) == {"themes": ["Addictions"]}
