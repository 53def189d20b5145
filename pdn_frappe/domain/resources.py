"""The collaborative address book: what promeneurs propose and how the coordination decides.

A promeneur proposes a new resource person, or a correction of a referent already in the address
book. The proposal stays between its author and the coordination of the department until the
coordination decides: *Validated* applies it to the address book (a new ``PdN Resource Referent``,
or the corrected fields of the existing one), *Declined* (« non retenue ») keeps the address book as it is and says
why. Plain data in and out; each refusal raises :class:`ProposalError` with a stable ``code``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pdn_frappe.domain import lifecycle
from pdn_frappe.domain.errors import DomainError


class ProposalError(DomainError):
	kind = "resource_proposal"


# --------------------------------------------------------------------------- values of the Select fields

#: a new resource person
NEW = "New resource person"
#: a correction of a referent already in the address book
CORRECTION = "Correction"
KINDS = (NEW, CORRECTION)

PROPOSED = "Proposed"
VALIDATED = "Validated"
REFUSED = "Declined"  # shown as « Non retenue »
STATUSES = (PROPOSED, VALIDATED, REFUSED)
DECISIONS = (VALIDATED, REFUSED)

#: the promeneur statuses that may propose (a suspended or former promeneur may not)
MAY_PROPOSE = (lifecycle.CANDIDATE, lifecycle.ACTIVE)

#: the referent's fields a proposal carries (same fieldnames on both doctypes)
REFERENT_FIELDS = ("full_name", "organisation", "role_title", "email", "phone", "website", "notes")


def check_author(status: str | None) -> None:
	"""A promeneur proposes while they are a candidate or active, never suspended or gone."""
	if status not in MAY_PROPOSE:
		raise ProposalError("author_cannot_propose", status)


def check_proposal(kind: str | None, referent: str | None, values: Mapping) -> None:
	"""A proposal names its kind; a new person has a name; a correction names the referent it
	corrects and changes at least one thing (or says what to correct)."""
	if kind not in KINDS:
		raise ProposalError("invalid_kind", kind)
	if kind == NEW:
		if referent:
			raise ProposalError("referent_with_new_person")
		if not _text(values.get("full_name")):
			raise ProposalError("name_required")
		return
	if not referent:
		raise ProposalError("referent_required")
	if not any(_text(values.get(field)) for field in (*REFERENT_FIELDS, "comment")) and not values.get(
		"themes"
	):
		raise ProposalError("empty_correction")


def check_decision(current: str | None, target: str, reason: str | None = None) -> str | None:
	"""A proposal is decided once, from *Proposed*; a refusal needs its reason. Returns the reason,
	stripped (None when empty)."""
	if target not in DECISIONS:
		raise ProposalError("invalid_decision", target)
	if current != PROPOSED:
		raise ProposalError("already_decided", current)
	reason = _text(reason) or None
	if target == REFUSED and not reason:
		raise ProposalError("refusal_reason_required")
	return reason


def referent_values(kind: str, proposal: Mapping, themes: Iterable[str] = ()) -> dict:
	"""The values to write on the referent when the proposal is validated.

	A new person takes every field of the proposal; a correction changes only the fields the
	proposal fills, so that an empty field never erases what the address book holds (the
	coordination edits the proposal before validating it when a value must go). ``themes``: the
	proposal's themes; a correction that names none keeps the referent's.
	"""
	values = {}
	for field in REFERENT_FIELDS:
		value = _text(proposal.get(field))
		if value or kind == NEW:
			values[field] = value or None
	themes = [theme for theme in dict.fromkeys(themes) if theme]
	if themes or kind == NEW:
		values["themes"] = themes
	return values


def _text(value) -> str:
	return str(value).strip() if value is not None else ""
