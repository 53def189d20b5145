"""What an accepted application creates: the structure (matched by SIRET) and the promeneur (matched
by e-mail), with the promeneur's login invitation. Running it again creates nothing more.

Acceptance never reaches outside the application's department: a structure or a promeneur of
another department with the same SIRET or e-mail stops it with a message to the reviewer (it is
never merged), and an account that already exists for the candidate's e-mail is never linked by
itself: the coordination links it from the promeneur's record, where the login is checked.
"""

import frappe
from frappe import _
from frappe.utils import get_link_to_form, nowdate

from pdn_frappe import exceptions, mail
from pdn_frappe.animation import welcome
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain import structure_requests as request_rules
from pdn_frappe.network import access, structure_requests


def create_records(application) -> dict:
	"""Create or link the structure and the promeneur of ``application``, once, and invite the
	promeneur to the next welcome meeting of their department; return their names."""
	values = application.as_dict()
	structure = link_or_create_structure(values)
	promeneur = link_or_create_promeneur(values, structure)
	invite(promeneur)
	welcome.invite_to_next(promeneur, application.department, application.application_call)
	if application.structure != structure or application.promeneur != promeneur:
		application.db_set({"structure": structure, "promeneur": promeneur})
	return {"structure": structure, "promeneur": promeneur}


def link_or_create_structure(values: dict) -> str:
	proposed = rules.structure_record(values)
	name = match_in_department("PdN Structure", {"siret": proposed["siret"]}, values.get("department"))
	if name:
		doc = frappe.get_doc("PdN Structure", name)
		doc.update(rules.missing_values(doc.as_dict(), proposed))
	else:
		doc = frappe.get_doc({"doctype": "PdN Structure", **proposed})
	add_documents(doc, values)
	doc.flags.ignore_permissions = True
	doc.save() if name else doc.insert()
	copy_files_to_structure(doc)
	return doc.name


def match_in_department(doctype: str, filters: dict, department: str) -> str | None:
	"""The record matching ``filters`` in ``department``; a match elsewhere stops the acceptance."""
	match = frappe.db.get_value(doctype, filters, ["name", "department"], as_dict=True)
	if not match:
		return None
	if match.department != department:
		frappe.throw(
			_(
				"{0} {1} already holds this {2} in another department ({3}). It is not merged: its department's coordination must settle it before this application is accepted."
			).format(
				_(doctype),
				get_link_to_form(doctype, match.name)
				if frappe.has_permission(doctype, doc=match.name)
				else "",
				_("SIRET") if "siret" in filters else _("e-mail address"),
				frappe.bold(match.department),
			),
			exc=exceptions.RecordInOtherDepartmentError,
			title=_("Record of another department"),
		)
	return match.name


def add_documents(structure, values: dict) -> None:
	"""File the application's attachments among the structure's supporting documents."""
	known = [row.file for row in structure.documents if row.file]
	for row in rules.structure_documents(values, known, nowdate()):
		structure.append("documents", row)


def copy_files_to_structure(structure) -> None:
	"""Give each supporting document a File record of the structure, so that its managers can open it."""
	for row in structure.documents:
		if not row.file or frappe.db.exists(
			"File",
			{
				"file_url": row.file,
				"attached_to_doctype": structure.doctype,
				"attached_to_name": structure.name,
			},
		):
			continue
		source = frappe.db.get_value(
			"File", {"file_url": row.file}, ["file_name", "is_private"], as_dict=True
		)
		if not source:
			continue
		frappe.get_doc(
			{
				"doctype": "File",
				"file_url": row.file,
				"file_name": source.file_name,
				"is_private": source.is_private,
				"attached_to_doctype": structure.doctype,
				"attached_to_name": structure.name,
				"attached_to_field": "documents",
			}
		).insert(ignore_permissions=True)


def link_or_create_promeneur(values: dict, structure: str) -> str:
	"""The promeneur with the candidate's e-mail, or a new one: a person is never registered twice."""
	email = values.get("candidate_email")
	name = match_in_department("PdN Promeneur", {"email": email}, values.get("department"))
	if name:
		return name
	doc = frappe.get_doc({"doctype": "PdN Promeneur", **rules.promeneur_record(values, structure, nowdate())})
	doc.insert(ignore_permissions=True)
	return doc.name


def invite(promeneur: str) -> str | None:
	"""Create the promeneur's login once and queue Frappe's invitation to set a password.

	The invitation is queued, not sent on the spot, so that the acceptance stays one transaction.
	"""
	doc = frappe.get_doc("PdN Promeneur", promeneur)
	if doc.user:
		return doc.user
	if frappe.db.exists("User", {"email": doc.email}):
		frappe.msgprint(
			_(
				"An account already exists for {0}: it was not linked. Check it, then link it with the Create login button of {1}."
			).format(frappe.bold(doc.email), get_link_to_form("PdN Promeneur", doc.name)),
			title=_("Existing account"),
			indicator="orange",
		)
		return None
	messages = len(frappe.local.message_log)
	doc.user = access.create_promeneur_user(doc, send_welcome_email=False)
	del frappe.local.message_log[messages:]  # "new user has no roles": the role follows just below
	doc.flags.ignore_permissions = True
	doc.save()
	if mail.can_send():  # Frappe's own welcome e-mail (System Settings' welcome template)
		user = frappe.get_doc("User", doc.user)
		user.flags.delay_emails = True
		with mail.in_site_language():
			user.send_welcome_mail_to_user()
	return doc.user


def create_declared_promeneur(request) -> tuple[str, str]:
	"""Applier of a structure's approved "new promeneur" request (``pdn_structure_request_appliers``).

	The promeneur is created as an accepted application creates one (a candidate, with a login
	invitation); a person already registered is never taken over by another structure's request.
	"""
	values = request_rules.new_promeneur_application(request.as_dict(), request.department)
	existing = frappe.db.get_value("PdN Promeneur", {"email": values["candidate_email"]}, "name")
	if existing:
		frappe.throw(
			_(
				"A promeneur with the e-mail {0} is already registered ({1}): ask the coordination to move them instead."
			).format(frappe.bold(values["candidate_email"]), get_link_to_form("PdN Promeneur", existing)),
			exc=exceptions.DuplicatePromeneurError,
			title=_("Duplicate promeneur"),
		)
	promeneur = link_or_create_promeneur(values, request.structure)
	structure_requests.update_commitment(request, promeneur, {"new_weekly_hours": request.new_weekly_hours})
	invite(promeneur)
	name = frappe.db.get_value("PdN Promeneur", promeneur, "full_name")
	return _("{0} is registered as a candidate promeneur ({1}).").format(name, promeneur), promeneur
