"""Tests for pdn_frappe.domain.retention: what personal data goes, and when."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pdn_frappe.domain import retention as r
from pdn_frappe.domain.retention import RetentionError

ROOT = Path(__file__).resolve().parents[1]
D = dt.date


def fieldnames(path: str) -> dict[str, str]:
	meta = json.loads((ROOT / path).read_text())
	return {f["fieldname"]: f["fieldtype"] for f in meta["fields"]}


APPLICATION_FIELDS = fieldnames("pdn_frappe/applications/doctype/pdn_application/pdn_application.json")
PROMENEUR_FIELDS = fieldnames("pdn_frappe/network/doctype/pdn_promeneur/pdn_promeneur.json")


def application(name, state, decided_on, **values):
	return {"name": name, "workflow_state": state, "decided_on": decided_on, **values}


def former(name, status, ended_on, **values):
	return {"name": name, "status": status, "ended_on": ended_on, **values}


# ---------------------------------------------------------------- field lists name real fields


def test_application_fields_exist_and_attachments_are_attach_fields():
	for fieldname in (*r.APPLICATION_STRIPPED_FIELDS, r.APPLICATION_TITLE_FIELD):
		assert fieldname in APPLICATION_FIELDS, fieldname
	assert {APPLICATION_FIELDS[f] for f in r.APPLICATION_ATTACHMENT_FIELDS} == {"Attach"}
	attachments = {
		f for f, fieldtype in APPLICATION_FIELDS.items() if fieldtype in ("Attach", "Attach Image")
	}
	assert attachments == set(r.APPLICATION_ATTACHMENT_FIELDS)


def test_an_accepted_application_keeps_what_the_reports_need():
	for kept in ("structure", "promeneur", "department", "decided_on", "workflow_state", "weekly_hours"):
		assert kept not in r.APPLICATION_STRIPPED_FIELDS
	for personal in ("candidate_email", "candidate_phone", "bank_details", "legal_representative_email"):
		assert personal in r.APPLICATION_STRIPPED_FIELDS


def test_promeneur_fields_exist():
	for fieldname in (*r.PROMENEUR_PERSONAL_FIELDS, *r.PROMENEUR_TABLES, *r.PROMENEUR_KEPT_FIELDS):
		assert fieldname in PROMENEUR_FIELDS, fieldname
	assert {PROMENEUR_FIELDS[t] for t in r.PROMENEUR_TABLES} == {"Table"}
	assert not set(r.PROMENEUR_PERSONAL_FIELDS) & set(r.PROMENEUR_KEPT_FIELDS)
	for contact in ("email", "phone", "photo"):
		assert contact in r.PROMENEUR_PERSONAL_FIELDS
	assert "trainings_attended" in r.PROMENEUR_KEPT_FIELDS and "ended_on" in r.PROMENEUR_KEPT_FIELDS


# ---------------------------------------------------------------- delays


@pytest.mark.parametrize(
	("start", "months", "due"),
	[
		(D(2025, 3, 15), 12, D(2026, 3, 15)),
		(D(2026, 1, 31), 1, D(2026, 2, 28)),
		(D(2024, 1, 31), 1, D(2024, 2, 29)),
		(D(2024, 2, 29), 12, D(2025, 2, 28)),
		(D(2025, 8, 31), 1, D(2025, 9, 30)),
		(D(2025, 12, 31), 2, D(2026, 2, 28)),
		(D(2024, 12, 15), 24, D(2026, 12, 15)),
		("2025-03-15", 12, D(2026, 3, 15)),
		(dt.datetime(2025, 3, 15, 18, 0), 12, D(2026, 3, 15)),
	],
)
def test_due_dates_at_month_ends(start, months, due):
	assert r.due_on(start, months) == due
	assert r.delay_passed(start, due, months)
	assert not r.delay_passed(start, due - dt.timedelta(days=1), months)


@pytest.mark.parametrize("start", [None, ""])
def test_no_start_no_delay(start):
	assert r.due_on(start, 12) is None
	assert not r.delay_passed(start, D(2100, 1, 1), 12)


@pytest.mark.parametrize("months", [0, -1, 121, 1.5, "12", True])
def test_a_delay_is_a_whole_number_of_months(months):
	with pytest.raises(RetentionError) as error:
		r.check_months(months, 12)
	assert error.value.code == "invalid_delay"


def test_an_empty_setting_takes_the_default():
	assert r.check_months(None, 12) == 12
	assert r.check_months(6, 12) == 6
	assert r.check_months(6.0, 12) == 6


# ---------------------------------------------------------------- rejected and withdrawn applications

TODAY = D(2026, 4, 15)
APPLICATIONS = [
	application("OLD-REJ", "Rejected", D(2025, 4, 15)),  # exactly 12 months: goes
	application("RECENT-REJ", "Rejected", D(2025, 4, 16)),  # one day short: stays
	application("OLD-WDR", "Withdrawn", "2024-11-02"),
	application("NO-DATE-REJ", "Rejected", None),  # never without a decision date
	application("OLD-SUB", "Submitted", D(2020, 1, 1)),
	application("OLD-PRE", "Pre-selected", D(2020, 1, 1)),
	application("OLD-RET", "Returned for correction", D(2020, 1, 1)),
	application(
		"OLD-ACC", "Accepted", D(2020, 1, 1), structure="S1", promeneur="P1", candidate_email="a@b.fr"
	),
]


def test_rejected_and_withdrawn_applications_go_after_the_delay():
	assert r.applications_to_erase(APPLICATIONS, TODAY) == ["OLD-REJ", "OLD-WDR"]


def test_the_erasure_delay_follows_the_setting():
	assert r.applications_to_erase(APPLICATIONS, TODAY, 24) == []
	assert r.applications_to_erase(APPLICATIONS, TODAY, 1) == ["OLD-REJ", "RECENT-REJ", "OLD-WDR"]
	assert r.applications_to_erase(APPLICATIONS, TODAY, None) == ["OLD-REJ", "OLD-WDR"]


def test_erasure_at_the_end_of_a_month():
	rows = [application("JAN31", "Rejected", D(2026, 1, 31))]
	assert r.applications_to_erase(rows, D(2026, 2, 27), 1) == []
	assert r.applications_to_erase(rows, D(2026, 2, 28), 1) == ["JAN31"]


# ---------------------------------------------------------------- accepted applications


def accepted(name, decided_on, **values):
	base = {
		"structure": "S1",
		"promeneur": "P1",
		"structure_name": "Centre social",
		"bank_details": "/private/files/rib.pdf",
	}
	return application(name, "Accepted", decided_on, **{**base, **values})


def test_accepted_applications_are_stripped_once_their_records_exist_and_the_delay_passed():
	rows = [
		accepted("DONE", D(2025, 4, 15)),
		accepted("TOO-RECENT", D(2025, 4, 16)),
		accepted("NO-PROMENEUR", D(2020, 1, 1), promeneur=None),
		accepted("NO-STRUCTURE", D(2020, 1, 1), structure=""),
		accepted("NO-DATE", None),
		accepted("ALREADY", D(2020, 1, 1), bank_details=None),
		application("REJ", "Rejected", D(2020, 1, 1), structure="S1", promeneur="P1", bank_details="x"),
		{
			"name": "BARE",
			"workflow_state": "Accepted",
			"decided_on": D(2020, 1, 1),
			"structure": "S",
			"promeneur": "P",
		},
	]
	assert r.applications_to_strip(rows, TODAY) == ["DONE", "BARE"]


def test_stripped_values_empty_every_personal_field_and_rename_the_title():
	values = r.application_stripped_values(accepted("PDN-CAND-2025-0001", D(2025, 1, 1)))
	assert values.pop("title") == "Centre social"
	assert set(values) == set(r.APPLICATION_STRIPPED_FIELDS)
	assert set(values.values()) == {None}
	assert (
		r.stripped_application_title({"name": "PDN-CAND-2025-0002", "structure_name": " "})
		== "PDN-CAND-2025-0002"
	)


# ---------------------------------------------------------------- former promeneurs


def test_former_promeneurs_are_anonymised_24_months_after_leaving():
	rows = [
		former("LEFT-OLD", "Left", D(2024, 4, 15), email="a@b.fr"),
		former("EXCL-OLD", "Excluded", "2023-01-10", phone="0612345678"),
		former("LEFT-RECENT", "Left", D(2024, 4, 16), email="c@d.fr"),
		former("LEFT-NO-DATE", "Left", None, email="e@f.fr"),
		former("ACTIVE-OLD", "Active", D(2020, 1, 1), email="g@h.fr"),
		former("SUSPENDED-OLD", "Suspended", D(2020, 1, 1), email="i@j.fr"),
		former("CANDIDATE-OLD", "Candidate", D(2020, 1, 1), email="k@l.fr"),
	]
	assert r.promeneurs_to_anonymise(rows, TODAY) == ["LEFT-OLD", "EXCL-OLD"]
	assert r.promeneurs_to_anonymise(rows, TODAY, 12) == ["LEFT-OLD", "EXCL-OLD", "LEFT-RECENT"]


def test_leaving_on_the_last_day_of_february():
	rows = [former("FEB29", "Left", D(2024, 2, 29), email="a@b.fr")]
	assert r.promeneurs_to_anonymise(rows, D(2026, 2, 27)) == []
	assert r.promeneurs_to_anonymise(rows, D(2026, 2, 28)) == ["FEB29"]


def test_anonymised_values_keep_only_the_number():
	values = r.promeneur_anonymised_values("PDN-PRM-00042")
	assert values["first_name"] == values["full_name"] == "PDN-PRM-00042"
	assert values["last_name"] == ""
	assert values["email"] is values["phone"] is values["photo"] is None
	assert values["directory_consent"] == 0 and values["directory_consent_on"] is None
	assert values["status_reason"] is None
	assert set(values) == set(r.PROMENEUR_PERSONAL_FIELDS)
	assert not set(values) & set(r.PROMENEUR_KEPT_FIELDS)


def test_an_anonymised_promeneur_is_not_listed_again():
	done = {"name": "P9", **r.promeneur_anonymised_values("P9"), "status": "Left", "ended_on": D(2020, 1, 1)}
	assert r.is_anonymised(done)
	assert r.promeneurs_to_anonymise([done], TODAY) == []
	assert not r.is_anonymised({**done, "email": "x@y.fr"})
	assert not r.is_anonymised({**done, "full_name": "Léa Martin"})
	assert not r.is_anonymised({"name": "P9", "status": "Left"})


# ---------------------------------------------------------------- one run


def test_a_run_plans_everything_and_counts_it():
	promeneurs = [former("LEFT-OLD", "Left", D(2024, 4, 15), email="a@b.fr")]
	result = r.plan(APPLICATIONS, promeneurs, TODAY)
	assert result.erase_applications == ["OLD-REJ", "OLD-WDR"]
	assert result.strip_applications == ["OLD-ACC"]
	assert result.anonymise_promeneurs == ["LEFT-OLD"]
	assert result.counts() == {
		"applications_erased": 2,
		"applications_stripped": 1,
		"promeneurs_anonymised": 1,
	}
	longer = r.plan(iter(APPLICATIONS), promeneurs, TODAY, rejected_months=36, former_promeneur_months=36)
	assert longer.counts() == {
		"applications_erased": 0,
		"applications_stripped": 1,
		"promeneurs_anonymised": 0,
	}
