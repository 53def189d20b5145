"""PDF of conventions and charters through Frappe's own print (wkhtmltopdf), with page numbers.

The print formats put "Page x of y" in a footer that wkhtmltopdf draws when it is built with
patched Qt (the build Frappe recommends). Distribution packages (Debian's wkhtmltopdf) ignore
such footers: the numbers are then stamped on each page afterwards, so that the downloaded PDF
always has them.
"""

from __future__ import annotations

import io
import re
import subprocess
from functools import lru_cache

import frappe
from frappe.utils.pdf import get_pdf
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from pdn_frappe.conventions import documents


@lru_cache(maxsize=1)
def wkhtmltopdf_draws_footers() -> bool:
	"""Whether the installed wkhtmltopdf is built with patched Qt (and so draws footer-html)."""
	try:
		output = subprocess.run(
			["wkhtmltopdf", "--version"], capture_output=True, text=True, timeout=20, check=False
		).stdout
	except (OSError, subprocess.SubprocessError):
		return False
	return "patched qt" in output.lower()


_STYLESHEET_RE = re.compile(r"<link[^>]+rel=.stylesheet.[^>]*>")


def without_linked_stylesheets(html: str) -> str:
	"""Drop the stylesheets Frappe links by URL; the print formats carry their own styles.

	wkhtmltopdf would otherwise fetch them from the site's host name, which a worker or a test
	run cannot always reach.
	"""
	return _STYLESHEET_RE.sub("", html)


def document_pdf(doc) -> bytes:
	"""The PDF of a convention or a charter: Frappe's print view, printed by wkhtmltopdf."""
	html = frappe.get_print(
		doc.doctype, doc.name, print_format=documents.PRINT_FORMATS[doc.doctype], no_letterhead=1
	)
	content = get_pdf(without_linked_stylesheets(html))
	if not wkhtmltopdf_draws_footers():
		content = stamp_page_numbers(content, documents.page_label())
	return content


def _pdf_text(text: str) -> bytes:
	data = text.encode("cp1252", errors="replace")
	return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def stamp_page_numbers(content: bytes, label: str, font_size: float = 8.0) -> bytes:
	"""Write ``label.format(page, total)`` centred at the foot of every page."""
	reader = PdfReader(io.BytesIO(content))
	writer = PdfWriter()
	total = len(reader.pages)
	font = DictionaryObject(
		{
			NameObject("/Type"): NameObject("/Font"),
			NameObject("/Subtype"): NameObject("/Type1"),
			NameObject("/BaseFont"): NameObject("/Helvetica"),
			NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
		}
	)
	for number, page in enumerate(reader.pages, start=1):
		width = float(page.mediabox.width)
		text = label.format(number, total)
		x = (width - len(text) * font_size * 0.5) / 2
		overlay = PageObject.create_blank_page(width=width, height=float(page.mediabox.height))
		overlay[NameObject("/Resources")] = DictionaryObject(
			{NameObject("/Font"): DictionaryObject({NameObject("/FPdn"): font})}
		)
		stream = DecodedStreamObject()
		stream.set_data(
			b"BT /FPdn %.1f Tf 0.35 0.35 0.35 rg %.2f %.2f Td (%s) Tj ET"
			% (font_size, x, 22.0, _pdf_text(text))
		)
		overlay[NameObject("/Contents")] = writer._add_object(stream)
		page.merge_page(overlay)
		writer.add_page(page)
	output = io.BytesIO()
	writer.write(output)
	return output.getvalue()
