"""One application per person and call: which earlier application a new one repeats."""

from __future__ import annotations

from pdn_frappe.domain import applications as rules
from pdn_frappe.domain.validation import luhn_complete

SIRET = luhn_complete("7328293200007")
OTHER_SIRET = luhn_complete("4432567800001")


def row(name: str, **values) -> dict:
	base = {
		"name": name,
		"candidate_email": "camille.martin@example.com",
		"siret": SIRET,
		"application_call": "PDN-AAC-2026-001",
		"department": "03",
		"workflow_state": rules.SUBMITTED,
	}
	base.update(values)
	return base


def new(**values) -> dict:
	values.setdefault("name", None)
	return row(**values)


def test_same_email_siret_and_call_is_the_same_application_whatever_the_spelling():
	sent = new(
		candidate_email="  Camille.MARTIN@Example.com ", siret=" ".join([SIRET[:3], SIRET[3:9], SIRET[9:]])
	)
	match = rules.find_duplicate(sent, [row("A")])
	assert match == rules.DuplicateMatch("A", rules.SAME_APPLICATION)


def test_same_email_other_siret_is_a_near_duplicate():
	match = rules.find_duplicate(new(siret=OTHER_SIRET), [row("A")])
	assert match == rules.DuplicateMatch("A", rules.SAME_CANDIDATE_OTHER_STRUCTURE)


def test_same_siret_other_email_is_not_a_duplicate():
	assert rules.find_duplicate(new(candidate_email="dominique@example.com"), [row("A")]) is None


def test_another_call_or_department_is_not_a_duplicate():
	assert rules.find_duplicate(new(application_call="PDN-AAC-2026-002"), [row("A")]) is None
	assert rules.find_duplicate(new(department="63"), [row("A")]) is None


def test_withdrawn_applications_do_not_count_rejected_ones_do():
	assert rules.find_duplicate(new(), [row("A", workflow_state=rules.WITHDRAWN)]) is None
	assert rules.find_duplicate(new(), [row("A", workflow_state=rules.REJECTED)]).name == "A"
	assert rules.find_duplicate(new(), [row("A", workflow_state=rules.ACCEPTED)]).name == "A"


def test_the_application_itself_is_never_its_own_duplicate():
	assert rules.find_duplicate(row("A"), [row("A")]) is None


def test_the_oldest_match_of_the_strongest_kind_wins():
	earlier = [row("A", siret=OTHER_SIRET), row("B"), row("C")]
	assert rules.find_duplicate(new(), earlier) == rules.DuplicateMatch("B", rules.SAME_APPLICATION)
	assert rules.find_duplicate(new(siret=OTHER_SIRET), [row("B"), row("A", siret=OTHER_SIRET)]) == (
		rules.DuplicateMatch("A", rules.SAME_APPLICATION)
	)


def test_without_a_usable_email_or_call_nothing_matches():
	assert rules.find_duplicate(new(candidate_email="not an address"), [row("A")]) is None
	assert rules.find_duplicate(new(application_call=None), [row("A", application_call=None)]) is None


def test_an_invalid_siret_on_either_side_only_makes_a_near_duplicate():
	assert rules.find_duplicate(new(siret="123"), [row("A")]).kind == rules.SAME_CANDIDATE_OTHER_STRUCTURE
	assert rules.find_duplicate(new(siret="123"), [row("A", siret="123")]).kind == (
		rules.SAME_CANDIDATE_OTHER_STRUCTURE
	)
