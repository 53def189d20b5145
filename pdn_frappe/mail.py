"""The app's e-mails: one ``Email Template`` record a notice, queued through Frappe's Email Queue.

Two kinds of e-mail, both Frappe's own records:

* a ``Notification`` when a document event sends it (the reopened questionnaire,
  ``evaluation/notification/``): Frappe sends it, administrators read or disable it;
* an ``Email Template`` named ``PdN ...`` for every notice the app computes (recipients, lists,
  links, attachments, scheduled jobs): :func:`send` renders it and queues it.

The templates are French, with Jinja fields, and an administrator edits them in Email Template
without a deploy. The texts the app ships live in ``templates/emails/`` (:data:`MANIFEST`):
:func:`sync_email_templates` (install and migrate) creates a missing record, and updates a record
to a newer shipped text only while nobody has edited it; an administrator's edit is never
overwritten. They are not fixtures: Frappe would write fixtures over the edits at each migrate.

Values are escaped: the body renders with Jinja's autoescape on, so what a user typed (a
structure's name, a rejection reason) never becomes HTML, even in a template an administrator
rewrote. The subject is plain text and takes the values as they are.

:func:`can_send` knows whether an outgoing e-mail account exists. Without one nothing is queued,
the caller records nothing as sent (the next run sends it once there is one), and the Error Log
says why once per job or request.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from pathlib import Path

import frappe
from frappe import _
from frappe.translate import print_language

EMAIL_TEMPLATE = "Email Template"
FOLDER = Path(__file__).parent / "templates" / "emails"
#: the shipped templates: name, subject and body file of each
MANIFEST = FOLDER / "email_templates.json"
#: where the fingerprint of the text last shipped to each template is kept (DefaultValue parent)
SHIPPED = "pdn_email_templates"


def can_send() -> bool:
	"""Whether e-mails can go out: an outgoing account exists and e-mails are not muted.

	Without an account the Error Log says so, once per job or request, and a desk user sees why.
	"""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	if frappe.are_emails_muted():
		return False
	if EmailAccount.find_outgoing():
		return True
	if not frappe.flags.pdn_no_outgoing_account_logged:
		frappe.flags.pdn_no_outgoing_account_logged = True
		frappe.log_error(
			title=_("E-mails not sent: no outgoing e-mail account"),
			message=_("Set up an outgoing account in Email Account: the notices go out from then on."),
		)
		if frappe.session.user != "Guest" and getattr(frappe.local, "request", None):
			frappe.msgprint(
				_("No outgoing e-mail account is set up on this site: the e-mail was not sent."),
				indicator="orange",
				alert=True,
			)
	return False


def send(
	template: str,
	recipients: list[str] | str,
	context: dict,
	*,
	cc: list[str] | None = None,
	reply_to: str | None = None,
	reference_doctype: str | None = None,
	reference_name: str | None = None,
	attachments: list[dict] | None = None,
) -> bool:
	"""Render the Email Template ``template`` with ``context`` and queue it; whether it was queued.

	Nothing is queued without a recipient or without an outgoing account (:func:`can_send`).
	"""
	if isinstance(recipients, str):
		recipients = [recipients]
	recipients = list(dict.fromkeys(address for address in recipients or () if address))
	if not recipients or not can_send():
		return False
	subject, message = render(template, context)
	frappe.sendmail(
		recipients=recipients,
		cc=cc or None,
		subject=subject,
		message=message,
		reply_to=reply_to or None,
		reference_doctype=reference_doctype,
		reference_name=reference_name,
		attachments=attachments or None,
	)
	return True


def render(template: str, context: dict) -> tuple[str, str]:
	"""Subject and HTML body of ``template`` (the record, else its shipped text), in the site's
	language for whatever the template translates (``_()``)."""
	text = frappe.db.get_value(
		EMAIL_TEMPLATE, template, ["subject", "use_html", "response", "response_html"], as_dict=True
	)
	if text:
		subject, body = text.subject, text.response_html if text.use_html else text.response
	else:
		subject, body = shipped_text(template)
	with in_site_language():
		subject = frappe.render_template(subject or "", context)
		body = frappe.render_template("{% autoescape true %}" + (body or "") + "{% endautoescape %}", context)
	return " ".join(subject.split()), body


def site_language() -> str:
	return frappe.db.get_single_value("System Settings", "language") or "fr"


@contextmanager
def in_site_language():
	"""Translate into the site's language (French), whatever the user's or the visitor's."""
	with print_language(site_language()):
		yield


# ------------------------------------------------------------------ shipped templates


def shipped_templates() -> dict[str, tuple[str, str]]:
	"""Name -> (subject, body) of the templates the app ships."""
	rows = json.loads(MANIFEST.read_text(encoding="utf-8"))
	return {row["name"]: (row["subject"], (FOLDER / row["body"]).read_text(encoding="utf-8")) for row in rows}


def shipped_text(template: str) -> tuple[str, str]:
	return shipped_templates()[template]


def fingerprint(subject: str | None, body: str | None) -> str:
	return hashlib.sha256(f"{subject or ''}\0{body or ''}".encode()).hexdigest()


def sync_email_templates() -> list[str]:
	"""Create the shipped templates that are missing, update those nobody edited; return their names.

	The fingerprint of the text last shipped to a template is kept as a default of its own parent
	(not a site-wide default), so that an edit is told apart from an earlier shipped text.
	"""
	changed = []
	for name, (subject, body) in shipped_templates().items():
		shipped = fingerprint(subject, body)
		current = frappe.db.get_value(EMAIL_TEMPLATE, name, ["subject", "response_html", "use_html"])
		if not current:
			template = frappe.new_doc(EMAIL_TEMPLATE)
			template.update({"name": name, "subject": subject, "use_html": 1, "response_html": body})
			template.insert(ignore_permissions=True)
			changed.append(name)
		elif fingerprint(current[0], current[1]) != shipped:
			last_shipped = frappe.db.get_default(name, parent=SHIPPED)
			if not current[2] or fingerprint(current[0], current[1]) != last_shipped:
				continue  # edited by an administrator: theirs stays
			frappe.db.set_value(EMAIL_TEMPLATE, name, {"subject": subject, "response_html": body})
			changed.append(name)
		if frappe.db.get_default(name, parent=SHIPPED) != shipped:
			frappe.db.set_default(name, shipped, parent=SHIPPED)
	return changed
