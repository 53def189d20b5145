"""Convention rules (pdn_frappe.domain.conventions), no Frappe."""

from __future__ import annotations

import datetime

import pytest

from pdn_frappe.domain import conventions as c

D = datetime.date


def rule_error(code: str):
	return pytest.raises(c.ConventionRuleError, match=code)


# --------------------------------------------------------------------------- lifecycle


@pytest.mark.parametrize(
	"old,new",
	[
		(None, "Draft"),
		("Draft", "Sent"),
		("Sent", "Draft"),
		("Sent", "Signed"),
		("Signed", "Active"),
		("Active", "Expired"),
		("Active", "Terminated"),
		("Signed", "Terminated"),
		("Active", "Active"),
	],
)
def test_allowed_transitions(old, new):
	c.check_transition(old, new)


@pytest.mark.parametrize(
	"old,new",
	[
		(None, "Active"),
		("Draft", "Signed"),
		("Draft", "Active"),
		("Sent", "Active"),
		("Expired", "Active"),
		("Terminated", "Active"),
		("Draft", "Terminated"),
		("Expired", "Terminated"),
	],
)
def test_refused_transitions(old, new):
	with rule_error("invalid_transition"):
		c.check_transition(old, new)


def test_unknown_status():
	with rule_error("invalid_status"):
		c.check_transition("Draft", "Paid")


def test_automatic_status():
	start, end = D(2026, 1, 1), D(2028, 12, 31)
	assert c.automatic_status("Signed", start, end, D(2025, 12, 31)) == "Signed"
	assert c.automatic_status("Signed", start, end, D(2026, 1, 1)) == "Active"
	assert c.automatic_status("Active", start, end, D(2028, 12, 31)) == "Active"
	assert c.automatic_status("Active", start, end, D(2029, 1, 1)) == "Expired"
	assert c.automatic_status("Signed", start, end, D(2029, 1, 1)) == "Expired"
	assert c.automatic_status("Draft", start, end, D(2029, 1, 1)) == "Draft"
	assert c.automatic_status("Terminated", start, end, D(2027, 1, 1)) == "Terminated"


def test_changed_contract_fields():
	before = {
		"start_date": D(2026, 1, 1),
		"end_date": D(2028, 12, 31),
		"caf_representative": "A",
		"include_msa": 0,
	}
	assert c.changed_contract_fields(before, dict(before)) == []
	assert c.changed_contract_fields(before, dict(before, include_msa=None)) == []
	assert c.changed_contract_fields(before, dict(before, end_date=D(2029, 12, 31))) == ["end_date"]


# --------------------------------------------------------------------------- period and subsidies


def test_period():
	c.check_period(D(2026, 1, 1), D(2026, 12, 31))
	c.check_period(None, D(2026, 12, 31))
	with rule_error("end_before_start"):
		c.check_period(D(2026, 1, 1), D(2026, 1, 1))
	assert c.period_years(D(2026, 7, 1), D(2028, 6, 30)) == [2026, 2027, 2028]


def test_subsidy_schedule():
	start, end = D(2026, 1, 1), D(2027, 12, 31)
	c.check_subsidies(
		[{"year": 2026, "amount": 5000}, {"year": 2027, "amount": 5000, "paid_on": D(2027, 3, 1)}], start, end
	)
	with rule_error("subsidy_year_outside_period"):
		c.check_subsidies([{"year": 2029, "amount": 1}], start, end)
	with rule_error("subsidy_year_twice"):
		c.check_subsidies([{"year": 2026, "amount": 1}, {"year": 2026, "amount": 2}], start, end)
	with rule_error("subsidy_amount_not_positive"):
		c.check_subsidies([{"year": 2026, "amount": 0}], start, end)
	with rule_error("subsidy_paid_too_early"):
		c.check_subsidies([{"year": 2027, "amount": 1, "paid_on": "2020-01-01"}], start, end)


def test_subsidy_totals():
	rows = [{"amount": 5000, "paid_on": D(2026, 5, 1)}, {"amount": 4000}, {"amount": 1500.5, "paid_on": None}]
	assert c.subsidy_totals(rows) == {"planned": 10500.5, "paid": 5000.0, "unpaid": 5500.5}


# --------------------------------------------------------------------------- supporting documents

REQUIREMENTS = [
	c.DocumentRequirement("Statuts", first_association=True),
	c.DocumentRequirement("RIB", first_association=True, first_public=True),
	c.DocumentRequirement("Liste du CA", first_association=True, renewal_association=True, has_validity=True),
	c.DocumentRequirement("Arrêté préfectoral", first_public=True),
	c.DocumentRequirement("Non-changement", renewal_association=True, renewal_public=True),
	c.DocumentRequirement("Attestation de service fait", yearly_due="31 December of the year"),
	c.DocumentRequirement(
		"Compte de résultat", first_association=True, yearly_due="30 June of the following year"
	),
]


def test_required_documents_by_legal_status_and_stage():
	assert c.required_documents(REQUIREMENTS, c.FIRST_SIGNATURE, "Association") == [
		"Statuts",
		"RIB",
		"Liste du CA",
		"Compte de résultat",
	]
	assert c.required_documents(REQUIREMENTS, c.FIRST_SIGNATURE, "Local authority") == [
		"RIB",
		"Arrêté préfectoral",
	]
	assert c.required_documents(REQUIREMENTS, c.RENEWAL, "Inter-municipal body (EPCI)") == ["Non-changement"]
	assert c.required_documents(REQUIREMENTS, c.RENEWAL, None) == ["Liste du CA", "Non-changement"]


def test_requirement_from_a_document_type_row():
	row = {"name": "RIB", "first_signature_public": 1, "yearly_due": "", "has_validity": 0}
	assert c.DocumentRequirement.from_row(row) == c.DocumentRequirement("RIB", first_public=True)


def test_checklist_reuses_structure_documents_and_flags_expired_ones():
	today = D(2026, 3, 1)
	structure_documents = [
		{"document_type": "Statuts", "file": "/files/statuts-2019.pdf", "received_on": D(2019, 1, 1)},
		{"document_type": "Statuts", "file": "/files/statuts-2024.pdf", "received_on": D(2024, 1, 1)},
		{
			"document_type": "Liste du CA",
			"file": "/files/ca.pdf",
			"received_on": D(2024, 1, 1),
			"valid_until": D(2025, 1, 1),
		},
	]
	required = c.required_documents(REQUIREMENTS, c.FIRST_SIGNATURE, "Association")
	rows = {
		r["document_type"]: r
		for r in c.merge_checklist([], required, c.FIRST_SIGNATURE, structure_documents, today)
	}
	assert rows["Statuts"]["status"] == "Received" and rows["Statuts"]["file"] == "/files/statuts-2024.pdf"
	assert rows["Statuts"]["from_structure"] == 1
	assert rows["Liste du CA"]["status"] == "Expired"
	assert rows["RIB"]["status"] == "Missing"


def test_checklist_keeps_own_files_and_not_required_rows():
	today = D(2026, 3, 1)
	existing = [
		{
			"name": "r1",
			"stage": c.FIRST_SIGNATURE,
			"document_type": "RIB",
			"file": "/files/rib.pdf",
			"from_structure": 0,
		},
		{"name": "r2", "stage": c.FIRST_SIGNATURE, "document_type": "Statuts", "status": "Not required"},
	]
	structure_documents = [{"document_type": "RIB", "file": "/files/old-rib.pdf"}]
	rows = c.merge_checklist(
		existing, ["RIB", "Statuts", "Liste du CA"], c.FIRST_SIGNATURE, structure_documents, today
	)
	assert [r["document_type"] for r in rows] == ["RIB", "Statuts", "Liste du CA"]
	assert rows[0]["file"] == "/files/rib.pdf" and rows[0]["status"] == "Received"
	assert rows[1]["status"] == "Not required"
	assert rows[2]["status"] == "Missing"


def test_a_structure_document_removed_is_no_longer_reused():
	rows = [
		{"stage": c.FIRST_SIGNATURE, "document_type": "RIB", "file": "/files/rib.pdf", "from_structure": 1}
	]
	merged = c.merge_checklist(rows, [], c.FIRST_SIGNATURE, [], D(2026, 1, 1))
	assert merged[0]["status"] == "Missing" and not merged[0]["file"]


def test_yearly_rows_and_due_dates():
	rows = c.merge_yearly_reports([], REQUIREMENTS, [2026, 2027], D(2027, 1, 15))
	assert [(r["year"], r["document_type"], r["due_date"], r["status"]) for r in rows] == [
		(2026, "Attestation de service fait", D(2026, 12, 31), "Late"),
		(2026, "Compte de résultat", D(2027, 6, 30), "To come"),
		(2027, "Attestation de service fait", D(2027, 12, 31), "To come"),
		(2027, "Compte de résultat", D(2028, 6, 30), "To come"),
	]
	rows[0]["received_on"] = D(2027, 1, 10)
	again = c.merge_yearly_reports(rows, REQUIREMENTS, [2026, 2027], D(2027, 1, 15))
	assert len(again) == 4 and again[0]["status"] == "Received"
	assert c.yearly_due_date("31 March of the year", 2026) == D(2026, 3, 31)
	assert c.yearly_due_date("", 2026) is None


# --------------------------------------------------------------------------- renewal


def test_renewal_period_in_whole_years():
	assert c.renewal_period(D(2024, 1, 1), D(2026, 12, 31)) == (D(2027, 1, 1), D(2029, 12, 31))
	assert c.renewal_period(D(2024, 7, 1), D(2025, 6, 30)) == (D(2025, 7, 1), D(2026, 6, 30))
	assert c.renewal_period(D(2026, 3, 1), D(2026, 8, 31)) == (D(2026, 9, 1), D(2027, 3, 3))


def test_renewal_subsidies_repeat_the_yearly_amounts():
	rows = [{"year": 2026, "amount": 4000, "paid_on": D(2026, 5, 1)}, {"year": 2025, "amount": 3500}]
	assert c.renewal_subsidies(rows, D(2027, 1, 1), D(2029, 12, 31)) == [
		{"year": 2027, "amount": 3500.0},
		{"year": 2028, "amount": 4000.0},
		{"year": 2029, "amount": 4000.0},
	]
	assert c.renewal_subsidies([], D(2027, 1, 1), D(2027, 12, 31)) == []


# --------------------------------------------------------------------------- alerts


def test_expiry_alerts_only_when_due_and_once():
	end = D(2026, 12, 31)
	assert c.expiry_alert(end, D(2026, 9, 1), []) is None
	first = c.expiry_alert(end, D(2026, 10, 2), [])
	assert first.key == "expiry-90-2026-12-31" and first.days_left == 90
	assert c.expiry_alert(end, D(2026, 10, 3), [first.key]) is None
	second = c.expiry_alert(end, D(2026, 12, 1), [first.key])
	assert second.key == "expiry-30-2026-12-31"
	assert c.expiry_alert(end, D(2027, 1, 1), []) is None, "no alert once ended"
	assert c.expiry_alert(end, D(2026, 12, 20), []).key == "expiry-30-2026-12-31", "one e-mail, the closest"
	assert c.expiry_alert(D(2027, 12, 31), D(2027, 12, 1), [first.key]).key == "expiry-30-2027-12-31"


def test_late_document_alert():
	rows = [
		{"year": 2026, "document_type": "Attestation de service fait", "due_date": D(2026, 12, 31)},
		{"year": 2026, "document_type": "Compte de résultat", "due_date": D(2027, 6, 30)},
		{"year": 2025, "document_type": "Bilan", "due_date": D(2026, 6, 30), "received_on": D(2026, 6, 1)},
	]
	assert c.late_document_alert(rows, D(2026, 12, 31), []) is None
	alert = c.late_document_alert(rows, D(2027, 1, 2), [])
	assert [r["document_type"] for r in alert.rows] == ["Attestation de service fait"]
	assert c.late_document_alert(rows, D(2027, 1, 3), [c.late_document_key(rows[0])]) is None


def test_activation_blockers():
	assert c.activation_blockers(True, True) == []
	assert c.activation_blockers(False, True) == ["charter_not_signed"]
	assert c.activation_blockers(True, False) == ["no_active_convention"]


# --------------------------------------------------------------------------- termination with notice


def test_anniversaries_inside_the_period():
	assert c.anniversaries(D(2025, 1, 1), D(2027, 12, 31)) == [D(2026, 1, 1), D(2027, 1, 1)]
	assert c.anniversaries(D(2025, 1, 1), D(2025, 12, 31)) == []


def test_anniversaries_of_29_february_fall_on_28_february_then_29():
	assert c.anniversaries(D(2024, 2, 29), D(2028, 12, 31)) == [
		D(2025, 2, 28),
		D(2026, 2, 28),
		D(2027, 2, 28),
		D(2028, 2, 29),
	]


@pytest.mark.parametrize(
	"anniversary,deadline",
	[
		(D(2026, 1, 1), D(2025, 10, 1)),
		(D(2026, 5, 31), D(2026, 2, 28)),  # end of month: 31 May -> 28 February
		(D(2028, 5, 31), D(2028, 2, 29)),  # leap year
		(D(2026, 11, 30), D(2026, 8, 30)),
	],
)
def test_notice_deadline_is_three_months_before(anniversary, deadline):
	assert c.notice_deadline(anniversary) == deadline


def test_earliest_termination_is_the_first_anniversary_the_notice_reaches():
	start, end = D(2025, 1, 1), D(2027, 12, 31)
	# notice on the last day allowed: the next anniversary
	assert c.earliest_termination(start, end, D(2025, 10, 1)) == D(2026, 1, 1)
	# one day late: the anniversary after
	assert c.earliest_termination(start, end, D(2025, 10, 2)) == D(2027, 1, 1)
	with rule_error("notice_after_last_anniversary"):
		c.earliest_termination(start, end, D(2026, 10, 2))


def test_termination_with_too_short_a_notice_is_refused_with_the_earliest_date():
	start, end = D(2025, 1, 1), D(2027, 12, 31)
	with pytest.raises(c.ConventionRuleError) as caught:
		c.check_termination_with_notice(start, end, D(2025, 11, 15), D(2025, 11, 15), D(2026, 1, 1))
	assert caught.value.code == "notice_too_short"
	assert caught.value.values == (D(2026, 1, 1), D(2027, 1, 1), D(2025, 11, 15))


def test_termination_with_notice_defaults_to_the_earliest_and_must_be_an_anniversary():
	start, end = D(2025, 3, 15), D(2028, 3, 14)
	today = D(2025, 6, 1)
	assert c.check_termination_with_notice(start, end, today, today) == D(2026, 3, 15)
	assert c.check_termination_with_notice(start, end, today, today, D(2027, 3, 15)) == D(2027, 3, 15)
	with rule_error("termination_not_on_anniversary"):
		c.check_termination_with_notice(start, end, today, today, D(2026, 6, 30))
	with rule_error("termination_after_end"):
		c.check_termination_with_notice(start, end, today, today, D(2029, 3, 15))
	with rule_error("notice_in_future"):
		c.check_termination_with_notice(start, end, D(2025, 6, 2), today)


def test_notice_on_29_february_and_end_of_month():
	# start on 31 May: anniversary 31 May, notice until 28/29 February
	start, end = D(2025, 5, 31), D(2028, 5, 30)
	assert c.check_termination_with_notice(start, end, D(2026, 2, 28), D(2026, 3, 1)) == D(2026, 5, 31)
	assert c.check_termination_with_notice(start, end, D(2026, 3, 1), D(2026, 3, 1)) == D(2027, 5, 31)
	assert c.check_termination_with_notice(start, end, D(2027, 2, 28), D(2027, 3, 1)) == D(2027, 5, 31)


def test_immediate_termination_needs_a_reason_and_a_date_in_the_period():
	assert c.check_immediate_termination(D(2027, 12, 31), D(2026, 4, 2), "Dissolution") == D(2026, 4, 2)
	with rule_error("termination_reason_required"):
		c.check_immediate_termination(D(2027, 12, 31), D(2026, 4, 2), "  ")
	with rule_error("termination_after_end"):
		c.check_immediate_termination(D(2027, 12, 31), D(2028, 1, 1), "Dissolution")


def test_a_termination_date_reached_terminates_by_itself():
	start, end = D(2025, 1, 1), D(2027, 12, 31)
	assert c.automatic_status("Active", start, end, D(2025, 12, 31), D(2026, 1, 1)) == "Active"
	assert c.automatic_status("Active", start, end, D(2026, 1, 1), D(2026, 1, 1)) == "Terminated"
	assert c.automatic_status("Signed", start, end, D(2024, 12, 1), D(2024, 12, 1)) == "Terminated"
	assert c.automatic_status("Expired", start, end, D(2028, 1, 1), D(2026, 1, 1)) == "Expired"


# --------------------------------------------------------------------------- amendments


def test_amended_schedule_changes_adds_and_removes_years():
	rows = [
		{"year": 2025, "amount": 4000, "paid_on": D(2025, 6, 15)},
		{"year": 2026, "amount": 4000},
		{"year": 2027, "amount": 4000},
	]
	amended = c.amend_schedule(
		rows, [{"year": 2026, "amount": 5500}, {"year": 2027, "amount": 0}, {"year": 2028, "amount": 3000}]
	)
	assert [(row["year"], row["amount"]) for row in amended] == [(2025, 4000), (2026, 5500), (2028, 3000)]
	assert amended[0]["paid_on"] == D(2025, 6, 15)
	assert rows[1]["amount"] == 4000, "the current rows are left as they are"


@pytest.mark.parametrize(
	"changes,code",
	[
		([{"year": 2025, "amount": 5000}], "amendment_paid_year"),
		([{"year": 2025, "amount": 0}], "amendment_paid_year"),
		([{"year": 2026, "amount": -1}], "amendment_amount_negative"),
		([{"year": 2026, "amount": 1}, {"year": 2026, "amount": 2}], "amendment_year_twice"),
		([{"year": 2030, "amount": 0}], "amendment_removes_nothing"),
	],
)
def test_amended_schedule_refuses(changes, code):
	rows = [{"year": 2025, "amount": 4000, "paid_on": D(2025, 6, 15)}, {"year": 2026, "amount": 4000}]
	with rule_error(code):
		c.amend_schedule(rows, changes)


def test_an_amendment_changes_a_running_convention_from_a_date_of_its_period():
	start, end = D(2025, 1, 1), D(2027, 12, 31)
	c.check_amendment("Active", start, end, D(2026, 3, 1), D(2028, 12, 31), True)
	c.check_amendment("Signed", start, end, D(2028, 6, 1), D(2028, 12, 31), True)
	with rule_error("amendment_status"):
		c.check_amendment("Terminated", start, end, D(2026, 3, 1), None, True)
	with rule_error("amendment_empty"):
		c.check_amendment("Active", start, end, D(2026, 3, 1), None, False)
	with rule_error("end_before_start"):
		c.check_amendment("Active", start, end, D(2026, 3, 1), D(2024, 12, 31), True)
	with rule_error("amendment_effective_outside"):
		c.check_amendment("Active", start, end, D(2028, 1, 1), None, True)


# --------------------------------------------------------------------------- recoveries and checks


def test_recovery_totals_computed_by_hand():
	today = D(2026, 6, 1)
	rows = [
		{"amount": 1200, "status": "To recover", "due_date": D(2026, 3, 31)},  # overdue
		{"amount": 800, "status": "To recover", "due_date": D(2026, 9, 30)},
		{"amount": 500, "status": "Recovered", "due_date": D(2026, 1, 31), "recovered_on": D(2026, 2, 1)},
		{"amount": 999, "status": "Cancelled", "due_date": D(2026, 1, 31)},
	]
	assert c.recovery_totals(rows, today) == {"to_recover": 2000.0, "recovered": 500.0, "overdue": 1200.0}


@pytest.mark.parametrize(
	"row,code",
	[
		({"amount": 0, "reason": "x", "due_date": D(2026, 1, 1)}, "recovery_amount_not_positive"),
		({"amount": 10, "reason": " ", "due_date": D(2026, 1, 1)}, "recovery_reason_required"),
		({"amount": 10, "reason": "x"}, "recovery_due_date_required"),
		(
			{"amount": 10, "reason": "x", "due_date": D(2026, 1, 1), "status": "Paid"},
			"invalid_recovery_status",
		),
		(
			{"amount": 10, "reason": "x", "due_date": D(2026, 1, 1), "status": "Recovered"},
			"recovery_date_required",
		),
		(
			{
				"amount": 10,
				"reason": "x",
				"due_date": D(2026, 1, 1),
				"status": "Recovered",
				"recovered_on": D(2026, 7, 1),
			},
			"recovery_date_in_future",
		),
	],
)
def test_recoveries_are_checked(row, code):
	with rule_error(code):
		c.check_recoveries([row], D(2026, 6, 1))


@pytest.mark.parametrize(
	"row,code",
	[
		({"checked_by": "A. Caf"}, "check_date_required"),
		({"checked_on": D(2026, 6, 2), "checked_by": "A. Caf"}, "check_date_in_future"),
		({"checked_on": D(2026, 6, 1), "checked_by": ""}, "check_by_required"),
		({"checked_on": D(2026, 6, 1), "checked_by": "A", "check_kind": "By phone"}, "invalid_check_kind"),
		({"checked_on": D(2026, 6, 1), "checked_by": "A", "outcome": "Fine"}, "invalid_check_outcome"),
	],
)
def test_inspections_are_checked(row, code):
	with rule_error(code):
		c.check_inspections([row], D(2026, 6, 1))
	c.check_inspections(
		[{"checked_on": D(2026, 6, 1), "checked_by": "A", "outcome": "Compliant"}], D(2026, 6, 1)
	)


# --------------------------------------------------------------------------- the shipped checklist


def shipped_requirements() -> list[c.DocumentRequirement]:
	import json
	from pathlib import Path

	path = Path(__file__).resolve().parent.parent / "pdn_frappe" / "fixtures" / "pdn_document_type.json"
	rows = json.loads(path.read_text(encoding="utf-8"))
	return [c.DocumentRequirement.from_row(row) for row in rows if row.get("enabled")]


def test_the_shipped_checklist_follows_the_guide_per_legal_status_and_step():
	requirements = shipped_requirements()
	first_association = set(c.required_documents(requirements, c.FIRST_SIGNATURE, "Association"))
	first_public = set(c.required_documents(requirements, c.FIRST_SIGNATURE, "Local authority"))
	renewal_association = set(c.required_documents(requirements, c.RENEWAL, "Association"))
	renewal_public = set(c.required_documents(requirements, c.RENEWAL, "Inter-municipal body (EPCI)"))
	common = {
		"Avis de situation au répertoire SIRENE",
		"Relevé d'identité bancaire (RIB)",
		"Projet éducatif de la structure",
		"Règlement intérieur",
		"Plaquettes de présentation et documents de communication",
		"Copie des labels et agréments (jeunesse et éducation populaire)",
	}
	assert first_association == common | {
		"Récépissé de déclaration en préfecture",
		"Statuts",
		"Liste des membres du conseil d'administration",
		"Compte de résultat",
		"Bilan comptable de l'année précédente",
	}
	assert first_public == common | {"Arrêté préfectoral de création"}
	assert renewal_association == {
		"Attestation de non-changement de situation",
		"Liste des membres du conseil d'administration",
		"Compte de résultat",
		"Bilan comptable de l'année précédente",
	}
	assert renewal_public == {"Attestation de non-changement de situation"}
	yearly = {r.document_type: r.yearly_due for r in requirements if r.yearly_due}
	assert yearly == {
		"Attestation de service fait": "31 December of the year",
		"Budget prévisionnel": "31 March of the year",
		"Compte de résultat": "30 June of the following year",
		"Bilan d'activité": "30 June of the following year",
	}


# --------------------------------------------------------------------------- hostile values


@pytest.mark.parametrize("year", ["abc", None, "", "20 26", 1e9])
def test_a_year_that_is_not_one_is_outside_the_period(year):
	with rule_error("subsidy_year_outside_period"):
		c.check_subsidies([{"year": year, "amount": 100}], D(2026, 1, 1), D(2026, 12, 31))
	rows = [{"year": 2026, "amount": 100}]
	with rule_error("subsidy_year_outside_period"):
		c.check_subsidies(
			c.amend_schedule(rows, [{"year": year, "amount": 100}]), D(2026, 1, 1), D(2026, 12, 31)
		)


@pytest.mark.parametrize("amount", [1e30, 1_000_000.01, float("inf")])
def test_an_amount_too_large_is_refused_everywhere(amount):
	with rule_error("amount_too_large"):
		c.check_subsidies([{"year": 2026, "amount": amount}], D(2026, 1, 1), D(2026, 12, 31))
	with rule_error("amount_too_large"):
		c.amend_schedule([{"year": 2026, "amount": 100}], [{"year": 2026, "amount": amount}])
	with rule_error("amount_too_large"):
		c.check_recoveries([{"amount": amount, "reason": "x", "due_date": D(2026, 1, 1)}], D(2026, 6, 1))


@pytest.mark.parametrize("amount", ["abc", float("nan")])
def test_an_amount_that_is_not_a_number_is_refused(amount):
	with rule_error("subsidy_amount_not_positive"):
		c.check_subsidies([{"year": 2026, "amount": amount}], D(2026, 1, 1), D(2026, 12, 31))
	with rule_error("amendment_amount_negative"):
		c.amend_schedule([{"year": 2026, "amount": 100}], [{"year": 2026, "amount": amount}])


def test_an_amended_convention_lasts_ten_years_at_most():
	c.check_amendment("Active", D(2025, 1, 1), D(2027, 12, 31), None, D(2035, 1, 1), True)
	with rule_error("amendment_end_too_far"):
		c.check_amendment("Active", D(2025, 1, 1), D(2027, 12, 31), None, D(9999, 12, 31), True)


def test_an_immediate_end_falls_in_the_period_or_today():
	start, end, today = D(2026, 1, 1), D(2028, 12, 31), D(2026, 6, 1)
	assert c.check_immediate_termination(end, D(2026, 2, 1), "Dissolution", start, today) == D(2026, 2, 1)
	with rule_error("termination_before_start"):
		c.check_immediate_termination(end, D(1900, 1, 1), "Dissolution", start, today)
	# a convention signed for next year ends today at the earliest
	assert c.check_immediate_termination(end, today, "Dissolution", D(2027, 1, 1), today) == today
	with rule_error("termination_before_start"):
		c.check_immediate_termination(end, D(2026, 5, 31), "Dissolution", D(2027, 1, 1), today)
