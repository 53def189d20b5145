"""Queries of the public directory (``/promeneurs``), run as Guest.

What may be published is decided in :mod:`pdn_frappe.domain.directory`; this
module only reads the rows, a page at a time, without one query per promeneur.
"""

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count
from frappe.utils import getdate, nowdate

from pdn_frappe.domain import directory, lifecycle
from pdn_frappe.domain.conventions import ACTIVE as CONVENTION_ACTIVE
from pdn_frappe.settings import get_settings

PROMENEUR = DocType("PdN Promeneur")
STRUCTURE = DocType("PdN Structure")
DEPARTMENT = DocType("PdN Department")
PROFILE = DocType("PdN Network Profile")
OFFICE_HOUR = DocType("PdN Office Hour")
CONVENTION = DocType("PdN Convention")


def is_enabled() -> bool:
	return get_settings().directory_enabled


def page_size() -> int:
	return get_settings().directory_page_size


def _public_columns() -> tuple:
	"""The only columns the directory ever reads: nothing it may not publish."""
	return (
		PROMENEUR.name,
		PROMENEUR.first_name,
		PROMENEUR.photo,
		PROMENEUR.profession,
		PROMENEUR.job_title,
		PROMENEUR.mission,
		PROMENEUR.department,
		PROMENEUR.public_12_17,
		PROMENEUR.public_18_25,
		PROMENEUR.public_parents,
		STRUCTURE.structure_name,
		STRUCTURE.city,
		STRUCTURE.phone.as_("structure_phone"),
		STRUCTURE.website.as_("structure_website"),
		DEPARTMENT.department_name,
	)


def _listed():
	"""The rule of :func:`pdn_frappe.domain.lifecycle.is_listed`, checked at each request: active,
	consenting, and the structure has a convention in force today (status and period, as
	:func:`pdn_frappe.domain.lifecycle.convention_in_force` reads them)."""
	return (
		(PROMENEUR.status == lifecycle.ACTIVE)
		& (PROMENEUR.directory_consent == 1)
		& PROMENEUR.structure.isin(_structures_in_force())
	)


def _structures_in_force():
	"""The structures that have a convention in force today."""
	today = getdate(nowdate())
	return (
		frappe.qb.from_(CONVENTION)
		.select(CONVENTION.structure)
		.where(
			(CONVENTION.status == CONVENTION_ACTIVE)
			& (CONVENTION.start_date <= today)
			& (CONVENTION.end_date >= today)
		)
	)


def _base_query():
	return (
		frappe.qb.from_(PROMENEUR)
		.join(STRUCTURE)
		.on(STRUCTURE.name == PROMENEUR.structure)
		.join(DEPARTMENT)
		.on(DEPARTMENT.name == PROMENEUR.department)
		.where(_listed())
	)


def listed_query():
	"""The promeneurs the directory lists today, joined with their structure and department.

	For the app's own readers of the listing (the national directory report, the national-site
	registration): the caller selects its columns and applies the user's scope.
	"""
	return _base_query()


def listed_names(structures: list[str] | None = None) -> list[str]:
	"""The promeneurs the directory lists today (of ``structures`` only, when given)."""
	query = _base_query().select(PROMENEUR.name)
	if structures is not None:
		if not structures:
			return []
		query = query.where(PROMENEUR.structure.isin(structures))
	return query.run(pluck=True)


def children(table, names: list[str], fields: list[str]) -> dict[str, list[dict]]:
	"""Rows of a promeneur child table (network profiles, office hours) for ``names``, by promeneur,
	in one query."""
	return _children(table, names, fields)


def _apply(query, filters: directory.DirectoryFilters):
	if filters.department:
		query = query.where(PROMENEUR.department == filters.department)
	if filters.network:
		on_network = (
			frappe.qb.from_(PROFILE)
			.select(PROFILE.parent)
			.where((PROFILE.parenttype == "PdN Promeneur") & (PROFILE.social_network == filters.network))
		)
		query = query.where(PROMENEUR.name.isin(on_network))
	if filters.public:
		query = query.where(PROMENEUR[directory.PUBLICS[filters.public]] == 1)
	if filters.mission:
		query = query.where(PROMENEUR.mission.isin(directory.MISSIONS[filters.mission]))
	if filters.query:
		pattern = f"%{filters.query}%"
		query = query.where(
			PROMENEUR.first_name.like(pattern)
			| STRUCTURE.structure_name.like(pattern)
			| STRUCTURE.city.like(pattern)
		)
	return query


def options() -> dict:
	"""Departments and networks a visitor can filter on: those of listed promeneurs."""
	departments = (
		_base_query()
		.select(DEPARTMENT.name, DEPARTMENT.department_name)
		.distinct()
		.orderby(DEPARTMENT.name)
		.run(as_dict=True)
	)
	networks = (
		frappe.qb.from_(PROFILE)
		.join(PROMENEUR)
		.on(PROMENEUR.name == PROFILE.parent)
		.select(PROFILE.social_network)
		.distinct()
		.where(_listed() & (PROFILE.parenttype == "PdN Promeneur"))
		.orderby(PROFILE.social_network)
		.run(pluck=True)
	)
	return {"departments": departments, "networks": networks}


def search(filters: directory.DirectoryFilters, size: int) -> tuple[list[directory.PublicProfile], int]:
	"""One page of listed promeneurs matching ``filters``, and how many match in all."""
	total = _apply(_base_query().select(Count(PROMENEUR.name)), filters).run()[0][0]
	rows = (
		_apply(_base_query(), filters)
		.select(*_public_columns())
		.orderby(PROMENEUR.department)
		.orderby(PROMENEUR.first_name)
		.orderby(PROMENEUR.name)
		.limit(size)
		.offset((filters.page - 1) * size)
		.run(as_dict=True)
	)
	return _profiles(rows), total


def get_profile(name: str) -> directory.PublicProfile | None:
	rows = _base_query().select(*_public_columns()).where(PROMENEUR.name == name).run(as_dict=True)
	profiles = _profiles(rows)
	return profiles[0] if profiles else None


def preview_profile(name: str) -> directory.PublicProfile | None:
	"""What the directory would show of a promeneur, listed or not (for the promeneur's own preview)."""
	rows = (
		frappe.qb.from_(PROMENEUR)
		.left_join(STRUCTURE)
		.on(STRUCTURE.name == PROMENEUR.structure)
		.left_join(DEPARTMENT)
		.on(DEPARTMENT.name == PROMENEUR.department)
		.select(*_public_columns())
		.where(PROMENEUR.name == name)
		.run(as_dict=True)
	)
	profiles = _profiles(rows)
	return profiles[0] if profiles else None


def structure_in_force(structure: str | None) -> bool:
	"""Whether the structure has a convention in force today (the directory's third condition)."""
	if not structure:
		return False
	return bool(_structures_in_force().where(CONVENTION.structure == structure).limit(1).run())


def _children(table, names: list[str], fields: list[str]) -> dict[str, list[dict]]:
	grouped: dict[str, list[dict]] = {name: [] for name in names}
	if not names:
		return grouped
	rows = (
		frappe.qb.from_(table)
		.select(table.parent, *(table[field] for field in fields))
		.where((table.parenttype == "PdN Promeneur") & table.parent.isin(names))
		.orderby(table.idx)
		.run(as_dict=True)
	)
	for row in rows:
		grouped[row.parent].append(row)
	return grouped


def _profiles(rows: list[dict]) -> list[directory.PublicProfile]:
	names = [row.name for row in rows]
	networks = _children(PROFILE, names, ["social_network", "profile_name", "profile_url"])
	hours = _children(OFFICE_HOUR, names, ["weekday", "from_time", "to_time"])
	return [directory.public_profile(row, networks[row.name], hours[row.name]) for row in rows]


def department(code: str) -> dict | None:
	"""What a department's directory page shows of the department: its name and its coordination's
	public contact (to report a problem); None for an unknown code."""
	rows = (
		frappe.qb.from_(DEPARTMENT)
		.select(
			DEPARTMENT.name,
			DEPARTMENT.department_name,
			DEPARTMENT.coordination_email,
			DEPARTMENT.coordination_phone,
			DEPARTMENT.website,
		)
		.where(DEPARTMENT.name == code)
		.run(as_dict=True)
	)
	return rows[0] if rows else None


def coordination_emails(codes: list[str]) -> dict[str, str]:
	"""The coordination e-mail of each department, to report a problem about one of its promeneurs."""
	if not codes:
		return {}
	rows = (
		frappe.qb.from_(DEPARTMENT)
		.select(DEPARTMENT.name, DEPARTMENT.coordination_email)
		.where(DEPARTMENT.name.isin(sorted(set(codes))))
		.run()
	)
	return {code: email for code, email in rows if email}


def listed_pages() -> tuple[list[str], list[str]]:
	"""The departments that have listed promeneurs and the listed promeneurs, for the sitemap."""
	rows = _base_query().select(PROMENEUR.name, PROMENEUR.department).orderby(PROMENEUR.name).run()
	return sorted({department for _name, department in rows}), [name for name, _department in rows]
