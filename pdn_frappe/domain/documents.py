"""Documents the network prints: templates with merge fields, rendered to HTML and to DOCX.

Plain data in, text out; no frappe here. A document template is a title and a list of sections;
each section body is a short text written with a small markup and Jinja merge fields:

* a blank line separates two paragraphs; a single line break is kept as a line break;
* ``### Title`` (or ``##``) starts a sub-heading;
* ``- item`` (or ``* item``, ``• item``) is a bullet, ``1. item`` a numbered item;
* ``| a | b |`` lines form a table; a ``|---|---|`` line makes the line above it the header row;
* ``**bold**`` and ``*italic*`` inside a line; ``\\*`` and ``\\|`` are a plain star and bar.

Merge fields (``{{ structure.name }}``, ``{% for row in subsidies %}``...) come from a context of
plain dicts and lists. Rendering is strict: a merge field that the context lacks, or whose value
is empty, stops the rendering with :class:`MissingMergeFieldsError`, which lists every missing
field (``structure.representative.name``, ``subsidies[2].amount``...), so that the caller can say
in French what to fill in. Optional values are written ``{{ x | default("...") }}`` or tested
with ``{% if x is defined %}``.

A rendered document can be frozen with :func:`snapshot` (the text after merging) and rebuilt
with :func:`from_snapshot`: a signed document never changes, whatever happens to its template
or to the records later.
"""

from __future__ import annotations

import datetime
import html
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Generic, TypeVar

from jinja2 import StrictUndefined, TemplateError, Undefined, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

LOCALE = "fr_FR"
SECTION_TEXT = "Text"
SECTION_SIGNATURES = "Signatures"

# --------------------------------------------------------------------------- errors


class DocumentError(ValueError):
	"""A document could not be produced; ``code`` is stable, ``details`` explain it."""

	code = "document_error"

	def __init__(self, details: str = "", section: str = "") -> None:
		super().__init__(details)
		self.details = details
		self.section = section


class MissingMergeFieldsError(DocumentError):
	"""Merge fields without a value; ``paths`` are dotted names such as ``structure.siret``."""

	code = "missing_merge_fields"

	def __init__(self, paths: Iterable[str]) -> None:
		self.paths = tuple(dict.fromkeys(paths))
		super().__init__(", ".join(self.paths))


class TemplateSyntaxProblem(DocumentError):
	"""A section of the template is not valid Jinja or uses something not allowed."""

	code = "template_syntax"


# --------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class _Section:
	"""What a section template and a rendered section share; a subclass adds the text after the title."""

	title: str
	style: str = field(default=SECTION_TEXT, kw_only=True)
	page_break_before: bool = field(default=False, kw_only=True)


SectionT = TypeVar("SectionT", bound=_Section)


@dataclass(frozen=True)
class _Document(Generic[SectionT]):
	"""What a document template and a rendered document share."""

	title: str
	sections: tuple[SectionT, ...]
	subtitle: str = ""
	version: int = 1

	_section_class: ClassVar[type]
	_text_key: ClassVar[str]  # the name of a section's text in the plain form and in the class

	@classmethod
	def from_dict(cls, data: Mapping):
		"""The document from its plain form (a dict as :func:`snapshot` writes it)."""
		return cls(
			title=data.get("title") or "",
			subtitle=data.get("subtitle") or "",
			version=int(data.get("version") or 1),
			sections=tuple(
				cls._section_class(
					row.get("title") or "",
					row.get(cls._text_key) or "",
					style=row.get("style") or SECTION_TEXT,
					page_break_before=bool(row.get("page_break_before")),
				)
				for row in data.get("sections") or ()
			),
		)


@dataclass(frozen=True)
class SectionTemplate(_Section):
	body: str


@dataclass(frozen=True)
class DocumentTemplate(_Document[SectionTemplate]):
	_section_class = SectionTemplate
	_text_key = "body"


# --------------------------------------------------------------------------- formatting filters


def _as_date(value) -> datetime.date:
	if isinstance(value, datetime.datetime):
		return value.date()
	if isinstance(value, datetime.date):
		return value
	return datetime.date.fromisoformat(str(value)[:10])


def format_date_long(value, locale: str = LOCALE) -> str:
	"""``1er janvier 2026``, ``15 mars 2026``."""
	from babel.dates import format_date

	day = _as_date(value)
	text = format_date(day, "d MMMM y", locale=locale)
	if locale.startswith("fr") and day.day == 1:
		text = "1er" + text[1:]
	return text


def format_date_short(value, locale: str = LOCALE) -> str:
	"""``01/01/2026``."""
	from babel.dates import format_date

	return format_date(_as_date(value), "dd/MM/y", locale=locale)


def format_money(value, currency: str = "EUR", locale: str = LOCALE) -> str:
	"""``12 500,00 €`` (non-breaking spaces that every print font has)."""
	from babel.numbers import format_currency

	amount = Decimal(str(value or 0))
	return format_currency(amount, currency, locale=locale).replace("\u202f", "\u00a0")


def format_number(value, locale: str = LOCALE) -> str:
	from babel.numbers import format_decimal

	return format_decimal(Decimal(str(value or 0)), locale=locale).replace("\u202f", "\u00a0")


# --------------------------------------------------------------------------- context


class Record:
	"""A read-only mapping seen by templates as attributes; empty values are absent."""

	__slots__ = ("_data", "_path")

	def __init__(self, data: Mapping, path: str) -> None:
		self._data = data
		self._path = path

	def __getattr__(self, name: str):
		if name.startswith("_"):
			raise AttributeError(name)
		try:
			return self._data[name]
		except KeyError:
			raise AttributeError(name) from None

	def __getitem__(self, name):
		return self._data[name]

	def __contains__(self, name) -> bool:
		return name in self._data

	def __iter__(self):
		return iter(self._data)

	def __repr__(self) -> str:
		return f"Record({self._path})"


def _is_empty(value) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def to_template_value(value, path: str):
	"""Turn plain data into what templates see: Records, lists, scalars; drop empty values."""
	if isinstance(value, Mapping):
		return Record(
			{
				key: to_template_value(item, f"{path}.{key}" if path else key)
				for key, item in value.items()
				if not _is_empty(item)
			},
			path,
		)
	if isinstance(value, (list, tuple)):
		return [to_template_value(item, f"{path}[{index}]") for index, item in enumerate(value, start=1)]
	if isinstance(value, str):
		return value.strip()
	return value


def _undefined_class(missing: list[str]):
	"""A StrictUndefined that records every missing merge field instead of stopping at the first.

	Printing, looping over or testing a missing value records its path and yields nothing, so
	that one rendering lists everything that is missing; any other use (a sum, a comparison...)
	records it and stops the current part of the document.
	"""

	class Missing(StrictUndefined):
		__slots__ = ()

		def _path(self) -> str:
			parent = self._undefined_obj
			name = self._undefined_name or ""
			if isinstance(parent, Record):
				return f"{parent._path}.{name}" if parent._path else name
			return name

		def _record(self) -> None:
			if self._undefined_exception is not UndefinedError:
				self._fail_with_undefined_error()  # a forbidden attribute: the sandbox's own error
			missing.append(self._path())

		def _fail(self, *args, **kwargs):
			self._record()
			raise UndefinedError(f"{self._path()} is undefined")

		def __str__(self) -> str:
			self._record()
			return ""

		def __iter__(self):
			self._record()
			return iter(())

		def __bool__(self) -> bool:
			self._record()
			return False

		def __len__(self) -> int:
			self._record()
			return 0

		def __getattr__(self, name: str):
			if name.startswith("__"):
				raise AttributeError(name)
			return Missing(name=f"{self._path()}.{name}")

		__getitem__ = __getattr__
		__add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _fail
		__truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _fail
		__pos__ = __neg__ = __call__ = __lt__ = __le__ = __gt__ = __ge__ = _fail
		__int__ = __float__ = __complex__ = __pow__ = __rpow__ = __eq__ = __ne__ = __hash__ = _fail

	return Missing


def _undefined_safe(function):
	"""A filter that lets a missing value through, so that it is reported as missing."""

	def wrapper(value, *args, **kwargs):
		if isinstance(value, Undefined):
			return value
		return function(value, *args, **kwargs)

	return wrapper


_TAG_LINE_RE = re.compile(r"^[ \t]*(?:(?:\{%.*?%\}|\{#.*?#\})[ \t]*)+(?:\r?\n|$)", re.MULTILINE)


def drop_tag_lines(source: str) -> str:
	"""A line holding nothing but ``{% ... %}`` tags leaves no empty line in the output.

	Other lines keep their line break, even when they end with a tag.
	"""
	return _TAG_LINE_RE.sub(lambda match: match.group(0).strip(), source)


_INLINE_SPECIALS = re.compile(r"([\\*|])")


def _escape_value(value) -> str:
	"""Merged values never carry markup: stars and bars are escaped, line breaks flattened."""
	if isinstance(value, bool):
		return "oui" if value else "non"
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	text = str(value)
	text = ", ".join(part.strip() for part in text.splitlines() if part.strip())
	return _INLINE_SPECIALS.sub(r"\\\1", text)


def _environment(missing: list[str]) -> ImmutableSandboxedEnvironment:
	env = ImmutableSandboxedEnvironment(
		undefined=_undefined_class(missing),
		autoescape=False,
		keep_trailing_newline=True,
		finalize=lambda value: value if isinstance(value, Undefined) else _escape_value(value),
	)
	env.filters.update(
		{
			"date": _undefined_safe(format_date_long),
			"short_date": _undefined_safe(format_date_short),
			"money": _undefined_safe(format_money),
			"number": _undefined_safe(format_number),
		}
	)
	return env


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class RenderedSection(_Section):
	text: str

	@property
	def blocks(self) -> tuple[Block, ...]:
		return parse_markup(self.text)


@dataclass(frozen=True)
class RenderedDocument(_Document[RenderedSection]):
	_section_class = RenderedSection
	_text_key = "text"

	def plain_text(self) -> str:
		"""Every word of the document, for searching and tests."""
		parts = [self.title, self.subtitle]
		for section in self.sections:
			parts.append(section.title)
			parts.extend(block_text(block) for block in section.blocks)
		return "\n".join(part for part in parts if part)


def render_document(template: DocumentTemplate, context: Mapping) -> RenderedDocument:
	"""Merge ``context`` into every part of ``template``.

	Raises :class:`MissingMergeFieldsError` naming every merge field without a value, or
	:class:`TemplateSyntaxProblem` naming the section that cannot be read.
	"""
	missing: list[str] = []
	env = _environment(missing)
	values = {key: to_template_value(value, key) for key, value in context.items() if not _is_empty(value)}

	def render(text: str, where: str) -> str:
		try:
			return env.from_string(drop_tag_lines(text or "")).render(values)
		except UndefinedError:
			return ""  # the missing value is recorded; the error lists them all below
		except TemplateError as error:
			raise TemplateSyntaxProblem(str(error), section=where) from error
		except (AttributeError, TypeError, ValueError, ArithmeticError) as error:
			raise TemplateSyntaxProblem(str(error), section=where) from error

	def render_line(text: str, where: str) -> str:
		return line_text(parse_inline(render(text, where).strip()))

	title = render_line(template.title, "title")
	subtitle = render_line(template.subtitle, "subtitle")
	sections = []
	for section in template.sections:
		where = section.title
		sections.append(
			RenderedSection(
				title=render_line(section.title, where),
				text=render(section.body, where).strip("\n"),
				style=section.style,
				page_break_before=section.page_break_before,
			)
		)
	if missing:
		raise MissingMergeFieldsError(missing)
	return RenderedDocument(
		title=title, subtitle=subtitle, sections=tuple(sections), version=template.version
	)


def check_template(template: DocumentTemplate) -> None:
	"""Raise :class:`TemplateSyntaxProblem` when a part of the template is not valid Jinja."""
	env = _environment([])
	for where, text in [("title", template.title), ("subtitle", template.subtitle)] + [
		(section.title or str(index), f"{section.title}\n{section.body}")
		for index, section in enumerate(template.sections, start=1)
	]:
		try:
			env.parse(drop_tag_lines(text or ""))
		except TemplateError as error:
			raise TemplateSyntaxProblem(str(error), section=where) from error


def snapshot(document: RenderedDocument) -> str:
	"""The merged text of a document, as JSON, to keep with a signed record."""
	return json.dumps(
		{
			"title": document.title,
			"subtitle": document.subtitle,
			"version": document.version,
			"sections": [
				{
					"title": section.title,
					"text": section.text,
					"style": section.style,
					"page_break_before": section.page_break_before,
				}
				for section in document.sections
			],
		},
		ensure_ascii=False,
	)


def from_snapshot(text: str) -> RenderedDocument:
	return RenderedDocument.from_dict(json.loads(text))


# --------------------------------------------------------------------------- markup


@dataclass(frozen=True)
class Run:
	text: str
	bold: bool = False
	italic: bool = False


Line = tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
	lines: tuple[Line, ...]


@dataclass(frozen=True)
class Heading:
	level: int
	line: Line


@dataclass(frozen=True)
class ListBlock:
	ordered: bool
	items: tuple[Line, ...]


@dataclass(frozen=True)
class Table:
	rows: tuple[tuple[Line, ...], ...]
	header: bool = False


Block = Paragraph | Heading | ListBlock | Table

_HEADING_RE = re.compile(r"^(#{2,4})\s+(.*)$")
_BULLET_RE = re.compile(r"^\s*(?:[-*•–])\s+(.*)$")
_NUMBERED_RE = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE_RE = re.compile(r"\\(.)|\*\*|\*")


def parse_inline(text: str) -> Line:
	"""Runs of ``text`` with ``**bold**`` and ``*italic*``; backslash escapes a character."""
	runs: list[Run] = []
	buffer: list[str] = []
	bold = italic = False

	def flush():
		if buffer:
			runs.append(Run("".join(buffer), bold, italic))
			buffer.clear()

	position = 0
	for match in _INLINE_RE.finditer(text):
		buffer.append(text[position : match.start()])
		position = match.end()
		if match.group(1) is not None:
			buffer.append(match.group(1))
		elif match.group(0) == "**":
			flush()
			bold = not bold
		else:
			flush()
			italic = not italic
	buffer.append(text[position:])
	flush()
	return tuple(run for run in runs if run.text)


def _split_cells(line: str) -> list[str]:
	text = line.strip()
	if text.startswith("|"):
		text = text[1:]
	if text.endswith("|") and not text.endswith("\\|"):
		text = text[:-1]
	cells, current, escaped = [], [], False
	for char in text:
		if escaped:
			current.append("\\" + char)
			escaped = False
		elif char == "\\":
			escaped = True
		elif char == "|":
			cells.append("".join(current).strip())
			current = []
		else:
			current.append(char)
	cells.append("".join(current).strip())
	return cells


def _is_table_line(line: str) -> bool:
	return line.lstrip().startswith("|")


def parse_markup(text: str) -> tuple[Block, ...]:
	"""Blocks of a merged section text (see the module documentation for the markup)."""
	blocks: list[Block] = []
	paragraph: list[Line] = []
	list_items: list[Line] = []
	list_ordered = False
	table_rows: list[tuple[Line, ...]] = []
	table_header = False

	def close_paragraph():
		if paragraph:
			blocks.append(Paragraph(tuple(paragraph)))
			paragraph.clear()

	def close_list():
		if list_items:
			blocks.append(ListBlock(list_ordered, tuple(list_items)))
			list_items.clear()

	def close_table():
		nonlocal table_header
		if table_rows:
			width = max(len(row) for row in table_rows)
			rows = tuple(row + ((),) * (width - len(row)) for row in table_rows)
			blocks.append(Table(rows, table_header))
			table_rows.clear()
		table_header = False

	def close_all():
		close_paragraph()
		close_list()
		close_table()

	for raw in (text or "").splitlines():
		line = raw.rstrip()
		if not line.strip():
			close_all()
			continue
		if _is_table_line(line):
			close_paragraph()
			close_list()
			if _TABLE_SEPARATOR_RE.match(line):
				if len(table_rows) == 1:
					table_header = True
				continue
			table_rows.append(tuple(parse_inline(cell) for cell in _split_cells(line)))
			continue
		close_table()
		if heading := _HEADING_RE.match(line):
			close_all()
			blocks.append(Heading(len(heading.group(1)) - 1, parse_inline(heading.group(2).strip())))
			continue
		bullet = _BULLET_RE.match(line)
		numbered = None if bullet else _NUMBERED_RE.match(line)
		if bullet or numbered:
			close_paragraph()
			ordered = bool(numbered)
			if list_items and ordered != list_ordered:
				close_list()
			list_ordered = ordered
			list_items.append(parse_inline((bullet or numbered).group(1).strip()))
			continue
		if list_items and raw.startswith(("  ", "\t")):
			# a continuation line of the last list item
			list_items[-1] = (*list_items[-1], Run(" "), *parse_inline(line.strip()))
			continue
		close_list()
		paragraph.append(parse_inline(line.strip()))
	close_all()
	return tuple(blocks)


def line_text(line: Line) -> str:
	return "".join(run.text for run in line)


def block_text(block: Block) -> str:
	if isinstance(block, Paragraph):
		return "\n".join(line_text(line) for line in block.lines)
	if isinstance(block, Heading):
		return line_text(block.line)
	if isinstance(block, ListBlock):
		return "\n".join(line_text(item) for item in block.items)
	return "\n".join(" | ".join(line_text(cell) for cell in row) for row in block.rows)


# --------------------------------------------------------------------------- HTML


def _html_line(line: Line) -> str:
	parts = []
	for run in line:
		text = html.escape(run.text)
		if run.italic:
			text = f"<em>{text}</em>"
		if run.bold:
			text = f"<strong>{text}</strong>"
		parts.append(text)
	return "".join(parts)


def _html_block(block: Block, signatures: bool) -> str:
	if isinstance(block, Paragraph):
		return "<p>" + "<br>".join(_html_line(line) for line in block.lines) + "</p>"
	if isinstance(block, Heading):
		level = min(block.level + 2, 6)
		return f"<h{level}>{_html_line(block.line)}</h{level}>"
	if isinstance(block, ListBlock):
		tag = "ol" if block.ordered else "ul"
		items = "".join(f"<li>{_html_line(item)}</li>" for item in block.items)
		return f"<{tag}>{items}</{tag}>"
	css = "pdn-table pdn-signatures" if signatures else "pdn-table"
	rows = []
	for index, row in enumerate(block.rows):
		cell = "th" if block.header and index == 0 else "td"
		rows.append("<tr>" + "".join(f"<{cell}>{_html_line(c)}</{cell}>" for c in row) + "</tr>")
	return f'<table class="{css}">' + "".join(rows) + "</table>"


def to_html(document: RenderedDocument) -> str:
	"""The body of a print format: title, then one ``<section>`` a section."""
	parts = ['<div class="pdn-document">', f'<h1 class="pdn-title">{html.escape(document.title)}</h1>']
	if document.subtitle:
		parts.append(f'<p class="pdn-subtitle">{html.escape(document.subtitle)}</p>')
	for section in document.sections:
		signatures = section.style == SECTION_SIGNATURES
		classes = ["pdn-section"]
		if signatures:
			classes.append("pdn-section-signatures")
		if section.page_break_before:
			classes.append("pdn-page-break")
		parts.append(f'<section class="{" ".join(classes)}">')
		if section.title:
			parts.append(f"<h2>{html.escape(section.title)}</h2>")
		parts.extend(_html_block(block, signatures) for block in section.blocks)
		parts.append("</section>")
	parts.append("</div>")
	return "\n".join(parts)


# --------------------------------------------------------------------------- DOCX


@dataclass
class DocxOptions:
	"""What the Word file carries around the text: header, footer labels, properties."""

	header_text: str = ""
	logo: bytes | None = None
	page_label: str = "Page {page} sur {total}"
	author: str = "Promeneurs du Net"
	language: str = "fr-FR"
	draft_label: str = ""
	keywords: list[str] = field(default_factory=list)


def _add_runs(paragraph, line: Line) -> None:
	for run in line:
		added = paragraph.add_run(run.text)
		added.bold = run.bold or None
		added.italic = run.italic or None


def _add_field(paragraph, instruction: str) -> None:
	"""A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when they show the file."""
	from docx.oxml import OxmlElement
	from docx.oxml.ns import qn

	run = paragraph.add_run()
	begin = OxmlElement("w:fldChar")
	begin.set(qn("w:fldCharType"), "begin")
	code = OxmlElement("w:instrText")
	code.set(qn("xml:space"), "preserve")
	code.text = f" {instruction} "
	separate = OxmlElement("w:fldChar")
	separate.set(qn("w:fldCharType"), "separate")
	placeholder = OxmlElement("w:t")
	placeholder.text = "1"
	end = OxmlElement("w:fldChar")
	end.set(qn("w:fldCharType"), "end")
	for element in (begin, code, separate, placeholder, end):
		run._r.append(element)


def _set_language(document, language: str) -> None:
	from docx.oxml import OxmlElement
	from docx.oxml.ns import qn

	rpr = document.styles["Normal"].element.get_or_add_rPr()
	lang = OxmlElement("w:lang")
	lang.set(qn("w:val"), language)
	rpr.append(lang)


def _keep_row_together(row) -> None:
	from docx.oxml import OxmlElement
	from docx.oxml.ns import qn

	properties = row._tr.get_or_add_trPr()
	cant_split = OxmlElement("w:cantSplit")
	properties.append(cant_split)


def _docx_table(document, block: Table, signatures: bool) -> None:
	from docx.shared import Cm

	width = max((len(row) for row in block.rows), default=1)
	table = document.add_table(rows=0, cols=width)
	table.style = "Table Grid"
	for index, row in enumerate(block.rows):
		cells = table.add_row().cells
		is_header = block.header and index == 0
		for position, line in enumerate(row):
			paragraph = cells[position].paragraphs[0]
			_add_runs(paragraph, line)
			if is_header:
				for run in paragraph.runs:
					run.bold = True
		if signatures and not is_header:
			table.rows[index].height = Cm(3)
			_keep_row_together(table.rows[index])
	document.add_paragraph()


def to_docx(document: RenderedDocument, options: DocxOptions | None = None) -> bytes:
	"""An editable Word file with the same text as the print format."""
	import docx
	from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
	from docx.shared import Cm, Pt

	options = options or DocxOptions()
	word = docx.Document()
	section = word.sections[0]
	section.page_height, section.page_width = Cm(29.7), Cm(21)
	section.top_margin = section.bottom_margin = Cm(2)
	section.left_margin = section.right_margin = Cm(2)
	word.styles["Normal"].font.name = "Calibri"
	word.styles["Normal"].font.size = Pt(10.5)
	_set_language(word, options.language)

	properties = word.core_properties  # Word keeps at most 255 characters in each property
	properties.title = document.title[:255]
	properties.subject = document.subtitle[:255]
	properties.author = options.author[:255]
	properties.language = options.language
	properties.keywords = ", ".join(options.keywords)[:255]

	header = section.header.paragraphs[0]
	if options.logo:
		try:
			header.add_run().add_picture(io.BytesIO(options.logo), height=Cm(1.6))
			header.add_run("   ")
		except Exception:  # an image Word cannot read is left out, the text stays
			pass
	if options.header_text:
		header.add_run(options.header_text).bold = True
	if options.draft_label:
		header.add_run("   " + options.draft_label).italic = True

	footer = section.footer.paragraphs[0]
	footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
	before, _, rest = options.page_label.partition("{page}")
	middle, _, after = rest.partition("{total}")
	footer.add_run(before)
	_add_field(footer, "PAGE")
	footer.add_run(middle)
	_add_field(footer, "NUMPAGES")
	footer.add_run(after)

	title = word.add_heading(document.title, level=0)
	title.alignment = WD_ALIGN_PARAGRAPH.CENTER
	if document.subtitle:
		subtitle = word.add_paragraph(document.subtitle)
		subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER

	for rendered in document.sections:
		signatures = rendered.style == SECTION_SIGNATURES
		if rendered.page_break_before:
			word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
		if rendered.title:
			heading = word.add_heading(rendered.title, level=1)
			heading.paragraph_format.keep_with_next = True
		for block in rendered.blocks:
			if isinstance(block, Paragraph):
				paragraph = word.add_paragraph()
				for index, line in enumerate(block.lines):
					if index:
						paragraph.add_run().add_break()
					_add_runs(paragraph, line)
			elif isinstance(block, Heading):
				_add_runs(word.add_heading(level=min(block.level + 1, 4)), block.line)
			elif isinstance(block, ListBlock):
				style = "List Number" if block.ordered else "List Bullet"
				for item in block.items:
					_add_runs(word.add_paragraph(style=style), item)
			else:
				_docx_table(word, block, signatures)

	stream = io.BytesIO()
	word.save(stream)
	return stream.getvalue()


# --------------------------------------------------------------------------- shipped templates

_SECTION_HEADER_RE = re.compile(r"^===\s*(.*?)\s*((?:\{[a-z_]+\}\s*)*)$")


def parse_template_source(text: str) -> dict:
	"""Read a shipped template file: ``key: value`` header lines, then ``=== Title {flags}`` sections.

	Flags: ``{signatures}`` (signature layout) and ``{page_break}`` (starts on a new page).
	Returns the fields of a ``PdN Document Template`` record, sections included.
	"""
	header: dict[str, str] = {}
	sections: list[dict] = []
	current: dict | None = None
	body: list[str] = []

	def close():
		if current is not None:
			current["body"] = "\n".join(body).strip("\n")
			sections.append(current)
		body.clear()

	for line in text.splitlines():
		match = _SECTION_HEADER_RE.match(line)
		if match:
			close()
			flags = set(re.findall(r"\{([a-z_]+)\}", match.group(2)))
			current = {
				"section_title": match.group(1),
				"section_style": SECTION_SIGNATURES if "signatures" in flags else SECTION_TEXT,
				"page_break_before": 1 if "page_break" in flags else 0,
			}
		elif current is None:
			if line.strip() and not line.startswith("#"):
				key, _, value = line.partition(":")
				header[key.strip()] = value.strip()
		else:
			body.append(line)
	close()
	return {
		"shipped_key": header.get("key", ""),
		"document_kind": header.get("kind", ""),
		"template_name": header.get("name", ""),
		"document_title": header.get("title", ""),
		"document_subtitle": header.get("subtitle", ""),
		"version_notes": header.get("notes", ""),
		"sections": sections,
	}


def template_from_record(record: Mapping) -> DocumentTemplate:
	"""A :class:`DocumentTemplate` from the fields of a ``PdN Document Template`` record."""
	return DocumentTemplate(
		title=record.get("document_title") or "",
		subtitle=record.get("document_subtitle") or "",
		version=int(record.get("version") or 1),
		sections=tuple(
			SectionTemplate(
				title=row.get("section_title") or "",
				body=row.get("body") or "",
				style=row.get("section_style") or SECTION_TEXT,
				page_break_before=bool(row.get("page_break_before")),
			)
			for row in record.get("sections") or ()
		),
	)


def fingerprint(record: Mapping) -> str:
	"""A digest of the text of a template record, to tell an edited template from a shipped one."""
	import hashlib

	template = template_from_record(record)
	data = [template.title, template.subtitle] + [
		[section.title, section.body.replace("\r\n", "\n").strip(), section.style, section.page_break_before]
		for section in template.sections
	]
	return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:32]
