"""E-mails to the applicant and the structure, at submission and at each decision.

Each notice is an Email Template record (``PdN Application ...``, sent by :mod:`pdn_frappe.mail`);
this module gathers its recipients and its values. The correction link is only in the e-mail.
"""

import frappe
from frappe import _
from frappe.utils import format_date, format_time

from pdn_frappe import mail
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
	"""The call's welcome meetings for the applicant's department (all of them if none is specific)."""
	if not doc.application_call:
		return []
	rows = frappe.get_all(
		"PdN Welcome Meeting",
		filters={"parenttype": utils.CALL, "parent": doc.application_call},
		fields=["meeting_date", "from_time", "to_time", "place", "department"],
		order_by="meeting_date asc, from_time asc",
	)
	mine = (
		[r for r in rows if r.department == doc.department] or [r for r in rows if not r.department] or rows
	)
	return [
		{
			"day": format_date(row.meeting_date),
			"from_time": format_time(row.from_time, "HH:mm") if row.from_time else "",
			"to_time": format_time(row.to_time, "HH:mm") if row.to_time else "",
			"place": row.place or "",
		}
		for row in mine
	]
