"""Installation steps: French regional settings, the list of departments, the shipped texts.

The app's entry points (``after_install``, ``after_migrate``); each step lives with its module.
"""

from pdn_frappe.network.setup import configure_for_france, sync_departments


def after_install():
	configure_for_france()
	sync_departments()
	sync_document_templates()
	sync_email_templates()
	let_administrators_edit_email_templates()
	ensure_structure_request_workflow()


def after_migrate():
	sync_departments()
	sync_document_templates()
	sync_email_templates()
	let_administrators_edit_email_templates()
	ensure_structure_request_workflow()


def ensure_structure_request_workflow():
	"""The Workflow of the structures' requests (Draft, Submitted, Approved, Refused)."""
	from pdn_frappe.network.structure_requests import ensure_workflow

	ensure_workflow()


def let_administrators_edit_email_templates():
	"""The network's administrators edit the e-mail texts without a deploy (a Custom DocPerm)."""
	import frappe
	from frappe.permissions import add_permission, update_permission_property

	from pdn_frappe.roles import ADMINISTRATOR

	doctype = "Email Template"
	if frappe.db.exists("Custom DocPerm", {"parent": doctype, "role": ADMINISTRATOR, "permlevel": 0}):
		return
	add_permission(doctype, ADMINISTRATOR, 0)
	for ptype in ("write", "create"):
		update_permission_property(doctype, ADMINISTRATOR, 0, ptype, 1, validate=False)
	frappe.clear_cache(doctype=doctype)


def sync_document_templates():
	"""The default convention and charter texts (never overwriting an edited or newer version)."""
	from pdn_frappe.conventions.shipped_templates import sync_document_templates

	sync_document_templates()


def sync_email_templates():
	"""The French e-mail texts (never overwriting an administrator's edit)."""
	from pdn_frappe.mail import sync_email_templates

	sync_email_templates()
