"""The ``user_data_fields`` hook (Frappe's Personal Data Download and Deletion Requests) names real
fields, redacts only fields Frappe knows how to blank, and covers every app doctype that holds a
person's e-mail address; the retention job is scheduled."""

from __future__ import annotations

import pytest

from pdn_frappe import hooks
from tests import metadata as md

#: field types Frappe's deletion request replaces by a neutral value ("[REDACTED]", 0, a date, the
#: anonymous address); any other type would receive the field's name as its value
REDACTABLE_FIELDTYPES = {"Data", "Int", "Date", "Code"}

#: e-mail fields that name no person: addresses of organisations, or copies the retention module
#: and the deletion request's follow-up clear (see pdn_frappe.network.retention)
ORGANISATION_EMAILS = {
	("PdN Department", "coordination_email"),
	("PdN Structure", "email"),
	("PdN Application", "structure_email"),
}

ENTRIES = [entry for entry in hooks.user_data_fields if isinstance(entry, dict)]


def test_the_hook_is_a_list_of_entries():
	assert ENTRIES and len(ENTRIES) == len(hooks.user_data_fields)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.get('doctype')}:{e.get('filter_by')}")
def test_entry_names_real_fields(entry):
	doctype = entry.get("doctype")
	data = md.doctype_index().get(doctype)
	assert data is not None, f"{doctype!r} is not an app doctype"
	fields = md.field_map(data)
	filter_by = entry.get("filter_by")
	assert filter_by in fields, f"{doctype}: filter_by {filter_by!r} is not a field"
	assert fields[filter_by].get("options") == "Email" or fields[filter_by].get("fieldtype") == "Link", (
		f"{doctype}: filter_by {filter_by!r} must hold an e-mail address or link a User"
	)
	for fieldname in entry.get("redact_fields") or []:
		assert fieldname in fields, f"{doctype}: redact field {fieldname!r} is not a field"
		fieldtype = fields[fieldname].get("fieldtype")
		assert fieldtype in REDACTABLE_FIELDTYPES, (
			f"{doctype}: {fieldname!r} is a {fieldtype} field, which Frappe would fill with its name"
		)


def test_every_personal_email_field_is_covered():
	covered = {(entry["doctype"], entry.get("filter_by")) for entry in ENTRIES}
	missing = []
	for name, data in md.doctype_index().items():
		for fieldname, field in md.field_map(data).items():
			if field.get("fieldtype") != "Data" or field.get("options") != "Email":
				continue
			if (name, fieldname) in covered or (name, fieldname) in ORGANISATION_EMAILS:
				continue
			missing.append(f"{name}.{fieldname}")
	assert not missing, f"e-mail fields not in user_data_fields: {missing}"


def test_the_required_doctypes_are_covered():
	covered = {entry["doctype"] for entry in ENTRIES}
	for doctype in (
		"PdN Promeneur",
		"PdN Application",
		"PdN Structure",
		"PdN Structure Contact",
		"PdN Resource Referent",
		"PdN Charter Signature",
	):
		assert doctype in covered, doctype


def test_the_retention_job_runs_daily_and_finishes_deletion_requests():
	assert "pdn_frappe.network.retention.run_daily" in hooks.scheduler_events["daily"]
	assert hooks.doc_events["Personal Data Deletion Request"]["on_change"] == (
		"pdn_frappe.network.retention.after_personal_data_deletion"
	)
