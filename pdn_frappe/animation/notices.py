"""E-mails about a training: invitations (with a calendar file), registration confirmations,
cancellations and feedback requests.

Each is an Email Template record (``PdN Training ...``, sent by :mod:`pdn_frappe.mail`); this
module gathers the training's values and builds its calendar file.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import format_datetime, get_url, get_url_to_form, now_datetime

from pdn_frappe import mail
from pdn_frappe.domain.animation import CalendarEvent, build_ics, plain_text
from pdn_frappe.domain.validation import safe_url

ICS_FILENAME = "formation.ics"


def training_event(training) -> CalendarEvent:
	"""The calendar event of a PdN Training document."""
	location = " — ".join(
		part for part in ((training.place or "").strip(), training.online_link or "") if part
	)
	organizer = frappe.db.get_value("PdN Department", training.department, "coordination_email") or ""
	return CalendarEvent(
		uid=f"{training.name}@{frappe.local.site}",
		starts_on=frappe.utils.get_datetime(training.starts_on),
		ends_on=frappe.utils.get_datetime(training.ends_on),
		summary=training.title,
		description=plain_text(training.description).strip(),
		location=location,
		url=get_url_to_form("PdN Training", training.name),
		organizer_email=organizer,
		organizer_name=_("Promeneurs du Net coordination") if organizer else "",
		sequence=training.calendar_sequence or 0,
		timezone=frappe.utils.get_system_timezone(),
	)


def calendar_attachment(training, cancel: bool = False) -> dict:
	return {
		"fname": ICS_FILENAME,
		"fcontent": build_ics(training_event(training), stamp=now_datetime(), cancel=cancel),
	}


def training_context(training, **values) -> dict:
	"""The values the training's Email Templates write (escaped by :func:`pdn_frappe.mail.render`)."""
	return {
		"title": training.title,
		"starts_on": format_datetime(training.starts_on),
		"ends_on": format_datetime(training.ends_on),
		"place": training.place or "",
		"online_link": training.online_link or "",
		"online_url": safe_url(training.online_link or "") or "",  # a link only when well-formed
		"trainer": training.trainer or "",
		"training_url": get_url_to_form("PdN Training", training.name),
		**values,
	}


def _send(template: str, training, emails: list[str], attachment: dict | None = None, **values) -> None:
	mail.send(
		template,
		sorted(set(emails)),
		training_context(training, **values),
		reply_to=frappe.db.get_value("PdN Department", training.department, "coordination_email"),
		reference_doctype="PdN Training",
		reference_name=training.name,
		attachments=[attachment] if attachment else None,
	)


def send_invitations(training, emails: list[str], update: bool = False) -> None:
	if emails:
		_send("PdN Training Invitation", training, emails, calendar_attachment(training), update=update)


def send_registration_confirmation(training, email: str) -> None:
	_send("PdN Training Registration", training, [email], calendar_attachment(training))


def send_cancellation(training, emails: list[str]) -> None:
	if emails:
		_send("PdN Training Cancelled", training, emails, calendar_attachment(training, cancel=True))


def send_feedback_requests(training, emails: list[str]) -> None:
	if emails:
		url = get_url(f"/app/pdn-training-feedback/new?training={training.name}")
		_send("PdN Training Feedback Request", training, emails, feedback_url=url)
