"""Contract of the app's exported metadata (doctypes, reports, workspaces, fixtures...).

Database-free: the JSON files are read as data, nothing is installed on a site.
Every artefact is its own test id (``<module folder>/<artefact folder>`` or the
fixture file name), and each test lists *all* the problems it found in one
assertion message naming the file and the field.

A kind of artefact that does not exist yet gives an empty parametrization,
which pytest reports as one skipped test: that is expected.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from tests import metadata as md

FIELDNAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
REPORT_TYPES = {"Report Builder", "Query Report", "Script Report", "Custom Report"}


def assert_no_problems(where: str, problems: list[str]) -> None:
	"""Fail with every problem listed under the file they belong to."""
	if problems:
		pytest.fail(f"{where}:\n  - " + "\n  - ".join(problems), pytrace=False)


def by_artefact(kind: str):
	"""Parametrize a test over the parsed artefacts of one kind."""
	return pytest.mark.parametrize("art", md.artefacts(kind, parsed_only=True), ids=lambda a: a.id)


def objects_with(key: str, items: list, at, missing, problems: list[str]):
	"""(position, item) for each item that is an object with a ``key`` (a non-empty string).

	Every other item is a problem: ``at(position)`` names it, ``missing(item)`` says what it lacks.
	"""
	for position, item in enumerate(items):
		if not isinstance(item, dict):
			problems.append(f"{at(position)} is not an object")
		elif not isinstance(item.get(key), str) or not item[key]:
			problems.append(f"{at(position)} {missing(item)}")
		else:
			yield position, item


def doctype_problem(doctype: object, what: str) -> str | None:
	if not isinstance(doctype, str) or not doctype:
		return f"{what}: no doctype given"
	if not md.doctype_exists(doctype):
		return f"{what}: '{doctype}' is neither an app doctype nor in metadata.FRAPPE_DOCTYPES"
	return None


def role_problem(role: object, what: str) -> str | None:
	if not isinstance(role, str) or not role:
		return f"{what}: empty role"
	if role not in md.known_roles():
		return (
			f"{what}: role '{role}' is neither defined in pdn_frappe/fixtures/role.json "
			"nor a Frappe standard role (metadata.FRAPPE_STANDARD_ROLES)"
		)
	return None


def filter_fieldnames(filters: object, default_doctype: str) -> tuple[list[tuple[str, str]], str | None]:
	"""(doctype, fieldname) pairs named by a Frappe filters_json value, or an error."""
	if filters in (None, "", "[]", "{}"):
		return [], None
	if isinstance(filters, str):
		try:
			filters = json.loads(filters)
		except json.JSONDecodeError as exc:
			return [], f"invalid JSON: {exc}"
	pairs: list[tuple[str, str]] = []
	if isinstance(filters, dict):
		pairs = [(default_doctype, key) for key in filters]
	elif isinstance(filters, list):
		for item in filters:
			if isinstance(item, list) and len(item) >= 4 and isinstance(item[0], str):
				pairs.append((item[0], item[1]))
			elif isinstance(item, list) and len(item) == 3:
				pairs.append((default_doctype, item[0]))
			else:
				return [], f"unexpected filter {item!r}"
	else:
		return [], "filters must be a JSON list or object"
	return [(dt, fn) for dt, fn in pairs if isinstance(fn, str)], None


def filters_problems(filters: object, default_doctype: str, what: str) -> list[str]:
	pairs, error = filter_fieldnames(filters, default_doctype)
	problems = [f"{what}: {error}"] if error else []
	for doctype, fieldname in pairs:
		if problem := md.field_problem(doctype, fieldname):
			problems.append(f"{what}: {problem}")
	return problems


# --------------------------------------------------------------------------- #
# App-wide
# --------------------------------------------------------------------------- #


def test_app_has_at_least_one_doctype():
	found = md.artefacts("doctype", parsed_only=True)
	assert found, (
		f"no doctype found: expected pdn_frappe/<module>/doctype/<dt>/<dt>.json "
		f"(module folders seen: {list(md.module_folders()) or 'none'})"
	)


def test_modules_txt():
	assert md.MODULES_TXT.is_file(), f"{md.rel(md.MODULES_TXT)} is missing"
	names = md.modules()
	assert names, f"{md.rel(md.MODULES_TXT)} lists no module"
	problems = []
	seen: dict[str, str] = {}
	for name in names:
		folder = md.scrub(name)
		if folder in seen:
			problems.append(f"'{name}' and '{seen[folder]}' both map to folder pdn_frappe/{folder}")
		seen[folder] = name
		if not (md.APP_DIR / folder).is_dir():
			problems.append(f"module '{name}': folder pdn_frappe/{folder}/ is missing")
	assert_no_problems(md.rel(md.MODULES_TXT), problems)


@pytest.mark.parametrize("art", md.all_artefacts(), ids=lambda a: f"{a.kind}:{a.id}")
def test_artefact_json_is_readable(art):
	assert art.error is None, f"{art.rel}: {art.error}"


@pytest.mark.parametrize("art", md.all_artefacts(parsed_only=True), ids=lambda a: f"{a.kind}:{a.id}")
def test_artefact_identity(art):
	"""doctype key, name <-> folder, module <-> modules.txt and module folder."""
	data, problems = art.data, []
	expected = md.KINDS[art.kind]
	if data.get("doctype") != expected:
		problems.append(f'"doctype" is {data.get("doctype")!r}, expected {expected!r}')
	name = data.get("name")
	if not isinstance(name, str) or not name:
		problems.append('"name" is missing')
	elif md.scrub(name) != art.folder.name:
		problems.append(
			f'"name" {name!r} scrubs to {md.scrub(name)!r} but the folder is {art.folder.name!r} '
			"(folder and file must be named scrub(name))"
		)
	module = data.get("module")
	if not isinstance(module, str) or not module:
		problems.append('"module" is missing')
	else:
		if module not in md.modules():
			problems.append(f'"module" {module!r} is not listed in pdn_frappe/modules.txt')
		if md.scrub(module) != art.module_folder:
			problems.append(
				f'"module" {module!r} belongs in folder pdn_frappe/{md.scrub(module)}/, '
				f"not pdn_frappe/{art.module_folder}/"
			)
	assert_no_problems(art.rel, problems)


def test_artefact_names_are_unique():
	problems = []
	for kind in md.KINDS:
		seen: dict[str, str] = {}
		for art in md.artefacts(kind, parsed_only=True):
			if isinstance(art.name, str):
				if art.name in seen:
					problems.append(f"{kind} '{art.name}' defined twice: {seen[art.name]} and {art.rel}")
				seen.setdefault(art.name, art.rel)
	assert_no_problems("app artefacts", problems)


# --------------------------------------------------------------------------- #
# DocTypes
# --------------------------------------------------------------------------- #


@by_artefact("doctype")
def test_doctype_name(art):
	name = art.data.get("name")
	problems = []
	if isinstance(name, str) and not name.startswith("PdN "):
		problems.append(f'"name" {name!r} must start with "PdN "')
	if art.data.get("istable") and art.data.get("issingle"):
		problems.append('"istable" and "issingle" cannot both be set')
	assert_no_problems(art.rel, problems)


@by_artefact("doctype")
def test_doctype_fields(art):
	problems, seen = [], set()
	raw_fields = art.data.get("fields")
	if not isinstance(raw_fields, list):
		assert_no_problems(art.rel, ['"fields" must be a list'])
	for position, fld in objects_with(
		"fieldname",
		raw_fields,
		at=lambda position: f"fields[{position}]",
		missing=lambda fld: f"(label {fld.get('label')!r}) has no fieldname",
		problems=problems,
	):
		fieldname = fld["fieldname"]
		where = f"fields[{position}] '{fieldname}'"
		if not FIELDNAME_RE.match(fieldname):
			problems.append(f"{where}: fieldname must match [a-z][a-z0-9_]*")
		if fieldname in md.RESERVED_FIELDNAMES:
			problems.append(f"{where}: fieldname is reserved by Frappe")
		if fieldname in seen:
			problems.append(f"{where}: duplicate fieldname")
		seen.add(fieldname)
		fieldtype = fld.get("fieldtype")
		if fieldtype not in md.FIELDTYPES:
			problems.append(f"{where}: unknown fieldtype {fieldtype!r}")
	assert_no_problems(art.rel, problems)


@by_artefact("doctype")
def test_doctype_field_order(art):
	fieldnames = [f.get("fieldname") for f in md.fields(art.data)]
	order = art.data.get("field_order")
	problems = []
	if not isinstance(order, list):
		problems.append('"field_order" is missing or not a list')
	else:
		duplicates = sorted({f for f in order if order.count(f) > 1}, key=str)
		if duplicates:
			problems.append(f'"field_order" repeats {duplicates}')
		missing = [f for f in fieldnames if f not in order]
		unknown = [f for f in order if f not in fieldnames]
		if missing:
			problems.append(f'"field_order" lacks fields {missing}')
		if unknown:
			problems.append(f'"field_order" names fields that do not exist: {unknown}')
	assert_no_problems(art.rel, problems)


def for_each_doctype_field(check):
	"""A test over every doctype: the problems ``check(field, field_map)`` yields for each field."""

	@by_artefact("doctype")
	def test(art):
		fmap = md.field_map(art.data)
		assert_no_problems(art.rel, [problem for fld in md.fields(art.data) for problem in check(fld, fmap)])

	test.__name__, test.__qualname__, test.__doc__ = check.__name__, check.__qualname__, check.__doc__
	return test


@for_each_doctype_field
def test_doctype_link_options(fld, fmap):
	"""Link / Table / Dynamic Link / Select options."""
	fieldname, fieldtype, options = fld.get("fieldname"), fld.get("fieldtype"), fld.get("options")
	where = f"field '{fieldname}' ({fieldtype}) options"
	if fieldtype in ("Link", "Table", "Table MultiSelect"):
		if problem := doctype_problem(options, where):
			yield problem
			return
	if fieldtype in md.TABLE_FIELDTYPES:
		target = md.doctype_index().get(options)
		if target is None:
			yield f"{where}: child table '{options}' must be an app doctype"
		elif not target.get("istable"):
			yield f"{where}: '{options}' is not a child table doctype (\"istable\": 1)"
	elif fieldtype == "Dynamic Link":
		pointer = fmap.get(options) if isinstance(options, str) else None
		if pointer is None:
			yield f"{where}: {options!r} must name a field of this doctype"
		elif not (
			pointer.get("fieldtype") == "Select"
			or (pointer.get("fieldtype") == "Link" and pointer.get("options") == "DocType")
		):
			yield f"{where}: field '{options}' must be a Link to DocType (or a Select)"
	elif fieldtype == "Select" and not md.select_options(options):
		yield f"{where}: a Select field needs at least one option"


@for_each_doctype_field
def test_doctype_fetch_from(fld, fmap):
	fetch_from = fld.get("fetch_from")
	if not fetch_from:
		return
	where = f"field '{fld.get('fieldname')}' fetch_from {fetch_from!r}"
	parts = fetch_from.split(".") if isinstance(fetch_from, str) else []
	if len(parts) != 2 or not all(parts):
		yield f"{where}: must be '<link field>.<field of the linked doctype>'"
		return
	link_name, target_field = parts
	link = fmap.get(link_name)
	if link is None:
		yield f"{where}: '{link_name}' is not a field of this doctype"
	elif link.get("fieldtype") != "Link":
		yield f"{where}: '{link_name}' is a {link.get('fieldtype')} field, it must be a Link"
	elif problem := md.field_problem(link.get("options"), target_field):
		yield f"{where}: {problem}"


DEPENDS_KEYS = ("depends_on", "mandatory_depends_on", "read_only_depends_on")


@for_each_doctype_field
def test_doctype_depends_on(fld, fmap):
	"""Fields named by depends_on expressions (eval:doc.x or a bare fieldname) exist."""
	for key in DEPENDS_KEYS:
		expr = fld.get(key)
		if not isinstance(expr, str) or not expr.strip():
			continue
		expr = expr.strip()
		if expr.startswith("eval:"):
			names = re.findall(r"(?<![\w.])doc\.([A-Za-z_][A-Za-z0-9_]*)", expr)
		elif re.fullmatch(r"[a-z_][a-z0-9_]*", expr):
			names = [expr]
		else:
			continue
		for name in names:
			if name.startswith("__") or name in md.STANDARD_FIELDS or name in fmap:
				continue
			yield f"field '{fld.get('fieldname')}' {key} {expr!r}: '{name}' is not a field"


@by_artefact("doctype")
def test_doctype_naming_and_list_settings(art):
	"""autoname, title_field, search_fields, sort_field, image_field name existing fields."""
	data, problems = art.data, []
	fmap = md.field_map(data)

	def must_be_field(key, fieldname, allow_standard=False):
		if allow_standard and fieldname in md.STANDARD_FIELDS:
			return
		if fieldname not in fmap:
			problems.append(f'"{key}": {fieldname!r} is not a field of this doctype')
			return
		if key == "search_fields" and fmap[fieldname].get("fieldtype") in (
			md.NO_VALUE_FIELDTYPES | md.TABLE_FIELDTYPES
		):
			problems.append(f'"search_fields": {fieldname!r} is a {fmap[fieldname].get("fieldtype")} field')

	if data.get("title_field"):
		must_be_field("title_field", data["title_field"])
	if data.get("image_field"):
		must_be_field("image_field", data["image_field"])
	if data.get("sort_field"):
		must_be_field("sort_field", data["sort_field"], allow_standard=True)
	if data.get("search_fields"):
		for name in str(data["search_fields"]).split(","):
			if name.strip():
				must_be_field("search_fields", name.strip())
	autoname = data.get("autoname") or ""
	if isinstance(autoname, str):
		if autoname.startswith("field:"):
			must_be_field("autoname", autoname[len("field:") :].strip())
		elif autoname.startswith("naming_series:"):
			must_be_field("autoname", "naming_series")
	if data.get("sort_order") not in (None, "", "ASC", "DESC"):
		problems.append(f'"sort_order" {data.get("sort_order")!r} must be ASC or DESC')
	assert_no_problems(art.rel, problems)


@by_artefact("doctype")
def test_doctype_permissions(art):
	data, problems = art.data, []
	permissions = data.get("permissions") or []
	if not data.get("istable") and not permissions:
		problems.append('"permissions" is empty: a non-child doctype needs at least one permission rule')
	levels = set()
	for position, perm in enumerate(permissions):
		if not isinstance(perm, dict):
			problems.append(f"permissions[{position}] is not an object")
			continue
		if problem := role_problem(perm.get("role"), f"permissions[{position}]"):
			problems.append(problem)
		levels.add(int(perm.get("permlevel") or 0))
	if not data.get("istable"):
		for fld in md.fields(data):
			level = int(fld.get("permlevel") or 0)
			if level and level not in levels:
				problems.append(
					f"field '{fld.get('fieldname')}' has permlevel {level} but no permission rule "
					f"grants level {level}"
				)
	assert_no_problems(art.rel, problems)


@by_artefact("doctype")
def test_doctype_controller(art):
	"""<dt>.py defines the controller class; non-child, non-single doctypes have test_<dt>.py."""
	data, problems = art.data, []
	controller = art.folder / f"{art.folder.name}.py"
	name = data.get("name") or ""
	class_name = md.controller_class_name(name)
	if not controller.is_file():
		problems.append(f"controller {md.rel(controller)} is missing")
	else:
		tree, error = md.parse_python(controller)
		if tree is None:
			problems.append(error)
		elif not any(isinstance(node, ast.ClassDef) and node.name == class_name for node in tree.body):
			problems.append(f"{md.rel(controller)} does not define class {class_name}")
	if not data.get("istable") and not data.get("issingle"):
		test_file = art.folder / f"test_{art.folder.name}.py"
		if not test_file.is_file():
			problems.append(f"test file {md.rel(test_file)} is missing")
	assert_no_problems(art.rel, problems)


# --------------------------------------------------------------------------- #
# Reports, web forms, workspaces, cards, charts, print formats, notifications
# --------------------------------------------------------------------------- #


@by_artefact("report")
def test_report_contract(art):
	data, problems = art.data, []
	if problem := doctype_problem(data.get("ref_doctype"), '"ref_doctype"'):
		problems.append(problem)
	report_type = data.get("report_type")
	if report_type not in REPORT_TYPES:
		problems.append(f'"report_type" {report_type!r} is not one of {sorted(REPORT_TYPES)}')
	roles = data.get("roles") or []
	if not roles:
		problems.append('"roles" is empty: nobody could open the report')
	for position, row in enumerate(roles):
		if problem := role_problem(row.get("role") if isinstance(row, dict) else None, f"roles[{position}]"):
			problems.append(problem)
	if report_type == "Script Report":
		py_file = art.folder / f"{art.folder.name}.py"
		js_file = art.folder / f"{art.folder.name}.js"
		if not js_file.is_file():
			problems.append(f"Script Report needs {md.rel(js_file)}")
		if not py_file.is_file():
			problems.append(f"Script Report needs {md.rel(py_file)}")
		else:
			tree, error = md.parse_python(py_file)
			if tree is None:
				problems.append(error)
			elif not any(isinstance(n, ast.FunctionDef) and n.name == "execute" for n in tree.body):
				problems.append(f"{md.rel(py_file)} must define execute(filters=None)")
	assert_no_problems(art.rel, problems)


@by_artefact("web_form")
def test_web_form_contract(art):
	data, problems = art.data, []
	doc_type = data.get("doc_type")
	if problem := doctype_problem(doc_type, '"doc_type"'):
		problems.append(problem)
	else:
		for position, fld in enumerate(data.get("web_form_fields") or []):
			if not isinstance(fld, dict) or fld.get("fieldtype") in md.BREAK_FIELDTYPES:
				continue
			fieldname = fld.get("fieldname")
			where = f"web_form_fields[{position}] '{fieldname}'"
			if not fieldname:
				problems.append(f"{where}: no fieldname")
			elif problem := md.field_problem(doc_type, fieldname):
				problems.append(f"{where}: {problem}")
	assert_no_problems(art.rel, problems)


def _report_problem(name: object, what: str) -> str | None:
	if name not in md.index("report"):
		return f"{what}: '{name}' is not a report of the app"
	return None


@by_artefact("workspace")
def test_workspace_links(art):
	data, problems = art.data, []
	for position, link in enumerate(data.get("links") or []):
		if not isinstance(link, dict) or link.get("type") == "Card Break":
			continue
		where = f"links[{position}] '{link.get('label')}' link_to"
		if link.get("link_type") == "DocType":
			if problem := doctype_problem(link.get("link_to"), where):
				problems.append(problem)
		elif link.get("link_type") == "Report":
			if problem := _report_problem(link.get("link_to"), where):
				problems.append(problem)
	for position, shortcut in enumerate(data.get("shortcuts") or []):
		if not isinstance(shortcut, dict):
			continue
		where = f"shortcuts[{position}] '{shortcut.get('label')}' link_to"
		if shortcut.get("type") == "DocType":
			if problem := doctype_problem(shortcut.get("link_to"), where):
				problems.append(problem)
			else:
				problems += filters_problems(
					shortcut.get("stats_filter"),
					shortcut["link_to"],
					f"shortcuts[{position}] '{shortcut.get('label')}' stats_filter",
				)
		elif shortcut.get("type") == "Report":
			if problem := _report_problem(shortcut.get("link_to"), where):
				problems.append(problem)
	cards = md.index("number_card")
	for position, row in enumerate(data.get("number_cards") or []):
		name = row.get("number_card_name") if isinstance(row, dict) else None
		if name not in cards:
			problems.append(f"number_cards[{position}]: '{name}' is not a number card of the app")
	charts = md.index("dashboard_chart")
	for position, row in enumerate(data.get("charts") or []):
		name = row.get("chart_name") if isinstance(row, dict) else None
		if name not in charts:
			problems.append(f"charts[{position}]: '{name}' is not a dashboard chart of the app")
	for position, row in enumerate(data.get("roles") or []):
		if problem := role_problem(row.get("role") if isinstance(row, dict) else None, f"roles[{position}]"):
			problems.append(problem)
	assert_no_problems(art.rel, problems)


@by_artefact("workspace")
def test_workspace_content(art):
	"""The "content" blocks refer to shortcuts, cards, charts and number cards that exist."""
	data, problems = art.data, []
	content = data.get("content")
	if not content:
		pytest.skip("no content")
	try:
		blocks = json.loads(content) if isinstance(content, str) else content
	except json.JSONDecodeError as exc:
		assert_no_problems(art.rel, [f'"content" is not valid JSON: {exc}'])
	if not isinstance(blocks, list):
		assert_no_problems(art.rel, ['"content" must be a JSON list of blocks'])

	def labels(key, *names):
		return {row.get(n) for row in data.get(key) or [] if isinstance(row, dict) for n in names}

	targets = {
		"shortcut": ("shortcut_name", labels("shortcuts", "label"), "shortcuts"),
		"card": (
			"card_name",
			{
				l.get("label")
				for l in data.get("links") or []
				if isinstance(l, dict) and l.get("type") == "Card Break"
			},
			'"links" Card Break labels',
		),
		"chart": ("chart_name", labels("charts", "label", "chart_name"), "charts"),
		"number_card": (
			"number_card_name",
			labels("number_cards", "label", "number_card_name"),
			"number_cards",
		),
	}
	for position, block in enumerate(blocks):
		if not isinstance(block, dict) or block.get("type") not in targets:
			continue
		key, known, where = targets[block["type"]]
		value = (block.get("data") or {}).get(key)
		if value not in known:
			problems.append(f"content[{position}] {block['type']} {key} {value!r} is not among the {where}")
	assert_no_problems(art.rel, problems)


@by_artefact("number_card")
def test_number_card_contract(art):
	data, problems = art.data, []
	card_type = data.get("type") or "Document Type"
	if card_type == "Report":
		if problem := _report_problem(data.get("report_name"), '"report_name"'):
			problems.append(problem)
	elif card_type == "Document Type":
		doctype = data.get("document_type")
		if problem := doctype_problem(doctype, '"document_type"'):
			problems.append(problem)
		else:
			if data.get("function") not in (None, "", "Count") or data.get("aggregate_function_based_on"):
				fieldname = data.get("aggregate_function_based_on")
				if not fieldname:
					problems.append(
						f'"aggregate_function_based_on" is required for function {data.get("function")!r}'
					)
				elif problem := md.field_problem(doctype, fieldname):
					problems.append(f'"aggregate_function_based_on": {problem}')
			for key in ("filters_json", "dynamic_filters_json"):
				problems += filters_problems(data.get(key), doctype, f'"{key}"')
	assert_no_problems(art.rel, problems)


@by_artefact("dashboard_chart")
def test_dashboard_chart_contract(art):
	data, problems = art.data, []
	chart_type = data.get("chart_type")
	if chart_type == "Report":
		if problem := _report_problem(data.get("report_name"), '"report_name"'):
			problems.append(problem)
	elif chart_type != "Custom":
		doctype = data.get("document_type")
		if problem := doctype_problem(doctype, '"document_type"'):
			problems.append(problem)
		else:
			for key in ("based_on", "value_based_on", "group_by_based_on", "aggregate_function_based_on"):
				if data.get(key) and (problem := md.field_problem(doctype, data[key])):
					problems.append(f'"{key}": {problem}')
			if chart_type == "Group By" and not data.get("group_by_based_on"):
				problems.append('"group_by_based_on" is required for a Group By chart')
			for key in ("filters_json", "dynamic_filters_json"):
				problems += filters_problems(data.get(key), doctype, f'"{key}"')
	assert_no_problems(art.rel, problems)


@by_artefact("print_format")
def test_print_format_contract(art):
	problem = doctype_problem(art.data.get("doc_type"), '"doc_type"')
	assert_no_problems(art.rel, [problem] if problem else [])


@by_artefact("notification")
def test_notification_contract(art):
	data, problems = art.data, []
	doctype = data.get("document_type")
	if problem := doctype_problem(doctype, '"document_type"'):
		problems.append(problem)
	else:
		for key in ("value_changed", "date_changed", "set_property_after_alert"):
			if data.get(key) and (problem := md.field_problem(doctype, data[key])):
				problems.append(f'"{key}": {problem}')
	for position, row in enumerate(data.get("recipients") or []):
		if isinstance(row, dict) and row.get("receiver_by_role"):
			if problem := role_problem(row["receiver_by_role"], f"recipients[{position}] receiver_by_role"):
				problems.append(problem)
	assert_no_problems(art.rel, problems)


# --------------------------------------------------------------------------- #
# Fixtures
# --------------------------------------------------------------------------- #


def by_fixture(parsed_only: bool):
	return pytest.mark.parametrize("fixture", md.fixture_files(parsed_only), ids=lambda f: f.id)


@by_fixture(parsed_only=False)
def test_fixture_file_is_readable(fixture):
	assert fixture.error is None, f"{fixture.rel}: {fixture.error}"


def _record_problems(record: dict, doctype: str, where: str) -> list[str]:
	"""Keys, Link values, Select values and child rows of one app-doctype record."""
	data = md.doctype_index()[doctype]
	fmap = md.field_map(data)
	fixture_doctypes = md.fixture_doctypes()
	problems = []
	for key, value in record.items():
		if key in md.STANDARD_RECORD_KEYS:
			continue
		fld = fmap.get(key)
		if fld is None:
			problems.append(f"{where}: key '{key}' is not a field of '{doctype}'")
			continue
		fieldtype, options = fld.get("fieldtype"), fld.get("options")
		if value in (None, "") or (isinstance(value, list) and not value):
			continue
		if fieldtype in md.TABLE_FIELDTYPES:
			if not isinstance(value, list):
				problems.append(f"{where}: '{key}' ({fieldtype}) must be a list of rows")
				continue
			child = md.doctype_index().get(options)
			for position, row in enumerate(value):
				row_where = f"{where} {key}[{position}]"
				if not isinstance(row, dict):
					problems.append(f"{row_where}: row is not an object")
				elif row.get("doctype") not in (None, options):
					problems.append(f"{row_where}: doctype {row.get('doctype')!r}, expected {options!r}")
				elif child is not None:
					problems += _record_problems(row, options, row_where)
		elif fieldtype == "Link":
			if options in md.doctype_index() and options in fixture_doctypes:
				if str(value) not in md.fixture_names(options):
					problems.append(
						f"{where}: '{key}' links to {options} '{value}', which no fixture record defines"
					)
			elif options == "Role" and (problem := role_problem(value, f"{where}: '{key}'")):
				problems.append(problem)
		elif fieldtype == "Select":
			choices = (options or "").split("\n") if isinstance(options, str) else []
			if choices and str(value) not in choices:
				problems.append(
					f"{where}: '{key}' value {value!r} is not one of the Select options {choices}"
				)
	return problems


def _workflow_problems(record: dict, where: str) -> list[str]:
	problems = []
	if problem := doctype_problem(record.get("document_type"), f'{where}: "document_type"'):
		problems.append(problem)
	states = {row.get("state") for row in record.get("states") or [] if isinstance(row, dict)}
	for position, row in enumerate(record.get("states") or []):
		if isinstance(row, dict) and (
			problem := role_problem(row.get("allow_edit"), f"{where} states[{position}] allow_edit")
		):
			problems.append(problem)
	for position, row in enumerate(record.get("transitions") or []):
		if not isinstance(row, dict):
			continue
		row_where = f"{where} transitions[{position}]"
		for key in ("state", "next_state"):
			if row.get(key) not in states:
				problems.append(f"{row_where}: {key} {row.get(key)!r} is not one of the workflow's states")
		if problem := role_problem(row.get("allowed"), f"{row_where} allowed"):
			problems.append(problem)
	return problems


@by_fixture(parsed_only=True)
def test_fixture_records(fixture):
	problems = []
	app_doctypes = md.doctype_index()
	for position, record in objects_with(
		"doctype",
		fixture.data,
		at=lambda position: f"record [{position}]",
		missing=lambda record: 'has no "doctype"',
		problems=problems,
	):
		doctype = record["doctype"]
		where = f"record [{position}] ({doctype} {record.get('name') or md.record_name(record) or '?'})"
		if doctype in app_doctypes:
			data = app_doctypes[doctype]
			if data.get("istable"):
				problems.append(f"{where}: '{doctype}' is a child table; ship it inside its parent record")
				continue
			if not data.get("issingle") and md.record_name(record) is None:
				problems.append(
					f'{where}: no "name" (and autoname is not field:...): the record would be '
					"duplicated at every import and cannot be linked to"
				)
			problems += _record_problems(record, doctype, where)
		elif doctype not in md.FIXTURE_CORE_DOCTYPES:
			problems.append(
				f"{where}: doctype '{doctype}' is neither an app doctype nor in metadata.FIXTURE_CORE_DOCTYPES"
			)
		elif doctype == "Role":
			if not record.get("role_name"):
				problems.append(f'{where}: "role_name" is missing')
			elif record.get("name") not in (None, record["role_name"]):
				problems.append(f'{where}: "name" must equal "role_name"')
		elif doctype == "Workflow":
			problems += _workflow_problems(record, where)
		elif doctype == "Custom Field":
			if problem := doctype_problem(record.get("dt"), f'{where}: "dt"'):
				problems.append(problem)
		elif doctype == "Property Setter":
			if problem := doctype_problem(record.get("doc_type"), f'{where}: "doc_type"'):
				problems.append(problem)
	assert_no_problems(fixture.rel, problems)


def test_fixture_record_names_are_unique():
	problems, seen = [], {}
	for fixture, position, record in md.fixture_records():
		name = md.record_name(record)
		if not name:
			continue
		key = (record.get("doctype"), name)
		if key in seen:
			problems.append(f"{key[0]} '{name}' shipped twice: {seen[key]} and {fixture.rel} [{position}]")
		seen.setdefault(key, f"{fixture.rel} [{position}]")
	assert_no_problems("pdn_frappe/fixtures", problems)
