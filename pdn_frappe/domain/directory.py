"""The public directory: which promeneurs are listed and what the public sees of them.

Parents and young people check there that a promeneur is who they say they are.
Only what a promeneur agreed to publish is shown: first name, photo, profession,
mission, structure, town, network profiles and online office hours; never a last
name, nor the promeneur's own e-mail or phone number. So that a parent can call
someone, the structure's own phone and website are shown.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import time, timedelta
from urllib.parse import quote, urlencode

from pdn_frappe.domain.lifecycle import ACTIVE
from pdn_frappe.domain.validation import DomainValidationError, normalize_email, normalize_phone, safe_url

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
	profession: str = ""
	parenting: bool = False
	#: the structure's switchboard (display, ``tel:`` link) and website: never the promeneur's own
	structure_phone: tuple[str, str] | None = None
	structure_website: str | None = None


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
		profession=(row.get("profession") or row.get("job_title") or "").strip(),
		parenting=has_parenting_mission(row.get("mission")),
		structure_phone=public_phone(row.get("structure_phone")),
		structure_website=safe_url(row.get("structure_website")),
	)


def page_count(total: int, page_size: int) -> int:
	return max(1, -(-total // max(page_size, 1)))


def page_numbers(current: int, pages: int, around: int = 2) -> list[int | None]:
	"""The page numbers a pager shows: the first, the last and those around the current page;
	None stands for the gap between them ("…"), so that 160 pages do not make 160 links."""
	shown = sorted({1, pages, *range(max(1, current - around), min(pages, current + around) + 1)})
	numbers: list[int | None] = []
	for number in shown:
		if numbers and number - numbers[-1] > 1:
			numbers.append(None)
		numbers.append(number)
	return numbers


# --------------------------------------------------------------------------- what a parent needs

#: missions that carry the "Parentalité" mention in the directory
PARENTING_MISSIONS = MISSIONS["parenting"]


def has_parenting_mission(mission: str | None) -> bool:
	"""Whether the promeneur's mission includes parents (the directory's "Parentalité" mention)."""
	return mission in PARENTING_MISSIONS


def public_phone(value: str | None) -> tuple[str, str] | None:
	"""A structure's phone as (display, ``tel:`` link) when it is a valid French number, else None."""
	try:
		display = normalize_phone(value or "")
	except DomainValidationError:
		return None
	return display, "tel:" + display.replace(" ", "")


def report_link(email: str | None, subject: str, body: str = "") -> str | None:
	"""A ``mailto:`` link to a coordination address with its subject (and body) filled, or None.

	Only a well-formed address becomes a link; the subject and body are percent-encoded, so that
	nothing typed in a profile can add a recipient or a header. The caller still escapes the link.
	"""
	try:
		address = normalize_email(email or "")
	except DomainValidationError:
		return None
	query = {"subject": subject}
	if body:
		query["body"] = body
	return f"mailto:{quote(address, safe='@')}?" + urlencode(query, quote_via=quote)


# --------------------------------------------------------------------------- the directory's pages

DIRECTORY_ROUTE = "promeneurs"
DEPARTMENT_SEGMENT = "departement"
_DEPARTMENT_CODE_RE = re.compile(r"[0-9][0-9AB][0-9]?")
_RECORD_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,139}")


@dataclass(frozen=True)
class DirectoryPage:
	"""One public page of the directory: which template shows it, and what it shows."""

	template: str
	department: str | None = None
	promeneur: str | None = None


def department_route(code: str) -> str:
	return f"{DIRECTORY_ROUTE}/{DEPARTMENT_SEGMENT}/{code}"


def profile_route(name: str) -> str:
	return f"{DIRECTORY_ROUTE}/{name}"


def directory_page(path: str | None) -> DirectoryPage | None:
	"""The directory page at ``path`` (``promeneurs``, ``promeneurs/departement/03``,
	``promeneurs/PDN-PRM-00001``), or None when the path is not one of them."""
	parts = (path or "").strip("/").split("/")
	if parts[0] != DIRECTORY_ROUTE:
		return None
	if len(parts) == 1:
		return DirectoryPage("promeneurs/index")
	if len(parts) == 3 and parts[1] == DEPARTMENT_SEGMENT and _DEPARTMENT_CODE_RE.fullmatch(parts[2]):
		return DirectoryPage("promeneurs/index", department=parts[2])
	if len(parts) == 2 and _RECORD_NAME_RE.fullmatch(parts[1]):
		return DirectoryPage("promeneurs/profile", promeneur=parts[1])
	return None


# --------------------------------------------------------------------------- the charter's identification rule

#: what a network profile name may miss of the charter's identification rule
MISSING_PROFILE_NAME = "profile_name"
MISSING_FIRST_NAME = "first_name"
MISSING_STRUCTURE = "structure"

_STOP_WORDS = frozenset("a au aux d de des du en et l la le les pour sur un une".split())
#: words that say what kind of structure it is, not which one (compared without accents)
_GENERIC_WORDS = _STOP_WORDS | frozenset(
	"""
	association asso centre centres social sociale sociaux socioculturel socioculturelle culture
	culturel maison maisons jeunes jeunesse jeune enfance famille familles foyer club local locale
	mission service services espace point information ville mairie commune communes communaute
	communale intercommunal intercommunale agglomeration departement departemental departementale
	""".split()
)
_TOKEN_RE = re.compile(r"[a-z0-9]+")


def _tokens(text: str | None) -> list[str]:
	plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
	return _TOKEN_RE.findall(plain)


def _contains(haystack: list[str], needle: list[str]) -> bool:
	size = len(needle)
	return bool(size) and any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def _shows_structure(profile: list[str], structure_name: str | None) -> bool:
	words = _tokens(structure_name)
	if not words:
		return True  # nothing to compare with: the rule cannot be checked
	if _contains(profile, words):
		return True
	acronyms = {
		"".join(word[0] for word in words),
		"".join(word[0] for word in words if word not in _STOP_WORDS),
	}
	if any(len(acronym) >= 2 and acronym in profile for acronym in acronyms):
		return True
	distinctive = [word for word in words if word not in _GENERIC_WORDS]
	return bool(distinctive) and all(word in profile for word in distinctive)


def identification_problems(
	first_name: str | None, structure_name: str | None, profile_name: str | None
) -> tuple[str, ...]:
	"""What a network profile name misses of the charter's rule: it shows the promeneur's first name
	and their structure (its name, its acronym, or the words that set it apart from other structures:
	"Julie - CS Les Tilleuls" for "Centre social Les Tilleuls"). Case and accents do not matter."""
	profile = _tokens(profile_name)
	if not profile:
		return (MISSING_PROFILE_NAME,)
	problems = []
	first = _tokens(first_name)
	if first and not _contains(profile, first):
		problems.append(MISSING_FIRST_NAME)
	if not _shows_structure(profile, structure_name):
		problems.append(MISSING_STRUCTURE)
	return tuple(problems)


def identification_warnings(
	first_name: str | None, structure_name: str | None, profiles: list[dict]
) -> list[dict]:
	"""The network profiles (rows with ``social_network`` and ``profile_name``) that break the rule of
	:func:`identification_problems`, with their position (1-based) and what they miss."""
	warnings = []
	for position, row in enumerate(profiles, start=1):
		problems = identification_problems(first_name, structure_name, row.get("profile_name"))
		if problems:
			warnings.append(
				{
					"idx": position,
					"network": row.get("social_network") or "",
					"profile_name": (row.get("profile_name") or "").strip(),
					"missing": problems,
				}
			)
	return warnings


#: why a promeneur does not appear in the directory, checked in this order
NOT_LISTED_STATUS = "status"
NOT_LISTED_CONSENT = "consent"
NOT_LISTED_CONVENTION = "convention"


def not_listed_reason(
	status: str | None, consent: bool | int | None, convention_in_force: bool
) -> str | None:
	"""Why the directory does not show a promeneur (None: it shows them). The rule is
	:func:`pdn_frappe.domain.lifecycle.is_listed`: active, consenting, and a convention in force."""
	if status != ACTIVE:
		return NOT_LISTED_STATUS
	if not consent:
		return NOT_LISTED_CONSENT
	if not convention_in_force:
		return NOT_LISTED_CONVENTION
	return None
