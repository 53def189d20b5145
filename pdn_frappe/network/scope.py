"""Who may see and change which records: the one home of department scoping.

The scope of a user is read from the registry itself, never from what was granted earlier:

- a coordinator or a CAF agent sees the departments whose team (``PdN Department Member``)
  lists them with that role;
- a structure manager sees the structures whose contacts give them manager access, and those
  structures' departments;
- a promeneur sees their own record, their structure and their department, as long as their
  status keeps the access (see :data:`pdn_frappe.domain.lifecycle` for the statuses);
- the System Manager (and Administrator) is never scoped.

Every department-scoped doctype is listed in :data:`SCOPED_DOCTYPES`; ``hooks.py`` points its
``permission_query_conditions`` and ``has_permission`` hooks at :func:`query_conditions` and
:func:`has_permission`, and its write events at :func:`guard_write`. Reports, number cards and
whitelisted methods read the same scope through :func:`allowed_departments` and
:func:`criterion`.

Scoping fails closed: a user holding a PdN role and no reason in the registry sees nothing, and
a write is checked on the stored record and on the record after the change (fetched values
included), as well as on every scoped record its links and child rows point at.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.query_builder import Criterion
from frappe.utils import cint, cstr, flt

from pdn_frappe import roles
from pdn_frappe.domain import lifecycle
from pdn_frappe.exceptions import OutOfScopeError

ALL = None  # "no restriction" in a scope's sets

# A promeneur whose record has one of these statuses keeps no access (see the lifecycle).
ENDED_STATUSES = lifecycle.ENDED_STATUSES

READ_TYPES = frozenset({"read", "select", "print", "email", "report", "export", "share"})
NOTHING = "1=0"
PUBLISHED = "Published"  # the practice notes' workflow state that promeneurs of the department read


@dataclass(frozen=True)
class Keys:
	"""The fields of a doctype that decide its scope (None: the doctype has no such field)."""

	department: str | None = "department"
	structure: str | None = None
	promeneur: str | None = None


SCOPED_DOCTYPES: dict[str, Keys] = {
	"PdN Department": Keys(department="name"),
	"PdN Structure": Keys(structure="name"),
	"PdN Promeneur": Keys(structure="structure", promeneur="name"),
	"PdN Convention": Keys(structure="structure"),
	"PdN Convention Amendment": Keys(structure="structure"),
	"PdN Charter Signature": Keys(structure="structure", promeneur="promeneur"),
	"PdN Evaluation": Keys(structure="structure", promeneur="promeneur"),
	"PdN Evaluation Reminder": Keys(promeneur="promeneur"),
	"PdN Training": Keys(),
	"PdN Training Feedback": Keys(promeneur="promeneur"),
	"PdN Coordination Activity": Keys(),
	"PdN Coordination Report": Keys(),
	"PdN Practice Note": Keys(),
	"PdN Resource Referent": Keys(),
	# a proposal to the address book: its author and the coordination of the department only
	"PdN Resource Proposal": Keys(promeneur="promeneur"),
	"PdN Application": Keys(),
	"PdN Application Call": Keys(),
	"PdN Steering Meeting": Keys(),
	# a structure's request: its managers (their structure only) and its department's staff
	"PdN Structure Request": Keys(structure="structure"),
	"PdN Roadmap Item": Keys(),
	"PdN Coordination Budget": Keys(),
}


@dataclass
class RoleScope:
	"""What one role of one user reaches: departments, and for some roles structures and a record."""

	departments: frozenset[str] | None = frozenset()
	structures: frozenset[str] | None = ALL
	promeneurs: frozenset[str] | None = ALL

	@property
	def empty(self) -> bool:
		return self.departments is not ALL and not self.departments


@dataclass
class UserScope:
	user: str
	unrestricted: bool = False
	by_role: dict[str, RoleScope] = field(default_factory=dict)
	read_only: bool = False  # a suspended promeneur keeps a read-only access to their own record

	def departments(self) -> frozenset[str] | None:
		"""Every department any role of the user reaches (None: all of them)."""
		if self.unrestricted:
			return ALL
		result: set[str] = set()
		for scope in self.by_role.values():
			if scope.departments is ALL:
				return ALL
			result |= scope.departments
		return frozenset(result)


# ---------------------------------------------------------------- reading the registry


def _cache() -> dict:
	cache = getattr(frappe.local, "pdn_scope_cache", None)
	if cache is None:
		cache = frappe.local.pdn_scope_cache = {}
		# a rolled-back change of the registry must not leave a scope behind
		if clear_cache not in frappe.db.after_rollback._functions:
			frappe.db.after_rollback.add(clear_cache)
	return cache


def clear_cache(*args, **kwargs) -> None:
	"""Forget every computed scope (the registry changed)."""
	frappe.local.pdn_scope_cache = None


def user_scope(user: str | None = None) -> UserScope:
	user = user or frappe.session.user
	cache = _cache()
	if user not in cache:
		cache[user] = _compute(user)
	return cache[user]


def _compute(user: str) -> UserScope:
	user_roles = set(frappe.get_roles(user))
	if user == "Administrator" or user_roles.intersection(roles.UNRESTRICTED_ROLES):
		return UserScope(user, unrestricted=True)
	scope = UserScope(user)
	reasons = registry_reasons(user)
	for role in roles.DEPARTMENT_STAFF:
		if role in user_roles:
			scope.by_role[role] = RoleScope(departments=frozenset(reasons.departments.get(role, ())))
	if roles.STRUCTURE_MANAGER in user_roles:
		scope.by_role[roles.STRUCTURE_MANAGER] = RoleScope(
			departments=frozenset(reasons.managed.values()),
			structures=frozenset(reasons.managed),
		)
	if roles.PROMENEUR_ROLE in user_roles:
		own = [row for row in reasons.promeneurs if row.status not in ENDED_STATUSES]
		scope.by_role[roles.PROMENEUR_ROLE] = RoleScope(
			departments=frozenset(row.department for row in own if row.department),
			structures=frozenset(row.structure for row in own if row.structure),
			promeneurs=frozenset(row.name for row in own),
		)
		scope.read_only = bool(own) and all(row.status == lifecycle.SUSPENDED for row in own)
	if roles.ADMINISTRATOR in user_roles:
		# national administration: the reference data of every department, no personal records
		# (its role permissions give it none)
		scope.by_role[roles.ADMINISTRATOR] = RoleScope(departments=ALL)
	return scope


@dataclass
class Reasons:
	"""Why a user holds network roles, as the registry says today."""

	departments: dict[str, set[str]]  # role -> departments whose team lists the user with it
	managed: dict[str, str]  # structure -> its department, for contacts with manager access
	promeneurs: list  # the promeneur records whose login is the user

	def network_roles(self) -> set[str]:
		wanted = {role for role, departments in self.departments.items() if departments}
		if self.managed:
			wanted.add(roles.STRUCTURE_MANAGER)
		if any(row.status not in ENDED_STATUSES for row in self.promeneurs):
			wanted.add(roles.PROMENEUR_ROLE)
		return wanted


def registry_reasons(user: str) -> Reasons:
	departments: dict[str, set[str]] = {}
	for row in frappe.get_all(
		"PdN Department Member",
		filters={"user": user, "parenttype": "PdN Department"},
		fields=["parent", "role"],
	):
		departments.setdefault(row.role, set()).add(row.parent)

	contact = frappe.qb.DocType("PdN Structure Contact")
	structure = frappe.qb.DocType("PdN Structure")
	managed = dict(
		frappe.qb.from_(contact)
		.join(structure)
		.on(structure.name == contact.parent)
		.select(structure.name, structure.department)
		.where((contact.user == user) & (contact.is_manager == 1) & (contact.parenttype == "PdN Structure"))
		.run()
	)
	promeneurs = frappe.get_all(
		"PdN Promeneur", filters={"user": user}, fields=["name", "department", "structure", "status"]
	)
	return Reasons(departments, {k: v for k, v in managed.items() if v}, promeneurs)


# ---------------------------------------------------------------- roles and permission types


def _roles_with(doctype: str, ptype: str, user: str) -> set[str]:
	"""The user's roles whose permissions on ``doctype`` (level 0) include ``ptype``."""
	allowed = set()
	for perm in frappe.permissions.get_valid_perms(doctype, user):
		if (perm.get("permlevel") or 0) != 0:
			continue
		if perm.get(ptype) or (ptype in READ_TYPES and perm.get("read")):
			allowed.add(perm.get("role"))
	return allowed


def _role_scopes(doctype: str, ptype: str, scope: UserScope) -> list[tuple[str, RoleScope]]:
	return [
		(role, role_scope)
		for role, role_scope in scope.by_role.items()
		if role in _roles_with(doctype, ptype, scope.user)
	]


# ---------------------------------------------------------------- matching one record


def _extra_allows(doctype: str, role: str, record, user: str) -> bool:
	"""The rules beyond the department, structure and record that some doctypes add per role."""
	if doctype == "PdN Resource Referent" and role in (roles.PROMENEUR_ROLE, roles.STRUCTURE_MANAGER):
		return bool(record.get("visible_to_promeneurs"))
	if doctype == "PdN Practice Note" and role == roles.PROMENEUR_ROLE:
		return record.get("workflow_state") == PUBLISHED or record.get("owner") in (user, None, "")
	return True


def _within(value, allowed) -> bool:
	return allowed is ALL or (bool(value) and value in allowed)


def record_matches(doctype: str, record, role: str, role_scope: RoleScope, user: str) -> bool:
	keys = SCOPED_DOCTYPES[doctype]
	if not _within(record.get(keys.department), role_scope.departments):
		return False
	if keys.structure and not _within(record.get(keys.structure), role_scope.structures):
		return False
	if keys.promeneur and not _within(record.get(keys.promeneur), role_scope.promeneurs):
		return False
	return _extra_allows(doctype, role, record, user)


def allows(doctype: str, record, ptype: str = "read", user: str | None = None) -> bool:
	"""Whether ``user`` may ``ptype`` this record of a scoped doctype, as far as scope goes."""
	scope = user_scope(user)
	if scope.unrestricted or doctype not in SCOPED_DOCTYPES:
		return True
	if scope.read_only and ptype not in READ_TYPES and _only_promeneur(scope):
		return False
	return any(
		record_matches(doctype, record, role, role_scope, scope.user)
		for role, role_scope in _role_scopes(doctype, ptype, scope)
	)


def _only_promeneur(scope: UserScope) -> bool:
	return set(scope.by_role) == {roles.PROMENEUR_ROLE}


# ---------------------------------------------------------------- Frappe hooks


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug=False) -> bool:
	"""``has_permission`` hook of every scoped doctype. It can only take a permission away."""
	ptype = ptype or "read"
	if doc.is_new() and ptype in READ_TYPES:
		# a form being filled in: what is checked is its creation
		ptype = "create"
	if not allows(doc.doctype, doc, ptype, user):
		return False
	if ptype == "write" and (user or frappe.session.user) == frappe.session.user:
		return not _changes_locked_fields(doc)
	return True


# ---------------------------------------------------------------- fields above the user's level

NUMBER_TYPES = {"Int": cint, "Check": cint, "Float": flt, "Currency": flt, "Percent": flt}
SKIPPED_ROW_FIELDS = {
	"name",
	"idx",
	"parent",
	"parentfield",
	"parenttype",
	"doctype",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"docstatus",
}


def _normal(df, value):
	if df.fieldtype in NUMBER_TYPES:
		return NUMBER_TYPES[df.fieldtype](value)
	return cstr(value).strip() if value is not None else ""


def _rows(meta, rows) -> list[tuple]:
	fields = [
		df
		for df in meta.fields
		if df.fieldname not in SKIPPED_ROW_FIELDS and df.fieldtype not in no_value_fields
	]
	return [tuple(_normal(df, row.get(df.fieldname)) for df in fields) for row in rows or []]


def _changes_locked_fields(doc) -> bool:
	"""Whether a save would change fields above the user's permission level.

	Frappe silently puts such values back; the network wants the attempt refused, with the fields
	named, so that a refused change never looks like an accepted one.
	"""
	if doc.is_new() or doc.flags.ignore_permissions or frappe.session.user == "Administrator":
		return False
	writable = set(doc.get_permlevel_access("write"))
	locked = [df for df in doc.meta.fields if df.permlevel and df.permlevel not in writable]
	locked = [df for df in locked if df.fieldtype not in no_value_fields or df.fieldtype in table_fields]
	if not locked:
		return False
	stored = frappe.get_doc(doc.doctype, doc.name)
	changed = []
	for df in locked:
		if df.fieldtype in table_fields:
			meta = frappe.get_meta(df.options)
			if _rows(meta, doc.get(df.fieldname)) != _rows(meta, stored.get(df.fieldname)):
				changed.append(df)
		elif df.fieldname in doc.__dict__ and _normal(df, doc.get(df.fieldname)) != _normal(
			df, stored.get(df.fieldname)
		):
			changed.append(df)
	if changed:
		frappe.msgprint(
			_("You may not change these fields: {0}.").format(", ".join(_(df.label) for df in changed)),
			title=_("Not allowed"),
			indicator="red",
		)
	return bool(changed)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""``permission_query_conditions`` hook of every scoped doctype: matches nothing without scope."""
	scope = user_scope(user)
	if scope.unrestricted:
		return ""
	table = f"`tab{doctype}`"
	clauses = []
	for role, role_scope in _role_scopes(doctype, "read", scope):
		clause = _sql_for(doctype, role, role_scope, table, scope.user)
		if clause is None:
			return ""
		clauses.append(clause)
	if not clauses:
		return NOTHING
	return "(" + " or ".join(f"({clause})" for clause in clauses) + ")"


def _sql_in(column: str, values) -> str:
	if not values:
		return NOTHING
	return f"{column} in ({', '.join(frappe.db.escape(value) for value in sorted(values))})"


def _limits(doctype: str, role_scope: RoleScope) -> list[tuple[str, frozenset]]:
	"""(field of ``doctype``, the values allowed in it) for each key the role's scope restricts."""
	keys = SCOPED_DOCTYPES[doctype]
	return [
		(fieldname, allowed)
		for fieldname, allowed in (
			(keys.department, role_scope.departments),
			(keys.structure, role_scope.structures),
			(keys.promeneur, role_scope.promeneurs),
		)
		if fieldname and allowed is not ALL
	]


def _sql_for(doctype: str, role: str, role_scope: RoleScope, table: str, user: str) -> str | None:
	parts = [
		_sql_in(f"{table}.`{fieldname}`", allowed) for fieldname, allowed in _limits(doctype, role_scope)
	]
	if doctype == "PdN Resource Referent" and role in (roles.PROMENEUR_ROLE, roles.STRUCTURE_MANAGER):
		parts.append(f"{table}.`visible_to_promeneurs` = 1")
	if doctype == "PdN Practice Note" and role == roles.PROMENEUR_ROLE:
		parts.append(
			f"({table}.`workflow_state` = {frappe.db.escape(PUBLISHED)} "
			f"or {table}.`owner` = {frappe.db.escape(user)})"
		)
	if not parts:
		return None
	return " and ".join(parts)


# ---------------------------------------------------------------- writes: before and after


def guard_write(doc, method: str | None = None) -> None:
	"""Doc event of every scoped doctype, run after links are fetched and before the row is written.

	The stored record and the record as it will be saved must both lie within the user's scope for
	the action, and so must every scoped record that its links and child rows point at. A change made
	by the app on the user's behalf (``ignore_permissions``) is still kept within what the user can
	see.
	"""
	scope = user_scope()
	if scope.unrestricted or frappe.session.user == "Guest" or not scope.by_role:
		return
	ptype = _ptype_of(doc, method)
	if doc.flags.ignore_permissions:
		ptype = "read"
	before = None if doc.is_new() else doc.get_doc_before_save()
	for version, label in ((before, _("as it is stored")), (doc, _("after this change"))):
		if version is not None and not allows(doc.doctype, version, ptype):
			_refuse(doc, label)
	check_links(doc, before)


def _ptype_of(doc, method: str | None) -> str:
	if doc.is_new():
		return "create"
	return {"before_submit": "submit", "before_cancel": "cancel"}.get(method or "", "write")


def _refuse(doc, label: str) -> None:
	frappe.throw(
		_(
			"You cannot save {0} {1}: the record {2} lies outside your department, structure or record."
		).format(_(doc.doctype), frappe.bold(doc.name or _("new")), label),
		exc=OutOfScopeError,
		title=_("Outside your scope"),
	)


def _links(doc) -> set[tuple[str, str]]:
	"""The (doctype, name) pairs of scoped records that ``doc`` and its child rows link to."""
	found = set()
	for row in [doc, *doc.get_all_children()]:
		for df in row.meta.get_link_fields():
			value = row.get(df.fieldname)
			if value and df.options in SCOPED_DOCTYPES and not (row is doc and df.fieldname == "name"):
				found.add((df.options, value))
	return found


def check_links(doc, before=None) -> None:
	"""Every scoped record that a change adds as a link must be one the user may read."""
	added = _links(doc) - (_links(before) if before is not None else set())
	for doctype, name in sorted(added):
		if doctype == doc.doctype and name == doc.name:
			continue
		keys = SCOPED_DOCTYPES[doctype]
		fields = {"name", "owner", *(f for f in (keys.department, keys.structure, keys.promeneur) if f)}
		if doctype == "PdN Resource Referent":
			fields.add("visible_to_promeneurs")
		if doctype == "PdN Practice Note":
			fields.add("workflow_state")
		record = frappe.db.get_value(doctype, name, sorted(fields), as_dict=True)
		if record is None:
			continue  # Frappe's own link validation reports a missing record
		if not allows(doctype, record, "read"):
			frappe.throw(
				_(
					"{0} {1} lies outside your department, structure or record: it cannot be linked here."
				).format(_(doctype), frappe.bold(name)),
				exc=OutOfScopeError,
				title=_("Outside your scope"),
			)


def check_stored(doctype: str, name: str, ptype: str = "write") -> None:
	"""For whitelisted methods: the record as stored (never as sent) must be within scope."""
	if not frappe.has_permission(doctype, ptype, doc=frappe.get_doc(doctype, name)):
		frappe.throw(
			_("You are not allowed to change {0} {1}.").format(_(doctype), frappe.bold(name)),
			frappe.PermissionError,
		)


# ---------------------------------------------------------------- reports, cards, methods


def allowed_departments(user: str | None = None, doctype: str | None = None) -> frozenset[str] | None:
	"""The departments whose figures the user may see: None for all, an empty set for none.

	With ``doctype``, only the roles that may read that doctype count.
	"""
	scope = user_scope(user)
	if scope.unrestricted:
		return ALL
	if doctype is None:
		return scope.departments()
	result: set[str] = set()
	for _role, role_scope in _role_scopes(doctype, "read", scope):
		if role_scope.departments is ALL:
			return ALL
		result |= role_scope.departments
	return frozenset(result)


def criterion(table, doctype: str, user: str | None = None) -> Criterion:
	"""The scope of ``doctype`` as a query-builder criterion on ``table`` (an alias of that doctype)."""
	scope = user_scope(user)
	if scope.unrestricted:
		return Criterion.all([])
	alternatives = []
	for role, role_scope in _role_scopes(doctype, "read", scope):
		parts = [
			table[fieldname].isin(sorted(allowed) or [""]) & (table[fieldname] != "")
			for fieldname, allowed in _limits(doctype, role_scope)
		]
		if doctype == "PdN Resource Referent" and role in (roles.PROMENEUR_ROLE, roles.STRUCTURE_MANAGER):
			parts.append(table.visible_to_promeneurs == 1)
		if not parts:
			return Criterion.all([])
		alternatives.append(Criterion.all(parts))
	if not alternatives:
		return table.name.isnull()  # a name is never null: nothing
	return Criterion.any(alternatives)


def finer_than_departments(doctype: str, user: str | None = None) -> bool:
	"""Whether the user's scope on ``doctype`` names structures or records (a promeneur's own) and not
	only departments: figures added up by department cannot answer for such a user."""
	scope = user_scope(user)
	if scope.unrestricted:
		return False
	keys = SCOPED_DOCTYPES[doctype]
	return any(
		(keys.structure and role_scope.structures is not ALL)
		or (keys.promeneur and role_scope.promeneurs is not ALL)
		for _role, role_scope in _role_scopes(doctype, "read", scope)
	)


def is_scoped_user(user: str | None = None) -> bool:
	"""Whether the user's access goes through the scope (any app role, and not a System Manager)."""
	scope = user_scope(user)
	return not scope.unrestricted and bool(scope.by_role)


def record_method(ptype: str = "write", methods: tuple[str, ...] = ("POST",)):
	"""Whitelist a document method so that it acts on the stored record, within the user's scope.

	``run_doc_method`` builds the document from what the browser sends; a method decorated here
	reloads it from the database first, then checks ``ptype`` on it, so that no value sent with the
	call (a department, a structure, a name) can carry it across a boundary. State-changing methods
	accept POST only.
	"""

	def decorate(method):
		@functools.wraps(method)
		def wrapper(self, *args, **kwargs):
			if not self.is_new():
				self.load_from_db()
			self.check_permission(ptype)
			return method(self, *args, **kwargs)

		wrapper.pdn_record_method = ptype  # found by the tests, which try each one out of scope
		return frappe.whitelist(methods=list(methods))(wrapper)

	return decorate


# ---------------------------------------------------------------- files and counts


def file_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""``permission_query_conditions`` of File: a file attached to a scoped record is listed only to
	those who may read that record (Frappe lists files by doctype, not by record)."""
	scope = user_scope(user)
	if scope.unrestricted:
		return ""
	alternatives = ["`tabFile`.`attached_to_doctype` is null"]
	scoped = ", ".join(frappe.db.escape(name) for name in sorted(SCOPED_DOCTYPES))
	alternatives.append(f"`tabFile`.`attached_to_doctype` not in ({scoped})")
	for name in sorted(SCOPED_DOCTYPES):
		condition = query_conditions(scope.user, name)
		if condition == NOTHING:
			continue
		records = f"select `tab{name}`.`name` from `tab{name}`" + (f" where {condition}" if condition else "")
		alternatives.append(
			f"(`tabFile`.`attached_to_doctype` = {frappe.db.escape(name)} "
			f"and `tabFile`.`attached_to_name` in ({records}))"
		)
	return "(" + " or ".join(alternatives) + ")"


def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""``permission_query_conditions`` of the app's child tables: Frappe lists child rows
	(``frappe.client.get_list`` with ``parent``) on the parent doctype's permission alone, not the
	parent record's; a row of a scoped parent is listed only to those who may read that record."""
	scope = user_scope(user)
	if scope.unrestricted:
		return ""
	table = f"`tab{doctype}`"
	scoped = ", ".join(frappe.db.escape(name) for name in sorted(SCOPED_DOCTYPES))
	alternatives = [f"{table}.`parenttype` not in ({scoped})"]
	for name in sorted(SCOPED_DOCTYPES):
		if not any(df.options == doctype for df in frappe.get_meta(name).get_table_fields()):
			continue
		condition = query_conditions(scope.user, name)
		if condition == NOTHING:
			continue
		records = f"select `tab{name}`.`name` from `tab{name}`" + (f" where {condition}" if condition else "")
		alternatives.append(
			f"({table}.`parenttype` = {frappe.db.escape(name)} and {table}.`parent` in ({records}))"
		)
	return "(" + " or ".join(alternatives) + ")"


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""``frappe.client.get_count`` counts every row of a doctype; for the scoped ones, count what
	the user may list."""
	if doctype not in SCOPED_DOCTYPES:
		from frappe.client import get_count as frappe_get_count

		return frappe_get_count(doctype, filters=filters, debug=debug, cache=cache)
	rows = frappe.get_list(
		doctype, filters=frappe.parse_json(filters) if filters else None, fields=["count(*) as count"]
	)
	return rows[0].count if rows else 0
