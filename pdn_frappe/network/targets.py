"""The yearly target of promeneurs that the steering committee sets each department, against the
promeneurs active today: the workspace's number card, and the targets the annual synthesis shows.

A promeneur counts as active from their start date until their end date, a suspension included,
as on the "Active promeneurs" card and in the reports. The departments compared are those the user
oversees: a coordinator's or a CAF agent's departments
(every department for a System Manager). A structure manager oversees no department: their card
shows their active promeneurs without a target.
"""

from __future__ import annotations

import frappe
from frappe.query_builder.functions import Count

from pdn_frappe import roles
from pdn_frappe.network import scope

PROMENEUR = "PdN Promeneur"
DEPARTMENT = "PdN Department"
CANDIDATE = "Candidate"


def department_targets(departments: list[str]) -> dict[str, int]:
	"""department -> its target number of promeneurs, for those that have one (above 0)."""
	if not departments:
		return {}
	department = frappe.qb.DocType(DEPARTMENT)
	return {
		code: int(target)
		for code, target in (
			frappe.qb.from_(department)
			.select(department.name, department.target_promeneurs)
			.where(department.name.isin(list(departments)))
			.where(department.target_promeneurs > 0)
			.run()
		)
	}


def is_active(promeneur):
	"""In the network today: past the candidacy, started, not ended."""
	return (promeneur.status != CANDIDATE) & promeneur.active_since.isnotnull() & promeneur.ended_on.isnull()


def overseen_departments(user: str | None = None) -> frozenset[str] | None:
	"""The departments whose whole network the user follows (None: all of them)."""
	user_scope = scope.user_scope(user)
	if user_scope.unrestricted:
		return scope.ALL
	found: set[str] = set()
	for role in roles.DEPARTMENT_STAFF:
		role_scope = user_scope.by_role.get(role)
		if role_scope is None:
			continue
		if role_scope.departments is scope.ALL:
			return scope.ALL
		found |= role_scope.departments
	return frozenset(found)


def active_against_target(user: str | None = None) -> tuple[int, int | None]:
	"""(active promeneurs, sum of the targets) over the departments the user oversees; without
	overseen departments, the active promeneurs the user may see and no target."""
	departments = overseen_departments(user)
	promeneur = frappe.qb.DocType(PROMENEUR)
	query = (
		frappe.qb.from_(promeneur)
		.select(Count(promeneur.name))
		.where(is_active(promeneur))
		.where(scope.criterion(promeneur, PROMENEUR, user))
	)
	if departments is scope.ALL:
		codes = frappe.get_all(DEPARTMENT, pluck="name")
	else:
		codes = sorted(departments)
		if not codes:
			return query.run()[0][0] or 0, None
		query = query.where(promeneur.department.isin(codes))
	targets = department_targets(codes)
	return query.run()[0][0] or 0, (sum(targets.values()) or None)


@frappe.whitelist()
@frappe.read_only()
def active_promeneurs_against_target(filters=None) -> str:
	"""Number card « Promeneurs actifs / objectif »: "47 / 55", or "47" without a target.

	A card method may return its text as it is to be shown: here two numbers, nothing else."""
	frappe.has_permission(PROMENEUR, "read", throw=True)
	active, target = active_against_target()
	return f"{active} / {target}" if target else str(active)
