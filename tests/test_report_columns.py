"""The catalogue of report columns (pdn_frappe/report_columns.json) and the reports that use it."""

import ast

import pytest

from tests import metadata

CATALOGUE = metadata.report_columns()
FIELDTYPES = {"Data", "Link", "Int", "Float", "Currency", "Percent", "Date", "Check"}


def _column_calls():
	"""(file, line, key) for every key a module asks ``reports.column(s)`` for."""
	for path in metadata.iter_source_files((".py",)):
		tree, _error = metadata.parse_python(path)
		if tree is None:
			continue
		for node in ast.walk(tree):
			if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
				continue
			if node.func.attr not in ("column", "columns") or getattr(node.func.value, "id", None) != "reports":
				continue
			for arg in node.args:
				if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
					for key in arg.value.split():
						yield metadata.rel(path), node.lineno, key


USED = list(_column_calls())


def test_the_catalogue_is_read():
	assert len(CATALOGUE) > 20
	assert USED, "no report asks the catalogue for its columns"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_column_is_complete(key):
	entry = CATALOGUE[key]
	assert entry.get("label"), f"{key}: no label"
	assert entry.get("fieldtype") in FIELDTYPES, f"{key}: fieldtype {entry.get('fieldtype')!r}"
	if entry["fieldtype"] == "Link":
		assert metadata.doctype_exists(entry.get("options", "")), f"{key}: links to {entry.get('options')!r}"
	assert isinstance(entry.get("width", 100), int)


def test_every_key_asked_for_exists():
	unknown = [f"{file}:{line} {key}" for file, line, key in USED if key not in CATALOGUE]
	assert not unknown, "columns missing from report_columns.json: " + ", ".join(unknown)


def test_no_column_is_left_unused():
	used = {key for _file, _line, key in USED}
	assert not set(CATALOGUE) - used, f"unused columns: {sorted(set(CATALOGUE) - used)}"
