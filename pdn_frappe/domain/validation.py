"""Pure validation and normalization of identifiers, contact details and working hours.

Each check returns the normalized value or raises DomainValidationError with a short, stable code;
the user-facing (French) message is built by the caller from that code.
"""

from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

from pdn_frappe.domain.departments import department_for_postcode, normalize_code
from pdn_frappe.domain.errors import DomainError


class DomainValidationError(DomainError):
	"""A business rule rejected a value; `code` is a stable machine string such as "invalid_siret"."""

	kind = "validation"


def _as_text(value: object) -> str:
	"""Return value as a string for error reporting and parsing ("" for None)."""
	return "" if value is None else str(value)


# --- SIREN / SIRET ---------------------------------------------------------------------------------------

LA_POSTE_SIREN = "356000000"

_SEPARATORS_RE = re.compile(r"[\s.\-]")
_DIGITS_RE = re.compile(r"[0-9]+")


def luhn_ok(digits: str) -> bool:
	"""Return True when an ASCII digit string passes the Luhn checksum (SIREN, SIRET)."""
	total = 0
	for index, char in enumerate(reversed(digits)):
		digit = int(char)
		if index % 2 == 1:
			digit *= 2
			if digit > 9:
				digit -= 9
		total += digit
	return total % 10 == 0


def luhn_complete(digits: str) -> str:
	"""Append to ``digits`` the check digit that makes the whole string pass :func:`luhn_ok`."""
	return next(digits + check for check in "0123456789" if luhn_ok(digits + check))


def _compact_digits(value: object, length: int) -> str | None:
	"""Strip spaces, dots and dashes; return the digits if exactly `length` ASCII digits remain."""
	if not isinstance(value, str):
		return None
	compact = _SEPARATORS_RE.sub("", value)
	if len(compact) != length or not _DIGITS_RE.fullmatch(compact):
		return None
	return compact


def is_valid_siren(value: str) -> bool:
	"""Return True for a 9-digit SIREN (separators allowed) passing the Luhn check."""
	siren = _compact_digits(value, 9)
	return siren is not None and luhn_ok(siren)


def normalize_siret(value: str) -> str:
	"""Return the 14 digits of a valid SIRET, else raise "invalid_siret".

	The Luhn check applies, except for La Poste establishments (SIREN 356000000) whose digits
	only need to add up to a multiple of 5.
	"""
	siret = _compact_digits(value, 14)
	if siret is None:
		raise DomainValidationError("invalid_siret", _as_text(value))
	if luhn_ok(siret):
		return siret
	if siret.startswith(LA_POSTE_SIREN) and sum(int(char) for char in siret) % 5 == 0:
		return siret
	raise DomainValidationError("invalid_siret", _as_text(value))


# --- E-mail ----------------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(
	r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
	r"@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}",
	re.ASCII,
)


def normalize_email(value: str) -> str:
	"""Return the stripped, lower-cased address if it looks deliverable, else raise "invalid_email"."""
	if not isinstance(value, str):
		raise DomainValidationError("invalid_email", _as_text(value))
	email = value.strip().lower()
	if len(email) > 254 or not _EMAIL_RE.fullmatch(email):
		raise DomainValidationError("invalid_email", _as_text(value))
	return email


# --- Phone -----------------------------------------------------------------------------------------------

# Country codes dialled for French numbers: metropolitan France, then La Réunion and Mayotte,
# Guadeloupe, Guyane and Martinique. In each case the national number is "0" + the 9 digits dialled.
FRENCH_COUNTRY_CODES = ("33", "262", "590", "594", "596")

_PHONE_SEPARATORS_RE = re.compile(r"[\s.\-/]")
_NATIONAL_PHONE_RE = re.compile(r"0[1-9][0-9]{8}")


def normalize_phone(value: str) -> str:
	"""Return a French number in national display form "04 70 12 34 56", else raise "invalid_phone".

	Accepted: national (10 digits, with spaces, dots, dashes or slashes), "+33 4 ...", "+33 (0)4 ...",
	"+33 04 ...", "0033 4 ..." and the overseas country codes +262, +590, +594 and +596.
	"""
	if not isinstance(value, str):
		raise DomainValidationError("invalid_phone", _as_text(value))
	compact = _PHONE_SEPARATORS_RE.sub("", value)
	if compact.startswith("00"):
		compact = "+" + compact[2:]
	national = compact
	if compact.startswith("+"):
		national = ""
		for country_code in FRENCH_COUNTRY_CODES:
			if compact.startswith("+" + country_code):
				rest = compact[1 + len(country_code) :]
				if rest.startswith("(0)"):
					rest = rest[3:]
				elif rest.startswith("0") and len(rest) == 10:
					rest = rest[1:]  # "+33 06 ...": a national 0 kept by mistake
				national = "0" + rest
				break
	if not _NATIONAL_PHONE_RE.fullmatch(national):
		raise DomainValidationError("invalid_phone", _as_text(value))
	return " ".join(national[index : index + 2] for index in range(0, 10, 2))


# --- Postcode --------------------------------------------------------------------------------------------


def normalize_postcode(value: str) -> str:
	"""Return a 5-digit postcode that belongs to a department, else raise "invalid_postcode"."""
	if not isinstance(value, str):
		raise DomainValidationError("invalid_postcode", _as_text(value))
	postcode = re.sub(r"\s", "", value)
	if department_for_postcode(postcode) is None:
		raise DomainValidationError("invalid_postcode", _as_text(value))
	return postcode


def check_postcode_in_department(postcode: str, department_code: str) -> None:
	"""Raise "postcode_department_mismatch" when the postcode is not in the given department.

	Raises "invalid_postcode" for an unusable postcode and "invalid_department" for an unknown code.
	A few communes have a postcode from a neighbouring department; this check does not know them.
	"""
	normalized = normalize_postcode(postcode)
	code = normalize_code(department_code)
	if code is None:
		raise DomainValidationError("invalid_department", _as_text(department_code))
	if department_for_postcode(normalized) != code:
		raise DomainValidationError("postcode_department_mismatch", normalized)


# --- Weekly hours ----------------------------------------------------------------------------------------

MIN_WEEKLY_HOURS = 2
MAX_WEEKLY_HOURS = 35


def check_weekly_hours(hours: float) -> float:
	"""Return the weekly hours as a float.

	Raises "invalid_weekly_hours" when not a finite number, negative or above 35,
	and "weekly_hours_too_low" when below MIN_WEEKLY_HOURS.
	"""
	if isinstance(hours, bool) or not isinstance(hours, (int, float)) or not math.isfinite(hours):
		raise DomainValidationError("invalid_weekly_hours", _as_text(hours))
	if hours < 0 or hours > MAX_WEEKLY_HOURS:
		raise DomainValidationError("invalid_weekly_hours", _as_text(hours))
	if hours < MIN_WEEKLY_HOURS:
		raise DomainValidationError("weekly_hours_too_low", _as_text(hours))
	return float(hours)


# --- Links -----------------------------------------------------------------------------------------------

LINK_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 2048

#: characters a link written into a page never holds: blanks, quotes, angle brackets, backslashes and
#: control characters (they could end an HTML attribute or fool a browser's URL parser)
_URL_FORBIDDEN_RE = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
_HOST_LABEL_RE = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")


def normalize_url(value: object) -> str:
	"""Return the stripped URL if it may become a link (see :func:`safe_url`), else raise "invalid_url"."""
	url = safe_url(value)
	if url is None:
		raise DomainValidationError("invalid_url", _as_text(value))
	return url


def safe_url(value: object) -> str | None:
	"""Return ``value`` (stripped) when it is a well-formed absolute http(s) URL, else None.

	Only such a value may become a link (``href``, ``src``) on a page, a print or an e-mail:
	``javascript:``, ``data:``, relative or protocol-relative addresses, addresses with credentials
	(``https://bank.example@evil.example``) and anything holding blanks, quotes, angle brackets or
	backslashes are not links. The caller still escapes what it writes.
	"""
	if not isinstance(value, str):
		return None
	url = value.strip()
	if not url or len(url) > MAX_URL_LENGTH or _URL_FORBIDDEN_RE.search(url):
		return None
	try:
		parts = urlsplit(url)
		parts.port  # raises ValueError on a port that is not a number
	except ValueError:
		return None
	if parts.scheme.lower() not in LINK_SCHEMES or "@" in parts.netloc:
		return None
	host = parts.hostname or ""
	if host.startswith("[") or ":" in host:
		return url  # an IPv6 literal, already checked by urlsplit
	labels = host.rstrip(".").split(".")
	if not host or not all(_HOST_LABEL_RE.fullmatch(label) for label in labels):
		return None
	return url
