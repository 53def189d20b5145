"""Personal data is kept only as long as needed: the daily retention job, and the app's side of
Frappe's personal-data requests.

The rules (which records, after which delay, which fields) are :mod:`pdn_frappe.domain.retention`;
this module reads the rows, applies the plan and logs the counts in ``PdN Retention Log``:

* a rejected or withdrawn application is erased with its attachments, its e-mails, comments and
  change history; the committee's decision row stays, turned into an "Other" decision that names
  the application by its number only (its link would be broken, and a decision about an
  application must name one: see :func:`detach_decisions`);
* an accepted application loses its attachments (the structure keeps its own copies of them, filed
  among its supporting documents at acceptance), the candidate's personal fields, and its e-mails,
  comments and change history; its structure, engagement and decision stay;
* a former promeneur is named by their record's number: contact details, photo, network profiles,
  online office hours and the signed charter's scan go, as do the copies of their name and e-mail
  in other records (questionnaires, trainings, charter signatures, practice notes, reminders); the
  records themselves stay, so that the aggregate history still counts. Their login is unlinked and
  disabled unless it still serves another network role or holds other rights.

Each kind runs in one transaction (committed by the scheduler, left to the caller in tests); a
record that fails is rolled back alone, logged in the Error Log by its number, and tried again the
next day. Running the job twice does nothing more: every rule skips what is already done.

A *Personal Data Deletion Request* (Frappe) first redacts the fields the ``user_data_fields`` hook
lists; :func:`after_personal_data_deletion` then finishes the job the same way for the promeneurs
and applications of that person.
"""

from __future__ import annotations

import datetime
import html

import frappe
from frappe import _
from frappe.utils import add_days, add_months, cint, getdate, now_datetime, nowdate
from frappe.utils.global_search import update_global_search

from pdn_frappe import errors, roles
from pdn_frappe.domain import retention as rules
from pdn_frappe.domain.applications import ACCEPTED
from pdn_frappe.domain.lifecycle import ENDED_STATUSES
from pdn_frappe.network import access, lifecycle, scope
from pdn_frappe.settings import get_settings

APPLICATION = "PdN Application"
PROMENEUR = "PdN Promeneur"
CHARTER_SIGNATURE = "PdN Charter Signature"
MEETING_DECISION = "PdN Meeting Decision"
SETTINGS = "PdN Settings"
LOG = "PdN Retention Log"

#: Frappe records that point at a document and may carry its personal data (e-mails sent about
#: it, comments, old values in its change history, notifications, assignments):
#: (doctype, field naming the document's doctype, field naming the document)
TRACES = (
	("Communication", "reference_doctype", "reference_name"),
	("Email Queue", "reference_doctype", "reference_name"),
	("Comment", "reference_doctype", "reference_name"),
	("Version", "ref_doctype", "docname"),
	("Notification Log", "document_type", "document_name"),
	("ToDo", "reference_type", "reference_name"),
	("Workflow Action", "reference_doctype", "reference_name"),
	("Activity Log", "reference_doctype", "reference_name"),
	("View Log", "reference_doctype", "reference_name"),
	("Document Follow", "ref_doctype", "ref_docname"),
	("DocShare", "share_doctype", "share_name"),
)

#: copies of a promeneur's name that are not fetched fields: (doctype, link to the promeneur) ->
#: {field: key of :func:`pdn_frappe.domain.retention.promeneur_anonymised_values`, or None}
WRITTEN_COPIES = {
	("PdN Practice Note", "author_promeneur"): {"author_name": "full_name"},
	("PdN Evaluation Reminder", "promeneur"): {"recipients": None},
}

#: the promeneur's status history (PdN Promeneur Status Change): its rows stay, their free-text
#: reason goes like the record's own ``status_reason``
STATUS_HISTORY = "status_history"

#: the days a delay may end after the same date of the month (31 January + 1 month = 28 February):
#: rows are preselected with this margin, the domain decides exactly
MARGIN_DAYS = 3


# ------------------------------------------------------------------ settings


def settings() -> frappe._dict:
	"""The retention settings of PdN Settings (:func:`pdn_frappe.settings.get_settings`), checked."""
	values = get_settings()
	try:
		return frappe._dict(
			enabled=values.retention_enabled,
			rejected_months=rules.check_months(
				values.retention_rejected_months, rules.DEFAULT_REJECTED_APPLICATION_MONTHS
			),
			accepted_months=rules.check_months(
				values.retention_accepted_months, rules.DEFAULT_ACCEPTED_APPLICATION_MONTHS
			),
			former_promeneur_months=rules.check_months(
				values.retention_former_promeneur_months, rules.DEFAULT_FORMER_PROMENEUR_MONTHS
			),
		)
	except rules.RetentionError as error:
		errors.throw(error, settings=_(SETTINGS))


# ------------------------------------------------------------------ the daily job


def run_daily():
	"""Scheduler entry point (``daily``): today's run, committed kind by kind, unless switched off."""
	if not settings().enabled:
		return None
	return run(commit=True)


def run(today: datetime.date | str | None = None, commit: bool = False):
	"""Erase, strip and anonymise what the retention rules list on ``today``; log and return the counts
	(the ``PdN Retention Log`` record). ``commit``: one transaction per kind (the scheduler)."""
	today = getdate(today or nowdate())
	config = settings()
	plan = rules.plan(
		application_rows(today, config),
		promeneur_rows(today, config),
		today,
		rejected_months=config.rejected_months,
		accepted_months=config.accepted_months,
		former_promeneur_months=config.former_promeneur_months,
	)
	counts = {
		"applications_erased": _run_kind(erase_application, APPLICATION, plan.erase_applications, commit),
		"applications_stripped": _run_kind(strip_application, APPLICATION, plan.strip_applications, commit),
		"promeneurs_anonymised": _run_kind(anonymise_promeneur, PROMENEUR, plan.anonymise_promeneurs, commit),
	}
	log = frappe.get_doc({"doctype": LOG, "run_on": now_datetime(), **counts})
	log.insert(ignore_permissions=True)
	if commit:
		frappe.db.commit()
	return log


def application_rows(today: datetime.date, config) -> list[dict]:
	"""Decided applications whose delay may have passed, with the fields the rules read."""
	erased = frappe.get_all(
		APPLICATION,
		filters={
			"workflow_state": ("in", rules.ERASED_STATES),
			"decided_on": ("<=", _latest_start(today, config.rejected_months)),
		},
		fields=["name", "workflow_state", "decided_on"],
	)
	accepted = frappe.get_all(
		APPLICATION,
		filters={
			"workflow_state": ACCEPTED,
			"decided_on": ("<=", _latest_start(today, config.accepted_months)),
		},
		fields=[
			"name",
			"workflow_state",
			"decided_on",
			"structure",
			"promeneur",
			*rules.APPLICATION_STRIPPED_FIELDS,
		],
	)
	return erased + accepted


def promeneur_rows(today: datetime.date, config) -> list[dict]:
	"""Former promeneurs whose delay may have passed, with the fields that tell whether they are
	anonymised already."""
	return frappe.get_all(
		PROMENEUR,
		filters={
			"status": ("in", ENDED_STATUSES),
			"ended_on": ("<=", _latest_start(today, config.former_promeneur_months)),
		},
		fields=["name", "status", "ended_on", "full_name", *rules.PROMENEUR_CONTACT_FIELDS],
	)


def _latest_start(today: datetime.date, months: int) -> datetime.date:
	return getdate(add_days(add_months(today, -months), MARGIN_DAYS))


def _run_kind(action, doctype: str, names: list[str], commit: bool) -> int:
	"""Apply ``action`` to each record, each in its own savepoint; one commit for the kind."""
	done = 0
	for name in names:
		frappe.db.savepoint("pdn_retention")
		try:
			if action(name):
				done += 1
		except Exception:
			frappe.db.rollback(save_point="pdn_retention")
			frappe.log_error(
				title=_("Retention job: {0} {1} not processed").format(_(doctype), name),
				reference_doctype=doctype,
				reference_name=name,
			)
	if commit:
		frappe.db.commit()
	return done


# ------------------------------------------------------------------ applications


def erase_application(name: str) -> bool:
	"""Erase an application, its attachments and its traces (e-mails, comments, history)."""
	row = frappe.db.get_value(APPLICATION, name, ["name", *rules.APPLICATION_ATTACHMENT_FIELDS], as_dict=True)
	if not row:
		return False
	detach_decisions(name)
	delete_files(APPLICATION, name, _attachments(row))
	# delete_permanently: no copy of the record in Deleted Document
	frappe.delete_doc(APPLICATION, name, ignore_permissions=True, force=True, delete_permanently=True)
	forget_traces(APPLICATION, name)
	return True


def strip_application(name: str) -> bool:
	"""Empty an application's attachments and personal fields; the rest stays for the reports."""
	row = frappe.db.get_value(
		APPLICATION, name, ["name", "structure_name", *rules.APPLICATION_ATTACHMENT_FIELDS], as_dict=True
	)
	if not row:
		return False
	values = rules.application_stripped_values(row)
	# mandatory fields go empty: written straight to the database
	frappe.db.set_value(APPLICATION, name, values)
	_update(MEETING_DECISION, {"application": name}, {"candidate": values[rules.APPLICATION_TITLE_FIELD]})
	delete_files(APPLICATION, name, _attachments(row))
	forget_traces(APPLICATION, name)
	reindex(APPLICATION, name)
	return True


def detach_decisions(name: str) -> None:
	"""The committee's decisions about an application that is erased stay in its minutes, as
	decisions of kind "Other" naming the application by its number only: a decision of kind
	"Application" must link an existing application, and the candidate's name goes with it."""
	_update(
		MEETING_DECISION,
		{"application": name},
		{
			"kind": "Other",
			"application": None,
			"candidate": None,
			"subject": _("Application {0}, erased at the end of its retention period").format(name),
		},
	)


def _attachments(row) -> list[str]:
	return [row.get(fieldname) for fieldname in rules.APPLICATION_ATTACHMENT_FIELDS if row.get(fieldname)]


def _holds_personal_data(application: str) -> bool:
	row = frappe.db.get_value(APPLICATION, application, list(rules.APPLICATION_STRIPPED_FIELDS), as_dict=True)
	return bool(row) and any(row.values())


# ------------------------------------------------------------------ former promeneurs


def anonymise_promeneur(name: str, login: bool = True) -> bool:
	"""Leave a promeneur's record named by its number, with nothing personal; the history stays.

	``login``: release the linked login (:func:`release_login`); a deletion request has disabled
	and renamed it already."""
	row = frappe.db.get_value(
		PROMENEUR,
		name,
		["name", "first_name", "last_name", "full_name", "email", "phone", "photo", "user"],
		as_dict=True,
	)
	if not row:
		return False
	values = rules.promeneur_anonymised_values(name)
	meta = frappe.get_meta(PROMENEUR)
	for table in rules.PROMENEUR_TABLES:
		frappe.db.delete(
			meta.get_field(table).options, {"parenttype": PROMENEUR, "parent": name, "parentfield": table}
		)
	# the status history stays (dates, statuses, authors), without the reasons written about the person
	if meta.has_field(STATUS_HISTORY):
		_update(
			meta.get_field(STATUS_HISTORY).options,
			{"parenttype": PROMENEUR, "parent": name, "parentfield": STATUS_HISTORY},
			{"reason": None},
		)
	# mandatory fields (names, e-mail) go empty: written straight to the database
	frappe.db.set_value(PROMENEUR, name, {**values, "user": None})
	anonymise_copies(row, values)
	if login:
		release_login(row.user)
	delete_files(PROMENEUR, name, [row.photo])
	for application in frappe.get_all(APPLICATION, filters={"promeneur": name}, pluck="name"):
		if _holds_personal_data(application):
			strip_application(application)
	forget_traces(PROMENEUR, name)
	reindex(PROMENEUR, name)
	return True


def anonymise_copies(row, values: dict) -> None:
	"""The promeneur's name and contact details copied into other records, replaced.

	Fetched fields are found from the metadata (a field fetched through a link to PdN Promeneur
	from one of the personal fields); the others are listed in :data:`WRITTEN_COPIES`. The charter
	signatures besides lose their signed scan, and their signatory row and frozen text name the
	promeneur by number.
	"""
	name = row.name
	for link in frappe.get_all(
		"DocField",
		filters={"fieldtype": "Link", "options": PROMENEUR, "parent": ("!=", PROMENEUR)},
		fields=["parent", "fieldname"],
	):
		meta = frappe.get_meta(link.parent)
		if meta.issingle or meta.is_virtual:
			continue
		changes = {}
		for df in meta.fields:
			source_link, _dot, source_field = (df.fetch_from or "").partition(".")
			if source_link == link.fieldname and source_field in values:
				changes[df.fieldname] = values[source_field]
		for (doctype, fieldname), written in WRITTEN_COPIES.items():
			if (doctype, fieldname) == (link.parent, link.fieldname):
				changes.update({field: values.get(key) if key else None for field, key in written.items()})
		if changes:
			_update(link.parent, {link.fieldname: name}, changes)
			if not meta.istable and meta.get_global_search_fields():
				for record in frappe.get_all(link.parent, filters={link.fieldname: name}, pluck="name"):
					reindex(link.parent, record)
	_anonymise_charter_signatures(row, values)


def _anonymise_charter_signatures(row, values: dict) -> None:
	signatures = frappe.get_all(
		CHARTER_SIGNATURE,
		filters={"promeneur": row.name},
		fields=["name", "signed_scan", "rendered_snapshot"],
	)
	for signature in signatures:
		_update(
			"PdN Charter Signatory",
			{"parenttype": CHARTER_SIGNATURE, "parent": signature.name, "party": "Promeneur"},
			{"signatory_name": values["full_name"], "signatory_title": None},
		)
		changes = {"signed_scan": None}
		if signature.rendered_snapshot:
			changes["rendered_snapshot"] = scrub(signature.rendered_snapshot, row, values["full_name"])
		frappe.db.set_value(CHARTER_SIGNATURE, signature.name, changes)
		delete_files(CHARTER_SIGNATURE, signature.name, [signature.signed_scan], attached_only_to_field=True)


def scrub(text: str, row, replacement: str) -> str:
	"""``text`` without the promeneur's names (replaced by ``replacement``) and contact details."""
	names = {row.full_name, f"{row.first_name or ''} {row.last_name or ''}".strip()}
	contacts = {row.email, row.phone}
	for value, new in [*((n, replacement) for n in names), *((c, "") for c in contacts)]:
		if value and len(value) >= 3:
			for form in {value, html.escape(value), html.escape(value, quote=False)}:
				text = text.replace(form, new)
	return text


def release_login(user: str | None) -> None:
	"""After its promeneur was unlinked: the login keeps only the roles the registry still justifies,
	and is disabled unless it serves another network role or holds other rights."""
	if not user or user in access.SKIPPED_USERS or not frappe.db.exists("User", user):
		return
	access.sync_user(user)
	if not cint(frappe.db.get_value("User", user, "enabled")):
		return
	if scope.registry_reasons(user).network_roles():
		return
	if set(frappe.get_roles(user)) - set(roles.BASIC_ROLES) - set(roles.NETWORK_ROLES):
		return
	lifecycle.set_login_enabled(user, False)


# ------------------------------------------------------------------ shared steps


def delete_files(doctype: str, name: str, urls=(), attached_only_to_field: bool = False) -> int:
	"""Delete the File records attached to a record, and those of ``urls`` attached to nothing else.

	A file attached to another record (the structure's copy of an application's attachment) stays;
	the content on disk goes with the last File record that uses it (Frappe's rule).
	``attached_only_to_field``: only the files of ``urls`` (a charter signature keeps its other
	attachments).
	"""
	urls = [url for url in urls if url]
	files = set()
	if not attached_only_to_field:
		files.update(
			frappe.get_all(
				"File", filters={"attached_to_doctype": doctype, "attached_to_name": name}, pluck="name"
			)
		)
	if urls:
		for file in frappe.get_all(
			"File",
			filters={"file_url": ("in", urls), "is_folder": 0},
			fields=["name", "attached_to_doctype", "attached_to_name"],
		):
			if not file.attached_to_doctype or (
				file.attached_to_doctype == doctype and file.attached_to_name == name
			):
				files.add(file.name)
	for file in sorted(files):
		frappe.delete_doc("File", file, ignore_permissions=True, force=True, delete_permanently=True)
	return len(files)


def forget_traces(doctype: str, name: str) -> None:
	"""Delete the e-mails, comments, change history and notifications about a record (:data:`TRACES`)."""
	for trace, doctype_field, name_field in TRACES:
		records = frappe.get_all(trace, filters={doctype_field: doctype, name_field: name}, pluck="name")
		if records:
			_delete_records(trace, records)
	frappe.db.delete("Communication Link", {"link_doctype": doctype, "link_name": name})
	if frappe.db.exists(doctype, name):
		frappe.db.set_value(doctype, name, "_comments", None, update_modified=False)


def _delete_records(doctype: str, names: list[str]) -> None:
	"""Delete records with their child rows and attached files, without copies in Deleted Document."""
	for name in names:
		delete_files(doctype, name)
	for table in frappe.get_meta(doctype).get_table_fields():
		frappe.db.delete(table.options, {"parenttype": doctype, "parent": ("in", names)})
	frappe.db.delete(doctype, {"name": ("in", names)})


def reindex(doctype: str, name: str) -> None:
	"""The global search holds copies of the record's searchable fields: refresh them."""
	frappe.db.delete("__global_search", {"doctype": doctype, "name": name})
	if frappe.get_meta(doctype).get_global_search_fields() and frappe.db.exists(doctype, name):
		update_global_search(frappe.get_doc(doctype, name))


def _update(doctype: str, filters: dict, values: dict) -> None:
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.update(table)
	for fieldname, value in values.items():
		query = query.set(table[fieldname], value)
	for fieldname, value in filters.items():
		query = query.where(table[fieldname] == value)
	query.run()


# ------------------------------------------------------------------ personal-data requests


def after_personal_data_deletion(doc, method=None) -> None:
	"""Doc event of *Personal Data Deletion Request*: once Frappe has redacted what the
	``user_data_fields`` hook lists (the e-mail fields now hold the request's anonymous address,
	and the login was renamed to it), anonymise that person's promeneur records as the retention
	job does, and strip (erase, when rejected or withdrawn) their applications."""
	if doc.status != "Deleted":
		return
	anonymous = doc.name
	promeneurs = set(frappe.get_all(PROMENEUR, filters={"email": anonymous}, pluck="name"))
	promeneurs.update(frappe.get_all(PROMENEUR, filters={"user": anonymous}, pluck="name"))
	for name in sorted(promeneurs):
		anonymise_promeneur(name, login=False)
	for application in frappe.get_all(
		APPLICATION, filters={"candidate_email": anonymous}, fields=["name", "workflow_state"]
	):
		if application.workflow_state in rules.ERASED_STATES:
			erase_application(application.name)
		else:
			strip_application(application.name)
