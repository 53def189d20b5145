"""The public application form: guest submission, correction link, spam guards and attachments.

Every way a guest can send an application goes through :func:`submit_application`: the
``candidature`` web form (its script calls it), a plain HTTP POST (JSON or multipart form), and
Frappe's standard web form endpoint, which ``hooks.py`` points here for this form. A submission is
all or nothing: the answers and the attachments are checked before anything is written, and any
error rolls the whole request back.

Spam guards: the honeypot field, checked once by the application itself (``PdNApplication.validate``),
and Frappe's own ``rate_limit`` on the public endpoints, per client address.

One application per person and call: an application with the e-mail, the SIRET and the call of one
already received (:mod:`pdn_frappe.applications.duplicates`) is not recorded again; the guest is
told its reference, which only someone who knows all three learns. The answer says an
acknowledgement was e-mailed only when one was queued.
"""

import json

import frappe
from frappe import _
from frappe.gettext.translate import get_translations_from_mo
from frappe.rate_limiter import rate_limit
from frappe.translate import get_user_translations

from pdn_frappe import exceptions
from pdn_frappe.applications import duplicates, review, utils
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain.validation import DomainValidationError
from pdn_frappe.settings import get_settings

#: requests one address may make to the correction link in a window, against guessing tokens
CORRECTION_ATTEMPTS_PER_WINDOW = 60
CORRECTION_WINDOW_SECONDS = 600
SUBMISSION_WINDOW_SECONDS = 3600


# ------------------------------------------------------------------ spam guards


def check_honeypot(doc) -> None:
	"""The hidden field stays empty for people; a robot that fills it is turned away without details."""
	if rules.honeypot_filled(doc.get(rules.HONEYPOT_FIELD)):
		frappe.throw(
			_("Your application could not be recorded. Please fill in the form again on our website."),
			exc=exceptions.SpamSubmissionError,
			title=_("Application refused"),
		)


def submissions_per_hour() -> int:
	"""Requests one address may send to the form in an hour (PdN Settings, read at each request)."""
	return max(get_settings().guest_rate_limit, 1)


# ------------------------------------------------------------------ input


def parse_form_data(data) -> dict:
	"""The answers as a dict, from a JSON string, a dict, or the request's own form fields."""
	if data in (None, ""):
		values = {
			k: v for k, v in frappe.form_dict.items() if k not in ("cmd", "data", "correction", "token")
		}
	elif isinstance(data, dict):
		values = dict(data)
	else:
		try:
			values = json.loads(data)
		except (TypeError, ValueError):
			values = None
	if not isinstance(values, dict):
		frappe.throw(
			_("The application form could not be read. Please try again."), exc=frappe.ValidationError
		)
	return values


def read_attachments(values: dict) -> tuple[dict, list[rules.FieldError]]:
	"""Attachments sent with the answers, checked: ({fieldname: (file name, content)}, errors).

	A file comes as the web form's data URL ("name.pdf,data:application/pdf;base64,...") or as a
	multipart file field named like the attachment field. Any other value (a file URL) is ignored:
	a visitor never points an application at a file already on the server.
	"""
	max_bytes = get_settings().max_attachment_bytes
	request = getattr(frappe.local, "request", None)
	uploaded = getattr(request, "files", None) or {}
	files, errors = {}, []
	for fieldname in rules.ATTACHMENT_FIELDS:
		value = values.get(fieldname)
		try:
			if fieldname in uploaded and uploaded[fieldname].filename:
				storage = uploaded[fieldname]
				filename, content = storage.filename, storage.stream.read(max_bytes + 1)
			elif rules.is_data_url(value):
				filename, content = rules.decode_data_url(value)
			else:
				continue
			files[fieldname] = (
				rules.check_attachment(filename, content[:16], len(content), max_bytes),
				content,
			)
		except DomainValidationError as error:
			errors.append(rules.FieldError(fieldname, error.code, error.value))
	return files, errors


#: answers that must name a record of a reference list
REFERENCES = {
	"department": "PdN Department",
	"profession": "PdN Profession",
	"structure_type": "PdN Structure Type",
}


def set_answers(doc, values: dict, fields) -> list[rules.FieldError]:
	"""Copy the visitor's answers onto ``doc``; unknown reference values are left out and reported
	(Frappe would otherwise refuse them before the form's own checks, with a technical message)."""
	errors = []
	for fieldname in fields:
		if fieldname not in values:
			continue
		value = values[fieldname]
		if fieldname == "networks":
			known = set(frappe.get_all("PdN Social Network", filters={"enabled": 1}, pluck="name"))
			names = rules.network_names(value)
			errors += [rules.FieldError("networks", "invalid_choice", n) for n in names if n not in known]
			doc.set("networks", [{"social_network": n} for n in names if n in known])
			continue
		if fieldname in REFERENCES and value and not frappe.db.exists(REFERENCES[fieldname], str(value)):
			errors.append(rules.FieldError(fieldname, "invalid_choice", str(value)))
			value = None
		if fieldname == "application_call" and value and not frappe.db.exists(utils.CALL, str(value)):
			value = None  # an unknown call: the open call of the department is chosen instead
		doc.set(fieldname, value)
	doc.set(rules.HONEYPOT_FIELD, values.get(rules.HONEYPOT_FIELD))
	return errors


def attach_files(doc, files: dict) -> None:
	"""Store the attachments as private files of the application, replacing earlier ones."""
	if not files:
		return
	urls = {}
	for fieldname, (filename, content) in files.items():
		file_doc = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": filename,
				"content": content,
				"is_private": 1,
				"attached_to_doctype": utils.APPLICATION,
				"attached_to_name": doc.name,
				"attached_to_field": fieldname,
			}
		).insert(ignore_permissions=True)
		urls[fieldname] = file_doc.file_url
		remove_previous_files(doc, fieldname, keep=file_doc.name)
	doc.db_set(urls)


def remove_previous_files(doc, fieldname: str, keep: str) -> None:
	"""Earlier files of one attachment field (the content on disk stays while another record uses it)."""
	for name in frappe.get_all(
		"File",
		filters={
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"attached_to_field": fieldname,
			"name": ("!=", keep),
		},
		pluck="name",
	):
		frappe.delete_doc("File", name, ignore_permissions=True)


# ------------------------------------------------------------------ endpoints


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=submissions_per_hour, seconds=SUBMISSION_WINDOW_SECONDS)
def submit_application(data: str | dict | None = None, correction: str | None = None) -> dict:
	"""Record an application sent by the public form, or the corrections sent through a private link."""
	utils.use_site_language_for_guests()
	values = parse_form_data(data)
	if correction:
		return resubmit(correction, values)
	files, file_errors = read_attachments(values)

	doc = frappe.new_doc(utils.APPLICATION)
	input_errors = set_answers(doc, values, rules.APPLICANT_FIELDS)
	check_honeypot(doc)
	already = already_received(doc)
	if already:
		return already
	save_with_files(doc, files, input_errors + file_errors)
	if doc.flags.acknowledgement_sent:
		message = _(
			"Thank you. Your application is recorded under the reference {0}. An acknowledgement has been sent to {1}."
		).format(doc.name, doc.candidate_email)
	else:
		message = _(
			"Thank you. Your application is recorded under the reference {0}. No acknowledgement could be e-mailed: please keep this reference."
		).format(doc.name)
	return {
		"name": doc.name,
		"title": doc.title,
		"message": message,
		"acknowledgement_sent": bool(doc.flags.acknowledgement_sent),
	}


def already_received(doc) -> dict | None:
	"""The answer to a second sending of an application already received (same candidate e-mail,
	SIRET and call): its reference only, and a note on it for the coordination. Nothing is recorded."""
	doc.set_application_call()
	match = duplicates.find(doc)
	if not match or match.kind != rules.SAME_APPLICATION:
		return None
	with utils.in_site_language():
		frappe.get_doc(utils.APPLICATION, match.name).add_comment(
			"Info",
			_("The same application was sent again through the public form: it was not recorded twice."),
		)
	return {
		"name": match.name,
		"duplicate": True,
		"acknowledgement_sent": False,
		"message": _(
			"An application from {0} for the structure with SIRET {1} has already been received for this call, under the reference {2}. It was not recorded a second time. To complete or change it, contact the coordination of your department."
		).format(*rules.duplicate_key(doc.candidate_email, doc.siret), match.name),
	}


@frappe.whitelist(allow_guest=True, methods=["POST"])
def accept(web_form: str, data: str | dict, for_payment=None):
	"""Frappe's web form endpoint: the ``candidature`` form is handled here, any other form as usual."""
	if web_form == utils.WEB_FORM:
		return frappe._dict(submit_application(data=data), doctype=utils.APPLICATION)
	from frappe.website.doctype.web_form.web_form import accept as frappe_accept

	return frappe_accept(web_form=web_form, data=data)


@frappe.whitelist(allow_guest=True)
@rate_limit(limit=CORRECTION_ATTEMPTS_PER_WINDOW, seconds=CORRECTION_WINDOW_SECONDS)
def get_correction(token: str) -> dict:
	"""The applicant's own answers, for the private correction link (never the reviewers' notes)."""
	utils.use_site_language_for_guests()
	doc = frappe.get_doc(utils.APPLICATION, application_for_token(token))
	values = {f: doc.get(f) for f in rules.APPLICANT_FIELDS if f != "networks"}
	values["networks"] = [row.social_network for row in doc.networks]
	attachments = {}
	for fieldname in rules.ATTACHMENT_FIELDS:
		if doc.get(fieldname):
			attachments[fieldname] = (
				frappe.db.get_value(
					"File", {"file_url": doc.get(fieldname), "attached_to_name": doc.name}, "file_name"
				)
				or doc.get(fieldname).rsplit("/", 1)[-1]
			)
	return {
		"name": doc.name,
		"values": values,
		"attachments": attachments,
		"correction_request": doc.correction_request,
		"department_name": utils.department_name(doc.department),
		"call_title": utils.call_title(doc.application_call),
	}


def application_for_token(token: str | None) -> str:
	name = None
	if token:
		name = frappe.db.get_value(
			utils.APPLICATION,
			{"correction_token_hash": rules.token_digest(token), "workflow_state": rules.RETURNED},
			"name",
		)
	if not name:
		frappe.throw(
			_(
				"This correction link is not valid any more: the application has already been corrected or its review has moved on. Contact the coordination of your department."
			),
			exc=exceptions.InvalidCorrectionLinkError,
			title=_("Link not valid"),
		)
	return name


def resubmit(token: str, values: dict) -> dict:
	"""Save the corrected answers and send the application back to review."""
	doc = frappe.get_doc(utils.APPLICATION, application_for_token(token))
	files, file_errors = read_attachments(values)
	editable = [f for f in rules.APPLICANT_FIELDS if f not in rules.FIXED_ON_CORRECTION]
	input_errors = set_answers(doc, values, editable)
	save_with_files(doc, files, input_errors + file_errors)
	if review.resubmit(doc):
		message = _(
			"Thank you. Your corrected application {0} is back with the coordination. A confirmation has been sent to {1}."
		).format(doc.name, doc.candidate_email)
	else:
		message = _(
			"Thank you. Your corrected application {0} is back with the coordination. No confirmation could be e-mailed."
		).format(doc.name)
	return {"name": doc.name, "title": doc.title, "message": message}


def save_with_files(doc, files, input_errors: list) -> None:
	"""Insert (or save) an application sent from the web form, then attach its files. The form's
	errors (answers and files) are raised by the validation, all at once, before anything is saved."""
	doc.flags.web_submission = True
	doc.flags.pending_attachments = set(files)
	doc.flags.input_errors = input_errors
	doc.flags.ignore_permissions = True
	if doc.is_new():
		doc.insert()
	else:
		doc.save()
	attach_files(doc, files)


# ------------------------------------------------------------------ form setup


def form_messages(lang: str) -> dict:
	"""The app's translations for the form's script, with the site's own corrections (Translation)."""
	messages = get_translations_from_mo(lang, "pdn_frappe")
	messages.update(get_user_translations(lang) or {})
	return messages


@frappe.whitelist(allow_guest=True)
def get_form_setup() -> dict:
	"""What the public form needs: open calls by department, social networks, attachment limits, texts."""
	utils.use_site_language_for_guests()
	calls = utils.open_calls()
	departments = {}
	for call in calls:
		for department in call.departments:
			departments.setdefault(department, []).append({"name": call.name, "title": call.title})
	names = dict(
		frappe.get_all(
			"PdN Department",
			filters={"name": ("in", list(departments) or [""])},
			fields=["name", "department_name"],
			as_list=True,
		)
	)
	config = get_settings()
	return {
		"departments": [
			{"value": code, "label": f"{code} – {names.get(code, code)}", "calls": departments[code]}
			for code in sorted(departments)
		],
		"networks": frappe.get_all(
			"PdN Social Network", filters={"enabled": 1}, order_by="network_name asc", pluck="name"
		),
		"max_attachment_mb": config.max_attachment_mb,
		"allowed_extensions": [f".{ext}" for ext in rules.ALLOWED_EXTENSIONS],
		"calls_page": utils.CALLS_PAGE,
		"honeypot": rules.HONEYPOT_FIELD,
		"attachment_fields": list(rules.ATTACHMENT_FIELDS),
		"fixed_on_correction": list(rules.FIXED_ON_CORRECTION),
		"messages": form_messages(frappe.local.lang),
	}
