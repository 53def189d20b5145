"""Rules of the applications to become a Promeneur du Net.

Pure Python: calls for applications (which one is open for a department), the checks of the public
application form, the attachment rules (type, size, content), the spam guards (honeypot, rate
limit), the review states and the mapping of an accepted application to the structure and the
promeneur it creates. Callers pass plain values (dicts as ``frappe.get_all`` returns them) and turn
the error codes into French messages.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pdn_frappe.domain import validation
from pdn_frappe.domain.validation import DomainValidationError

# --- Review states ---------------------------------------------------------------------------------------

SUBMITTED = "Submitted"
PRESELECTED = "Pre-selected"
RETURNED = "Returned for correction"
ACCEPTED = "Accepted"
REJECTED = "Rejected"
WITHDRAWN = "Withdrawn"

STATES = (SUBMITTED, PRESELECTED, RETURNED, ACCEPTED, REJECTED, WITHDRAWN)
PENDING_STATES = (SUBMITTED, PRESELECTED, RETURNED)
CLOSED_STATES = (ACCEPTED, REJECTED, WITHDRAWN)

#: e-mail sent to the applicant and the structure when an application enters a state
NOTICE_FOR_STATE = {
	PRESELECTED: "preselected",
	RETURNED: "returned",
	ACCEPTED: "accepted",
	REJECTED: "rejected",
	WITHDRAWN: "withdrawn",
}

#: decisions a steering meeting can record about an application -> state it leads to
MEETING_DECISIONS = {
	"Pre-select": PRESELECTED,
	"Accept": ACCEPTED,
	"Reject": REJECTED,
	"Return for correction": RETURNED,
	"Postpone": None,
}


def notice_for_transition(previous_state: str | None, new_state: str | None) -> str | None:
	"""The kind of notice to send when an application moves from one state to another, if any."""
	if not new_state or previous_state == new_state:
		return None
	if new_state == SUBMITTED:
		return "resubmitted" if previous_state == RETURNED else None
	return NOTICE_FOR_STATE.get(new_state)


def check_decision(state: str, rejection_reason: str | None, correction_request: str | None) -> None:
	"""A refusal needs a written reason; a return for correction says what to correct."""
	if state == REJECTED and not (rejection_reason or "").strip():
		raise DomainValidationError("rejection_reason_required", state)
	if state == RETURNED and not (correction_request or "").strip():
		raise DomainValidationError("correction_request_required", state)


def meeting_decision_state(decision: str) -> str | None:
	"""State an application reaches through a steering meeting's decision (None: nothing changes)."""
	if decision not in MEETING_DECISIONS:
		raise DomainValidationError("invalid_choice", decision)
	return MEETING_DECISIONS[decision]


# --- Calls for applications ------------------------------------------------------------------------------

CALL_OPEN = "Open"


def as_date(value: object) -> dt.date | None:
	"""A date from a date, a datetime or an ISO string ("2026-09-30"); None when empty."""
	if value in (None, ""):
		return None
	if isinstance(value, dt.datetime):
		return value.date()
	if isinstance(value, dt.date):
		return value
	return dt.date.fromisoformat(str(value)[:10])


def call_is_open(status: str | None, opening_date: object, closing_date: object, today: object) -> bool:
	"""A call accepts applications when it is published ("Open") and today is within its dates."""
	opening, closing, day = as_date(opening_date), as_date(closing_date), as_date(today)
	if status != CALL_OPEN or opening is None or closing is None or day is None:
		return False
	return opening <= day <= closing


def check_call_dates(opening_date: object, closing_date: object) -> None:
	opening, closing = as_date(opening_date), as_date(closing_date)
	if opening and closing and closing < opening:
		raise DomainValidationError("closing_before_opening", closing, opening)


def call_departments(lead_department: str | None, other_departments: Iterable[str] = ()) -> list[str]:
	"""Departments a call covers: its lead department first, then the others, without repeats."""
	result: list[str] = []
	for department in (lead_department, *other_departments):
		if department and department not in result:
			result.append(department)
	return result


def pick_call(calls: Iterable[Mapping], department: str, today: object, requested: str | None = None) -> str:
	"""The call an application to ``department`` goes to.

	``calls`` are mappings with name, status, opening_date, closing_date and departments (list).
	With ``requested``, that call must be open and cover the department; without it, the open call
	of the department that closes first is chosen. Raises "no_open_call", "call_closed" or
	"call_not_for_department".
	"""
	calls = list(calls)
	if requested:
		call = next((c for c in calls if c["name"] == requested), None)
		if call is None or not call_is_open(
			call["status"], call["opening_date"], call["closing_date"], today
		):
			raise DomainValidationError("call_closed", requested)
		if department not in call["departments"]:
			raise DomainValidationError("call_not_for_department", requested)
		return call["name"]
	candidates = [
		c
		for c in calls
		if department in c["departments"]
		and call_is_open(c["status"], c["opening_date"], c["closing_date"], today)
	]
	if not candidates:
		raise DomainValidationError("no_open_call", department)
	candidates.sort(key=lambda c: (as_date(c["closing_date"]), c["name"]))
	return candidates[0]["name"]


# --- The application form --------------------------------------------------------------------------------

WEEKLY_HOURS = {"2h": 2.0, "3h": 3.0, "4h": 4.0, "5h": 5.0, "6h and more": 6.0}
MISSIONS = ("Youth", "Parenting", "Youth and parenting")
LEGAL_STATUSES = (
	"Association",
	"Local authority",
	"Inter-municipal body (EPCI)",
	"Public establishment",
	"Foundation",
	"Company",
	"Other",
)

#: attachment field -> PdN Document Type it provides (names of the shipped reference list)
ATTACHMENT_DOCUMENT_TYPES = {
	"prefecture_receipt": "Récépissé de déclaration en préfecture",
	"siret_certificate": "Avis de situation au répertoire SIRENE",
	"statutes": "Statuts",
	"bank_details": "Relevé d'identité bancaire (RIB)",
}
#: attachments only an association can provide
ASSOCIATION_ONLY_ATTACHMENTS = frozenset({"prefecture_receipt"})

CANDIDATE_FIELDS = (
	"candidate_first_name",
	"candidate_last_name",
	"candidate_job_title",
	"profession",
	"candidate_workplace",
	"candidate_phone",
	"candidate_email",
)
STRUCTURE_FIELDS = (
	"structure_name",
	"convention_name",
	"structure_type",
	"legal_status",
	"siret",
	"address_line1",
	"address_line2",
	"postcode",
	"city",
	"structure_phone",
	"structure_email",
	"legal_representative",
	"legal_representative_title",
	"legal_representative_email",
)
ENGAGEMENT_FIELDS = (
	"weekly_hours",
	"mission",
	"networks",
	"network_other",
	"network_other_text",
	"public_12_17",
	"public_18_25",
	"public_parents",
	"public_other",
	"public_other_text",
)
TEXT_FIELDS = ("structure_project", "candidate_experience", "intervention_mode", "additional_information")
CHARTER_FIELDS = ("charter_ack_candidate", "charter_ack_representative")
ATTACHMENT_FIELDS = tuple(ATTACHMENT_DOCUMENT_TYPES)
HONEYPOT_FIELD = "website_url"
CHECK_FIELDS = (
	"network_other",
	"public_12_17",
	"public_18_25",
	"public_parents",
	"public_other",
	*CHARTER_FIELDS,
)

#: every field the applicant fills in (the public form and the correction link); nothing else is taken
APPLICANT_FIELDS = (
	"department",
	"application_call",
	*CANDIDATE_FIELDS,
	*STRUCTURE_FIELDS,
	*ENGAGEMENT_FIELDS,
	*TEXT_FIELDS,
	*CHARTER_FIELDS,
)
#: fields the applicant cannot change through the correction link
FIXED_ON_CORRECTION = ("department", "application_call")

REQUIRED_FIELDS = (
	"department",
	"candidate_first_name",
	"candidate_last_name",
	"candidate_job_title",
	"candidate_phone",
	"candidate_email",
	"structure_name",
	"legal_status",
	"siret",
	"address_line1",
	"postcode",
	"city",
	"structure_phone",
	"structure_email",
	"legal_representative",
	"weekly_hours",
	"mission",
	"structure_project",
	"candidate_experience",
	"intervention_mode",
)

FORMATS = {
	"candidate_email": validation.normalize_email,
	"structure_email": validation.normalize_email,
	"legal_representative_email": validation.normalize_email,
	"candidate_phone": validation.normalize_phone,
	"structure_phone": validation.normalize_phone,
	"siret": validation.normalize_siret,
	"postcode": validation.normalize_postcode,
}

SHORT_TEXT_MAX = 140
LONG_TEXT_MAX = 5000
LONG_TEXT_FIELDS = frozenset(TEXT_FIELDS)


@dataclass(frozen=True)
class FieldError:
	"""One problem with one field of the form; ``code`` is stable, ``value`` is shown to the user."""

	fieldname: str
	code: str
	value: str = ""


def _text(value: object) -> str:
	return "" if value is None else str(value).strip()


def _checked(value: object) -> bool:
	return str(value).strip().lower() in ("1", "true", "yes", "on")


def clean_application(values: Mapping) -> tuple[dict, list[FieldError]]:
	"""Normalize the applicant's answers and list every problem at once.

	Returns (cleaned values, errors). Cleaned values hold stripped texts, normalized e-mails, phones,
	SIRET and postcode, 0/1 for check boxes, and the list of network names. Link values (department,
	call, profession, structure type, networks) are only checked for presence here.
	"""
	cleaned: dict = {}
	errors: list[FieldError] = []

	for fieldname in APPLICANT_FIELDS:
		if fieldname == "networks":
			cleaned["networks"] = network_names(values.get("networks"))
		elif fieldname in CHECK_FIELDS:
			cleaned[fieldname] = 1 if _checked(values.get(fieldname)) else 0
		else:
			cleaned[fieldname] = _text(values.get(fieldname))

	for fieldname in REQUIRED_FIELDS:
		if not cleaned.get(fieldname):
			errors.append(FieldError(fieldname, "required"))

	for fieldname, normalize in FORMATS.items():
		value = cleaned.get(fieldname)
		if not value:
			continue
		try:
			cleaned[fieldname] = normalize(value)
		except DomainValidationError as error:
			errors.append(FieldError(fieldname, error.code, value))

	for fieldname, value in cleaned.items():
		if isinstance(value, str):
			limit = LONG_TEXT_MAX if fieldname in LONG_TEXT_FIELDS else SHORT_TEXT_MAX
			if len(value) > limit:
				errors.append(FieldError(fieldname, "too_long", str(limit)))

	if cleaned["weekly_hours"] and cleaned["weekly_hours"] not in WEEKLY_HOURS:
		errors.append(FieldError("weekly_hours", "invalid_choice", cleaned["weekly_hours"]))
	if cleaned["mission"] and cleaned["mission"] not in MISSIONS:
		errors.append(FieldError("mission", "invalid_choice", cleaned["mission"]))
	if cleaned["legal_status"] and cleaned["legal_status"] not in LEGAL_STATUSES:
		errors.append(FieldError("legal_status", "invalid_choice", cleaned["legal_status"]))

	if not (cleaned["networks"] or cleaned["network_other"]):
		errors.append(FieldError("networks", "no_network"))
	if cleaned["network_other"] and not cleaned["network_other_text"]:
		errors.append(FieldError("network_other_text", "other_text_missing"))
	if not any(cleaned[f] for f in ("public_12_17", "public_18_25", "public_parents", "public_other")):
		errors.append(FieldError("public_12_17", "no_public"))
	if cleaned["public_other"] and not cleaned["public_other_text"]:
		errors.append(FieldError("public_other_text", "other_text_missing"))

	for fieldname in CHARTER_FIELDS:
		if not cleaned[fieldname]:
			errors.append(FieldError(fieldname, "charter_not_acknowledged"))

	postcode, department = cleaned.get("postcode"), cleaned.get("department")
	postcode_ok = not any(e.fieldname == "postcode" for e in errors)
	if postcode and department and postcode_ok:
		try:
			validation.check_postcode_in_department(postcode, department)
		except DomainValidationError as error:
			if error.code == "postcode_department_mismatch":
				errors.append(FieldError("postcode", error.code, postcode))

	return cleaned, errors


def network_names(value: object) -> list[str]:
	"""Network names from a list of names, of rows ({"social_network": ...}) or a comma-separated text."""
	if value in (None, ""):
		return []
	if isinstance(value, str):
		items: Iterable = value.split(",")
	elif isinstance(value, Mapping):
		items = [value]
	else:
		items = value
	names: list[str] = []
	for item in items:
		name = item.get("social_network") if isinstance(item, Mapping) else item
		name = _text(name)
		if name and name not in names:
			names.append(name)
	return names


def required_attachments(required_document_types: Iterable[str], legal_status: str | None) -> list[str]:
	"""Attachment fields the applicant must fill, from the call's list of required documents."""
	wanted = set(required_document_types)
	return [
		fieldname
		for fieldname, document_type in ATTACHMENT_DOCUMENT_TYPES.items()
		if document_type in wanted
		and not (fieldname in ASSOCIATION_ONLY_ATTACHMENTS and legal_status != "Association")
	]


def missing_attachments(
	required_document_types: Iterable[str], legal_status: str | None, provided: Iterable[str]
) -> list[FieldError]:
	provided = set(provided)
	return [
		FieldError(fieldname, "attachment_required")
		for fieldname in required_attachments(required_document_types, legal_status)
		if fieldname not in provided
	]


# --- Attachments -----------------------------------------------------------------------------------------

#: accepted extensions and the bytes such a file starts with
FILE_SIGNATURES = {
	"pdf": (b"%PDF-",),
	"jpg": (b"\xff\xd8\xff",),
	"jpeg": (b"\xff\xd8\xff",),
	"png": (b"\x89PNG\r\n\x1a\n",),
}
ALLOWED_EXTENSIONS = tuple(FILE_SIGNATURES)
_UNSAFE_FILENAME_RE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def file_extension(filename: str | None) -> str:
	name = _text(filename).lower()
	return name.rsplit(".", 1)[1] if "." in name else ""


def safe_filename(filename: str | None) -> str:
	"""The last path component, without characters that have no place in a file name."""
	name = re.split(r"[\\/]", _text(filename))[-1]
	name = _UNSAFE_FILENAME_RE.sub("_", name).strip(" .")
	return name[:120] or "document"


def check_attachment(filename: str | None, content_start: bytes, size: int, max_bytes: int) -> str:
	"""Return the safe file name of an acceptable attachment, else raise.

	Codes: "attachment_empty", "attachment_too_large" (value: size in bytes), "attachment_type"
	(extension not PDF/JPEG/PNG, or content that does not match the extension).
	"""
	name = safe_filename(filename)
	if not size:
		raise DomainValidationError("attachment_empty", name)
	if max_bytes and size > max_bytes:
		raise DomainValidationError("attachment_too_large", str(size))
	signatures = FILE_SIGNATURES.get(file_extension(name))
	if not signatures or not any(content_start.startswith(s) for s in signatures):
		raise DomainValidationError("attachment_type", name)
	return name


_DATA_URL_RE = re.compile(r"^data:(?P<mime>[\w.+/-]*)(?:;[\w=.+-]+)*;base64,(?P<data>.*)$", re.DOTALL)


def decode_data_url(value: str) -> tuple[str, bytes]:
	"""Split the web form's "<file name>,data:<mime>;base64,<data>" into (file name, bytes).

	Raises "attachment_unreadable" when the value is not such a data URL.
	"""
	text = _text(value)
	filename, sep, url = text.partition(",data:")
	match = _DATA_URL_RE.match("data:" + url) if sep else None
	if not match:
		raise DomainValidationError("attachment_unreadable", filename if sep else "")
	try:
		content = base64.b64decode(match.group("data"), validate=False)
	except (binascii.Error, ValueError):
		raise DomainValidationError("attachment_unreadable", filename)
	return filename, content


def is_data_url(value: object) -> bool:
	return isinstance(value, str) and ",data:" in value and ";base64," in value


def max_attachment_bytes(max_mb: object, default_mb: int = 5) -> int:
	try:
		megabytes = float(max_mb) if max_mb not in (None, "") else default_mb
	except (TypeError, ValueError):
		megabytes = default_mb
	return int((megabytes if megabytes > 0 else default_mb) * 1024 * 1024)


# --- Spam guards -----------------------------------------------------------------------------------------


def honeypot_filled(value: object) -> bool:
	"""People never see the honeypot field: any value in it comes from a robot."""
	return bool(_text(value))


# --- One application per person and call ----------------------------------------------------------------

#: an earlier application from the same candidate e-mail, for the same structure (SIRET), in the same call:
#: a guest's second sending is not recorded, the desk flags it
SAME_APPLICATION = "Same candidate and structure"
#: the same candidate e-mail in the same call, for another structure: flagged for the coordination only
SAME_CANDIDATE_OTHER_STRUCTURE = "Same candidate, other structure"
DUPLICATE_KINDS = (SAME_APPLICATION, SAME_CANDIDATE_OTHER_STRUCTURE)
#: a withdrawn application leaves the candidate free to apply again to the same call; a rejected one
#: does not (the steering committee decided on it for this call: the next call is the way back)
DUPLICATE_IGNORED_STATES = frozenset({WITHDRAWN})


@dataclass(frozen=True)
class DuplicateMatch:
	"""An earlier application that a new one repeats: its name and how (one of DUPLICATE_KINDS)."""

	name: str
	kind: str


def _normal_or_none(normalize, value: object) -> str | None:
	try:
		return normalize(value) if value not in (None, "") else None
	except DomainValidationError:
		return None


def duplicate_key(candidate_email: object, siret: object) -> tuple[str | None, str | None]:
	"""The normalized (e-mail, SIRET) two applications are compared on (None where unusable)."""
	return (
		_normal_or_none(validation.normalize_email, _text(candidate_email)),
		_normal_or_none(validation.normalize_siret, _text(siret)),
	)


def find_duplicate(application: Mapping, earlier: Iterable[Mapping]) -> DuplicateMatch | None:
	"""The earlier application ``application`` repeats, if any.

	Two applications match when they are in the same call (and department) and come from the same
	candidate e-mail, compared normalized (case, spaces). The same SIRET makes it the same
	application; another SIRET, the same candidate for another structure (a near duplicate, which
	may be legitimate: a worker shared by two employers). The same SIRET with another e-mail is
	never a duplicate: a structure may present several candidates. Withdrawn applications do not
	count (:data:`DUPLICATE_IGNORED_STATES`). ``earlier`` holds mappings with name, candidate_email,
	siret, application_call, department and workflow_state, oldest first: the oldest match of the
	strongest kind wins.
	"""
	email, siret = duplicate_key(application.get("candidate_email"), application.get("siret"))
	call, department = application.get("application_call"), application.get("department")
	if not email or not call:
		return None
	found: dict[str, str] = {}
	for row in earlier:
		if (
			row.get("name") == application.get("name")
			or row.get("workflow_state") in DUPLICATE_IGNORED_STATES
		):
			continue
		if row.get("application_call") != call or (department and row.get("department") != department):
			continue
		row_email, row_siret = duplicate_key(row.get("candidate_email"), row.get("siret"))
		if row_email != email:
			continue
		kind = SAME_APPLICATION if siret and row_siret == siret else SAME_CANDIDATE_OTHER_STRUCTURE
		found.setdefault(kind, row["name"])
	for kind in DUPLICATE_KINDS:
		if kind in found:
			return DuplicateMatch(found[kind], kind)
	return None


# --- Correction link -------------------------------------------------------------------------------------


def token_digest(token: str) -> str:
	"""What is stored of a correction link's secret: its SHA-256, never the token itself."""
	return hashlib.sha256(_text(token).encode()).hexdigest()


def token_matches(token: str | None, digest: str | None) -> bool:
	if not token or not digest:
		return False
	return hmac.compare_digest(token_digest(token), digest)


# --- Records created by an accepted application ----------------------------------------------------------


def application_title(values: Mapping) -> str:
	person = " ".join(
		p for p in (_text(values.get("candidate_first_name")), _text(values.get("candidate_last_name"))) if p
	)
	structure = _text(values.get("structure_name"))
	return " – ".join(p for p in (person, structure) if p)


def weekly_hours_value(choice: str | None) -> float:
	if choice not in WEEKLY_HOURS:
		raise DomainValidationError("invalid_choice", _text(choice))
	return WEEKLY_HOURS[choice]


def structure_record(application: Mapping) -> dict:
	"""Values of the ``PdN Structure`` an accepted application creates."""
	return {
		"structure_name": _text(application.get("structure_name")),
		"convention_name": _text(application.get("convention_name"))
		or _text(application.get("structure_name")),
		"structure_type": application.get("structure_type") or None,
		"legal_status": application.get("legal_status") or "",
		"department": application.get("department"),
		"siret": application.get("siret"),
		"address_line1": _text(application.get("address_line1")),
		"address_line2": _text(application.get("address_line2")),
		"postcode": application.get("postcode"),
		"city": _text(application.get("city")),
		"phone": application.get("structure_phone"),
		"email": application.get("structure_email"),
		"legal_representative": _text(application.get("legal_representative")),
		"legal_representative_title": _text(application.get("legal_representative_title")),
		"legal_representative_email": application.get("legal_representative_email") or None,
		"status": "Active",
	}


def missing_values(existing: Mapping, proposed: Mapping) -> dict:
	"""The proposed values for fields that are empty on an existing record (nothing is overwritten)."""
	return {
		key: value
		for key, value in proposed.items()
		if value not in (None, "") and existing.get(key) in (None, "") and key != "status"
	}


def promeneur_record(application: Mapping, structure: str, today: object) -> dict:
	"""Values of the ``PdN Promeneur`` an accepted application creates.

	The promeneur starts as a candidate: signing the charter and the structure's convention make
	them active (see the Conventions module).
	"""
	return {
		"first_name": _text(application.get("candidate_first_name")),
		"last_name": _text(application.get("candidate_last_name")),
		"job_title": _text(application.get("candidate_job_title")),
		"profession": application.get("profession") or None,
		"structure": structure,
		"email": application.get("candidate_email"),
		"phone": application.get("candidate_phone"),
		"mission": application.get("mission"),
		"weekly_hours": weekly_hours_value(application.get("weekly_hours")),
		"public_12_17": 1 if application.get("public_12_17") else 0,
		"public_18_25": 1 if application.get("public_18_25") else 0,
		"public_parents": 1 if application.get("public_parents") else 0,
		"public_other": 1 if application.get("public_other") else 0,
		"public_other_text": _text(application.get("public_other_text")),
		"status": "Candidate",
		"candidate_since": str(as_date(today)),
	}


def structure_documents(application: Mapping, known_files: Iterable[str], received_on: object) -> list[dict]:
	"""Supporting-document rows for the structure from the application's attachments not yet filed."""
	known = set(known_files)
	return [
		{
			"document_type": document_type,
			"file": application.get(fieldname),
			"received_on": str(as_date(received_on)),
		}
		for fieldname, document_type in ATTACHMENT_DOCUMENT_TYPES.items()
		if application.get(fieldname) and application.get(fieldname) not in known
	]


def _one_address(value: object) -> str | None:
	try:
		return validation.normalize_email(_text(value))
	except validation.DomainValidationError:
		return None


def notice_recipients(application: Mapping) -> tuple[list[str], list[str]]:
	"""(to, cc): the candidate, then the structure and its legal representative, without repeats.

	Only the application's own addresses, each a single valid address: a value holding anything
	else (a list, a header) is left out rather than trusted.
	"""
	to = [e for e in [_one_address(application.get("candidate_email"))] if e]
	cc: list[str] = []
	for key in ("structure_email", "legal_representative_email"):
		email = _one_address(application.get(key))
		if email and email not in to and email not in cc:
			cc.append(email)
	return to, cc


# --- Follow-up -------------------------------------------------------------------------------------------


def days_between(start: object, end: object) -> int | None:
	first, last = as_date(start), as_date(end)
	if first is None or last is None:
		return None
	return (last - first).days


def follow_up_summary(rows: Iterable[Mapping]) -> dict:
	"""Totals of the follow-up report rows (each with state, count, decision_days_total, decided)."""
	total = received = accepted = rejected = pending = decided = days = 0
	for row in rows:
		count = int(row.get("count") or 0)
		total += count
		state = row.get("state")
		if state == ACCEPTED:
			accepted += count
		elif state == REJECTED:
			rejected += count
		elif state in PENDING_STATES:
			pending += count
		decided += int(row.get("decided") or 0)
		days += float(row.get("decision_days_total") or 0)
	received = total
	return {
		"received": received,
		"pending": pending,
		"accepted": accepted,
		"rejected": rejected,
		"acceptance_rate": round(100 * accepted / (accepted + rejected), 1) if accepted + rejected else None,
		"average_decision_days": round(days / decided, 1) if decided else None,
	}
