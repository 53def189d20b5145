"""French translations: every user-visible string of the app is in pdn_frappe/locale/fr.po.

Strings are collected by tests/metadata.py (``collect_strings``) from:

* doctype JSON: doctype name and description, field labels (sections and tabs
  included), field descriptions, Select options (one per line);
* report names; workspace labels, card / link / shortcut labels, chart and
  number card labels; number card labels and chart names; web form title,
  button and field labels (HTML texts are skipped);
* module names (modules.txt) and role names (Role fixtures);
* code: literal first arguments of ``_()``, ``_lt()`` and ``frappe._()`` in
  every .py (parsed with ``ast``), of ``__()`` in .js/.ts/.vue/.html files and of
  ``_()`` in Jinja templates (.html/.jinja/.j2).

To fix a failure: ``python -m tests.metadata missing-fr >> pdn_frappe/locale/fr.po``
then fill in the msgstr lines.
"""

from __future__ import annotations

import ast

import pytest

from tests import metadata as md

FR_PO = md.rel(md.FR_PO)
FIX_HINT = f"run `python -m tests.metadata missing-fr` to get them as PO entries for {FR_PO}"


@pytest.fixture(scope="module")
def strings() -> md.Strings:
	return md.collect_strings()


@pytest.fixture(scope="module")
def catalog():
	"""fr.po parsed strictly; the checks of its content skip when the file is missing
	(test_po_parses and test_every_string_has_a_french_translation fail then)."""
	if not md.FR_PO.is_file():
		pytest.skip(f"{FR_PO} is missing")
	try:
		return md.load_po(md.FR_PO, abort_invalid=True)
	except Exception as exc:  # babel raises PoFileError or ValueError
		pytest.skip(f"{FR_PO} does not parse (see test_po_parses): {exc}")


def fail_with(header: str, lines: list[str]) -> None:
	if lines:
		pytest.fail(header + "\n  " + "\n  ".join(lines), pytrace=False)


def test_sources_are_readable(strings):
	fail_with("source files that could not be scanned for strings:", strings.problems)


def test_every_string_has_a_french_translation(strings):
	missing = md.missing_translations(strings)
	absent = "" if md.FR_PO.is_file() else " (the file is missing)"
	lines = [f"{msgid!r}  <- {strings.messages[msgid][0]}" for msgid in missing]
	fail_with(
		f"{len(missing)} string(s) have no non-empty, non-fuzzy msgstr in {FR_PO}{absent}; {FIX_HINT}:",
		lines,
	)


def test_po_parses():
	if not md.FR_PO.is_file():
		pytest.fail(f"{FR_PO} is missing", pytrace=False)
	try:
		md.load_po(md.FR_PO, abort_invalid=True)
	except Exception as exc:  # babel raises PoFileError or ValueError
		pytest.fail(f"{FR_PO} does not parse: {exc}", pytrace=False)


def test_po_language_is_french(catalog):
	headers = dict(catalog.mime_headers)
	assert headers.get("Language") == "fr", (
		f'{FR_PO}: header must contain "Language: fr\\n", found Language={headers.get("Language")!r}'
	)


def test_po_has_no_empty_msgstr(catalog):
	empty = sorted(
		repr(message.id if isinstance(message.id, str) else message.id[0])
		for message in catalog
		if message.id and not all(md.msgstrs_of(message))
	)
	fail_with(f"{FR_PO}: entries with an empty msgstr (translate or delete them):", empty)


def test_po_placeholders_are_kept(catalog):
	problems = []
	for message in catalog:
		if not message.id:
			continue
		ids = md.msgids_of(message)
		wanted = set().union(*(md.placeholders(i) for i in ids))
		for msgstr in md.msgstrs_of(message):
			if not msgstr:
				continue
			got = md.placeholders(msgstr)
			if wanted - got:
				problems.append(f"{ids[0]!r} -> {msgstr!r}: missing {sorted(wanted - got)}")
			if got - wanted:
				problems.append(f"{ids[0]!r} -> {msgstr!r}: unknown {sorted(got - wanted)}")
	fail_with(f"{FR_PO}: placeholders differ between msgid and msgstr:", problems)


def test_translate_calls_use_literals():
	"""_(f"...") and _("...".format()) can never match a msgid: format after translating."""
	problems = []
	for path in md.iter_source_files([".py"]):
		tree, _error = md.parse_python(path)
		if tree is None:
			continue  # reported by test_sources_are_readable
		for call, name in md.python_translate_calls(tree):
			if not call.args:
				continue
			arg = call.args[0]
			if isinstance(arg, ast.JoinedStr):
				problems.append(f"{md.rel(path)}:{call.lineno}: {name}() of an f-string")
			elif (
				isinstance(arg, ast.Call)
				and isinstance(arg.func, ast.Attribute)
				and arg.func.attr == "format"
				and isinstance(arg.func.value, ast.Constant)
			):
				problems.append(f"{md.rel(path)}:{call.lineno}: {name}() of a str.format() result")
			elif isinstance(arg, ast.BinOp) and (
				isinstance(arg.left, ast.Constant) and isinstance(arg.left.value, str)
			):
				problems.append(f"{md.rel(path)}:{call.lineno}: {name}() of a '%' or '+' expression")
	fail_with(
		'translation calls that cannot match a msgid; write _("... {0}").format(value) instead:', problems
	)
