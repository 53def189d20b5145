"""Query-builder pieces shared by the reports, the number cards and the reminders.

The rule of who owes a questionnaire is :func:`pdn_frappe.domain.evaluation.is_expected`;
:func:`expected_criterion` is the same rule in SQL. :func:`permission_criteria` applies the User
Permissions of the current user to a query, as ``frappe.get_list`` would, so that a coordinator or
a CAF agent only aggregates their department and a structure manager their structure.
"""

from __future__ import annotations

import frappe
from frappe.permissions import get_user_permissions
from frappe.query_builder import Criterion
from frappe.query_builder.functions import IfNull

from pdn_frappe.domain import evaluation as rules

EVALUATION = "PdN Evaluation"
PROMENEUR = "PdN Promeneur"


def expected_criterion(promeneur_table, period: rules.Period) -> Criterion:
	"""Promeneurs whose activity overlaps ``period`` (candidates excluded), as in ``rules.is_expected``."""
	p = promeneur_table
	return (
		(p.status != rules.CANDIDATE)
		& p.active_since.isnotnull()
		& (p.active_since <= period.end)
		& (p.ended_on.isnull() | (p.ended_on >= period.start))
	)


def permission_criteria(table, doctype: str, user: str | None = None) -> list[Criterion]:
	"""The User Permission restrictions of ``user`` on the link fields of ``doctype``.

	Mirrors ``frappe.model.db_query.DatabaseQuery.add_user_permissions``: for each link field whose
	target the user is restricted on, the value must be one of the allowed records (or empty, unless
	strict user permissions are on). Administrator and System Managers are never restricted.
	"""
	user = user or frappe.session.user
	if user == "Administrator" or "System Manager" in frappe.get_roles(user):
		return []
	permissions = get_user_permissions(user)
	if not permissions:
		return []
	strict = frappe.get_system_settings("apply_strict_user_permissions")
	meta = frappe.get_meta(doctype)
	links = [(df.fieldname, df.options) for df in meta.get_link_fields() if not df.ignore_user_permissions]
	links.append(("name", doctype))
	criteria = []
	for fieldname, target in links:
		allowed = [
			permission.get("doc")
			for permission in permissions.get(target, [])
			if not permission.get("applicable_for") or permission.get("applicable_for") == doctype
		]
		if not allowed:
			continue
		column = table[fieldname]
		criterion = column.isin(allowed)
		if not strict:
			criterion = criterion | (IfNull(column, "") == "")
		criteria.append(criterion)
	return criteria


def where_all(query, criteria):
	for criterion in criteria:
		query = query.where(criterion)
	return query
