"""E-mails of the network's life: training invitations (with a calendar file), confirmations,
cancellations, feedback requests, coordination-report and address-book reminders.

Every message goes through ``frappe.sendmail`` (the Email Queue), in the language of the site.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import escape_html, format_datetime, get_url, get_url_to_form, now_datetime

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


def _training_summary(training) -> str:
	lines = [
		_("When: {0} to {1}").format(format_datetime(training.starts_on), format_datetime(training.ends_on)),
	]
	if training.place:
		lines.append(_("Where: {0}").format(escape_html(training.place)))
	if training.online_link:
		lines.append(_("Online: {0}").format(link_or_text(training.online_link)))
	if training.trainer:
		lines.append(_("With: {0}").format(escape_html(training.trainer)))
	return "<br>".join(lines)


def link_or_text(url: str) -> str:
	"""A link when ``url`` is a well-formed http(s) address, else the value as escaped text."""
	checked = safe_url(url)
	if not checked:
		return escape_html(url or "")
	return '<a href="{0}">{0}</a>'.format(escape_html(checked))


def _link(training) -> str:
	return '<a href="{}">{}</a>'.format(get_url_to_form("PdN Training", training.name), _("See the training"))


def send_invitations(training, emails: list[str], update: bool = False) -> None:
	if not emails:
		return
	subject = (_("Updated: {0}") if update else _("Invitation: {0}")).format(training.title)
	message = "<p>{}</p><p>{}</p><p>{}</p><p>{}</p>".format(
		_("You are invited to a collective time of the Promeneurs du Net network: {0}.").format(
			frappe.bold(escape_html(training.title))
		),
		_training_summary(training),
		_("Register from the training's page; the calendar file is attached."),
		_link(training),
	)
	_send(training, emails, subject, message, calendar_attachment(training))


def send_registration_confirmation(training, email: str) -> None:
	message = "<p>{}</p><p>{}</p><p>{}</p>".format(
		_("Your registration for {0} is recorded.").format(frappe.bold(escape_html(training.title))),
		_training_summary(training),
		_link(training),
	)
	_send(
		training,
		[email],
		_("Registration confirmed: {0}").format(training.title),
		message,
		calendar_attachment(training),
	)


def send_cancellation(training, emails: list[str]) -> None:
	if not emails:
		return
	message = "<p>{}</p><p>{}</p>".format(
		_("The collective time {0} is cancelled.").format(frappe.bold(escape_html(training.title))),
		_training_summary(training),
	)
	_send(
		training,
		emails,
		_("Cancelled: {0}").format(training.title),
		message,
		calendar_attachment(training, cancel=True),
	)


def send_feedback_requests(training, emails: list[str]) -> None:
	if not emails:
		return
	url = get_url(f"/app/pdn-training-feedback/new?training={training.name}")
	message = '<p>{}</p><p><a href="{}">{}</a></p>'.format(
		_("Thank you for attending {0}. Your opinion helps the coordination plan the next ones.").format(
			frappe.bold(escape_html(training.title))
		),
		url,
		_("Give your feedback"),
	)
	_send(training, emails, _("Your feedback on {0}").format(training.title), message)


def can_send() -> bool:
	"""Whether the site has an outgoing e-mail account (without one, sending would fail)."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	if frappe.are_emails_muted():
		return False
	if EmailAccount.find_outgoing():
		return True
	frappe.msgprint(
		_("No outgoing e-mail account is set up on this site: the e-mail was not sent."),
		indicator="orange",
		alert=True,
	)
	return False


def _send(training, emails, subject, message, attachment=None) -> None:
	if not can_send():
		return
	reply_to = frappe.db.get_value("PdN Department", training.department, "coordination_email")
	frappe.sendmail(
		recipients=sorted(set(emails)),
		subject=subject,
		message=message,
		attachments=[attachment] if attachment else None,
		reference_doctype="PdN Training",
		reference_name=training.name,
		reply_to=reply_to or None,
	)


def send_to_users(
	users: list[str], subject: str, message: str, doctype: str, name: str | None = None
) -> None:
	if not users or not can_send():
		return
	frappe.sendmail(
		recipients=sorted(set(users)),
		subject=subject,
		message=message,
		reference_doctype=doctype,
		reference_name=name,
	)
