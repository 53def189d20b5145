"""How long personal data is kept, and what goes once the delay has passed.

Plain rows in (dicts as ``frappe.get_all`` returns them), names out; the daily job of the Frappe
layer erases or strips what these functions list and logs the counts of :class:`RetentionPlan`.
A delay is a number of whole months counted from a date; it has passed on the same day of the
month that many months later (31 January + 1 month = 28 or 29 February,
:func:`pdn_frappe.domain.periods.add_months`). A row without the date a delay counts from is
never listed: nothing is erased on a guess.

* rejected and withdrawn applications, attachments included, are erased
  :data:`DEFAULT_REJECTED_APPLICATION_MONTHS` months after ``decided_on``;
* accepted applications drop their attachments and personal fields
  (:data:`APPLICATION_STRIPPED_FIELDS`) once their structure and promeneur exist and
  :data:`DEFAULT_ACCEPTED_APPLICATION_MONTHS` months after ``decided_on``; the rest (structure,
  engagement, decision) stays for the reports;
* a former promeneur's (Left, Excluded) contact details, photo, network profiles, online office
  hours and name are erased :data:`DEFAULT_FORMER_PROMENEUR_MONTHS` months after ``ended_on``; the
  record stays, named by its number, so that the aggregate history (questionnaires, trainings
  attended) still counts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pdn_frappe.domain.applications import ACCEPTED, ATTACHMENT_FIELDS, REJECTED, WITHDRAWN, as_date
from pdn_frappe.domain.errors import DomainError
from pdn_frappe.domain.lifecycle import ENDED_STATUSES
from pdn_frappe.domain.periods import add_months

# --------------------------------------------------------------------------- errors


class RetentionError(DomainError):
	"""``code`` names the rule; ``values`` are what the message shows."""

	kind = "retention"


# --------------------------------------------------------------------------- defaults (PdN Settings)

DEFAULT_REJECTED_APPLICATION_MONTHS = 12
DEFAULT_ACCEPTED_APPLICATION_MONTHS = 12
DEFAULT_FORMER_PROMENEUR_MONTHS = 24
#: longest delay a setting may hold (ten years)
MAX_MONTHS = 120

# --------------------------------------------------------------------------- applications (PdN Application)

#: application states whose whole record is erased after the delay
ERASED_STATES = (REJECTED, WITHDRAWN)

#: attachments of an application (Attach fields): the préfecture receipt, the SIRET notice, the
#: statutes and the bank details
APPLICATION_ATTACHMENT_FIELDS = ATTACHMENT_FIELDS
#: fields about the candidate and the legal representative as people, and what reviewers wrote
#: about them; the structure's own data (name, SIRET, address, phone, e-mail) passes to PdN Structure
APPLICATION_CANDIDATE_FIELDS = (
	"candidate_first_name",
	"candidate_last_name",
	"candidate_job_title",
	"candidate_workplace",
	"candidate_phone",
	"candidate_email",
)
APPLICATION_PERSONAL_FIELDS = (
	*APPLICATION_CANDIDATE_FIELDS,
	"legal_representative",
	"legal_representative_title",
	"legal_representative_email",
	"candidate_experience",
	"intervention_mode",
	"additional_information",
	"rejection_reason",
	"correction_request",
	"coordinator_notes",
	"correction_token_hash",
)
#: everything an accepted application drops
APPLICATION_STRIPPED_FIELDS = APPLICATION_ATTACHMENT_FIELDS + APPLICATION_PERSONAL_FIELDS
#: the application's title names the candidate: it becomes :func:`stripped_application_title`
APPLICATION_TITLE_FIELD = "title"

# --------------------------------------------------------------------------- former promeneurs (PdN Promeneur)

#: contact details and the photo
PROMENEUR_CONTACT_FIELDS = ("email", "phone", "photo")
#: who the person is beyond the record's number
PROMENEUR_IDENTITY_FIELDS = ("first_name", "last_name", "full_name", "job_title", "status_reason")
#: the directory consent goes with the profile
PROMENEUR_CONSENT_FIELDS = ("directory_consent", "directory_consent_on")
#: child tables emptied: network profiles (PdN Network Profile) and online office hours (PdN Office Hour)
PROMENEUR_TABLES = ("network_profiles", "office_hours")
PROMENEUR_PERSONAL_FIELDS = PROMENEUR_CONTACT_FIELDS + PROMENEUR_IDENTITY_FIELDS + PROMENEUR_CONSENT_FIELDS
#: what stays: the history the reports count
PROMENEUR_KEPT_FIELDS = (
	"structure",
	"department",
	"profession",
	"mission",
	"weekly_hours",
	"public_12_17",
	"public_18_25",
	"public_parents",
	"public_other",
	"status",
	"status_changed_on",
	"candidate_since",
	"active_since",
	"ended_on",
	"welcome_meeting_attended",
	"welcome_meeting_on",
	"trainings_attended",
)

# --------------------------------------------------------------------------- rules


def check_months(months: int | None, default: int) -> int:
	"""The delay in months a setting holds (``default`` when empty); raises ``invalid_delay``."""
	if months is None or months == "":
		return default
	if isinstance(months, bool) or not isinstance(months, int | float) or months != int(months):
		raise RetentionError("invalid_delay", months)
	months = int(months)
	if not 1 <= months <= MAX_MONTHS:
		raise RetentionError("invalid_delay", months)
	return months


def due_on(start: datetime.date | str | None, months: int) -> datetime.date | None:
	"""The day a delay of ``months`` counted from ``start`` has passed (None without a start)."""
	start = as_date(start)
	return add_months(start, months) if start else None


def delay_passed(start: datetime.date | str | None, today: datetime.date, months: int) -> bool:
	"""Whether ``months`` months have passed since ``start`` on ``today``; never without a start."""
	due = due_on(start, months)
	return due is not None and today >= due


def applications_to_erase(
	rows: Iterable[Mapping], today: datetime.date, months: int | None = DEFAULT_REJECTED_APPLICATION_MONTHS
) -> list[str]:
	"""Names of the rejected or withdrawn applications (``name``, ``workflow_state``, ``decided_on``)
	decided at least ``months`` months ago: the record and its attachments are erased."""
	months = check_months(months, DEFAULT_REJECTED_APPLICATION_MONTHS)
	return [
		row["name"]
		for row in rows
		if row.get("workflow_state") in ERASED_STATES and delay_passed(row.get("decided_on"), today, months)
	]


def applications_to_strip(
	rows: Iterable[Mapping], today: datetime.date, months: int | None = DEFAULT_ACCEPTED_APPLICATION_MONTHS
) -> list[str]:
	"""Names of the accepted applications to strip of :data:`APPLICATION_STRIPPED_FIELDS`.

	Rows carry ``name``, ``workflow_state``, ``decided_on``, ``structure``, ``promeneur`` and the
	stripped fields: an application is listed once its structure and promeneur exist, the delay
	has passed, and it still holds one of them (a row without any of these fields counts as not
	stripped yet).
	"""
	months = check_months(months, DEFAULT_ACCEPTED_APPLICATION_MONTHS)
	return [
		row["name"]
		for row in rows
		if row.get("workflow_state") == ACCEPTED
		and row.get("structure")
		and row.get("promeneur")
		and delay_passed(row.get("decided_on"), today, months)
		and _holds_any(row, APPLICATION_STRIPPED_FIELDS)
	]


def application_stripped_values(row: Mapping | None = None) -> dict:
	"""Values an accepted application is left with: every stripped field emptied, the title renamed.

	Several of these fields are mandatory on the form: write them straight to the database.
	"""
	values: dict = dict.fromkeys(APPLICATION_STRIPPED_FIELDS)
	if row is not None:
		values[APPLICATION_TITLE_FIELD] = stripped_application_title(row)
	return values


def stripped_application_title(row: Mapping) -> str:
	"""The title an application keeps once stripped: its structure's name, else its own number."""
	return (row.get("structure_name") or "").strip() or str(row.get("name") or "")


def promeneurs_to_anonymise(
	rows: Iterable[Mapping], today: datetime.date, months: int | None = DEFAULT_FORMER_PROMENEUR_MONTHS
) -> list[str]:
	"""Names of the former promeneurs (``name``, ``status``, ``ended_on``) who left or were excluded
	at least ``months`` months ago and are not anonymised yet (see :func:`is_anonymised`)."""
	months = check_months(months, DEFAULT_FORMER_PROMENEUR_MONTHS)
	return [
		row["name"]
		for row in rows
		if row.get("status") in ENDED_STATUSES
		and delay_passed(row.get("ended_on"), today, months)
		and not is_anonymised(row)
	]


def promeneur_anonymised_values(name: str) -> dict:
	"""Values a former promeneur's record is left with: named by its number, nothing else personal.

	Child tables (:data:`PROMENEUR_TABLES`) are emptied besides; mandatory fields (e-mail, names)
	are written straight to the database.
	"""
	values: dict = dict.fromkeys(PROMENEUR_PERSONAL_FIELDS)
	values.update(first_name=name, last_name="", full_name=name, directory_consent=0)
	return values


def is_anonymised(row: Mapping) -> bool:
	"""Whether a promeneur row already went through :func:`promeneur_anonymised_values`.

	Judged on the fields the row carries (contact fields, and ``full_name`` against ``name``); a row
	that carries none of them counts as not anonymised.
	"""
	checked = [fieldname for fieldname in (*PROMENEUR_CONTACT_FIELDS, "full_name") if fieldname in row]
	if not checked:
		return False
	if any(row.get(fieldname) for fieldname in PROMENEUR_CONTACT_FIELDS):
		return False
	return "full_name" not in row or row.get("full_name") == row.get("name")


@dataclass
class RetentionPlan:
	"""What one run of the daily job does, and the counts it logs."""

	erase_applications: list[str] = field(default_factory=list)
	strip_applications: list[str] = field(default_factory=list)
	anonymise_promeneurs: list[str] = field(default_factory=list)

	def counts(self) -> dict[str, int]:
		return {
			"applications_erased": len(self.erase_applications),
			"applications_stripped": len(self.strip_applications),
			"promeneurs_anonymised": len(self.anonymise_promeneurs),
		}


def plan(
	applications: Iterable[Mapping],
	promeneurs: Iterable[Mapping],
	today: datetime.date,
	*,
	rejected_months: int | None = DEFAULT_REJECTED_APPLICATION_MONTHS,
	accepted_months: int | None = DEFAULT_ACCEPTED_APPLICATION_MONTHS,
	former_promeneur_months: int | None = DEFAULT_FORMER_PROMENEUR_MONTHS,
) -> RetentionPlan:
	applications = list(applications)
	return RetentionPlan(
		erase_applications=applications_to_erase(applications, today, rejected_months),
		strip_applications=applications_to_strip(applications, today, accepted_months),
		anonymise_promeneurs=promeneurs_to_anonymise(promeneurs, today, former_promeneur_months),
	)


def _holds_any(row: Mapping, fieldnames: Iterable[str]) -> bool:
	present = [fieldname for fieldname in fieldnames if fieldname in row]
	return not present or any(row.get(fieldname) for fieldname in present)
