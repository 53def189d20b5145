"""Database-free loaders for the metadata of the ``pdn_frappe`` app.

Everything here reads files only: no Frappe site, no database and no ``frappe``
import.  The tests of tier 1 (``python -m pytest tests``) use these helpers to
check the exported JSON artefacts (doctypes, reports, workspaces...) and the
French translations.

Command line (run from the repository root)::

    python -m tests.metadata missing-fr   # msgids that fr.po lacks, as PO entries
    python -m tests.metadata pot          # write/refresh pdn_frappe/locale/main.pot
    python -m tests.metadata strings      # every collected msgid with its sources

Layout assumed (standard Frappe v15 export):

* ``pdn_frappe/modules.txt``: one module name (Title Case) per line;
* ``pdn_frappe/<module folder>/<kind>/<artefact folder>/<artefact folder>.json``
  where ``<module folder>`` and ``<artefact folder>`` are ``scrub()`` of the
  module / artefact name and ``<kind>`` is one of :data:`KINDS`;
* ``pdn_frappe/fixtures/*.json``: JSON lists of records, each with "doctype";
* ``pdn_frappe/locale/fr.po`` and ``pdn_frappe/locale/main.pot``.

Nothing in this module raises while loading: files that cannot be read or
parsed are returned with an ``error`` so that a test can report them.
"""

from __future__ import annotations

import ast
import html
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "pdn_frappe"
APP_DIR = ROOT / APP_NAME
MODULES_TXT = APP_DIR / "modules.txt"
FIXTURES_DIR = APP_DIR / "fixtures"
LOCALE_DIR = APP_DIR / "locale"
FR_PO = LOCALE_DIR / "fr.po"
MAIN_POT = LOCALE_DIR / "main.pot"
DOMAIN_DIR = APP_DIR / "domain"

#: artefact folder inside a module -> value of "doctype" in the exported JSON
KINDS: dict[str, str] = {
	"doctype": "DocType",
	"report": "Report",
	"web_form": "Web Form",
	"workspace": "Workspace",
	"number_card": "Number Card",
	"dashboard_chart": "Dashboard Chart",
	"print_format": "Print Format",
	"notification": "Notification",
}

#: folders of the app package that are never Frappe modules
NON_MODULE_DIRS = frozenset(
	{
		"domain",
		"public",
		"templates",
		"www",
		"fixtures",
		"locale",
		"config",
		"patches",
		"translations",
		"tests",
		"node_modules",
	}
)

#: Frappe core doctypes (framework only, no ERPNext) that app metadata may name:
#: Link / Table targets, report ref_doctype, workspace links, fixtures...
#: Extend this list when the app starts to use another core doctype.
FRAPPE_DOCTYPES = frozenset(
	{
		# users, roles, permissions
		"User",
		"Role",
		"Role Profile",
		"Module Profile",
		"Has Role",
		"User Permission",
		"DocShare",
		"Custom DocPerm",
		# core metadata
		"DocType",
		"DocField",
		"Module Def",
		"Report",
		"Page",
		"Custom Field",
		"Property Setter",
		"Client Script",
		"Server Script",
		"Print Format",
		"Letter Head",
		"Web Form",
		"Web Page",
		"Workspace",
		"Dashboard Chart",
		"Number Card",
		"Notification",
		"Translation",
		# workflow
		"Workflow",
		"Workflow State",
		"Workflow Action Master",
		"Workflow Action",
		# data & reference
		"File",
		"Currency",
		"Country",
		"Language",
		"Gender",
		"Salutation",
		"Contact",
		"Address",
		"Dynamic Link",
		# communication & collaboration
		"Email Account",
		"Email Template",
		"Email Group",
		"Communication",
		"Comment",
		"ToDo",
		"Note",
		"Event",
		"Tag",
		# website
		"Blog Post",
		"Blog Category",
		"Blogger",
		"Website Settings",
	}
)

#: Roles created by Frappe itself (v15).  App roles come from fixtures/role.json.
FRAPPE_STANDARD_ROLES = frozenset(
	{
		"Administrator",
		"System Manager",
		"Guest",
		"All",
		"Desk User",
		"Website Manager",
		"Blogger",
		"Knowledge Base Contributor",
		"Knowledge Base Editor",
		"Newsletter Manager",
		"Report Manager",
		"Script Manager",
		"Workspace Manager",
		"Dashboard Manager",
		"Inbox User",
		"Prepared Report User",
	}
)

#: core doctypes whose records may be shipped as fixtures of this app
FIXTURE_CORE_DOCTYPES = frozenset(
	{
		"Role",
		"Role Profile",
		"Module Profile",
		"Custom Field",
		"Property Setter",
		"Custom DocPerm",
		"Client Script",
		"Server Script",
		"Workflow",
		"Workflow State",
		"Workflow Action Master",
		"Email Template",
		"Print Format",
		"Letter Head",
		"Notification",
		"Translation",
		"Web Page",
		"Number Card",
		"Dashboard Chart",
		"Workspace",
	}
)

#: columns Frappe adds to every table; no DocField may use these names
RESERVED_FIELDNAMES = frozenset(
	{
		"name",
		"owner",
		"creation",
		"modified",
		"modified_by",
		"docstatus",
		"idx",
		"parent",
		"parentfield",
		"parenttype",
		"doctype",
	}
)

#: standard columns that may be named where a field is expected (sort_field,
#: fetch_from targets, filters, depends_on...)
STANDARD_FIELDS = RESERVED_FIELDNAMES

#: keys a fixture record may carry besides its doctype's fields
STANDARD_RECORD_KEYS = STANDARD_FIELDS | {"_user_tags", "_comments", "_assign", "_liked_by", "_seen"}

#: Frappe v15 DocField field types
FIELDTYPES = frozenset(
	{
		"Autocomplete",
		"Attach",
		"Attach Image",
		"Barcode",
		"Button",
		"Check",
		"Code",
		"Color",
		"Column Break",
		"Currency",
		"Data",
		"Date",
		"Datetime",
		"Duration",
		"Dynamic Link",
		"Float",
		"Fold",
		"Geolocation",
		"Heading",
		"HTML",
		"HTML Editor",
		"Icon",
		"Image",
		"Int",
		"JSON",
		"Link",
		"Long Text",
		"Markdown Editor",
		"Password",
		"Percent",
		"Phone",
		"Read Only",
		"Rating",
		"Section Break",
		"Select",
		"Signature",
		"Small Text",
		"Tab Break",
		"Table",
		"Table MultiSelect",
		"Text",
		"Text Editor",
		"Time",
	}
)

#: field types that hold no value (layout or display only)
NO_VALUE_FIELDTYPES = frozenset(
	{"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Image", "Fold", "Heading"}
)
TABLE_FIELDTYPES = frozenset({"Table", "Table MultiSelect"})
BREAK_FIELDTYPES = frozenset({"Section Break", "Column Break", "Tab Break", "Page Break"})

#: Select fields whose options are not user-visible words (same list as Frappe's extractor)
EXCLUDE_SELECT_OPTIONS = frozenset(
	{
		"naming_series",
		"number_format",
		"float_precision",
		"currency_precision",
		"minimum_password_score",
		"icon",
	}
)


def scrub(txt: str) -> str:
	"""Frappe's ``frappe.scrub``: folder / module name of a document name."""
	return str(txt).replace(" ", "_").replace("-", "_").lower()


def controller_class_name(doctype: str) -> str:
	"""Class Frappe looks for in the controller module ("PdN Structure" -> "PdNStructure")."""
	return doctype.replace(" ", "").replace("-", "")


def rel(path: Path) -> str:
	"""Path relative to the repository root, with forward slashes."""
	try:
		return path.resolve().relative_to(ROOT).as_posix()
	except ValueError:
		return path.as_posix()


# --------------------------------------------------------------------------- #
# JSON artefacts
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Artefact:
	"""One exported JSON document of a module (a doctype, a report...)."""

	kind: str  # key of KINDS
	module_folder: str
	folder: Path  # the artefact's own folder
	path: Path  # <folder>/<folder name>.json
	data: dict | None  # parsed JSON, None when it could not be read
	error: str | None = None

	@property
	def id(self) -> str:
		"""Stable pytest id: <module folder>/<artefact folder>."""
		return f"{self.module_folder}/{self.folder.name}"

	@property
	def rel(self) -> str:
		return rel(self.path)

	@property
	def name(self) -> str | None:
		return self.data.get("name") if self.data else None

	def __repr__(self) -> str:  # short ids in pytest output
		return f"<{self.kind} {self.id}>"


def read_json(path: Path) -> tuple[object | None, str | None]:
	"""(parsed JSON, None) or (None, error message)."""
	try:
		return json.loads(path.read_text(encoding="utf-8")), None
	except (OSError, UnicodeDecodeError) as exc:
		return None, f"cannot read: {exc}"
	except json.JSONDecodeError as exc:
		return None, f"invalid JSON: {exc}"


@cache
def modules() -> tuple[str, ...]:
	"""Module names listed in modules.txt (empty when the file is missing)."""
	try:
		text = MODULES_TXT.read_text(encoding="utf-8")
	except OSError:
		return ()
	return tuple(line.strip() for line in text.splitlines() if line.strip())


def _only_bytecode(folder: Path) -> bool:
	"""True for leftovers of a deleted artefact: a folder holding nothing but __pycache__."""
	return all(item.suffix == ".pyc" for item in folder.rglob("*") if item.is_file())


@cache
def module_folders() -> tuple[str, ...]:
	"""Folders of the app that are (or look like) Frappe modules.

	That is: scrubbed names from modules.txt which exist as folders, plus any
	other folder of the package holding one of the artefact kinds (so that an
	artefact in a module missing from modules.txt is still checked).
	"""
	found: set[str] = set()
	for name in modules():
		if (APP_DIR / scrub(name)).is_dir():
			found.add(scrub(name))
	if APP_DIR.is_dir():
		for child in APP_DIR.iterdir():
			if (
				child.is_dir()
				and child.name not in NON_MODULE_DIRS
				and not child.name.startswith((".", "_"))
				and any((child / kind).is_dir() for kind in KINDS)
			):
				found.add(child.name)
	return tuple(sorted(found))


@cache
def _artefacts(kind: str) -> tuple[Artefact, ...]:
	if kind not in KINDS:
		raise KeyError(f"unknown artefact kind {kind!r}; known: {sorted(KINDS)}")
	result = []
	for module_folder in module_folders():
		kind_dir = APP_DIR / module_folder / kind
		if not kind_dir.is_dir():
			continue
		for folder in sorted(kind_dir.iterdir()):
			if not folder.is_dir() or folder.name.startswith((".", "_")):
				continue
			path = folder / f"{folder.name}.json"
			if not path.is_file():
				if _only_bytecode(folder):
					continue
				result.append(
					Artefact(kind, module_folder, folder, path, None, f"folder has no {folder.name}.json")
				)
				continue
			data, error = read_json(path)
			if error is None and not isinstance(data, dict):
				data, error = None, "top-level JSON value must be an object"
			result.append(Artefact(kind, module_folder, folder, path, data, error))
	return tuple(result)


def artefacts(kind: str, parsed_only: bool = False) -> list[Artefact]:
	"""Every artefact of one kind ("doctype", "report", ...), sorted by path."""
	items = _artefacts(kind)
	return [a for a in items if a.data is not None] if parsed_only else list(items)


def all_artefacts(parsed_only: bool = False) -> list[Artefact]:
	return [a for kind in KINDS for a in artefacts(kind, parsed_only)]


def index(kind: str) -> dict[str, dict]:
	"""name -> parsed JSON for the artefacts of a kind (first one wins on duplicates)."""
	result: dict[str, dict] = {}
	for art in artefacts(kind, parsed_only=True):
		name = art.name
		if isinstance(name, str) and name not in result:
			result[name] = art.data
	return result


def doctype_index() -> dict[str, dict]:
	"""App doctypes: name -> parsed doctype JSON."""
	return index("doctype")


def doctype_exists(name: str) -> bool:
	return name in doctype_index() or name in FRAPPE_DOCTYPES


def fields(doctype_data: dict) -> list[dict]:
	return [f for f in doctype_data.get("fields") or [] if isinstance(f, dict)]


def field_map(doctype_data: dict) -> dict[str, dict]:
	return {f["fieldname"]: f for f in fields(doctype_data) if isinstance(f.get("fieldname"), str)}


def field_problem(doctype: str, fieldname: str) -> str | None:
	"""Why `fieldname` is not a field of `doctype`, or None when it is (or cannot be checked).

	Only app doctypes are checked; fields of Frappe core doctypes are trusted.
	"""
	if fieldname in STANDARD_FIELDS:
		return None
	data = doctype_index().get(doctype)
	if data is None:
		return None
	if fieldname not in field_map(data):
		return f"'{fieldname}' is not a field of doctype '{doctype}'"
	return None


# --------------------------------------------------------------------------- #
# Fixtures and roles
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class FixtureFile:
	path: Path
	data: list | None
	error: str | None = None

	@property
	def id(self) -> str:
		return self.path.name

	@property
	def rel(self) -> str:
		return rel(self.path)

	def __repr__(self) -> str:
		return f"<fixture {self.id}>"


#: the catalogue of the script reports' columns (pdn_frappe/reports.py)
REPORT_COLUMNS = APP_DIR / "report_columns.json"


def report_columns() -> dict[str, dict]:
	data, _error = read_json(REPORT_COLUMNS)
	return data if isinstance(data, dict) else {}


@cache
def _fixture_files() -> tuple[FixtureFile, ...]:
	if not FIXTURES_DIR.is_dir():
		return ()
	result = []
	for path in sorted(FIXTURES_DIR.glob("*.json")):
		data, error = read_json(path)
		if error is None and not isinstance(data, list):
			data, error = None, "a fixture file must hold a JSON list of records"
		result.append(FixtureFile(path, data, error))
	return tuple(result)


def fixture_files(parsed_only: bool = False) -> list[FixtureFile]:
	items = _fixture_files()
	return [f for f in items if f.data is not None] if parsed_only else list(items)


def fixture_records() -> Iterator[tuple[FixtureFile, int, dict]]:
	"""(file, position, record) for every record dict of every parsed fixture file."""
	for fixture in fixture_files(parsed_only=True):
		for position, record in enumerate(fixture.data):
			if isinstance(record, dict):
				yield fixture, position, record


def record_name(record: dict) -> str | None:
	"""The name a fixture record gets once imported, when it can be known without a site."""
	if record.get("name"):
		return str(record["name"])
	doctype = record.get("doctype")
	if doctype == "Role":
		return record.get("role_name") or None
	autoname = ""
	data = doctype_index().get(doctype)
	if data is not None:
		autoname = data.get("autoname") or ""
		if data.get("issingle"):
			return doctype
	if autoname.startswith("field:"):
		value = record.get(autoname[len("field:") :].strip())
		return str(value) if value not in (None, "") else None
	return None


@cache
def fixture_names(doctype: str) -> frozenset[str]:
	"""Names of the records of `doctype` shipped in fixtures."""
	return frozenset(
		name
		for _, _, record in fixture_records()
		if record.get("doctype") == doctype and (name := record_name(record))
	)


def fixture_doctypes() -> set[str]:
	return {record.get("doctype") for _, _, record in fixture_records() if record.get("doctype")}


@cache
def app_roles() -> frozenset[str]:
	"""Roles the app ships: Role records in fixtures (normally fixtures/role.json)."""
	return frozenset(
		name
		for _, _, record in fixture_records()
		if record.get("doctype") == "Role" and (name := record_name(record))
	)


def known_roles() -> frozenset[str]:
	return app_roles() | FRAPPE_STANDARD_ROLES


# --------------------------------------------------------------------------- #
# Translatable strings
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, order=True)
class Location:
	file: str  # relative to the repository root
	line: int | None = None
	what: str = ""  # e.g. "label of field 'title'"

	def __str__(self) -> str:
		where = f"{self.file}:{self.line}" if self.line else self.file
		return f"{where} ({self.what})" if self.what else where


@dataclass
class Strings:
	"""Collected msgids with where they come from, plus files that could not be read."""

	messages: dict[str, list[Location]] = field(default_factory=dict)
	problems: list[str] = field(default_factory=list)

	def add(self, msgid: object, location: Location) -> None:
		if isinstance(msgid, str) and is_translatable(msgid):
			self.messages.setdefault(msgid, []).append(location)


def is_translatable(message: str) -> bool:
	"""Same filter as Frappe's extractor: needs a letter, skip icons/eval/pixel values."""
	return bool(
		re.search("[a-zA-Z]", message)
		and not message.startswith("fa fa-")
		and not message.endswith("px")
		and not message.startswith("eval:")
	)


def select_options(options: object) -> list[str]:
	"""Options of a Select field, one per line, without blanks and pure numbers."""
	if not isinstance(options, str):
		return []
	return [o for o in options.split("\n") if o.strip() and not o.strip().isdigit()]


def _looks_like_html(text: str) -> bool:
	return bool(re.search(r"<[a-zA-Z/][^>]*>", text))


def _add_docfield(strings: Strings, file: str, fld: dict, where: str = "") -> None:
	fieldname = fld.get("fieldname") or "?"
	fieldtype = fld.get("fieldtype") or "?"
	what = f"{where}field '{fieldname}' ({fieldtype})"
	strings.add(fld.get("label"), Location(file, None, f"label of {what}"))
	strings.add(fld.get("description"), Location(file, None, f"description of {what}"))
	if fieldtype == "Select" and fieldname not in EXCLUDE_SELECT_OPTIONS:
		for option in select_options(fld.get("options")):
			strings.add(option, Location(file, None, f"option of {what}"))


def _workspace_header_texts(content) -> list[str]:
	"""Plain text of the header blocks of a workspace (the desk translates it with ``__()``)."""
	try:
		blocks = json.loads(content or "[]")
	except (TypeError, ValueError):
		return []
	texts = []
	for block in blocks:
		if isinstance(block, dict) and block.get("type") == "header":
			text = re.sub(r"<[^>]+>", "", (block.get("data") or {}).get("text") or "").strip()
			if text:
				texts.append(html.unescape(text))
	return texts


def _collect_json(strings: Strings) -> None:
	for art in artefacts("doctype", parsed_only=True):
		data, file = art.data, art.rel
		strings.add(data.get("name"), Location(file, None, "doctype name"))
		strings.add(data.get("description"), Location(file, None, "doctype description"))
		for fld in fields(data):
			_add_docfield(strings, file, fld)
		for link in data.get("links") or []:
			if isinstance(link, dict):
				strings.add(link.get("group"), Location(file, None, "connections group"))

	for art in artefacts("report", parsed_only=True):
		strings.add(art.data.get("name"), Location(art.rel, None, "report name"))

	for art in artefacts("workspace", parsed_only=True):
		data, file = art.data, art.rel
		strings.add(data.get("label"), Location(file, None, "workspace label"))
		strings.add(data.get("title"), Location(file, None, "workspace title"))
		for link in data.get("links") or []:
			if isinstance(link, dict):
				kind = "card" if link.get("type") == "Card Break" else "link"
				strings.add(link.get("label"), Location(file, None, f"{kind} label"))
				description = link.get("description")
				if isinstance(description, str) and not _looks_like_html(description):
					strings.add(description, Location(file, None, f"{kind} description"))
		for shortcut in data.get("shortcuts") or []:
			if isinstance(shortcut, dict):
				strings.add(shortcut.get("label"), Location(file, None, "shortcut label"))
				strings.add(shortcut.get("format"), Location(file, None, "shortcut count format"))
		for key, what in (("charts", "chart label"), ("number_cards", "number card label")):
			for row in data.get(key) or []:
				if isinstance(row, dict):
					strings.add(row.get("label"), Location(file, None, what))
		for text in _workspace_header_texts(data.get("content")):
			strings.add(text, Location(file, None, "workspace header"))

	for art in artefacts("number_card", parsed_only=True):
		strings.add(art.data.get("label"), Location(art.rel, None, "number card label"))

	for art in artefacts("dashboard_chart", parsed_only=True):
		strings.add(art.data.get("chart_name"), Location(art.rel, None, "chart name"))
		strings.add(art.data.get("label"), Location(art.rel, None, "chart label"))

	for art in artefacts("web_form", parsed_only=True):
		data, file = art.data, art.rel
		# introduction_text / success_message are HTML: translated as a whole page, not here
		for key in ("title", "success_title", "list_title", "button_label"):
			strings.add(data.get(key), Location(file, None, f"web form {key}"))
		for fld in data.get("web_form_fields") or []:
			if isinstance(fld, dict):
				_add_docfield(strings, file, fld, "web form ")

	for name in modules():
		strings.add(name, Location(rel(MODULES_TXT), None, "module name"))

	for key, entry in report_columns().items():
		strings.add(entry.get("label"), Location(rel(REPORT_COLUMNS), None, f"report column {key}"))

	for fixture, _, record in fixture_records():
		if record.get("doctype") == "Role":
			strings.add(record_name(record), Location(fixture.rel, None, "role name"))


#: names under which Python code calls the translation function
PY_TRANSLATE_FUNCS = frozenset({"_", "_lt"})


def _translate_call_name(node: ast.Call) -> str | None:
	func = node.func
	if isinstance(func, ast.Name) and func.id in PY_TRANSLATE_FUNCS:
		return func.id
	if (
		isinstance(func, ast.Attribute)
		and func.attr in PY_TRANSLATE_FUNCS
		and isinstance(func.value, ast.Name)
		and func.value.id == "frappe"
	):
		return f"frappe.{func.attr}"
	return None


def python_translate_calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str]]:
	"""(call node, function name) for every _() / _lt() / frappe._() call."""
	for node in ast.walk(tree):
		if isinstance(node, ast.Call) and (name := _translate_call_name(node)):
			yield node, name


def iter_source_files(suffixes: Iterable[str]) -> Iterator[Path]:
	suffixes = tuple(suffixes)
	if not APP_DIR.is_dir():
		return
	for path in sorted(APP_DIR.rglob("*")):
		parts = set(path.relative_to(APP_DIR).parts)
		if parts & {"node_modules", "__pycache__", "dist"}:
			continue
		if path.is_file() and path.name.endswith(suffixes):
			yield path


def parse_python(path: Path) -> tuple[ast.AST | None, str | None]:
	try:
		source = path.read_text(encoding="utf-8")
		return ast.parse(source, filename=str(path)), None
	except (OSError, UnicodeDecodeError) as exc:
		return None, f"{rel(path)}: cannot read: {exc}"
	except SyntaxError as exc:
		return None, f"{rel(path)}:{exc.lineno}: syntax error: {exc.msg}"


def _collect_python(strings: Strings) -> None:
	for path in iter_source_files([".py"]):
		tree, error = parse_python(path)
		if tree is None:
			strings.problems.append(error)
			continue
		for call, name in python_translate_calls(tree):
			if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
				strings.add(call.args[0].value, Location(rel(path), call.lineno, f"{name}() call"))


_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.DOTALL)


def unescape_literal(body: str) -> str:
	"""Decode the backslash escapes of a JS / Jinja string literal body."""

	def repl(match: re.Match) -> str:
		esc = match.group(1)
		if esc in ("\n", "\r\n", "\r"):  # line continuation
			return ""
		if esc[0] == "u":
			return chr(int(esc[1:].strip("{}"), 16))
		if esc[0] == "x":
			return chr(int(esc[1:], 16))
		return _JS_ESCAPES.get(esc, esc)

	return _ESCAPE_RE.sub(repl, body)


_DQ = r'"((?:[^"\\\n]|\\.)*)"'
_SQ = r"'((?:[^'\\\n]|\\.)*)'"
_BT = r"`((?:[^`\\$]|\\.|\$(?!\{))*)`"  # template literal without ${...}
#: __("...") in JavaScript (and in the <script> parts of templates)
JS_CALL_RE = re.compile(r"(?<![\w.$])__\(\s*(?:" + _DQ + "|" + _SQ + "|" + _BT + r")\s*[,)]", re.DOTALL)
#: _("...") in Jinja templates
JINJA_CALL_RE = re.compile(r"(?<![\w.$])_\(\s*(?:" + _DQ + "|" + _SQ + r")\s*[,)]", re.DOTALL)


def literal_calls(regex: re.Pattern, text: str) -> Iterator[tuple[str, int]]:
	"""(decoded first argument, line number) for each literal call matched by `regex`."""
	for match in regex.finditer(text):
		body = next((g for g in match.groups() if g is not None), "")
		yield unescape_literal(body), text.count("\n", 0, match.start()) + 1


def _collect_text_sources(strings: Strings) -> None:
	for path in iter_source_files([".js", ".ts", ".vue", ".html", ".jinja", ".j2"]):
		try:
			text = path.read_text(encoding="utf-8")
		except (OSError, UnicodeDecodeError) as exc:
			strings.problems.append(f"{rel(path)}: cannot read: {exc}")
			continue
		regexes = [(JS_CALL_RE, "__() call")]
		if path.suffix in (".html", ".jinja", ".j2"):
			regexes.append((JINJA_CALL_RE, "_() call"))
		for regex, what in regexes:
			for msgid, line in literal_calls(regex, text):
				strings.add(msgid, Location(rel(path), line, what))


def collect_strings() -> Strings:
	"""Every user-visible source string of the app (metadata, Python, JS, templates)."""
	strings = Strings()
	_collect_json(strings)
	_collect_python(strings)
	_collect_text_sources(strings)
	for locations in strings.messages.values():
		locations.sort(key=lambda loc: (loc.file, loc.line or 0, loc.what))
	return strings


# --------------------------------------------------------------------------- #
# PO files
# --------------------------------------------------------------------------- #


def load_po(path: Path = FR_PO, abort_invalid: bool = True):
	"""Parse a PO file with babel (obsolete entries ignored)."""
	from babel.messages.pofile import read_po

	with path.open("rb") as fileobj:
		return read_po(fileobj, ignore_obsolete=True, abort_invalid=abort_invalid)


def msgids_of(message) -> tuple[str, ...]:
	return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def msgstrs_of(message) -> tuple[str, ...]:
	if isinstance(message.string, (list, tuple)):
		return tuple(s or "" for s in message.string)
	return (message.string or "",)


def is_translated(message) -> bool:
	strs = msgstrs_of(message)
	return bool(strs) and all(strs) and not message.fuzzy


def translated_msgids(catalog) -> set[str]:
	"""msgids with a non-empty, non-fuzzy translation, whatever their msgctxt."""
	result: set[str] = set()
	for message in catalog:
		if message.id and is_translated(message):
			result.update(msgids_of(message))
	return result


def catalog_msgids(catalog) -> set[str]:
	return {msgid for message in catalog if message.id for msgid in msgids_of(message)}


def missing_translations(strings: Strings | None = None, po_path: Path = FR_PO) -> list[str]:
	"""Sorted msgids without a usable translation in `po_path` (all of them if it is missing)."""
	strings = strings or collect_strings()
	translated: set[str] = set()
	if po_path.is_file():
		translated = translated_msgids(load_po(po_path, abort_invalid=False))
	return sorted(set(strings.messages) - translated)


PLACEHOLDER_RE = re.compile(
	r"\{[0-9]*\}|\{[A-Za-z_][A-Za-z0-9_]*\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sdifr]|%[sdifr]"
)


def placeholders(text: str) -> set[str]:
	"""{0}, {name}, %s, %(name)s... found in `text` (%% is a literal percent sign)."""
	return set(PLACEHOLDER_RE.findall(text.replace("%%", "")))


# --------------------------------------------------------------------------- #
# Command line
# --------------------------------------------------------------------------- #


def po_entry(msgid: str, locations: list[Location] | None = None, note: str | None = None) -> str:
	"""One PO entry with an empty msgstr, ready to be translated."""
	from babel.messages.pofile import escape

	lines = []
	if note:
		lines.append(f"# {note}")
	for loc in (locations or [])[:3]:
		lines.append(f"#. {loc}")
	lines.append(f"msgid {escape(msgid)}")
	lines.append('msgstr ""')
	return "\n".join(lines) + "\n"


def cmd_missing_fr() -> int:
	strings = collect_strings()
	missing = missing_translations(strings)
	present: set[str] = set()
	if FR_PO.is_file():
		present = catalog_msgids(load_po(FR_PO, abort_invalid=False))
	for msgid in missing:
		note = "already in fr.po with an empty or fuzzy msgstr: fix it there" if msgid in present else None
		print(po_entry(msgid, strings.messages[msgid], note))
	print(f"{len(missing)} msgid(s) missing from {rel(FR_PO)}", file=sys.stderr)
	for problem in strings.problems:
		print(f"warning: {problem}", file=sys.stderr)
	return 0


def build_pot(strings: Strings | None = None):
	from babel.messages.catalog import Catalog

	strings = strings or collect_strings()
	catalog = Catalog(
		project=APP_NAME, fuzzy=False, header_comment=f"# Translations template for {APP_NAME}.\n#"
	)
	for msgid in sorted(strings.messages):
		locations = sorted(
			{(loc.file, loc.line) for loc in strings.messages[msgid]}, key=lambda x: (x[0], x[1] or 0)
		)
		catalog.add(msgid, string="", locations=locations)
	return catalog


def _pot_signature(catalog) -> list[tuple]:
	return sorted(
		(message.id, tuple(sorted(message.locations, key=lambda x: (x[0], x[1] or 0))))
		for message in catalog
		if message.id
	)


def cmd_pot() -> int:
	from babel.messages.pofile import write_po

	strings = collect_strings()
	catalog = build_pot(strings)
	if MAIN_POT.is_file():
		try:
			if _pot_signature(load_po(MAIN_POT, abort_invalid=False)) == _pot_signature(catalog):
				print(f"{rel(MAIN_POT)} is up to date ({len(strings.messages)} msgids)")
				return 0
		except Exception:  # an unreadable template is simply rewritten
			pass
	MAIN_POT.parent.mkdir(parents=True, exist_ok=True)
	with MAIN_POT.open("wb") as fileobj:
		write_po(fileobj, catalog, width=0, sort_output=True, include_lineno=True)
	print(f"wrote {rel(MAIN_POT)} ({len(strings.messages)} msgids)")
	for problem in strings.problems:
		print(f"warning: {problem}", file=sys.stderr)
	return 0


def cmd_strings() -> int:
	strings = collect_strings()
	for msgid in sorted(strings.messages):
		print(json.dumps(msgid, ensure_ascii=False))
		for loc in strings.messages[msgid]:
			print(f"    {loc}")
	return 0


def main(argv: list[str] | None = None) -> int:
	import argparse

	parser = argparse.ArgumentParser(prog="python -m tests.metadata", description=__doc__.split("\n\n")[0])
	sub = parser.add_subparsers(dest="command", required=True)
	sub.add_parser("missing-fr", help="print the msgids that pdn_frappe/locale/fr.po lacks, as PO entries")
	sub.add_parser("pot", help="write/refresh pdn_frappe/locale/main.pot from the collected strings")
	sub.add_parser("strings", help="list every collected msgid with where it comes from")
	args = parser.parse_args(argv)
	return {"missing-fr": cmd_missing_fr, "pot": cmd_pot, "strings": cmd_strings}[args.command]()


if __name__ == "__main__":
	sys.exit(main())
