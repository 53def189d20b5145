"""Factories of the conventions module's integration tests (keyword arguments, sensible defaults)."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe.tests.utils import PdnTestCase, factory, make_structure


class ConventionsTestCase(PdnTestCase):
	"""A :class:`PdnTestCase` whose e-mails land in the Email Queue, with the shipped document templates."""

	OUTGOING_EMAIL = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_document_templates()


def ensure_document_templates() -> None:
	from pdn_frappe.conventions.shipped_templates import sync_document_templates

	sync_document_templates()


def complete_structure(**kwargs):
	"""A structure with everything a convention prints: representative, address, legal status."""
	return make_structure(
		legal_status=kwargs.pop("legal_status", "Association"),
		address_line1=kwargs.pop("address_line1", "12 rue des Écoles"),
		legal_representative=kwargs.pop("legal_representative", "Marie Durand"),
		legal_representative_title=kwargs.pop("legal_representative_title", "Présidente"),
		**kwargs,
	)


@factory
def make_convention(structure=None, years: int = 3, amount: float = 5000, **kwargs):
	"""A draft convention of ``years`` whole years starting on 1 January of this year."""
	structure = structure or complete_structure(department=kwargs.pop("department", "03")).name
	start = getdate(kwargs.pop("start_date", None) or datetime.date(getdate(nowdate()).year, 1, 1))
	end = getdate(kwargs.pop("end_date", None) or datetime.date(start.year + years - 1, 12, 31))
	subsidies = kwargs.pop(
		"subsidies", [{"year": year, "amount": amount} for year in range(start.year, end.year + 1)]
	)
	doc = frappe.get_doc(
		{
			"doctype": "PdN Convention",
			"structure": structure,
			"start_date": start,
			"end_date": end,
			"caf_representative": kwargs.pop("caf_representative", "Paul Martin"),
			"caf_representative_title": kwargs.pop("caf_representative_title", "Directeur"),
			"signature_place": kwargs.pop("signature_place", "Moulins"),
			"subsidies": subsidies,
			**kwargs,
		}
	)
	return doc.insert(ignore_permissions=True)


def attach_file(doc, file_name: str = "signed.pdf", content: bytes = b"%PDF-1.4 signed") -> str:
	"""A private file attached to ``doc``; returns its URL."""
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"content": content,
			"is_private": 1,
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
		}
	).insert(ignore_permissions=True)
	return file.file_url


def sign_convention(convention, signed_on=None):
	"""Send and sign a draft convention (it becomes active when its period has started)."""
	convention.reload()
	convention.mark_sent()
	convention.reload()
	convention.mark_signed(
		signed_on=str(signed_on or min(getdate(nowdate()), getdate(convention.start_date))),
		signed_scan=attach_file(convention),
	)
	convention.reload()
	return convention


@factory
def make_active_convention(structure=None, **kwargs):
	return sign_convention(make_convention(structure=structure, **kwargs))


@factory
def make_charter_signature(promeneur, submit: bool = True, **kwargs):
	doc = frappe.get_doc(
		{
			"doctype": "PdN Charter Signature",
			"promeneur": promeneur,
			"signed_on": kwargs.pop("signed_on", add_days(nowdate(), -1)),
			"place": kwargs.pop("place", "Vichy"),
			**kwargs,
		}
	).insert(ignore_permissions=True)
	if submit:
		doc.signed_scan = attach_file(doc, "charte.pdf")
		doc.submit()
	return doc
