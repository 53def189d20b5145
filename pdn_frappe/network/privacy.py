"""The Frappe side of the one privacy guard of free texts (:mod:`pdn_frappe.domain.privacy`).

Every free text about young people that promeneurs, coordinators or candidates write (questionnaire
texts, practice notes, training feedback, coordination notes and reports, committee minutes and
decision notes, the descriptive texts of an application) goes through :func:`check_free_texts`
from its controller's ``validate``:

* the fields are read from the document, Text Editor fields as the text they show;
* contact details already present in the stored version of the document (``get_doc_before_save``)
  do not warn again: a text saved before (or confirmed by a practice note's author) stays editable;
* the refusal is a French message naming the field and the kinds found (« un numéro de
  téléphone »...), raised as :class:`pdn_frappe.exceptions.PersonalDataError`: the fragment found
  is never shown, logged or copied into another field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import frappe
from frappe import _

from pdn_frappe import exceptions
from pdn_frappe.domain import privacy

#: field types whose value is HTML: checked as the text they show
HTML_FIELDTYPES = ("Text Editor", "HTML Editor")


@dataclass(frozen=True)
class TextWarning:
	"""Contact details of these kinds in one field (``label`` names it for the user)."""

	fieldname: str
	label: str
	kinds: tuple[str, ...]
	row: int | None = None


def kind_labels() -> dict[str, str]:
	"""French names of the kinds of contact details, as messages list them."""
	return {
		privacy.EMAIL: _("an e-mail address"),
		privacy.PHONE: _("a phone number"),
		privacy.HANDLE: _("a network handle"),
		privacy.PROFILE_URL: _("a link to a profile"),
	}


def kinds_text(kinds: Iterable[str]) -> str:
	"""« un numéro de téléphone, un pseudonyme... »: never the fragment found."""
	labels = kind_labels()
	return ", ".join(labels[kind] for kind in kinds)


def _texts(meta, values, fieldnames: Iterable[str]) -> dict[str, str]:
	"""Field values as plain text (HTML fields reduced to the text they show)."""
	texts = {}
	for fieldname in fieldnames:
		value = values.get(fieldname)
		if value and meta.get_field(fieldname) and meta.get_field(fieldname).fieldtype in HTML_FIELDTYPES:
			value = privacy.plain_text(value)
		texts[fieldname] = value or ""
	return texts


def _stored(doc):
	return None if doc.is_new() else doc.get_doc_before_save()


def field_warnings(meta, values, fieldnames: Iterable[str], stored=None) -> list[TextWarning]:
	"""Contact details in ``values`` (a document or a dict) that ``stored`` did not hold already."""
	fieldnames = tuple(fieldnames)
	known = list(_texts(meta, stored, fieldnames).values()) if stored else []
	return [
		TextWarning(warning.field, _(meta.get_label(warning.field)), warning.kinds)
		for warning in privacy.contact_detail_warnings(_texts(meta, values, fieldnames), known_texts=known)
	]


def free_text_warnings(
	doc, fieldnames: Iterable[str], tables: Mapping[str, Iterable[str]] | None = None
) -> list[TextWarning]:
	"""Contact details in ``doc``'s fields (and in ``tables``: table field -> fields of its rows)
	that its stored version did not hold already."""
	before = _stored(doc)
	warnings = field_warnings(doc.meta, doc, fieldnames, before)
	for tablefield, row_fields in (tables or {}).items():
		row_fields = tuple(row_fields)
		child_meta = frappe.get_meta(doc.meta.get_field(tablefield).options)
		table_label = _(doc.meta.get_label(tablefield))
		known = (
			[text for row in before.get(tablefield) for text in _texts(child_meta, row, row_fields).values()]
			if before
			else []
		)
		for row in doc.get(tablefield):
			found = privacy.contact_detail_warnings(_texts(child_meta, row, row_fields), known_texts=known)
			for warning in found:
				label = _("{0} (row {1} of {2})").format(
					_(child_meta.get_label(warning.field)), row.idx, table_label
				)
				warnings.append(TextWarning(warning.field, label, warning.kinds, row.idx))
	return warnings


def stored_kinds(doc, fieldnames: Iterable[str]) -> list[str]:
	"""The kinds of contact details ``doc``'s fields hold (as loaded), in the order of the kinds."""
	kinds = set()
	for warning in privacy.contact_detail_warnings(_texts(doc.meta, doc, fieldnames)):
		kinds.update(warning.kinds)
	return [kind for kind in privacy.KINDS if kind in kinds]


def warning_line(warning: TextWarning, template: str | None = None) -> str:
	"""One French sentence for one field: its label and the kinds found."""
	template = template or _(
		"{0}: never write a young person's contact details or network handle; this text holds {1}. Rewrite it without them."
	)
	return privacy.warning_message(
		privacy.ContactDetailWarning(warning.fieldname, warning.kinds),
		template,
		field_label=warning.label,
		kind_labels=kind_labels(),
	)


def throw_warnings(
	warnings: list[TextWarning],
	*,
	template: str | None = None,
	hint: str | None = None,
	exc: type[Exception] = exceptions.PersonalDataError,
) -> None:
	if not warnings:
		return
	lines = [warning_line(warning, template) for warning in warnings]
	if hint:
		lines.append(hint)
	if len(lines) == 1:
		frappe.throw(lines[0], exc=exc, title=_("Personal data"))
	frappe.throw(lines, exc=exc, title=_("Personal data"), as_list=True)


def check_free_texts(
	doc,
	fieldnames: Iterable[str],
	*,
	tables: Mapping[str, Iterable[str]] | None = None,
	template: str | None = None,
	hint: str | None = None,
	exc: type[Exception] = exceptions.PersonalDataError,
) -> None:
	"""Refuse ``doc`` when a free text holds contact details it did not hold when last saved."""
	throw_warnings(free_text_warnings(doc, fieldnames, tables), template=template, hint=hint, exc=exc)


def check_text(text: str | None, label: str, *, exc: type[Exception] = exceptions.PersonalDataError) -> None:
	"""Refuse one text that is not a document's field yet (a reason typed in a dialog)."""
	warnings = [
		TextWarning(w.field, label, w.kinds) for w in privacy.contact_detail_warnings({"text": text or ""})
	]
	throw_warnings(warnings, exc=exc)
