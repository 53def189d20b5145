"""Rules of the conventions between a structure, its CAF and (optionally) its MSA.

Plain data in and out: rows are dicts as ``frappe.get_all`` returns them. Each rule raises
:class:`ConventionRuleError` with a stable ``code`` and the values the caller needs to write
its French message.

* lifecycle: draft -> sent -> signed -> active -> expired, terminated from signed or active;
* period and subsidy schedule: one amount a year, every year inside the period;
* supporting documents: what an association or a public body gives at first signature and at
  renewal, taken from the structure's documents when it has them, flagged when they expired;
  what it gives for each yearly payment, with the due date of each;
* renewal: the next period, the same yearly amounts, the renewal checklist;
* alerts: which expiry and late-document alerts are due today and were never sent;
* promeneurs: active only with a signed charter and an active convention of their structure;
* termination: on an anniversary of the start with three months' notice, or at once by the CAF;
* amendments: a new subsidy schedule, a new end date or new representatives, applied once signed;
* recoveries of unjustified sums and on-site checks recorded on the convention.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pdn_frappe.domain.errors import DomainError
from pdn_frappe.domain.periods import add_months

# --------------------------------------------------------------------------- errors


class ConventionRuleError(DomainError):
	"""``code`` names the rule; ``values`` are what the message shows."""

	kind = "convention"


# --------------------------------------------------------------------------- lifecycle

DRAFT = "Draft"
SENT = "Sent"
SIGNED = "Signed"
ACTIVE = "Active"
EXPIRED = "Expired"
TERMINATED = "Terminated"
STATUSES = (DRAFT, SENT, SIGNED, ACTIVE, EXPIRED, TERMINATED)

#: status -> statuses it may move to
TRANSITIONS: dict[str, tuple[str, ...]] = {
	DRAFT: (SENT,),
	SENT: (DRAFT, SIGNED),
	SIGNED: (ACTIVE, TERMINATED),
	ACTIVE: (EXPIRED, TERMINATED),
	EXPIRED: (),
	TERMINATED: (),
}

#: statuses whose text is signed: it never changes again
SIGNED_STATUSES = (SIGNED, ACTIVE, EXPIRED, TERMINATED)

#: statuses a convention can be renewed from
RENEWABLE_STATUSES = (ACTIVE, EXPIRED)

#: what a signed convention may no longer change (an amendment or a new convention does)
CONTRACT_FIELDS = (
	"structure",
	"start_date",
	"end_date",
	"include_msa",
	"structure_representative",
	"structure_representative_title",
	"caf_representative",
	"caf_representative_title",
	"msa_representative",
	"msa_representative_title",
	"template",
)


def check_transition(old: str | None, new: str) -> None:
	"""Raise ``invalid_status`` / ``invalid_transition`` unless ``old`` may become ``new``."""
	if new not in STATUSES:
		raise ConventionRuleError("invalid_status", new)
	if old is None:
		if new != DRAFT:
			raise ConventionRuleError("invalid_transition", DRAFT, new)
		return
	if old == new:
		return
	if new not in TRANSITIONS.get(old, ()):
		raise ConventionRuleError("invalid_transition", old, new)


def automatic_status(
	status: str,
	start: datetime.date,
	end: datetime.date,
	today: datetime.date,
	terminated_on: datetime.date | None = None,
) -> str:
	"""Status a convention reaches by itself with time: signed -> active -> expired, or terminated
	once the date of a termination given with notice has come."""
	if status in (SIGNED, ACTIVE) and terminated_on and terminated_on <= today:
		return TERMINATED
	if status == SIGNED and start <= today:
		status = ACTIVE
	if status == ACTIVE and end < today:
		status = EXPIRED
	return status


def changed_contract_fields(before: Mapping, after: Mapping) -> list[str]:
	"""Contract fields whose value differs between two versions of a signed convention."""
	return [name for name in CONTRACT_FIELDS if (before.get(name) or None) != (after.get(name) or None)]


# --------------------------------------------------------------------------- period and subsidies


def check_period(start: datetime.date | None, end: datetime.date | None) -> None:
	if start and end and end <= start:
		raise ConventionRuleError("end_before_start", start, end)


#: the largest amount a subsidy, an amended subsidy or a sum to recover may have, in euros
MAX_AMOUNT = 1_000_000


def as_year(value) -> int:
	"""A year typed in a form; 0 (never a year of a convention) when it is not a whole number."""
	try:
		return int(str(value).strip()) if value not in (None, "") else 0
	except (TypeError, ValueError):
		return 0


def as_amount(value) -> float:
	"""An amount typed in a form; NaN when it is not a number (every check refuses it)."""
	try:
		return float(value or 0)
	except (TypeError, ValueError):
		return float("nan")


def period_years(start: datetime.date, end: datetime.date) -> list[int]:
	return list(range(start.year, end.year + 1))


def check_subsidies(rows: Iterable[Mapping], start: datetime.date, end: datetime.date) -> None:
	"""One positive amount a year, each year inside the period, paid on a real date."""
	years = set(period_years(start, end))
	seen: set[int] = set()
	for index, row in enumerate(rows, start=1):
		year = as_year(row.get("year"))
		if year not in years:
			raise ConventionRuleError("subsidy_year_outside_period", index, year, start.year, end.year)
		if year in seen:
			raise ConventionRuleError("subsidy_year_twice", index, year)
		seen.add(year)
		amount = as_amount(row.get("amount"))
		if not amount > 0:
			raise ConventionRuleError("subsidy_amount_not_positive", index, year)
		if amount > MAX_AMOUNT:
			raise ConventionRuleError("amount_too_large", index, MAX_AMOUNT)
		paid_on = row.get("paid_on")
		if paid_on and _date(paid_on).year < year - 1:
			raise ConventionRuleError("subsidy_paid_too_early", index, year)


def subsidy_totals(rows: Iterable[Mapping]) -> dict[str, float]:
	planned = paid = 0.0
	for row in rows:
		amount = float(row.get("amount") or 0)
		planned += amount
		if row.get("paid_on"):
			paid += amount
	return {"planned": planned, "paid": paid, "unpaid": planned - paid}


# --------------------------------------------------------------------------- supporting documents

FIRST_SIGNATURE = "First signature"
RENEWAL = "Renewal"
STAGES = (FIRST_SIGNATURE, RENEWAL)

ASSOCIATION = "association"
PUBLIC_BODY = "public"
#: legal statuses (of PdN Structure) that follow the public bodies' list
PUBLIC_LEGAL_STATUSES = frozenset({"Local authority", "Inter-municipal body (EPCI)", "Public establishment"})

MISSING = "Missing"
RECEIVED = "Received"
EXPIRED_DOCUMENT = "Expired"
NOT_REQUIRED = "Not required"
CHECKLIST_STATUSES = (MISSING, RECEIVED, EXPIRED_DOCUMENT, NOT_REQUIRED)

TO_COME = "To come"
LATE = "Late"
YEARLY_STATUSES = (TO_COME, LATE, RECEIVED)

#: yearly due rule -> (years after the subsidy year, month, day)
YEARLY_DUE_RULES: dict[str, tuple[int, int, int]] = {
	"31 March of the year": (0, 3, 31),
	"31 December of the year": (0, 12, 31),
	"30 June of the following year": (1, 6, 30),
}


def legal_group(legal_status: str | None) -> str:
	"""Which list of supporting documents a structure follows."""
	return PUBLIC_BODY if legal_status in PUBLIC_LEGAL_STATUSES else ASSOCIATION


@dataclass(frozen=True)
class DocumentRequirement:
	"""What a ``PdN Document Type`` asks for in the convention checklists."""

	document_type: str
	first_association: bool = False
	first_public: bool = False
	renewal_association: bool = False
	renewal_public: bool = False
	yearly_due: str = ""
	has_validity: bool = False

	@classmethod
	def from_row(cls, row: Mapping) -> DocumentRequirement:
		return cls(
			document_type=row.get("name") or row.get("document_type"),
			first_association=bool(row.get("first_signature_association")),
			first_public=bool(row.get("first_signature_public")),
			renewal_association=bool(row.get("renewal_association")),
			renewal_public=bool(row.get("renewal_public")),
			yearly_due=row.get("yearly_due") or "",
			has_validity=bool(row.get("has_validity")),
		)

	def required_at(self, stage: str, group: str) -> bool:
		if stage == FIRST_SIGNATURE:
			return self.first_public if group == PUBLIC_BODY else self.first_association
		return self.renewal_public if group == PUBLIC_BODY else self.renewal_association


def required_documents(
	requirements: Iterable[DocumentRequirement], stage: str, legal_status: str | None
) -> list[str]:
	group = legal_group(legal_status)
	return [r.document_type for r in requirements if r.required_at(stage, group)]


def _date(value) -> datetime.date:
	if isinstance(value, datetime.datetime):
		return value.date()
	if isinstance(value, datetime.date):
		return value
	return datetime.date.fromisoformat(str(value)[:10])


def _latest_structure_document(structure_documents: Iterable[Mapping], document_type: str) -> Mapping | None:
	"""The structure's most recent document of a type (the one valid longest, then received last)."""
	candidates = [row for row in structure_documents if row.get("document_type") == document_type]
	if not candidates:
		return None
	far = datetime.date.max
	return max(
		candidates,
		key=lambda row: (
			_date(row["valid_until"]) if row.get("valid_until") else far,
			_date(row["received_on"]) if row.get("received_on") else datetime.date.min,
		),
	)


def checklist_status(row: Mapping, today: datetime.date) -> str:
	if row.get("status") == NOT_REQUIRED:
		return NOT_REQUIRED
	if not (row.get("file") or row.get("received_on")):
		return MISSING
	if row.get("valid_until") and _date(row["valid_until"]) < today:
		return EXPIRED_DOCUMENT
	return RECEIVED


def merge_checklist(
	existing: Iterable[Mapping],
	required: Iterable[str],
	stage: str,
	structure_documents: Iterable[Mapping],
	today: datetime.date,
) -> list[dict]:
	"""The convention's checklist for ``stage``: rows kept, required ones added, statuses refreshed.

	A row without a document of its own takes the structure's latest document of that type; a
	document past its validity date is flagged ``Expired``. Rows of other stages are kept as they are.
	"""
	structure_documents = list(structure_documents)
	rows = [dict(row) for row in existing]
	present = {(row.get("stage"), row.get("document_type")) for row in rows}
	for document_type in required:
		if (stage, document_type) not in present:
			rows.append({"stage": stage, "document_type": document_type, "from_structure": 0})
	for row in rows:
		own = (row.get("file") or row.get("received_on")) and not row.get("from_structure")
		if not own and row.get("status") != NOT_REQUIRED:
			found = _latest_structure_document(structure_documents, row.get("document_type"))
			if found:
				row.update(
					file=found.get("file"),
					received_on=found.get("received_on"),
					valid_until=found.get("valid_until"),
					from_structure=1,
				)
			elif row.get("from_structure"):
				row.update(file=None, received_on=None, valid_until=None, from_structure=0)
		row["status"] = checklist_status(row, today)
	return rows


def yearly_due_date(rule: str, year: int) -> datetime.date | None:
	if rule not in YEARLY_DUE_RULES:
		return None
	shift, month, day = YEARLY_DUE_RULES[rule]
	return datetime.date(year + shift, month, min(day, calendar.monthrange(year + shift, month)[1]))


def yearly_status(row: Mapping, today: datetime.date) -> str:
	if row.get("received_on") or row.get("file"):
		return RECEIVED
	if row.get("due_date") and _date(row["due_date"]) < today:
		return LATE
	return TO_COME


def merge_yearly_reports(
	existing: Iterable[Mapping],
	requirements: Iterable[DocumentRequirement],
	years: Iterable[int],
	today: datetime.date,
) -> list[dict]:
	"""One row per subsidy year and yearly document, with its due date and status."""
	rows = [dict(row) for row in existing]
	present = {(int(row.get("year") or 0), row.get("document_type")) for row in rows}
	for year in sorted(set(years)):
		for requirement in requirements:
			if requirement.yearly_due and (year, requirement.document_type) not in present:
				rows.append(
					{
						"year": year,
						"document_type": requirement.document_type,
						"due_date": yearly_due_date(requirement.yearly_due, year),
					}
				)
	for row in rows:
		row["status"] = yearly_status(row, today)
	rows.sort(key=lambda row: (int(row.get("year") or 0), _sort_date(row.get("due_date"))))
	return rows


def _sort_date(value) -> datetime.date:
	return _date(value) if value else datetime.date.max


# --------------------------------------------------------------------------- renewal


def add_years(day: datetime.date, years: int) -> datetime.date:
	try:
		return day.replace(year=day.year + years)
	except ValueError:  # 29 February
		return day.replace(year=day.year + years, day=28)


def renewal_period(start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
	"""The period that follows: it starts the day after ``end`` and lasts as long (in whole years
	when the old one did)."""
	new_start = end + datetime.timedelta(days=1)
	years = end.year - start.year + (1 if (end.month, end.day) >= (start.month, start.day) else 0)
	if add_years(start, years) - datetime.timedelta(days=1) == end:
		return new_start, add_years(new_start, years) - datetime.timedelta(days=1)
	return new_start, new_start + (end - start)


def renewal_subsidies(
	rows: Iterable[Mapping], new_start: datetime.date, new_end: datetime.date
) -> list[dict]:
	"""The same yearly amounts for the years of the new period, in order; unpaid."""
	amounts = [float(row.get("amount") or 0) for row in sorted(rows, key=lambda r: int(r.get("year") or 0))]
	amounts = [amount for amount in amounts if amount > 0]
	if not amounts:
		return []
	result = []
	for index, year in enumerate(period_years(new_start, new_end)):
		result.append({"year": year, "amount": amounts[min(index, len(amounts) - 1)]})
	return result


# --------------------------------------------------------------------------- alerts

#: days before the end of a convention when the coordinator and the CAF are warned
EXPIRY_ALERT_DAYS = (90, 30)


@dataclass(frozen=True)
class Alert:
	key: str
	kind: str  # "expiry" or "late_document"
	days_left: int | None = None
	rows: tuple[Mapping, ...] = ()


def expiry_alert(
	end: datetime.date,
	today: datetime.date,
	sent_keys: Iterable[str],
	thresholds: Iterable[int] = EXPIRY_ALERT_DAYS,
) -> Alert | None:
	"""The expiry alert due today, if any: the closest threshold reached and never sent."""
	days_left = (end - today).days
	if days_left < 0:
		return None
	sent = set(sent_keys)
	reached = sorted(days for days in thresholds if days_left <= days)
	if not reached:
		return None
	key = f"expiry-{reached[0]}-{end.isoformat()}"
	if key in sent:
		return None
	# a larger threshold not sent yet is covered by this one: one e-mail, not two
	return Alert(key=key, kind="expiry", days_left=days_left)


def late_document_alert(
	rows: Iterable[Mapping], today: datetime.date, sent_keys: Iterable[str]
) -> Alert | None:
	"""The yearly documents that are late and were never reported, grouped in one alert."""
	sent = set(sent_keys)
	late = []
	for row in rows:
		if yearly_status(row, today) != LATE:
			continue
		key = late_document_key(row)
		if key not in sent:
			late.append(row)
	if not late:
		return None
	return Alert(key=";".join(late_document_key(row) for row in late), kind="late_document", rows=tuple(late))


def late_document_key(row: Mapping) -> str:
	return f"late-{int(row.get('year') or 0)}-{row.get('document_type')}"


# --------------------------------------------------------------------------- promeneurs


def activation_blockers(charter_signed: bool, convention_active: bool) -> list[str]:
	"""Why a promeneur cannot become active yet (empty when nothing stops it)."""
	blockers = []
	if not charter_signed:
		blockers.append("charter_not_signed")
	if not convention_active:
		blockers.append("no_active_convention")
	return blockers


# --------------------------------------------------------------------------- termination

#: months of notice before an anniversary of the convention (model convention, article 7.1)
NOTICE_MONTHS = 3
WITH_NOTICE = "With notice"
IMMEDIATE = "Immediate"
TERMINATION_KINDS = (WITH_NOTICE, IMMEDIATE)


def anniversaries(start: datetime.date, end: datetime.date) -> list[datetime.date]:
	"""The anniversaries of the start that fall inside the period (29 February: 28 February)."""
	result = []
	years = 1
	while (day := add_years(start, years)) <= end:
		result.append(day)
		years += 1
	return result


def notice_deadline(anniversary: datetime.date) -> datetime.date:
	"""The last day a notice may be given for a termination on ``anniversary`` (three months before,
	kept within the month: 31 May -> 28 or 29 February)."""
	return add_months(anniversary, -NOTICE_MONTHS)


def earliest_termination(start: datetime.date, end: datetime.date, notice_on: datetime.date) -> datetime.date:
	"""The first anniversary of the start that a notice given on ``notice_on`` reaches in time."""
	for anniversary in anniversaries(start, end):
		if notice_on <= notice_deadline(anniversary):
			return anniversary
	raise ConventionRuleError("notice_after_last_anniversary", end, notice_on)


def check_termination_with_notice(
	start: datetime.date,
	end: datetime.date,
	notice_on: datetime.date,
	today: datetime.date,
	terminated_on: datetime.date | None = None,
) -> datetime.date:
	"""The end date of a termination given with notice on ``notice_on``: ``terminated_on`` when the
	model convention allows it (an anniversary of the start, three months' notice at least), the
	earliest date allowed when none is asked for."""
	if notice_on > today:
		raise ConventionRuleError("notice_in_future", notice_on)
	if terminated_on and terminated_on > end:
		raise ConventionRuleError("termination_after_end", terminated_on, end)
	earliest = earliest_termination(start, end, notice_on)
	if terminated_on is None:
		return earliest
	if terminated_on < earliest:
		raise ConventionRuleError("notice_too_short", terminated_on, earliest, notice_on)
	if terminated_on not in anniversaries(start, end):
		raise ConventionRuleError("termination_not_on_anniversary", terminated_on, earliest)
	return terminated_on


def check_immediate_termination(
	end: datetime.date,
	terminated_on: datetime.date,
	reason: str | None,
	start: datetime.date | None = None,
	today: datetime.date | None = None,
) -> datetime.date:
	"""An end without notice (dissolution of the structure, formal notice left unanswered...), on a
	date of the period (or today, for a convention that has not started yet)."""
	if not (reason or "").strip():
		raise ConventionRuleError("termination_reason_required")
	if terminated_on > end:
		raise ConventionRuleError("termination_after_end", terminated_on, end)
	earliest = min(day for day in (start, today) if day) if (start or today) else None
	if earliest and terminated_on < earliest:
		raise ConventionRuleError("termination_before_start", terminated_on, earliest)
	return terminated_on


# --------------------------------------------------------------------------- amendments

#: the representatives an amendment may change: field of the amendment -> field of the convention
AMENDED_REPRESENTATIVES = {
	"new_structure_representative": "structure_representative",
	"new_structure_representative_title": "structure_representative_title",
	"new_caf_representative": "caf_representative",
	"new_caf_representative_title": "caf_representative_title",
	"new_msa_representative": "msa_representative",
	"new_msa_representative_title": "msa_representative_title",
}

#: statuses of a convention an amendment may change
AMENDABLE_STATUSES = (SIGNED, ACTIVE)
#: an amended convention lasts this many years at most from its start
MAX_AMENDED_YEARS = 10


def amend_schedule(rows: Iterable[Mapping], changes: Iterable[Mapping]) -> list[dict]:
	"""The subsidy schedule once amended: each change gives a year's new amount (a new year is
	added, an amount of 0 removes a year). A year already paid keeps its amount."""
	by_year = {as_year(row.get("year")): dict(row) for row in rows}
	seen: set[int] = set()
	for index, change in enumerate(changes, start=1):
		year = as_year(change.get("year"))
		amount = as_amount(change.get("amount"))
		if year in seen:
			raise ConventionRuleError("amendment_year_twice", index, year)
		seen.add(year)
		if not amount >= 0:
			raise ConventionRuleError("amendment_amount_negative", index, year)
		if amount > MAX_AMOUNT:
			raise ConventionRuleError("amount_too_large", index, MAX_AMOUNT)
		current = by_year.get(year)
		if current and current.get("paid_on") and amount != float(current.get("amount") or 0):
			raise ConventionRuleError("amendment_paid_year", index, year)
		if amount == 0:
			if current is None:
				raise ConventionRuleError("amendment_removes_nothing", index, year)
			del by_year[year]
		elif current is not None:
			current["amount"] = amount
		else:
			by_year[year] = {"year": year, "amount": amount}
	return [by_year[year] for year in sorted(by_year)]


def check_amendment(
	status: str,
	start: datetime.date,
	end: datetime.date,
	effective_on: datetime.date | None,
	new_end: datetime.date | None,
	changes_anything: bool,
) -> None:
	"""An amendment changes a signed convention that still runs, from a date inside its period."""
	if status not in AMENDABLE_STATUSES:
		raise ConventionRuleError("amendment_status", status)
	if not changes_anything:
		raise ConventionRuleError("amendment_empty")
	if new_end:
		check_period(start, new_end)
		if new_end > add_years(start, MAX_AMENDED_YEARS):
			raise ConventionRuleError("amendment_end_too_far", new_end, MAX_AMENDED_YEARS)
	if effective_on and not (start <= effective_on <= max(end, new_end or end)):
		raise ConventionRuleError(
			"amendment_effective_outside", effective_on, start, max(end, new_end or end)
		)


# --------------------------------------------------------------------------- recoveries and checks

TO_RECOVER = "To recover"
RECOVERED = "Recovered"
CANCELLED = "Cancelled"
RECOVERY_STATUSES = (TO_RECOVER, RECOVERED, CANCELLED)

ON_SITE = "On site"
ON_DOCUMENTS = "On documents"
CHECK_KINDS = (ON_SITE, ON_DOCUMENTS)
#: what a check may lead to (model convention, article 5)
CHECK_OUTCOMES = ("Compliant", "Regularisation", "Recovery of sums", "Additional payment")


def check_recoveries(rows: Iterable[Mapping], today: datetime.date) -> None:
	"""Each sum to recover has an amount, a reason, a due date; a recovered one its date."""
	for index, row in enumerate(rows, start=1):
		amount = as_amount(row.get("amount"))
		if not amount > 0:
			raise ConventionRuleError("recovery_amount_not_positive", index)
		if amount > MAX_AMOUNT:
			raise ConventionRuleError("amount_too_large", index, MAX_AMOUNT)
		if not (row.get("reason") or "").strip():
			raise ConventionRuleError("recovery_reason_required", index)
		if not row.get("due_date"):
			raise ConventionRuleError("recovery_due_date_required", index)
		status = row.get("status") or TO_RECOVER
		if status not in RECOVERY_STATUSES:
			raise ConventionRuleError("invalid_recovery_status", index, status)
		if status == RECOVERED and not row.get("recovered_on"):
			raise ConventionRuleError("recovery_date_required", index)
		if row.get("recovered_on") and _date(row["recovered_on"]) > today:
			raise ConventionRuleError("recovery_date_in_future", index)


def recovery_totals(rows: Iterable[Mapping], today: datetime.date) -> dict[str, float]:
	"""Sums still to recover (and how much of it is overdue) and sums recovered; cancelled ones
	count for nothing."""
	to_recover = recovered = overdue = 0.0
	for row in rows:
		amount = float(row.get("amount") or 0)
		status = row.get("status") or TO_RECOVER
		if status == TO_RECOVER:
			to_recover += amount
			if row.get("due_date") and _date(row["due_date"]) < today:
				overdue += amount
		elif status == RECOVERED:
			recovered += amount
	return {"to_recover": to_recover, "recovered": recovered, "overdue": overdue}


def check_inspections(rows: Iterable[Mapping], today: datetime.date) -> None:
	"""Each check has its date (not in the future), who made it, its kind and outcome."""
	for index, row in enumerate(rows, start=1):
		if not row.get("checked_on"):
			raise ConventionRuleError("check_date_required", index)
		if _date(row["checked_on"]) > today:
			raise ConventionRuleError("check_date_in_future", index)
		if not (row.get("checked_by") or "").strip():
			raise ConventionRuleError("check_by_required", index)
		if (row.get("check_kind") or ON_SITE) not in CHECK_KINDS:
			raise ConventionRuleError("invalid_check_kind", index)
		if row.get("outcome") and row["outcome"] not in CHECK_OUTCOMES:
			raise ConventionRuleError("invalid_check_outcome", index)
