"""Files attached to applications: private, PDF, JPEG or PNG only, within the size limit.

Registered as a ``File`` document event in ``hooks.py``, so that the rule holds whatever the way a
file reaches an application (public form, desk upload, API).
"""

import frappe
from frappe import _
from frappe.utils import cint

from pdn_frappe import errors, exceptions
from pdn_frappe.applications import utils
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain.validation import DomainValidationError
from pdn_frappe.settings import get_settings


def validate_application_file(doc, method=None) -> None:
	if doc.attached_to_doctype != utils.APPLICATION or cint(doc.is_folder):
		return
	config = get_settings()
	if doc.is_remote_file or not cint(doc.is_private):
		frappe.throw(
			_(
				"The attachments of an application are private files: attach the file again without making it public."
			),
			exc=exceptions.InvalidAttachmentError,
			title=_("Attachment refused"),
		)
	try:
		rules.check_attachment(doc.file_name, _head(doc), cint(doc.file_size), config.max_attachment_bytes)
	except DomainValidationError as error:
		field = (
			doc.attached_to_field
			if doc.attached_to_field in rules.ATTACHMENT_FIELDS
			else "section_attachments"
		)
		errors.throw(error, label=utils.field_label(field), max_mb=config.max_attachment_mb)


def _head(doc) -> bytes:
	"""The first bytes of the file, from memory when it is being saved, else from disk."""
	content = getattr(doc, "_content", None)
	if content:
		return (content.encode() if isinstance(content, str) else content)[:16]
	try:
		with open(doc.get_full_path(), "rb") as handle:
			return handle.read(16)
	except OSError:
		return b""
