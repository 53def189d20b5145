"""Rules of a structure's requests: the changes a structure manager declares to the coordination.

A structure reports, for its own promeneurs and itself, what the call and the convention oblige it
to report: a new promeneur (a short application outside a call), a promeneur leaving, a change of
weekly hours or mission, a change of legal representative, address or budget. The coordination
approves or refuses (with a reason); approval applies the change through the registry.

Pure Python: what each kind of request needs (:func:`check_request`), which fields of a request
may change in which state (:func:`check_content_unchanged`), the decision rule
(:func:`check_decision`) and what an approval writes (:func:`commitment_changes`,
:func:`structure_changes`). Errors are :class:`StructureRequestError` codes that
:mod:`pdn_frappe.errors` turns into French.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from pdn_frappe.domain.applications import WEEKLY_HOURS
from pdn_frappe.domain.errors import DomainError

# --------------------------------------------------------------------------- errors


class StructureRequestError(DomainError):
	kind = "structure_request"


# --------------------------------------------------------------------------- kinds (values of the Select field)

NEW_PROMENEUR = "New promeneur"
LEAVING = "Promeneur leaving"
HOURS = "Change of weekly hours or mission"
REPRESENTATIVE = "Change of legal representative"
ADDRESS = "Change of address"
BUDGET = "Change of budget"
KINDS = (NEW_PROMENEUR, LEAVING, HOURS, REPRESENTATIVE, ADDRESS, BUDGET)

#: kinds about one promeneur of the structure
PROMENEUR_KINDS = (LEAVING, HOURS)

#: kind -> fields the request must fill (the promeneur of PROMENEUR_KINDS included)
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
	NEW_PROMENEUR: ("first_name", "last_name", "email", "mission", "new_weekly_hours", "effective_date"),
	LEAVING: ("promeneur", "effective_date", "details"),
	HOURS: ("promeneur", "effective_date"),
	REPRESENTATIVE: ("legal_representative", "legal_representative_title"),
	ADDRESS: ("address_line1", "postcode", "city"),
	BUDGET: ("convention", "budget_year", "budget_amount"),
}

#: kind -> fields that belong to it (cleared when the request is of another kind)
KIND_FIELDS: dict[str, tuple[str, ...]] = {
	NEW_PROMENEUR: (
		"first_name",
		"last_name",
		"email",
		"phone",
		"job_title",
		"profession",
		"mission",
		"new_weekly_hours",
		"public_12_17",
		"public_18_25",
		"public_parents",
	),
	LEAVING: ("promeneur",),
	HOURS: ("promeneur", "new_weekly_hours", "mission"),
	REPRESENTATIVE: ("legal_representative", "legal_representative_title", "legal_representative_email"),
	ADDRESS: ("address_line1", "address_line2", "postcode", "city"),
	BUDGET: ("convention", "budget_year", "budget_amount"),
}

# --------------------------------------------------------------------------- states (the Workflow's)

DRAFT = "Draft"
SUBMITTED = "Submitted"
APPROVED = "Approved"
REFUSED = "Refused"
STATES = (DRAFT, SUBMITTED, APPROVED, REFUSED)
DECIDED = (APPROVED, REFUSED)
PENDING = (SUBMITTED,)

#: the fields the coordination writes; every other field is the structure's request
DECISION_FIELDS = ("workflow_state", "refusal_reason", "decided_by", "decided_on", "applied_on", "result")

#: state -> notice sent when a request enters it ("filed": to the coordination; others: the manager)
NOTICE_FOR_STATE = {SUBMITTED: "filed", APPROVED: "approved", REFUSED: "refused"}

MAX_BUDGET = 1_000_000


def check_kind(kind: str | None) -> str:
	if kind not in KINDS:
		raise StructureRequestError("invalid_kind", kind)
	return kind


def _filled(value: object) -> bool:
	if isinstance(value, str):
		return bool(value.strip())
	return value not in (None, 0, 0.0)


def missing_fields(kind: str, values: Mapping) -> list[str]:
	"""The fields ``kind`` needs that ``values`` leaves empty, in the order of :data:`REQUIRED_FIELDS`."""
	check_kind(kind)
	return [field for field in REQUIRED_FIELDS[kind] if not _filled(values.get(field))]


def fields_to_clear(kind: str, values: Mapping) -> list[str]:
	"""Fields filled in ``values`` that belong to other kinds only: they are not part of the request."""
	check_kind(kind)
	own = set(KIND_FIELDS[kind])
	others = {field for other, fields in KIND_FIELDS.items() if other != kind for field in fields} - own
	return sorted(field for field in others if _filled(values.get(field)))


def check_request(kind: str, values: Mapping) -> None:
	"""A request of ``kind`` holds what it needs: ``missing_fields`` (the field names) otherwise.

	A change of hours or mission changes at least one of them, and a budget is a positive amount.
	"""
	missing = missing_fields(kind, values)
	if missing:
		raise StructureRequestError("missing_fields", tuple(missing))
	if kind == HOURS and not (_filled(values.get("new_weekly_hours")) or _filled(values.get("mission"))):
		raise StructureRequestError("nothing_to_change")
	if kind == BUDGET:
		amount = values.get("budget_amount")
		if not isinstance(amount, (int, float)) or isinstance(amount, bool) or not 0 < amount <= MAX_BUDGET:
			raise StructureRequestError("invalid_budget", amount)
		year = values.get("budget_year")
		if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
			raise StructureRequestError("invalid_year", year)


def check_promeneur_of_structure(promeneur_structure: str | None, structure: str, status: str | None) -> None:
	"""The promeneur concerned works for the request's structure, and has not left already."""
	if promeneur_structure != structure:
		raise StructureRequestError("promeneur_other_structure")
	if status in ("Left", "Excluded"):
		raise StructureRequestError("promeneur_ended", status)


#: kinds applied on their effective date: approved earlier, they wait for it
DATED_KINDS = (LEAVING, HOURS)


def applies_later(kind: str, effective: datetime.date | None, today: datetime.date) -> bool:
	"""Whether an approved request waits for its effective date (a departure, a change of hours)."""
	return kind in DATED_KINDS and effective is not None and effective > today


#: how far from today a declared change may take effect, in days
MAX_EFFECTIVE_DAYS = 366


def check_effective_date(effective: datetime.date, today: datetime.date) -> None:
	"""A change takes effect within a year before or after the day it is declared."""
	if abs((effective - today).days) > MAX_EFFECTIVE_DAYS:
		raise StructureRequestError("effective_date_out_of_range", effective)


def check_convention_of_structure(convention_structure: str | None, structure: str) -> None:
	"""The convention whose budget changes is the request's structure's."""
	if convention_structure != structure:
		raise StructureRequestError("convention_other_structure")


def check_content_unchanged(state_before: str | None, changed: Iterable[str]) -> None:
	"""Once filed, the request is what the coordination decides on: only the decision fields change.

	``state_before``: the stored state (None for a new request); ``changed``: the fields that differ.
	"""
	if state_before in (None, DRAFT):
		return
	content = sorted(set(changed) - set(DECISION_FIELDS))
	if state_before in DECIDED:
		changed_any = sorted(set(changed) - {"modified", "modified_by"})
		if changed_any:
			raise StructureRequestError("already_decided", state_before)
	if content:
		raise StructureRequestError("filed_request_locked", tuple(content))


def check_decision(state: str | None, refusal_reason: str | None) -> None:
	"""A refusal says why: the structure reads the reason in the e-mail."""
	if state == REFUSED and not (refusal_reason or "").strip():
		raise StructureRequestError("refusal_reason_required")


def notice_for_transition(previous: str | None, state: str | None) -> str | None:
	"""The notice to send when a request moves from ``previous`` to ``state`` (None: nothing)."""
	if not state or previous == state:
		return None
	return NOTICE_FOR_STATE.get(state)


def commitment_changes(values: Mapping, current: Mapping) -> dict:
	"""The promeneur's fields a change of hours or mission writes (only what differs)."""
	changes = {}
	hours = values.get("new_weekly_hours")
	if _filled(hours) and float(hours) != float(current.get("weekly_hours") or 0):
		changes["weekly_hours"] = float(hours)
	mission = values.get("mission")
	if _filled(mission) and mission != current.get("mission"):
		changes["mission"] = mission
	return changes


STRUCTURE_FIELDS: dict[str, tuple[str, ...]] = {
	REPRESENTATIVE: ("legal_representative", "legal_representative_title", "legal_representative_email"),
	ADDRESS: ("address_line1", "address_line2", "postcode", "city"),
}


def structure_changes(kind: str, values: Mapping) -> dict:
	"""The structure's fields a change of representative or address writes."""
	fields = STRUCTURE_FIELDS.get(kind, ())
	changes = {field: (values.get(field) or "").strip() or None for field in fields}
	return changes


def new_promeneur_application(values: Mapping, department: str) -> dict:
	"""A declared new promeneur in the shape of an application's values, so that the registry creates
	them the way an accepted application does (:func:`pdn_frappe.domain.applications.promeneur_record`)."""
	hours = float(values.get("new_weekly_hours") or 0)
	return {
		"candidate_first_name": values.get("first_name"),
		"candidate_last_name": values.get("last_name"),
		"candidate_job_title": values.get("job_title"),
		"candidate_email": values.get("email"),
		"candidate_phone": values.get("phone"),
		"profession": values.get("profession"),
		"mission": values.get("mission"),
		"weekly_hours": weekly_hours_choice(hours),
		"public_12_17": values.get("public_12_17"),
		"public_18_25": values.get("public_18_25"),
		"public_parents": values.get("public_parents"),
		"department": department,
	}


def weekly_hours_choice(hours: float) -> str:
	"""The application form's choice of weekly hours that holds ``hours`` (2h, 3h... 6h or more)."""
	for choice, value in sorted(WEEKLY_HOURS.items(), key=lambda item: item[1], reverse=True):
		if hours >= value:
			return choice
	raise StructureRequestError("invalid_hours", hours)
