"""Document templates: merge fields, markup, HTML and DOCX (pdn_frappe.domain.documents), no Frappe."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import docx
import pytest

from pdn_frappe.domain import documents as d

TEMPLATES = Path(__file__).resolve().parent.parent / "pdn_frappe" / "conventions" / "default_templates"


def shipped(name: str) -> d.DocumentTemplate:
	return d.template_from_record(
		d.parse_template_source((TEMPLATES / f"{name}.txt").read_text(encoding="utf-8"))
	)


def convention_context(**changes) -> dict:
	context = {
		"convention": {"reference": "PDN-CONV-2026-0001", "status": "Brouillon"},
		"structure": {
			"name": "Centre social Les Ailes",
			"legal_status": "Association",
			"address": "12 rue de Paris\n03200 Vichy",
			"siret": "12345678900011",
			"representative": {"name": "Marie Durand", "title": "Présidente"},
		},
		"caf": {
			"name": "Caf de l'Allier",
			"address": "1 rue Gambetta, 03000 Moulins",
			"representative": {"name": "Paul Martin", "title": "Directeur"},
		},
		"msa": None,
		"department": {"code": "03", "name": "Allier", "of_name": "de l'Allier"},
		"period": {
			"start": datetime.date(2026, 1, 1),
			"end": datetime.date(2028, 12, 31),
			"years": [2026, 2027, 2028],
			"duration": 3,
		},
		"subsidies": [
			{"year": 2026, "amount": 5000},
			{"year": 2027, "amount": 5200},
			{"year": 2028, "amount": 5400.5},
		],
		"subsidy_total": 15600.5,
		"promeneurs": [{"full_name": "Camille Morel", "job": "Animatrice", "weekly_hours": 3.0}],
		"checklist": [{"document": "Statuts"}, {"document": "Relevé d'identité bancaire (RIB)"}],
		"yearly_documents": [{"document": "Attestation de service fait", "due": "31 décembre de l'année"}],
		"previous": None,
		"signature": {"place": None, "date": None},
		"coordination": {"structure": "Centre social de coordination", "email": "coordination@example.fr"},
		"today": datetime.date(2026, 1, 5),
	}
	context.update(changes)
	return context


def charter_context(**changes) -> dict:
	context = convention_context()
	context.update(
		{
			"promeneur": {"full_name": "Camille Morel", "first_name": "Camille", "job": "Animatrice"},
			"signature": {"place": "Vichy", "date": datetime.date(2026, 2, 3)},
			"signatories": [
				{"party": "Promeneur", "name": "Camille Morel", "title": "Animatrice"},
				{"party": "Structure", "name": "Marie Durand", "title": "Présidente"},
			],
		}
	)
	context.update(changes)
	return context


def read_docx(content: bytes):
	return docx.Document(io.BytesIO(content))


# --------------------------------------------------------------------------- merge fields


def test_every_merge_field_of_the_shipped_convention_is_resolved():
	document = d.render_document(shipped("convention"), convention_context())
	text = document.plain_text()
	assert "{{" not in text and "{%" not in text
	assert "Centre social Les Ailes" in text
	assert "12 rue de Paris, 03200 Vichy" in text, "multi-line values are flattened"
	assert "1er janvier 2026" in text and "31 décembre 2028" in text
	assert "5 400,50 €" in text.replace("\u00a0", " ")
	assert "Camille Morel, Animatrice (3 h de présence en ligne par semaine)" in text
	assert "MSA" not in text, "the optional MSA is left out"
	titles = [section.title for section in document.sections]
	for expected in (
		"Préambule",
		"Objet",
		"Objectifs",
		"Engagements de la structure",
		"Engagements de la Caf",
		"Subvention",
		"Pièces justificatives",
		"Évaluation",
		"Communication",
		"Contrôle",
		"Révision",
		"Résiliation",
		"Recours",
		"Durée",
		"Signatures",
	):
		assert any(expected in title for title in titles), expected


def test_the_msa_appears_when_it_co_signs():
	context = convention_context(
		msa={"name": "MSA Auvergne", "representative": {"name": "Jean Roux", "title": "Directeur"}}
	)
	text = d.render_document(shipped("convention"), context).plain_text()
	assert "MSA Auvergne" in text
	assert "Article 4 – Engagements de la Caf et de la MSA" in text
	assert "trois exemplaires" in text


def test_every_merge_field_of_the_shipped_charter_is_resolved():
	text = d.render_document(shipped("charter"), charter_context()).plain_text()
	assert "Je soussigné(e), Camille Morel, Animatrice au sein de Centre social Les Ailes" in text
	assert "Fait à Vichy, le 3 février 2026." in text
	assert "Centre social de coordination (coordination@example.fr)" in text


def test_missing_data_names_every_missing_field():
	context = convention_context()
	context["structure"]["representative"] = {"name": "Marie Durand", "title": ""}
	context["caf"]["representative"] = {}
	context["subsidies"] = [{"year": 2026, "amount": 5000}, {"year": 2027, "amount": None}]
	with pytest.raises(d.MissingMergeFieldsError) as caught:
		d.render_document(shipped("convention"), context)
	assert set(caught.value.paths) == {
		"structure.representative.title",
		"caf.representative.name",
		"caf.representative.title",
		"subsidies[2].amount",
	}


def test_a_missing_list_is_reported():
	with pytest.raises(d.MissingMergeFieldsError) as caught:
		d.render_document(shipped("convention"), convention_context(subsidies=None, subsidy_total=None))
	assert "subsidies" in caught.value.paths and "subsidy_total" in caught.value.paths


def test_optional_values_use_default_or_defined():
	template = d.DocumentTemplate(
		title="T",
		sections=(
			d.SectionTemplate(
				"S", "Fait à {{ signature.place | default('….') }}{% if msa is defined %} MSA{% endif %}"
			),
		),
	)
	assert d.render_document(template, {"signature": {}}).sections[0].text == "Fait à …."


def test_unknown_merge_field_is_missing_and_a_syntax_error_names_its_section():
	template = d.DocumentTemplate(title="{{ structure.nom }}", sections=())
	with pytest.raises(d.MissingMergeFieldsError) as caught:
		d.render_document(template, {"structure": {"name": "X"}})
	assert caught.value.paths == ("structure.nom",)
	broken = d.DocumentTemplate(title="T", sections=(d.SectionTemplate("Article 3", "{% for x in %}"),))
	with pytest.raises(d.TemplateSyntaxProblem) as error:
		d.render_document(broken, {})
	assert error.value.section == "Article 3"
	with pytest.raises(d.TemplateSyntaxProblem):
		d.check_template(broken)


def test_templates_are_sandboxed():
	template = d.DocumentTemplate(title="{{ ''.__class__.__mro__ }}", sections=())
	with pytest.raises(d.TemplateSyntaxProblem):
		d.render_document(template, {})


def test_values_never_inject_markup():
	template = d.DocumentTemplate(title="T", sections=(d.SectionTemplate("S", "| {{ a }} | b |"),))
	document = d.render_document(template, {"a": "x | *y*"})
	(table,) = document.sections[0].blocks
	assert [d.line_text(cell) for cell in table.rows[0]] == ["x | *y*", "b"]


def test_filters():
	assert d.format_date_long(datetime.date(2026, 3, 15)) == "15 mars 2026"
	assert d.format_date_long("2026-01-01") == "1er janvier 2026"
	assert d.format_date_short(datetime.date(2026, 3, 5)) == "05/03/2026"
	assert d.format_money(12500).replace("\u00a0", " ") == "12 500,00 €"


# --------------------------------------------------------------------------- markup and HTML


def test_markup_blocks():
	blocks = d.parse_markup(
		"### Titre\nUne ligne\nsuite **gras** et *italique*\n\n- un\n- deux\n\n1. premier\n\n| A | B |\n|---|---|\n| 1 | 2 |"
	)
	heading, paragraph, bullets, numbered, table = blocks
	assert isinstance(heading, d.Heading) and d.line_text(heading.line) == "Titre"
	assert len(paragraph.lines) == 2
	assert d.Run("gras", bold=True) in paragraph.lines[1]
	assert d.Run("italique", italic=True) in paragraph.lines[1]
	assert not bullets.ordered and [d.line_text(item) for item in bullets.items] == ["un", "deux"]
	assert numbered.ordered
	assert table.header and [[d.line_text(c) for c in row] for row in table.rows] == [["A", "B"], ["1", "2"]]


def test_html_escapes_text_and_marks_signature_tables():
	document = d.render_document(shipped("convention"), convention_context())
	html = d.to_html(document)
	assert "Caf de l&#x27;Allier" in html
	assert '<table class="pdn-table pdn-signatures">' in html
	assert html.count("<section") == len(document.sections)
	assert "<script" not in d.to_html(
		d.render_document(d.DocumentTemplate(title="{{ x }}", sections=()), {"x": "<script>"})
	)


def test_tag_lines_leave_no_blank_line():
	assert d.drop_tag_lines("a\n{% if x %}\nb{% endif %}\nc") == "a\n{% if x %}b{% endif %}\nc"


def test_snapshot_round_trip():
	document = d.render_document(shipped("convention"), convention_context())
	assert d.from_snapshot(d.snapshot(document)) == document


def test_shipped_templates_are_valid_and_fingerprinted():
	for name in ("convention", "charter"):
		record = d.parse_template_source((TEMPLATES / f"{name}.txt").read_text(encoding="utf-8"))
		assert record["shipped_key"].startswith(f"{name}-v")
		assert record["document_kind"] in ("Convention", "Charter")
		d.check_template(d.template_from_record(record))
		assert d.fingerprint(record) == d.fingerprint(dict(record))
		edited = dict(record, sections=[dict(record["sections"][0], body="autre"), *record["sections"][1:]])
		assert d.fingerprint(edited) != d.fingerprint(record)
		assert record["sections"][-1]["section_style"] == d.SECTION_SIGNATURES


# --------------------------------------------------------------------------- DOCX


def test_convention_docx_content():
	document = d.render_document(shipped("convention"), convention_context())
	word = read_docx(d.to_docx(document, d.DocxOptions(header_text="Caf de l'Allier", draft_label="Projet")))
	paragraphs = [p.text for p in word.paragraphs]
	text = "\n".join(paragraphs)
	assert paragraphs[0] == "Convention de partenariat et de financement « Promeneurs du Net »"
	assert "Centre social Les Ailes, association" in text
	assert "représentée par Marie Durand, en qualité de Présidente," in text
	assert "Article 5 – Subvention et modalités de versement" in paragraphs
	headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
	assert headings[0] == "Entre les soussignés" and headings[-1] == "Signatures"
	bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
	assert "Statuts" in bullets
	subsidy = next(t for t in word.tables if t.rows[0].cells[0].text == "Année")
	rows = [[c.text.replace("\u00a0", " ") for c in row.cells] for row in subsidy.rows]
	assert rows == [
		["Année", "Montant"],
		["2026", "5 000,00 €"],
		["2027", "5 200,00 €"],
		["2028", "5 400,50 €"],
		["Total", "15 600,50 €"],
	]
	assert subsidy.rows[0].cells[0].paragraphs[0].runs[0].bold
	signatures = word.tables[-1]
	assert [c.text for c in signatures.rows[0].cells] == ["Pour la structure porteuse", "Pour la Caf"]
	assert [c.text for c in signatures.rows[1].cells] == [
		"Marie Durand, Présidente",
		"Paul Martin, Directeur",
	]
	assert signatures.rows[1].height is not None, "room to sign"
	header = word.sections[0].header.paragraphs[0].text
	assert "Caf de l'Allier" in header and "Projet" in header
	footer_xml = word.sections[0].footer.paragraphs[0]._p.xml
	assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
	assert word.core_properties.language == "fr-FR"
	assert abs(word.sections[0].page_width.cm - 21) < 0.01


def test_charter_docx_signature_table():
	word = read_docx(d.to_docx(d.render_document(shipped("charter"), charter_context())))
	rows = [[c.text for c in row.cells] for row in word.tables[-1].rows]
	assert rows == [
		["Signataire", "Qualité", "Signature"],
		["Camille Morel", "Animatrice", ""],
		["Marie Durand", "Présidente", ""],
	]


def test_docx_accepts_a_logo_and_ignores_a_broken_one():
	png = tiny_png()
	document = d.render_document(d.DocumentTemplate(title="T", sections=()), {})
	word = read_docx(d.to_docx(document, d.DocxOptions(logo=png)))
	assert re.search("pic:pic", word.sections[0].header._element.xml)
	read_docx(d.to_docx(document, d.DocxOptions(logo=b"not an image")))


def tiny_png() -> bytes:
	"""A valid 2x2 PNG, built here."""
	import struct
	import zlib

	def chunk(kind: bytes, data: bytes) -> bytes:
		return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

	raw = b"".join(b"\x00" + b"\x00\x66\xcc" * 2 for _ in range(2))
	return (
		b"\x89PNG\r\n\x1a\n"
		+ chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
		+ chunk(b"IDAT", zlib.compress(raw))
		+ chunk(b"IEND", b"")
	)
