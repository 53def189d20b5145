"""What an accepted application creates: the structure (matched by SIRET) and the promeneur (matched
by e-mail), with the promeneur's login invitation. Running it again creates nothing more."""

import frappe
from frappe.utils import nowdate

from pdn_frappe.applications import utils
from pdn_frappe.domain import applications as rules
from pdn_frappe.network import access


def create_records(application) -> dict:
	"""Create or link the structure and the promeneur of ``application``, once; return their names."""
	values = application.as_dict()
	structure = link_or_create_structure(values)
	promeneur = link_or_create_promeneur(values, structure)
	invite(promeneur)
	if application.structure != structure or application.promeneur != promeneur:
		application.db_set({"structure": structure, "promeneur": promeneur})
	return {"structure": structure, "promeneur": promeneur}


def link_or_create_structure(values: dict) -> str:
	proposed = rules.structure_record(values)
	name = frappe.db.get_value("PdN Structure", {"siret": proposed["siret"]}, "name")
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
	name = frappe.db.get_value("PdN Promeneur", {"email": email}, "name")
	if name:
		return name
	doc = frappe.get_doc({"doctype": "PdN Promeneur", **rules.promeneur_record(values, structure, nowdate())})
	doc.insert(ignore_permissions=True)
	return doc.name


def invite(promeneur: str) -> str:
	"""Create the promeneur's login once and queue Frappe's invitation to set a password.

	The invitation is queued, not sent on the spot, so that the acceptance stays one transaction.
	"""
	doc = frappe.get_doc("PdN Promeneur", promeneur)
	if doc.user:
		return doc.user
	had_login = frappe.db.exists("User", {"email": doc.email})
	messages = len(frappe.local.message_log)
	doc.user = access.create_promeneur_user(doc, send_welcome_email=False)
	del frappe.local.message_log[messages:]  # "new user has no roles": the role follows just below
	doc.flags.ignore_permissions = True
	doc.save()
	if not had_login:
		user = frappe.get_doc("User", doc.user)
		user.flags.delay_emails = True
		with utils.in_site_language():
			try:
				user.send_welcome_mail_to_user()
			except frappe.OutgoingEmailError:
				frappe.clear_last_message()
				user.log_error("Promeneur invitation not sent: no outgoing e-mail account")
	return doc.user
