"""Installation steps: French regional settings, the list of departments, the shipped texts.

The app's entry points (``after_install``, ``after_migrate``); each step lives with its module.
"""

from pdn_frappe.network.setup import configure_for_france, sync_departments


def after_install():
	configure_for_france()
	sync_departments()
	sync_document_templates()
	sync_email_templates()


def after_migrate():
	sync_departments()
	sync_document_templates()
	sync_email_templates()


def sync_document_templates():
	"""The default convention and charter texts (never overwriting an edited or newer version)."""
	from pdn_frappe.conventions.shipped_templates import sync_document_templates

	sync_document_templates()


def sync_email_templates():
	"""The French e-mail texts (never overwriting an administrator's edit)."""
	from pdn_frappe.mail import sync_email_templates

	sync_email_templates()
