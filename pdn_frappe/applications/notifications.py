"""E-mails to the applicant and the structure, at submission and at each decision.

Each notice is an Email Template record (``PdN Application ...``, sent by :mod:`pdn_frappe.mail`);
this module gathers its recipients and its values. The correction link is only in the e-mail.
"""

import frappe
from frappe import _
from frappe.utils import format_date, format_time

from pdn_frappe import mail
from pdn_frappe.animation import welcome
from pdn_frappe.applications import utils
from pdn_frappe.domain import applications as rules

#: notice kind (:func:`pdn_frappe.domain.applications.notice_for_transition`) -> Email Template
TEMPLATES = {
	"received": "PdN Application Received",
	"preselected": "PdN Application Pre-selected",
	"returned": "PdN Application Returned",
	"resubmitted": "PdN Application Resubmitted",
	"accepted": "PdN Application Accepted",
	"rejected": "PdN Application Rejected",
	"withdrawn": "PdN Application Withdrawn",
}


def send_acknowledgement(doc) -> bool:
	return send_notice(doc, "received")


def send_notice(doc, kind: str, token: str | None = None) -> bool:
	"""Queue the notice of ``kind`` to the candidate, copying the structure and its legal
	representative; whether it was queued. Without an outgoing account, a comment on the
	application says who was not told."""
	to, cc = rules.notice_recipients(doc.as_dict())
	if not to:
		return False
	template, context = TEMPLATES[kind], notice_context(doc, kind, token)
	if mail.can_send():
		return mail.send(
			template,
			to,
			context,
			cc=cc,
			reply_to=context["coordination_email"],
			reference_doctype=doc.doctype,
			reference_name=doc.name,
		)
	elif not frappe.are_emails_muted():
		subject = mail.render(template, context)[0]
		with mail.in_site_language():
			doc.add_comment("Info", _("E-mail not sent (no outgoing e-mail account): {0}").format(subject))
	return False


def notice_context(doc, kind: str, token: str | None = None) -> dict:
	"""The values the application's Email Templates write (escaped by :func:`pdn_frappe.mail.render`)."""
	email, phone = frappe.db.get_value(
		"PdN Department", doc.department, ["coordination_email", "coordination_phone"]
	) or (None, None)
	return {
		"reference": doc.name,
		"candidate": f"{doc.candidate_first_name or ''} {doc.candidate_last_name or ''}".strip(),
		"candidate_email": doc.candidate_email or "",
		"structure": doc.structure_name or "",
		"department": utils.department_name(doc.department),
		"call": utils.call_title(doc.application_call),
		"coordination_email": email or "",
		"coordination_phone": phone or "",
		"correction_request": doc.correction_request or "",
		"correction_url": utils.correction_url(token) if token and kind == "returned" else "",
		"rejection_reason": doc.rejection_reason or "",
		"meetings": welcome_meetings(doc) if kind == "accepted" else [],
	}


def welcome_meetings(doc) -> list[dict]:
	"""The welcome meetings still to come in the applicant's department: the call's own, else the
	department's next one (trainings of the "Welcome meeting" kind, :mod:`pdn_frappe.animation.welcome`)."""
	if not doc.department:
		return []
	rows = (doc.application_call and welcome.upcoming(doc.department, doc.application_call)) or (
		welcome.upcoming(doc.department)[:1]
	)
	return [
		{
			"day": format_date(row.starts_on),
			"from_time": format_time(row.starts_on, "HH:mm"),
			"to_time": format_time(row.ends_on, "HH:mm") if row.ends_on else "",
			"place": row.place or (_("online") if row.online_link else ""),
		}
		for row in rows
	]
