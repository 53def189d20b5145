"""Every error code the domain raises or reports has its French message in the one table.

The table is ``MESSAGES`` of pdn_frappe/errors.py (a Frappe module: read here with ``ast``, not
imported); the codes are read from the domain's ``raise SomeError("code", ...)``, ``Problem("code",
...)`` and ``FieldError(field, "code", ...)``. A kind whose table has an ``OTHER`` message may leave
codes to it; the others must name every code.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from pdn_frappe.domain import (
	animation,
	conventions,
	lifecycle,
	national,
	periods,
	resources,
	retention,
	structure_requests,
	validation,
)
from pdn_frappe.domain.errors import DomainError
from tests import metadata as md

ERRORS_PY = md.APP_DIR / "errors.py"
ERROR_CLASSES = (
	validation.DomainValidationError,
	periods.PeriodError,
	animation.AnimationError,
	conventions.ConventionRuleError,
	lifecycle.LifecycleError,
	retention.RetentionError,
	resources.ProposalError,
	national.NationalRegistrationError,
	structure_requests.StructureRequestError,
)


def _constants(tree: ast.Module) -> dict[str, str]:
	"""Module-level NAME = "text" assignments."""
	found = {}
	for node in tree.body:
		if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
			for target in node.targets:
				if isinstance(target, ast.Name) and isinstance(node.value.value, str):
					found[target.id] = node.value.value
	return found


def _table() -> tuple[set[tuple[str, str]], dict[str, str], dict[str, str]]:
	tree = ast.parse(ERRORS_PY.read_text(encoding="utf-8"))
	names = _constants(tree)
	keys = set()
	fallback = {}
	for node in tree.body:
		target = (
			node.target
			if isinstance(node, ast.AnnAssign)
			else (node.targets[0] if isinstance(node, ast.Assign) else None)
		)
		if not isinstance(target, ast.Name) or not isinstance(node.value, ast.Dict):
			continue
		if target.id == "MESSAGES":
			for key in node.value.keys:
				kind, code = key.elts
				keys.add((names[kind.id], names[code.id] if isinstance(code, ast.Name) else code.value))
		if target.id == "FALLBACK":
			fallback = {
				names[k.id]: names[v.id] for k, v in zip(node.value.keys, node.value.values, strict=True)
			}
	return keys, names, fallback


def _codes(called: str, position: int) -> set[str]:
	"""String literals at ``position`` of the calls to ``called`` in the domain's modules."""
	codes = set()
	for path in sorted(md.DOMAIN_DIR.rglob("*.py")):
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
			if (
				isinstance(node, ast.Call)
				and isinstance(node.func, ast.Name)
				and node.func.id == called
				and len(node.args) > position
				and isinstance(node.args[position], ast.Constant)
			):
				codes.add(node.args[position].value)
	return codes


def _has_message(kind: str, code: str) -> bool:
	keys, names, fallback = _table()
	other = names["OTHER"]
	return any(
		key in keys
		for key in ((kind, code), (fallback.get(kind), code), (kind, other), (fallback.get(kind), other))
	)


def test_every_domain_error_shares_the_one_base_class():
	for error_class in ERROR_CLASSES:
		assert issubclass(error_class, DomainError), error_class
		assert error_class.kind != DomainError.kind, f"{error_class.__name__} names no kind of its own"
	assert len({error_class.kind for error_class in ERROR_CLASSES}) == len(ERROR_CLASSES)


@pytest.mark.parametrize("error_class", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_raised_code_has_a_message(error_class):
	codes = _codes(error_class.__name__, 0)
	assert codes, f"no raise {error_class.__name__}(...) found"
	missing = sorted(code for code in codes if not _has_message(error_class.kind, code))
	assert (
		not missing
	), f"{error_class.__name__} ({error_class.kind}): no message in {md.rel(ERRORS_PY)} for {missing}"


def test_every_problem_of_the_forms_has_a_message():
	_keys, names, _fallback = _table()
	missing = sorted(code for code in _codes("Problem", 0) if not _has_message(names["QUESTIONNAIRE"], code))
	missing += sorted(code for code in _codes("FieldError", 1) if not _has_message(names["FORM"], code))
	assert not missing, f"no message in {md.rel(ERRORS_PY)} for {missing}"


def test_domain_errors_keep_code_and_values_through_pickling():
	import pickle

	error = conventions.ConventionRuleError("subsidy_year_twice", 2, 2027)
	copy = pickle.loads(pickle.dumps(error))
	assert (copy.code, copy.values, copy.value, copy.kind) == (
		"subsidy_year_twice",
		(2, 2027),
		2,
		"convention",
	)
	assert "subsidy_year_twice" in str(copy)
	assert inspect.signature(DomainError).parameters.keys() == {"code", "values"}
