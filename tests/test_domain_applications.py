"""Rules of the applications: calls, form checks, attachments, spam guards, review, records."""

from __future__ import annotations

import base64
import datetime as dt

import pytest

from pdn_frappe.domain import applications as rules
from pdn_frappe.domain.validation import DomainValidationError, luhn_complete

TODAY = dt.date(2026, 9, 15)
PDF = b"%PDF-1.7\n..."
PNG = b"\x89PNG\r\n\x1a\n...."
JPEG = b"\xff\xd8\xff\xe0...."


SIRET = luhn_complete("7328293200007")


def valid_answers(**overrides) -> dict:
	answers = {
		"department": "03",
		"candidate_first_name": " Camille ",
		"candidate_last_name": "Martin",
		"candidate_job_title": "Animatrice jeunesse",
		"candidate_phone": "+33 4 70 12 34 56",
		"candidate_email": "Camille.Martin@Example.COM",
		"structure_name": "Centre social des Ailes",
		"legal_status": "Association",
		"siret": " ".join([SIRET[:3], SIRET[3:6], SIRET[6:9], SIRET[9:]]),
		"address_line1": "12 rue des Écoles",
		"postcode": "03200",
		"city": "Vichy",
		"structure_phone": "04.70.98.76.54",
		"structure_email": "contact@ailes.example.org",
		"legal_representative": "Dominique Roux",
		"weekly_hours": "3h",
		"mission": "Youth",
		"networks": [{"social_network": "Instagram"}, {"social_network": "Snapchat"}],
		"public_12_17": 1,
		"structure_project": "Projet",
		"candidate_experience": "Expérience",
		"intervention_mode": "Instagram le mercredi",
		"charter_ack_candidate": 1,
		"charter_ack_representative": "1",
	}
	answers.update(overrides)
	return answers


def codes(errors) -> dict[str, str]:
	return {e.fieldname: e.code for e in errors}


# --- calls -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("status", "opening", "closing", "expected"),
	[
		("Open", "2026-09-01", "2026-09-30", True),
		("Open", "2026-09-15", "2026-09-15", True),
		("Open", "2026-09-16", "2026-09-30", False),
		("Open", "2026-08-01", "2026-09-14", False),
		("Draft", "2026-09-01", "2026-09-30", False),
		("Closed", "2026-09-01", "2026-09-30", False),
		("Open", None, "2026-09-30", False),
	],
)
def test_call_is_open(status, opening, closing, expected):
	assert rules.call_is_open(status, opening, closing, TODAY) is expected


def test_call_dates_and_departments():
	rules.check_call_dates("2026-09-01", "2026-09-01")
	with pytest.raises(DomainValidationError, match="closing_before_opening"):
		rules.check_call_dates("2026-09-02", "2026-09-01")
	assert rules.call_departments("03", ["63", "03", "", "63", "15"]) == ["03", "63", "15"]


CALLS = [
	{
		"name": "A",
		"status": "Open",
		"opening_date": "2026-09-01",
		"closing_date": "2026-10-31",
		"departments": ["03", "63"],
	},
	{
		"name": "B",
		"status": "Open",
		"opening_date": "2026-09-01",
		"closing_date": "2026-09-30",
		"departments": ["03"],
	},
	{
		"name": "C",
		"status": "Open",
		"opening_date": "2026-06-01",
		"closing_date": "2026-06-30",
		"departments": ["15"],
	},
	{
		"name": "D",
		"status": "Draft",
		"opening_date": "2026-09-01",
		"closing_date": "2026-09-30",
		"departments": ["75"],
	},
]


def test_pick_call_chooses_the_open_call_that_closes_first():
	assert rules.pick_call(CALLS, "03", TODAY) == "B"
	assert rules.pick_call(CALLS, "63", TODAY) == "A"


def test_pick_call_honours_the_requested_call():
	assert rules.pick_call(CALLS, "03", TODAY, requested="A") == "A"
	with pytest.raises(DomainValidationError, match="call_not_for_department"):
		rules.pick_call(CALLS, "63", TODAY, requested="B")
	with pytest.raises(DomainValidationError, match="call_closed"):
		rules.pick_call(CALLS, "15", TODAY, requested="C")
	with pytest.raises(DomainValidationError, match="call_closed"):
		rules.pick_call(CALLS, "75", TODAY, requested="D")


@pytest.mark.parametrize("department", ["15", "75", "2A"])
def test_pick_call_without_open_call(department):
	with pytest.raises(DomainValidationError, match="no_open_call"):
		rules.pick_call(CALLS, department, TODAY)


# --- the form --------------------------------------------------------------------------------------------


def test_valid_answers_are_normalized():
	cleaned, errors = rules.clean_application(valid_answers())
	assert errors == []
	assert cleaned["candidate_first_name"] == "Camille"
	assert cleaned["candidate_email"] == "camille.martin@example.com"
	assert cleaned["candidate_phone"] == "04 70 12 34 56"
	assert cleaned["structure_phone"] == "04 70 98 76 54"
	assert cleaned["siret"] == SIRET
	assert cleaned["networks"] == ["Instagram", "Snapchat"]
	assert cleaned["charter_ack_representative"] == 1
	assert cleaned["public_parents"] == 0


@pytest.mark.parametrize(
	("fieldname", "value", "code"),
	[
		("candidate_email", "camille.example.com", "invalid_email"),
		("structure_email", "contact@", "invalid_email"),
		("legal_representative_email", "x@y", "invalid_email"),
		("candidate_phone", "12345", "invalid_phone"),
		("siret", "12345678901234", "invalid_siret"),
		("siret", "1234", "invalid_siret"),
		("postcode", "00000", "invalid_postcode"),
		("postcode", "63000", "postcode_department_mismatch"),
		("weekly_hours", "1h", "invalid_choice"),
		("mission", "Sport", "invalid_choice"),
		("legal_status", "Club", "invalid_choice"),
		("candidate_last_name", "  ", "required"),
		("city", None, "required"),
		("charter_ack_candidate", 0, "charter_not_acknowledged"),
		("charter_ack_representative", "false", "charter_not_acknowledged"),
		("structure_project", "x" * 5001, "too_long"),
		("structure_name", "x" * 141, "too_long"),
	],
)
def test_each_wrong_answer_has_its_code(fieldname, value, code):
	_cleaned, errors = rules.clean_application(valid_answers(**{fieldname: value}))
	assert codes(errors) == {fieldname: code}


def test_networks_and_publics():
	_cleaned, errors = rules.clean_application(valid_answers(networks=[]))
	assert codes(errors) == {"networks": "no_network"}
	_cleaned, errors = rules.clean_application(valid_answers(networks=[], network_other=1))
	assert codes(errors) == {"network_other_text": "other_text_missing"}
	cleaned, errors = rules.clean_application(
		valid_answers(networks="", network_other="on", network_other_text="Discord")
	)
	assert errors == [] and cleaned["network_other"] == 1
	_cleaned, errors = rules.clean_application(valid_answers(public_12_17=0))
	assert codes(errors) == {"public_12_17": "no_public"}
	_cleaned, errors = rules.clean_application(valid_answers(public_other=1))
	assert codes(errors) == {"public_other_text": "other_text_missing"}


def test_every_problem_is_listed_at_once():
	_cleaned, errors = rules.clean_application(valid_answers(candidate_email="nope", siret="1", city=""))
	assert [e.fieldname for e in errors] == ["city", "candidate_email", "siret"]


@pytest.mark.parametrize(
	("value", "expected"),
	[
		(None, []),
		("Instagram, Snapchat,Instagram", ["Instagram", "Snapchat"]),
		(["TikTok", " ", "TikTok"], ["TikTok"]),
		([{"social_network": "Discord"}, {"social_network": ""}], ["Discord"]),
		({"social_network": "YouTube"}, ["YouTube"]),
	],
)
def test_network_names(value, expected):
	assert rules.network_names(value) == expected


def test_required_attachments_follow_the_call_and_the_legal_status():
	everything = list(rules.ATTACHMENT_DOCUMENT_TYPES.values())
	assert rules.required_attachments(everything, "Association") == list(rules.ATTACHMENT_FIELDS)
	assert "prefecture_receipt" not in rules.required_attachments(everything, "Local authority")
	assert rules.required_attachments([], "Association") == []
	missing = rules.missing_attachments(everything, "Local authority", {"statutes", "bank_details"})
	assert codes(missing) == {"siret_certificate": "attachment_required"}


# --- attachments -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("filename", "content"),
	[("rib.pdf", PDF), ("RIB.PDF", PDF), ("scan.png", PNG), ("photo.jpg", JPEG), ("photo.jpeg", JPEG)],
)
def test_accepted_attachments(filename, content):
	assert rules.check_attachment(filename, content[:16], len(content), 1024) == filename


@pytest.mark.parametrize(
	("filename", "content"),
	[
		("virus.exe", b"MZ\x90\x00"),
		("page.html", b"<html>"),
		("notes.txt", b"hello"),
		("fake.pdf", b"MZ\x90\x00"),
		("image.png", PDF),
		("noextension", PDF),
		("doc.pdf.exe", PDF),
	],
)
def test_refused_attachment_types(filename, content):
	with pytest.raises(DomainValidationError, match="attachment_type"):
		rules.check_attachment(filename, content, len(content), 1024)


def test_attachment_size_limits():
	with pytest.raises(DomainValidationError, match="attachment_too_large"):
		rules.check_attachment("rib.pdf", PDF, 1025, 1024)
	with pytest.raises(DomainValidationError, match="attachment_empty"):
		rules.check_attachment("rib.pdf", b"", 0, 1024)
	assert rules.max_attachment_bytes(2) == 2 * 1024 * 1024
	assert rules.max_attachment_bytes(None) == rules.max_attachment_bytes("nonsense") == 5 * 1024 * 1024


def test_safe_filename():
	assert rules.safe_filename("../../etc/passwd.pdf") == "passwd.pdf"
	assert rules.safe_filename("C:\\Users\\me\\rib <1>.pdf") == "rib _1_.pdf"
	assert rules.safe_filename("") == "document"


def test_data_urls():
	value = "rib.pdf,data:application/pdf;base64," + base64.b64encode(PDF).decode()
	assert rules.is_data_url(value)
	assert rules.decode_data_url(value) == ("rib.pdf", PDF)
	assert not rules.is_data_url("/private/files/rib.pdf")
	with pytest.raises(DomainValidationError, match="attachment_unreadable"):
		rules.decode_data_url("rib.pdf,data:application/pdf,plain")
	with pytest.raises(DomainValidationError, match="attachment_unreadable"):
		rules.decode_data_url("/files/rib.pdf")


# --- spam guards and links -------------------------------------------------------------------------------


def test_honeypot():
	assert not rules.honeypot_filled(None)
	assert not rules.honeypot_filled("  ")
	assert rules.honeypot_filled("https://spam.example")


def test_correction_token_is_stored_as_a_digest():
	digest = rules.token_digest("secret-token")
	assert digest != "secret-token" and len(digest) == 64
	assert rules.token_matches("secret-token", digest)
	assert not rules.token_matches("other", digest)
	assert not rules.token_matches(None, digest)
	assert not rules.token_matches("secret-token", None)


# --- review ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("previous", "new", "notice"),
	[
		(None, "Submitted", None),
		("Submitted", "Pre-selected", "preselected"),
		("Pre-selected", "Accepted", "accepted"),
		("Submitted", "Rejected", "rejected"),
		("Submitted", "Returned for correction", "returned"),
		("Returned for correction", "Submitted", "resubmitted"),
		("Pre-selected", "Withdrawn", "withdrawn"),
		("Accepted", "Accepted", None),
	],
)
def test_notice_for_transition(previous, new, notice):
	assert rules.notice_for_transition(previous, new) == notice


def test_decisions_need_a_written_reason():
	rules.check_decision("Accepted", None, None)
	rules.check_decision("Rejected", "Hors champ", None)
	with pytest.raises(DomainValidationError, match="rejection_reason_required"):
		rules.check_decision("Rejected", "  ", None)
	with pytest.raises(DomainValidationError, match="correction_request_required"):
		rules.check_decision("Returned for correction", None, "")
	assert rules.meeting_decision_state("Accept") == "Accepted"
	assert rules.meeting_decision_state("Postpone") is None
	with pytest.raises(DomainValidationError):
		rules.meeting_decision_state("Maybe")


# --- records ---------------------------------------------------------------------------------------------


def accepted_application() -> dict:
	cleaned, errors = rules.clean_application(
		valid_answers(
			convention_name="Association des Ailes",
			legal_representative_email="president@ailes.example.org",
			public_parents=1,
			bank_details="/private/files/rib.pdf",
			statutes="/private/files/statuts.pdf",
		)
	)
	assert errors == []
	return {**cleaned, "bank_details": "/private/files/rib.pdf", "statutes": "/private/files/statuts.pdf"}


def test_structure_record():
	record = rules.structure_record(accepted_application())
	assert record["siret"] == SIRET
	assert record["convention_name"] == "Association des Ailes"
	assert record["phone"] == "04 70 98 76 54"
	assert record["email"] == "contact@ailes.example.org"
	assert record["department"] == "03"
	assert rules.structure_record({**accepted_application(), "convention_name": ""})["convention_name"] == (
		"Centre social des Ailes"
	)


def test_missing_values_never_overwrite():
	existing = {"structure_name": "Maison des jeunes", "phone": "", "email": None, "status": "Inactive"}
	proposed = {"structure_name": "Autre", "phone": "04 70 00 00 00", "email": "", "status": "Active"}
	assert rules.missing_values(existing, proposed) == {"phone": "04 70 00 00 00"}


def test_promeneur_record():
	record = rules.promeneur_record(accepted_application(), "PDN-STR-00001", TODAY)
	assert record["structure"] == "PDN-STR-00001"
	assert record["email"] == "camille.martin@example.com"
	assert record["weekly_hours"] == 3.0
	assert record["status"] == "Candidate"
	assert (record["public_12_17"], record["public_18_25"], record["public_parents"]) == (1, 0, 1)
	assert rules.weekly_hours_value("6h and more") == 6.0
	with pytest.raises(DomainValidationError):
		rules.weekly_hours_value("1h")


def test_structure_documents_are_filed_once():
	rows = rules.structure_documents(accepted_application(), ["/private/files/statuts.pdf"], TODAY)
	assert rows == [
		{
			"document_type": "Relevé d'identité bancaire (RIB)",
			"file": "/private/files/rib.pdf",
			"received_on": "2026-09-15",
		}
	]


def test_notice_recipients():
	to, cc = rules.notice_recipients(
		{
			"candidate_email": "Camille@Example.com",
			"structure_email": "camille@example.com",
			"legal_representative_email": "president@example.org",
		}
	)
	assert to == ["camille@example.com"]
	assert cc == ["president@example.org"]


def test_notice_recipients_are_the_applications_own_single_addresses():
	to, cc = rules.notice_recipients(
		{
			"candidate_email": "camille@example.com, victim@example.net",
			"structure_email": "contact@example.org\nBcc: victim@example.net",
			"legal_representative_email": "president@example.org",
			"coordination_email": "coordination@example.org",
			"owner": "someone@example.org",
		}
	)
	assert to == []
	assert cc == ["president@example.org"]


def test_title_and_follow_up_summary():
	assert rules.application_title(
		{"candidate_first_name": "Camille", "candidate_last_name": "Martin", "structure_name": "Ailes"}
	) == ("Camille Martin – Ailes")
	summary = rules.follow_up_summary(
		[
			{"state": "Submitted", "count": 3},
			{"state": "Accepted", "count": 2, "decided": 2, "decision_days_total": 30},
			{"state": "Rejected", "count": 2, "decided": 2, "decision_days_total": 10},
			{"state": "Withdrawn", "count": 1},
		]
	)
	assert summary == {
		"received": 8,
		"pending": 3,
		"accepted": 2,
		"rejected": 2,
		"acceptance_rate": 50.0,
		"average_decision_days": 10.0,
	}
	assert rules.days_between("2026-09-01", "2026-09-15") == 14
	assert rules.days_between(None, "2026-09-15") is None
