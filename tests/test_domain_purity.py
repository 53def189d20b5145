"""pdn_frappe/domain is plain Python: no frappe, only the stdlib and a short allow-list.

Two checks per module of pdn_frappe/domain/**/*.py, of pdn_frappe/demo/**/*.py (the demo and
national benchmark data, which may import the domain and nothing else of the app) and of
pdn_frappe/roles.py (the role names):

* static (``ast``): no import of ``frappe`` in any form (``import frappe``,
  ``import frappe.x``, ``from frappe... import``, ``importlib.import_module("frappe")``,
  ``__import__("frappe")``), and every absolute import is the stdlib
  (``sys.stdlib_module_names``), :data:`ALLOWED_THIRD_PARTY`, or one of the app's plain packages
  (:data:`PURE_PACKAGES`: ``pdn_frappe.domain`` and ``pdn_frappe.roles``; the demo may also import
  ``pdn_frappe.demo``); relative imports must stay inside the domain package;
* dynamic: the module is imported in a fresh interpreter where any import of
  ``frappe`` raises ImportError.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import metadata as md

#: third-party top-level packages the domain may use (import names, not PyPI names)
ALLOWED_THIRD_PARTY = frozenset({"jinja2", "docx", "babel"})
DOMAIN_PACKAGE = f"{md.APP_NAME}.domain"
STDLIB = frozenset(sys.stdlib_module_names)


DEMO_DIR = md.APP_DIR / "demo"
DEMO_PACKAGE = f"{md.APP_NAME}.demo"
#: modules of the app that import no frappe, and that the plain packages may therefore use
PURE_PACKAGES = (DOMAIN_PACKAGE, f"{md.APP_NAME}.roles")
#: packages held to the same rule: the demo data (pdn_frappe/demo) is plain data built from a seed
PURE_DIRS = (md.DOMAIN_DIR, DEMO_DIR)
PURE_FILES = (md.APP_DIR / "roles.py",)


def domain_files() -> list[Path]:
	return sorted(
		[
			*(
				p
				for folder in PURE_DIRS
				if folder.is_dir()
				for p in folder.rglob("*.py")
				if "__pycache__" not in p.parts
			),
			*(p for p in PURE_FILES if p.is_file()),
		]
	)


def allowed_packages(path: Path) -> tuple[str, ...]:
	"""The app's packages a plain module may import: the demo data may also use the rest of the demo."""
	return (*PURE_PACKAGES, DEMO_PACKAGE) if DEMO_DIR in path.parents else PURE_PACKAGES


def within(imported: str, packages: tuple[str, ...]) -> bool:
	return any(imported == package or imported.startswith(package + ".") for package in packages)


def module_name(path: Path) -> str:
	parts = list(path.relative_to(md.ROOT).with_suffix("").parts)
	if parts[-1] == "__init__":
		parts.pop()
	return ".".join(parts)


def package_of(path: Path) -> str:
	"""The package a module's relative imports are resolved against."""
	name = module_name(path)
	return name if path.name == "__init__.py" else name.rpartition(".")[0]


def resolve_relative(path: Path, level: int, module: str | None) -> str | None:
	base = package_of(path).split(".")
	if level - 1 > len(base) - 1:
		return None  # beyond the top-level package
	base = base[: len(base) - (level - 1)]
	return ".".join(base + ([module] if module else []))


def import_problem(
	imported: str, *, names: list[str] | None = None, allowed: tuple[str, ...] = PURE_PACKAGES
) -> str | None:
	"""Why importing `imported` (absolute dotted name) breaks the domain's purity."""
	top = imported.split(".")[0]
	if top == "frappe":
		return f"imports '{imported}': the domain must not depend on frappe"
	if within(imported, allowed):
		return None
	if imported == md.APP_NAME and names and all(within(f"{md.APP_NAME}.{n}", allowed) for n in names):
		return None
	if top == md.APP_NAME:
		return (
			f"imports '{imported}': only {', '.join(f'{p}.*' for p in allowed)} may be imported from the app"
		)
	if top in STDLIB or top in ALLOWED_THIRD_PARTY:
		return None
	return (
		f"imports '{imported}': not in the standard library nor in the allow-list "
		f"{sorted(ALLOWED_THIRD_PARTY)} (tests/test_domain_purity.py)"
	)


def purity_problems(path: Path) -> list[str]:
	tree, error = md.parse_python(path)
	if tree is None:
		return [error]
	allowed = allowed_packages(path)
	problems = []
	for node in ast.walk(tree):
		where = f"line {getattr(node, 'lineno', '?')}"
		if isinstance(node, ast.Import):
			for alias in node.names:
				if problem := import_problem(alias.name, allowed=allowed):
					problems.append(f"{where}: {problem}")
		elif isinstance(node, ast.ImportFrom):
			names = [alias.name for alias in node.names]
			if node.level:
				target = resolve_relative(path, node.level, node.module)
				inside = target is not None and within(target, allowed)
				if not inside:
					dots = "." * node.level
					problems.append(
						f"{where}: 'from {dots}{node.module or ''} import ...' leaves {', '.join(allowed)}"
					)
			elif problem := import_problem(node.module or "", names=names, allowed=allowed):
				problems.append(f"{where}: {problem}")
		elif isinstance(node, ast.Call):
			func = node.func
			dynamic = (isinstance(func, ast.Name) and func.id in ("__import__", "import_module")) or (
				isinstance(func, ast.Attribute) and func.attr == "import_module"
			)
			if (
				dynamic
				and node.args
				and isinstance(node.args[0], ast.Constant)
				and isinstance(node.args[0].value, str)
				and not node.args[0].value.startswith(".")
				and (problem := import_problem(node.args[0].value, allowed=allowed))
			):
				problems.append(f"{where}: dynamic import {problem[len('imports ') :]}")
	return problems


def test_domain_package_exists():
	assert (md.DOMAIN_DIR / "__init__.py").is_file(), f"{md.rel(md.DOMAIN_DIR)}/__init__.py is missing"


@pytest.mark.parametrize("path", domain_files(), ids=lambda p: md.rel(p))
def test_domain_imports_are_pure(path):
	problems = purity_problems(path)
	if problems:
		pytest.fail(f"{md.rel(path)}:\n  - " + "\n  - ".join(problems), pytrace=False)


BLOCK_FRAPPE = textwrap.dedent(
	"""
	import importlib, importlib.abc, sys

	class BlockFrappe(importlib.abc.MetaPathFinder):
		def find_spec(self, name, path=None, target=None):
			if name == "frappe" or name.startswith("frappe."):
				raise ImportError(f"import of {name!r} blocked: pdn_frappe.domain must not use frappe")
			return None

	for loaded in [m for m in sys.modules if m == "frappe" or m.startswith("frappe.")]:
		del sys.modules[loaded]
	sys.meta_path.insert(0, BlockFrappe())
	sys.path.insert(0, sys.argv[1])
	importlib.import_module(sys.argv[2])
	"""
)


@pytest.mark.parametrize("path", domain_files(), ids=lambda p: md.rel(p))
def test_domain_module_imports_without_frappe(path):
	name = module_name(path)
	result = subprocess.run(
		[sys.executable, "-c", BLOCK_FRAPPE, str(md.ROOT), name],
		cwd=md.ROOT,
		capture_output=True,
		text=True,
		timeout=120,
	)
	if result.returncode != 0:
		pytest.fail(
			f"{md.rel(path)}: 'import {name}' fails when frappe is unavailable:\n{result.stderr.strip()}",
			pytrace=False,
		)
