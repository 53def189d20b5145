"""The public directory: which promeneurs are listed and what the public sees of them.

Parents and young people check there that a promeneur is who they say they are.
Only what a promeneur agreed to publish is shown: first name, photo, structure,
town, network profiles and online office hours; never a last name, an e-mail
or a phone number.
"""

import re
from dataclasses import dataclass, field
from datetime import time, timedelta

from pdn_frappe.domain.validation import safe_url

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PUBLICS = {
	"12-17": "public_12_17",
	"18-25": "public_18_25",
	"parents": "public_parents",
}
MISSIONS = {
	"youth": ("Youth", "Youth and parenting"),
	"parenting": ("Parenting", "Youth and parenting"),
}
MAX_QUERY_LENGTH = 60
#: a photo is shown only from the site's public files, by a plain path
_PUBLIC_FILE_RE = re.compile(r"/files/[^\x00-\x1f\x7f\"'<>\\`?#]+")


@dataclass(frozen=True)
class DirectoryFilters:
	"""Search criteria of the directory page, cleaned from untrusted query-string values."""

	department: str | None = None
	network: str | None = None
	public: str | None = None
	mission: str | None = None
	query: str | None = None
	page: int = 1

	def as_query_args(self) -> dict[str, str]:
		args = {
			"department": self.department,
			"network": self.network,
			"public": self.public,
			"mission": self.mission,
			"q": self.query,
		}
		return {key: value for key, value in args.items() if value}


def parse_filters(
	args: dict, departments: set[str], networks: set[str], max_page: int = 10_000
) -> DirectoryFilters:
	"""Keep only values the directory knows; anything else is ignored, never an error."""

	def pick(key: str, allowed) -> str | None:
		value = str(args.get(key) or "").strip()
		return value if value in allowed else None

	query = " ".join(str(args.get("q") or "").split())[:MAX_QUERY_LENGTH] or None
	try:
		page = min(max(int(args.get("page") or 1), 1), max_page)
	except (TypeError, ValueError):
		page = 1
	return DirectoryFilters(
		department=pick("department", departments),
		network=pick("network", networks),
		public=pick("public", PUBLICS),
		mission=pick("mission", MISSIONS),
		query=query,
		page=page,
	)


def is_listed(status: str | None, consent: bool | int | None) -> bool:
	"""A promeneur appears only while active and with their consent."""
	return status == "Active" and bool(consent)


def _as_time(value) -> time | None:
	if value is None or value == "":
		return None
	if isinstance(value, time):
		return value
	if isinstance(value, timedelta):
		seconds = int(value.total_seconds()) % 86_400
		return time(seconds // 3600, seconds % 3600 // 60)
	hours, minutes, *_ = (int(part) for part in str(value).split(":"))
	return time(hours, minutes)


def format_time(value) -> str:
	"""French way of writing a time: 14h, 14h30."""
	moment = _as_time(value)
	if moment is None:
		return ""
	return f"{moment.hour}h" if not moment.minute else f"{moment.hour}h{moment.minute:02d}"


def office_hours(rows: list[dict]) -> list[dict]:
	"""Office hours sorted by weekday then start, with French times."""

	def key(row):
		day = row.get("weekday")
		return (
			WEEKDAYS.index(day) if day in WEEKDAYS else len(WEEKDAYS),
			str(_as_time(row.get("from_time"))),
		)

	return [
		{
			"weekday": row.get("weekday"),
			"from": format_time(row.get("from_time")),
			"to": format_time(row.get("to_time")),
		}
		for row in sorted(rows, key=key)
		if row.get("weekday") in WEEKDAYS
	]


def public_file(path: str | None) -> str | None:
	"""A public file of the site (``/files/...``) that may be shown as an image, else None."""
	path = (path or "").strip()
	if _PUBLIC_FILE_RE.fullmatch(path) and "/../" not in path and not path.endswith("/.."):
		return path
	return None


@dataclass
class PublicProfile:
	name: str
	first_name: str
	photo: str | None
	structure: str
	city: str | None
	department: str
	department_name: str
	mission: str
	publics: list[str]
	networks: list[dict] = field(default_factory=list)
	office_hours: list[dict] = field(default_factory=list)


def public_profile(row: dict, networks: list[dict], hours: list[dict]) -> PublicProfile:
	"""What the public may see of one promeneur; ``row`` holds the promeneur and structure columns."""
	publics = [label for label, fieldname in PUBLICS.items() if row.get(fieldname)]
	photo = row.get("photo")
	return PublicProfile(
		name=row["name"],
		first_name=(row.get("first_name") or "").strip(),
		photo=public_file(photo),
		structure=row.get("structure_name") or "",
		city=row.get("city"),
		department=row.get("department") or "",
		department_name=row.get("department_name") or "",
		mission=row.get("mission") or "",
		publics=publics,
		networks=[
			{
				"network": item.get("social_network"),
				"profile_name": item.get("profile_name"),
				"url": safe_url(item.get("profile_url")),
			}
			for item in networks
		],
		office_hours=office_hours(hours),
	)


def page_count(total: int, page_size: int) -> int:
	return max(1, -(-total // max(page_size, 1)))
