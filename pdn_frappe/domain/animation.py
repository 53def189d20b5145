"""Rules of the network's life: trainings, registrations, feedback, the coordinator's log and
quarterly report, and the anonymity of practice notes.

Plain Python: functions take and return plain values (strings, dates, dicts, rows as
``frappe.get_all`` returns them) and raise :class:`AnimationError` with a stable code; the Frappe
layer turns the code into a French message.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pdn_frappe.domain import privacy
from pdn_frappe.domain.errors import DomainError
from pdn_frappe.domain.privacy import plain_text

# ---------------------------------------------------------------- vocabulary (values of Select fields)

TRAINING = "Training"
PRACTICE_EXCHANGE = "Practice exchange"
PRACTICE_ANALYSIS = "Practice analysis"
WELCOME_MEETING = "Welcome meeting"
DEPARTMENTAL_MEETING = "Departmental meeting"
TRAINING_KINDS = (TRAINING, PRACTICE_EXCHANGE, PRACTICE_ANALYSIS, WELCOME_MEETING, DEPARTMENTAL_MEETING)
#: collective times that are meetings of the network rather than trainings
MEETING_KINDS = (PRACTICE_EXCHANGE, PRACTICE_ANALYSIS, WELCOME_MEETING, DEPARTMENTAL_MEETING)

PLANNED = "Planned"
HELD = "Held"
CANCELLED = "Cancelled"
TRAINING_STATUSES = (PLANNED, HELD, CANCELLED)

INVITED = "Invited"
REGISTERED = "Registered"
ATTENDED = "Attended"
EXCUSED = "Excused"
PARTICIPANT_STATUSES = (INVITED, REGISTERED, ATTENDED, EXCUSED)
#: statuses that take a seat of the training's capacity
SEAT_STATUSES = frozenset({REGISTERED, ATTENDED})

# Mission axes of the coordinator (annex 1 of the call for coordination).
AXIS_GROWTH = "Growth and development of the network"
AXIS_ANIMATION = "Network animation"
AXIS_TOOLS = "Tools administration"
AXIS_FUNDING = "Funding"
AXIS_SELF_TRAINING = "Self-training"
MISSION_AXES = (AXIS_GROWTH, AXIS_ANIMATION, AXIS_TOOLS, AXIS_FUNDING, AXIS_SELF_TRAINING)

# Kinds of coordination activity, each with the mission axis it belongs to by default.
INDIVIDUAL_PRESENTATION = "Individual presentation"
COLLECTIVE_PRESENTATION = "Collective presentation"
PUBLIC_WORKSHOP = "Public workshop"
PROSPECTING = "Prospecting"
APPLICATIONS = "Application processing"
ONBOARDING = "Onboarding of a promeneur"
COMMUNICATION = "Communication"
INDIVIDUAL_COACHING = "Individual coaching"
PROMENEUR_EXCHANGE = "Exchange with a promeneur"
MEETING_PREPARATION = "Meeting or training preparation"
STEERING_PREPARATION = "Steering committee preparation"
EVENT = "Departmental or regional event"
EVALUATION = "Evaluation of the promeneurs"
RESOURCE_NETWORK = "Resource people network"
DIRECTORY = "Website and directory administration"
COLLABORATIVE_SPACE = "Collaborative space and social media"
WATCH = "Digital watch"
FUNDING_SEARCH = "Funding search"
SELF_TRAINING = "Self-training"
OTHER = "Other"

ACTIVITY_AXES: dict[str, str | None] = {
	INDIVIDUAL_PRESENTATION: AXIS_GROWTH,
	COLLECTIVE_PRESENTATION: AXIS_GROWTH,
	PUBLIC_WORKSHOP: AXIS_GROWTH,
	PROSPECTING: AXIS_GROWTH,
	APPLICATIONS: AXIS_GROWTH,
	ONBOARDING: AXIS_GROWTH,
	COMMUNICATION: AXIS_GROWTH,
	INDIVIDUAL_COACHING: AXIS_ANIMATION,
	PROMENEUR_EXCHANGE: AXIS_ANIMATION,
	MEETING_PREPARATION: AXIS_ANIMATION,
	STEERING_PREPARATION: AXIS_ANIMATION,
	EVENT: AXIS_ANIMATION,
	EVALUATION: AXIS_ANIMATION,
	RESOURCE_NETWORK: AXIS_ANIMATION,
	DIRECTORY: AXIS_TOOLS,
	COLLABORATIVE_SPACE: AXIS_TOOLS,
	WATCH: AXIS_TOOLS,
	FUNDING_SEARCH: AXIS_FUNDING,
	SELF_TRAINING: AXIS_SELF_TRAINING,
	OTHER: None,
}
ACTIVITY_KINDS = tuple(ACTIVITY_AXES)

#: axis under which the time of the trainings and network meetings (from the calendar) is counted
TRAINING_AXIS = AXIS_ANIMATION


class AnimationError(DomainError):
	"""A rule of the network's life was broken; ``code`` is stable, ``values`` help the message."""

	kind = "animation"


# ---------------------------------------------------------------- trainings


def default_axis(kind: str | None) -> str | None:
	"""Mission axis a kind of coordination activity belongs to (None for "Other")."""
	return ACTIVITY_AXES.get(kind or "")


def check_activity_hours(hours: float | None) -> float:
	"""Hours spent on one activity of the log: more than nothing, at most a day."""
	value = float(hours or 0)
	if not 0 < value <= 24:
		raise AnimationError("invalid_hours", hours)
	return value


def check_training_dates(starts_on: datetime.datetime, ends_on: datetime.datetime) -> None:
	if ends_on <= starts_on:
		raise AnimationError("ends_before_start", starts_on, ends_on)


def session_hours(starts_on: datetime.datetime, ends_on: datetime.datetime) -> float:
	"""Length of a session in hours, for a session held within one day (None spans several days)."""
	return round((ends_on - starts_on).total_seconds() / 3600, 2)


def default_days(starts_on: datetime.datetime, ends_on: datetime.datetime) -> float:
	"""Training days as the activity reports count them: half a day up to 4 hours, else a day.

	A session spread over several calendar days counts one day per calendar day.
	"""
	calendar_days = (ends_on.date() - starts_on.date()).days + 1
	if calendar_days > 1:
		return float(calendar_days)
	return 0.5 if session_hours(starts_on, ends_on) <= 4 else 1.0


def seats_taken(statuses: Iterable[str]) -> int:
	return sum(1 for status in statuses if status in SEAT_STATUSES)


def check_registration(
	*,
	training_status: str,
	registration_open: bool,
	starts_on: datetime.datetime,
	now: datetime.datetime,
	capacity: int | None,
	participants: Mapping[str, str],
	promeneur: str,
) -> None:
	"""Raise unless ``promeneur`` may register now.

	``participants`` maps each promeneur already listed to their status. A capacity of 0 or None
	means no limit. Registered and attended participants take a seat; invited and excused ones do
	not.
	"""
	if training_status == CANCELLED:
		raise AnimationError("training_cancelled")
	if training_status == HELD or starts_on <= now:
		raise AnimationError("training_started", starts_on)
	if not registration_open:
		raise AnimationError("registration_closed")
	if participants.get(promeneur) in SEAT_STATUSES:
		raise AnimationError("already_registered", promeneur)
	if capacity and seats_taken(participants.values()) >= capacity:
		raise AnimationError("training_full", capacity)


def check_unregistration(
	*, training_status: str, starts_on: datetime.datetime, now: datetime.datetime, status: str | None
) -> None:
	if status != REGISTERED:
		raise AnimationError("not_registered")
	if training_status != PLANNED or starts_on <= now:
		raise AnimationError("training_started", starts_on)


def check_feedback(participant_status: str | None) -> None:
	"""Only a promeneur marked as having attended a training may give feedback on it."""
	if participant_status != ATTENDED:
		raise AnimationError("not_an_attendee", participant_status)


def check_capacity(capacity: int | None, statuses: Iterable[str]) -> None:
	"""The coordinator cannot put more people on seats than the training has."""
	taken = seats_taken(statuses)
	if capacity and taken > capacity:
		raise AnimationError("over_capacity", taken, capacity)


def rating_average(ratings: Iterable[float | None]) -> float | None:
	values = [value for value in ratings if value]
	return round(sum(values) / len(values), 3) if values else None


# ---------------------------------------------------------------- calendar attachment (.ics)


@dataclass(frozen=True)
class CalendarEvent:
	uid: str
	starts_on: datetime.datetime
	ends_on: datetime.datetime
	summary: str
	description: str = ""
	location: str = ""
	url: str = ""
	organizer_email: str = ""
	organizer_name: str = ""
	sequence: int = 0
	timezone: str = "Europe/Paris"


def _ics_escape(text: str) -> str:
	return (
		(text or "")
		.replace("\\", "\\\\")
		.replace(";", "\\;")
		.replace(",", "\\,")
		.replace("\r\n", "\\n")
		.replace("\n", "\\n")
	)


def _ics_fold(line: str) -> str:
	"""Fold a content line at 75 octets (RFC 5545 section 3.1), never inside a UTF-8 character."""
	encoded = line.encode("utf-8")
	if len(encoded) <= 75:
		return line
	parts, current, limit = [], b"", 75
	for char in line:
		piece = char.encode("utf-8")
		if len(current) + len(piece) > limit:
			parts.append(current.decode("utf-8"))
			current, limit = b"", 74  # continuation lines start with a space
		current += piece
	parts.append(current.decode("utf-8"))
	return "\r\n ".join(parts)


def _utc(moment: datetime.datetime, timezone: str) -> str:
	"""``moment`` (local wall time of ``timezone`` when naive) as an iCalendar UTC time."""
	if moment.tzinfo is None:
		try:
			from zoneinfo import ZoneInfo

			moment = moment.replace(tzinfo=ZoneInfo(timezone))
		except Exception:  # unknown zone or no tz database: keep a floating local time
			return moment.strftime("%Y%m%dT%H%M%S")
	return moment.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def build_ics(event: CalendarEvent, stamp: datetime.datetime, cancel: bool = False) -> str:
	"""An iCalendar file (RFC 5545) inviting to ``event``, or cancelling it when ``cancel``.

	``stamp`` is the creation time of the message (DTSTAMP). Lines end with CRLF.
	"""
	lines = [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//pdn_frappe//Promeneurs du Net//FR",
		"CALSCALE:GREGORIAN",
		f"METHOD:{'CANCEL' if cancel else 'REQUEST'}",
		"BEGIN:VEVENT",
		f"UID:{event.uid}",
		f"SEQUENCE:{int(event.sequence)}",
		f"DTSTAMP:{_utc(stamp, event.timezone)}",
		f"DTSTART:{_utc(event.starts_on, event.timezone)}",
		f"DTEND:{_utc(event.ends_on, event.timezone)}",
		f"SUMMARY:{_ics_escape(event.summary)}",
	]
	if event.description:
		lines.append(f"DESCRIPTION:{_ics_escape(event.description)}")
	if event.location:
		lines.append(f"LOCATION:{_ics_escape(event.location)}")
	if event.url:
		lines.append(f"URL:{event.url}")
	if event.organizer_email:
		name = f";CN={_ics_escape(event.organizer_name)}" if event.organizer_name else ""
		lines.append(f"ORGANIZER{name}:mailto:{event.organizer_email}")
	lines += [
		f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}",
		"TRANSP:OPAQUE",
		"END:VEVENT",
		"END:VCALENDAR",
	]
	return "\r\n".join(_ics_fold(line) for line in lines) + "\r\n"


# ---------------------------------------------------------------- anonymity of practice notes
# The detector is :mod:`pdn_frappe.domain.privacy`, the one guard of every free text; these
# names stay for the practice notes that call them.


def find_identity_fragments(*texts: str | None) -> list[str]:
	"""Fragments that look like somebody's identity: e-mail addresses, social network profile
	links, @handles and phone numbers, each once; per text, e-mail addresses, then links, then
	handles, then phone numbers, each in the order they appear.

	Practice notes must stay anonymous: a young person may never be recognisable in them. The
	texts are HTML (Text Editor fields). Prefer :func:`privacy.contact_detail_warnings`, which
	names the kinds found and never the fragments.
	"""
	rank = {privacy.EMAIL: 0, privacy.PROFILE_URL: 1, privacy.HANDLE: 2, privacy.PHONE: 3}
	found: list[str] = []
	for text in texts:
		findings = privacy.find_contact_details(text, html=True)
		for finding in sorted(findings, key=lambda f: (rank[f.kind], f.start)):
			fragment = finding.text.strip().rstrip(".,;:!?")
			if fragment and fragment not in found:
				found.append(fragment)
	return found


def unconfirmed_fragments(fragments: Iterable[str], confirmed: Iterable[str]) -> list[str]:
	"""The fragments the author has not yet confirmed to identify no young person."""
	accepted = set(confirmed)
	return [fragment for fragment in fragments if fragment not in accepted]


def split_lines(value: str | None) -> list[str]:
	return [line.strip() for line in (value or "").splitlines() if line.strip()]


# ---------------------------------------------------------------- coordination report


@dataclass
class ReportFigures:
	"""What a coordination report counts over its period, before the coordinator completes it."""

	total_hours: float = 0.0
	logged_hours: float = 0.0
	session_hours: float = 0.0
	time_by_axis: list[dict] = field(default_factory=list)
	tasks: list[dict] = field(default_factory=list)
	themes: list[dict] = field(default_factory=list)
	individual_presentations: int = 0
	collective_presentations: int = 0
	public_workshops: int = 0
	individual_coaching: int = 0
	promeneur_exchanges: int = 0
	trainings: int = 0
	training_days: float = 0.0
	network_meetings: int = 0
	practice_exchanges: int = 0
	welcome_meetings: int = 0
	participants: int = 0
	steering_meetings: int = 0
	questionnaires: int = 0

	def as_dict(self) -> dict:
		return dict(self.__dict__)


def _number(value) -> float:
	return float(value or 0)


def build_report_figures(
	activities: Iterable[Mapping],
	sessions: Iterable[Mapping],
	themes: Iterable[Mapping] = (),
	steering_meetings: int = 0,
	questionnaires: int = 0,
) -> ReportFigures:
	"""Figures of a coordination report from grouped rows.

	``activities``: rows ``{kind, mission_axis, count, hours}`` of the coordinator's log grouped by
	kind and axis. ``sessions``: rows ``{kind, count, hours, days, participants}`` of the trainings
	and network meetings held in the period (cancelled ones excluded), grouped by kind; their hours
	count under :data:`TRAINING_AXIS`. ``themes``: rows ``{theme, count}``.
	"""
	figures = ReportFigures(steering_meetings=int(steering_meetings), questionnaires=int(questionnaires))
	by_axis: dict[str, dict] = {axis: {"hours": 0.0, "count": 0} for axis in MISSION_AXES}
	by_kind: dict[str, dict] = {}
	counters = {
		INDIVIDUAL_PRESENTATION: "individual_presentations",
		COLLECTIVE_PRESENTATION: "collective_presentations",
		PUBLIC_WORKSHOP: "public_workshops",
		INDIVIDUAL_COACHING: "individual_coaching",
		PROMENEUR_EXCHANGE: "promeneur_exchanges",
	}
	for row in activities:
		kind, count, hours = row.get("kind") or OTHER, int(row.get("count") or 0), _number(row.get("hours"))
		axis = row.get("mission_axis") or default_axis(kind) or AXIS_GROWTH
		by_axis.setdefault(axis, {"hours": 0.0, "count": 0})
		by_axis[axis]["hours"] += hours
		by_axis[axis]["count"] += count
		task = by_kind.setdefault(kind, {"kind": kind, "mission_axis": axis, "count": 0, "hours": 0.0})
		task["count"] += count
		task["hours"] += hours
		figures.logged_hours += hours
		if kind in counters:
			setattr(figures, counters[kind], getattr(figures, counters[kind]) + count)

	session_tasks = []
	for row in sessions:
		kind, count, hours = row.get("kind"), int(row.get("count") or 0), _number(row.get("hours"))
		by_axis[TRAINING_AXIS]["hours"] += hours
		by_axis[TRAINING_AXIS]["count"] += count
		figures.session_hours += hours
		figures.participants += int(row.get("participants") or 0)
		if kind == TRAINING:
			figures.trainings += count
			figures.training_days += _number(row.get("days"))
		else:
			figures.network_meetings += count
			if kind in (PRACTICE_EXCHANGE, PRACTICE_ANALYSIS):
				figures.practice_exchanges += count
			elif kind == WELCOME_MEETING:
				figures.welcome_meetings += count
		session_tasks.append({"kind": kind, "mission_axis": TRAINING_AXIS, "count": count, "hours": hours})

	figures.total_hours = round(figures.logged_hours + figures.session_hours, 2)
	figures.logged_hours = round(figures.logged_hours, 2)
	figures.session_hours = round(figures.session_hours, 2)
	figures.training_days = round(figures.training_days, 2)
	for axis, values in by_axis.items():
		share = round(100 * values["hours"] / figures.total_hours, 1) if figures.total_hours else 0.0
		figures.time_by_axis.append(
			{
				"mission_axis": axis,
				"hours": round(values["hours"], 2),
				"count": values["count"],
				"share": share,
			}
		)
	order = {kind: position for position, kind in enumerate(ACTIVITY_KINDS)}
	figures.tasks = sorted(by_kind.values(), key=lambda task: order.get(task["kind"], len(order)))
	for task in figures.tasks:
		task["hours"] = round(task["hours"], 2)
	figures.tasks += sorted(session_tasks, key=lambda task: TRAINING_KINDS.index(task["kind"]))
	totals: dict[str, int] = {}
	for row in themes:
		if row.get("theme"):
			totals[row["theme"]] = totals.get(row["theme"], 0) + int(row.get("count") or 0)
	figures.themes = [
		{"theme": theme, "count": count}
		for theme, count in sorted(totals.items(), key=lambda item: (-item[1], item[0]))
	]
	return figures
