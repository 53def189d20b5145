"""Every report and custom number card reads through Frappe's replica support.

A site with ``read_from_replica`` (and ``replica_host``) in its configuration sends the reads of a
function decorated with ``@frappe.read_only()`` to the MariaDB replica. Each script report's
``execute`` and each method behind a custom number card carries the decorator; a whitelisted
method carries it under ``@frappe.whitelist()``, so that the whitelisted callable is the one that
switches connections. Database-free: the sources are read with ``ast``.
"""

from __future__ import annotations

import ast

import pytest

from tests import metadata as md


def _is_call_of(decorator: ast.expr, name: str) -> bool:
	return (
		isinstance(decorator, ast.Call)
		and isinstance(decorator.func, ast.Attribute)
		and decorator.func.attr == name
		and isinstance(decorator.func.value, ast.Name)
		and decorator.func.value.id == "frappe"
	)


def function_problem(path, function: str) -> str | None:
	"""Why ``function`` of the module at ``path`` does not read through the replica, or None."""
	tree, error = md.parse_python(path)
	if tree is None:
		return error
	found = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == function]
	if not found:
		return f"{md.rel(path)} has no module-level function {function}()"
	decorators = found[0].decorator_list
	positions = {
		name: i
		for i, d in enumerate(decorators)
		for name in ("read_only", "whitelist")
		if _is_call_of(d, name)
	}
	if "read_only" not in positions:
		return f"{md.rel(path)}: {function}() is not decorated with @frappe.read_only()"
	if "whitelist" in positions and positions["whitelist"] > positions["read_only"]:
		return f"{md.rel(path)}: {function}() must carry @frappe.read_only() under @frappe.whitelist()"
	return None


def script_reports() -> list[md.Artefact]:
	return [
		art
		for art in md.artefacts("report", parsed_only=True)
		if art.data.get("report_type") == "Script Report" and art.data.get("is_standard") == "Yes"
	]


def card_methods() -> list[tuple[md.Artefact, str]]:
	return [
		(art, art.data["method"])
		for art in md.artefacts("number_card", parsed_only=True)
		if art.data.get("type") == "Custom" and art.data.get("method")
	]


def test_there_are_reports_and_cards_to_check():
	assert script_reports()
	assert card_methods()


@pytest.mark.parametrize("art", script_reports(), ids=lambda art: art.id)
def test_report_execute_reads_from_the_replica(art):
	problem = function_problem(art.folder / f"{art.folder.name}.py", "execute")
	assert problem is None, problem


@pytest.mark.parametrize(("art", "method"), card_methods(), ids=lambda value: getattr(value, "id", value))
def test_number_card_method_reads_from_the_replica(art, method):
	module, _dot, function = method.rpartition(".")
	path = md.ROOT / (module.replace(".", "/") + ".py")
	assert path.is_file(), f"{art.rel}: method {method} is not in a module of the app"
	problem = function_problem(path, function)
	assert problem is None, problem


def test_frappe_count_cards_read_from_the_replica():
	"""The app's ``Document Type`` cards are computed by Frappe's own endpoint: the app overrides it
	with a wrapper that reads through the replica."""
	from pdn_frappe import hooks

	assert any(
		art.data.get("type") == "Document Type" for art in md.artefacts("number_card", parsed_only=True)
	)
	method = hooks.override_whitelisted_methods["frappe.desk.doctype.number_card.number_card.get_result"]
	module, _dot, function = method.rpartition(".")
	problem = function_problem(md.ROOT / (module.replace(".", "/") + ".py"), function)
	assert problem is None, problem
