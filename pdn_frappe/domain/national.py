"""Each promeneur's registration on the national site (promeneursdunet.fr), which the CAF keeps up
to date.

The registration moves by itself with the public directory: a promeneur the directory lists and
the national site does not know is *To register*; a registered promeneur whose details the national
site shows change is *To update*; a registered promeneur the directory no longer lists (left,
excluded, suspended, consent withdrawn, no convention in force) is *To remove*. The coordination
does what is asked on the national site, then marks it done: *Registered* or *Removed*.
Plain data in and out.
"""

from __future__ import annotations

import datetime
import re

from pdn_frappe.domain.errors import DomainError


class NationalRegistrationError(DomainError):
	kind = "national_registration"


# --------------------------------------------------------------------------- values of the Select field

#: never registered, nothing to do (the empty value of the field)
NONE = ""
TO_REGISTER = "To register"
REGISTERED = "Registered"
TO_UPDATE = "To update"
TO_REMOVE = "To remove"
REMOVED = "Removed"
STATUSES = (TO_REGISTER, REGISTERED, TO_UPDATE, TO_REMOVE, REMOVED)
#: the statuses that ask the coordination for something on the national site
PENDING = (TO_REGISTER, TO_UPDATE, TO_REMOVE)
#: the statuses under which the national site shows the promeneur
ON_NATIONAL_SITE = (REGISTERED, TO_UPDATE, TO_REMOVE)

#: the promeneur's fields the national site shows (its directory asks for the name, e-mail, phone,
#: structure and profile names, with the first name and the photo at the very least)
SHOWN_FIELDS = (
	"first_name",
	"last_name",
	"email",
	"phone",
	"photo",
	"profession",
	"job_title",
	"structure",
	"mission",
	"public_12_17",
	"public_18_25",
	"public_parents",
)
#: child tables the national site shows, with the columns compared
SHOWN_TABLES = {
	"network_profiles": ("social_network", "profile_name", "profile_url"),
	"office_hours": ("weekday", "from_time", "to_time"),
}


def next_status(current: str | None, listed: bool, shown_changed: bool = False) -> str:
	"""Where the registration goes, from ``current``, for a promeneur the directory lists (or not)
	and whose shown details changed (or not)."""
	current = current or NONE
	if current not in (NONE, *STATUSES):
		raise NationalRegistrationError("invalid_status", current)
	if current in (NONE, REMOVED):
		return TO_REGISTER if listed else current
	if current == TO_REGISTER:
		return TO_REGISTER if listed else NONE
	if not listed:
		return TO_REMOVE
	if current == TO_REMOVE:
		return TO_UPDATE  # listed again: the entry the national site still holds may be stale
	if current == REGISTERED and shown_changed:
		return TO_UPDATE
	return current


def done(current: str | None) -> str:
	"""The status once the coordination did on the national site what ``current`` asked."""
	if current in (TO_REGISTER, TO_UPDATE):
		return REGISTERED
	if current == TO_REMOVE:
		return REMOVED
	raise NationalRegistrationError("nothing_to_do", current or NONE)


_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")


def _normal(value) -> str:
	"""A value as text, so that what the database and a form hold compare equal (1 and 1.0, a time
	as 9:00:00, 09:00 or a duration)."""
	if value is None:
		return ""
	if isinstance(value, datetime.timedelta):
		minutes = int(value.total_seconds()) // 60
		return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	text = str(value).strip()
	time = _TIME_RE.fullmatch(text)
	if time:
		return f"{int(time.group(1)):02d}:{time.group(2)}"
	return text


def _table_rows(rows, columns) -> list[tuple]:
	return [tuple(_normal(_get(row, column)) for column in columns) for row in rows or ()]


def _get(record, field):
	return record.get(field) if hasattr(record, "get") else getattr(record, field, None)


def shown_details_changed(before, after) -> bool:
	"""Whether a detail the national site shows differs between two versions of a promeneur
	(mappings or documents, child rows included)."""
	if before is None:
		return False
	for field in SHOWN_FIELDS:
		if _normal(_get(before, field)) != _normal(_get(after, field)):
			return True
	for table, columns in SHOWN_TABLES.items():
		if _table_rows(_get(before, table), columns) != _table_rows(_get(after, table), columns):
			return True
	return False
