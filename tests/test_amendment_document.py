"""The shipped amendment text (conventions/default_templates/amendment.txt), rendered without Frappe."""

from __future__ import annotations

import datetime
import io
from types import SimpleNamespace

import docx
import pytest

from pdn_frappe.domain import documents as d
from tests.test_documents import convention_context
from tests.test_hostile_rendering import (
	HOSTILE,
	assert_harmless,
	assert_shown_as_text,
	hostile_document_context,
	printed_document,
	render,
	shipped,
)


def amendment_context(**changes) -> dict:
	"""What pdn_frappe.conventions.documents.amendment_context gives a draft amendment."""
	context = convention_context()
	context.update(
		{
			"amendment": {
				"number": 2,
				"reference": "PDN-AVT-2026-0002",
				"effective_date": datetime.date(2026, 9, 1),
				"reason": "Un deuxième promeneur rejoint la démarche",
			},
			"convention": {"reference": "PDN-CONV-2026-0001", "signed_on": datetime.date(2025, 12, 15)},
			"changes": {
				"subsidies": [
					{"year": 2026, "amount": 6500, "previous": 5000},
					{"year": 2028, "amount": None, "previous": 5400.5},
				],
				"end": datetime.date(2027, 12, 31),
				"previous_end": datetime.date(2028, 12, 31),
				"representatives": [
					{"role": "Représentant de la Caf", "name": "Claire Roux", "title": "Directrice"}
				],
			},
			"period": {
				"start": datetime.date(2026, 1, 1),
				"end": datetime.date(2027, 12, 31),
				"years": [2026, 2027],
				"duration": 2,
			},
			"subsidies": [{"year": 2026, "amount": 6500}, {"year": 2027, "amount": 5200}],
			"subsidy_total": 11700,
			"signature": {"place": "Moulins", "date": datetime.date(2026, 8, 20)},
		}
	)
	context.update(changes)
	return context


def test_every_merge_field_of_the_shipped_amendment_is_resolved():
	document = d.render_document(shipped("amendment"), amendment_context())
	text = document.plain_text()
	assert document.title == "Avenant n° 2 à la convention « Promeneurs du Net »"
	assert "PDN-CONV-2026-0001, signée le 15 décembre 2025" in text
	assert "2026 | 5\xa0000,00\xa0€ | 6\xa0500,00\xa0€" in text
	assert "2028 | 5\xa0400,50\xa0€ | supprimé" in text
	assert "prend fin le 31 décembre 2027" in text
	assert "Représentant de la Caf : Claire Roux, Directrice" in text
	assert "Total | 11\xa0700,00\xa0€" in text
	assert "prend effet le 1er septembre 2026" in text


def test_only_what_changes_is_listed():
	context = amendment_context()
	context["changes"] = {
		"subsidies": None,
		"end": datetime.date(2029, 12, 31),
		"previous_end": datetime.date(2028, 12, 31),
		"representatives": None,
	}
	text = d.render_document(shipped("amendment"), context).plain_text()
	assert "prend fin le 31 décembre 2029" in text
	assert "Montant antérieur" not in text
	assert "Représentants des parties" not in text


def test_a_draft_has_no_number_yet():
	context = amendment_context()
	context["amendment"]["number"] = None
	assert (
		d.render_document(shipped("amendment"), context).title
		== "Avenant à la convention « Promeneurs du Net »"
	)


def test_missing_reason_is_named():
	context = amendment_context()
	context["amendment"]["reason"] = ""
	with pytest.raises(d.MissingMergeFieldsError) as caught:
		d.render_document(shipped("amendment"), context)
	assert "amendment.reason" in caught.value.paths


def hostile_amendment_context() -> dict:
	context = hostile_document_context()
	context.update(
		{
			"amendment": {
				"number": 1,
				"reference": HOSTILE,
				"effective_date": datetime.date(2026, 9, 1),
				"reason": HOSTILE,
			},
			"convention": {"reference": HOSTILE, "signed_on": datetime.date(2025, 12, 15)},
			"changes": {
				"subsidies": [{"year": 2026, "amount": 6500, "previous": 5000}],
				"end": datetime.date(2027, 12, 31),
				"previous_end": datetime.date(2028, 12, 31),
				"representatives": [{"role": HOSTILE, "name": HOSTILE, "title": HOSTILE}],
			},
		}
	)
	return context


def test_the_amendment_print_format_escapes_every_merged_value():
	rendered = d.render_document(shipped("amendment"), hostile_amendment_context())
	printed = {
		**printed_document(shipped("convention")),
		"html": d.to_html(rendered),
		"title": rendered.title,
	}
	output = render(
		"conventions/print_format/pdn_convention_amendment/pdn_convention_amendment.html",
		{"doc": SimpleNamespace(name="PDN-AVT-0001")},
		pdn_print_document=lambda doc: printed,
	)
	page = assert_harmless(output, allowed_data_images=True)
	assert_shown_as_text(page, times=3)


def test_the_amendment_docx_is_built_with_its_tables():
	content = d.to_docx(d.render_document(shipped("amendment"), amendment_context()))
	word = docx.Document(io.BytesIO(content))
	cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
	assert "Nouveau montant" in cells
	assert "6\xa0500,00\xa0€" in cells
	hostile = d.to_docx(d.render_document(shipped("amendment"), hostile_amendment_context()))
	assert hostile[:2] == b"PK"
