"""E-mails to the applicant and the structure, in French, at submission and at each decision.

Texts are built here as plain text; the e-mail template escapes every one of them.
"""

import frappe
from frappe import _
from frappe.utils import format_date, format_time

from pdn_frappe.applications import utils
from pdn_frappe.domain import applications as rules

TEMPLATE = "pdn_frappe/templates/emails/application_notice.html"


def send_acknowledgement(doc) -> None:
	send_notice(doc, "received")


def send_notice(doc, kind: str, token: str | None = None) -> None:
	"""Queue the notice of ``kind`` (received, preselected, returned, accepted, rejected, withdrawn,
	resubmitted) to the candidate, copying the structure and its legal representative."""
	to, cc = rules.notice_recipients(doc.as_dict())
	if not to:
		return
	with utils.in_site_language():
		subject, message = build_notice(doc, kind, token)
		try:
			frappe.sendmail(
				recipients=to,
				cc=cc,
				subject=subject,
				message=message,
				reference_doctype=doc.doctype,
				reference_name=doc.name,
				reply_to=frappe.db.get_value("PdN Department", doc.department, "coordination_email") or None,
			)
		except frappe.OutgoingEmailError:
			# no outgoing e-mail account: the application is kept, the coordination sees why nobody was told
			frappe.clear_last_message()
			doc.add_comment("Info", _("E-mail not sent (no outgoing e-mail account): {0}").format(subject))


def build_notice(doc, kind: str, token: str | None = None) -> tuple[str, str]:
	"""Subject and HTML body of a notice, in the current language."""
	candidate = f"{doc.candidate_first_name or ''} {doc.candidate_last_name or ''}".strip()
	structure = doc.structure_name or ""
	department = utils.department_name(doc.department)
	call = utils.call_title(doc.application_call)
	reference = doc.name
	context = {
		"greeting": _("Hello {0},").format(candidate),
		"paragraphs": [],
		"quote": None,
		"link": None,
		"meetings": [],
		"details": [
			(_("Reference"), reference),
			(_("Candidate"), candidate),
			(_("Structure"), structure),
			(_("Department"), department),
			(_("Call for applications"), call),
		],
		"signature": signature(doc.department),
	}
	paragraphs = context["paragraphs"]

	if kind == "received":
		subject = _("Your application {0} to become a Promeneur du Net has been received")
		paragraphs += [
			_(
				"We have received the application of {0} ({1}) to become a Promeneur du Net, in answer to the call {2}."
			).format(candidate, structure, call),
			_(
				"The coordination of the department {0} will review it, then the steering committee will decide. You will be told by e-mail at each step."
			).format(department),
			_("Please keep the reference {0} for any question about this application.").format(reference),
		]
	elif kind == "preselected":
		subject = _("Your application {0} has been pre-selected")
		paragraphs += [
			_("The coordination of the department has pre-selected the application of {0}.").format(
				candidate
			),
			_("It will be presented to the steering committee, which takes the final decision."),
		]
	elif kind == "returned":
		subject = _("Your application {0}: please complete it")
		paragraphs.append(
			_("The coordination asks you to correct or complete the application of {0}:").format(candidate)
		)
		context["quote"] = doc.correction_request or ""
		if token:
			context["link"] = utils.correction_url(token)
			context["link_label"] = _("Correct my application")
			context["link_help"] = _(
				"This link is personal; do not share it. If the button does not work, copy this address:"
			)
	elif kind == "accepted":
		subject = _("Your application {0} has been accepted")
		paragraphs += [
			_(
				"Good news: the steering committee has accepted {0} ({1}) into the network of the Promeneurs du Net."
			).format(candidate, structure),
			_("A separate e-mail invites {0} to set a password for the network's online space.").format(
				doc.candidate_email or ""
			),
			_("The convention between the structure and the CAF will follow."),
		]
		context["meetings"] = welcome_meetings(doc)
		context["meetings_intro"] = _("You are invited to one of the welcome meetings:")
	elif kind == "rejected":
		subject = _("Your application {0} has not been accepted")
		paragraphs.append(
			_(
				"The steering committee has not accepted the application of {0}, for the following reason:"
			).format(candidate)
		)
		context["quote"] = doc.rejection_reason or ""
		paragraphs.append(
			_(
				"You may contact the coordination of your department to talk about it, and apply again to a later call."
			)
		)
	elif kind == "withdrawn":
		subject = _("Your application {0} has been withdrawn")
		paragraphs.append(
			_(
				"The application of {0} has been withdrawn. Contact the coordination if this is a mistake."
			).format(candidate)
		)
	elif kind == "resubmitted":
		subject = _("Your corrected application {0} has been received")
		paragraphs.append(
			_(
				"We have received the corrections of the application of {0}. The coordination will review it again."
			).format(candidate)
		)
	else:
		raise ValueError(kind)

	return subject.format(reference), frappe.render_template(TEMPLATE, context)


def signature(department: str | None) -> list[str]:
	lines = [_("The coordination of the Promeneurs du Net – {0}").format(utils.department_name(department))]
	email, phone = frappe.db.get_value(
		"PdN Department", department, ["coordination_email", "coordination_phone"]
	) or (
		None,
		None,
	)
	return lines + [value for value in (email, phone) if value]


def welcome_meetings(doc) -> list[str]:
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
	return [meeting_line(r) for r in mine]


def meeting_line(row) -> str:
	when = format_date(row.meeting_date)
	if row.from_time and row.to_time:
		when = _("{0}, from {1} to {2}").format(
			when, format_time(row.from_time, "HH:mm"), format_time(row.to_time, "HH:mm")
		)
	elif row.from_time:
		when = _("{0} at {1}").format(when, format_time(row.from_time, "HH:mm"))
	return f"{when} – {row.place or ''}"
