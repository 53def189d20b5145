"""Query-builder pieces shared by the reports, the number cards and the reminders.

The rule of who owes a questionnaire is :func:`pdn_frappe.domain.evaluation.is_expected`;
:func:`expected_criterion` is the same rule in SQL. :func:`permission_criteria` applies the
user's scope to a query, as ``frappe.get_list`` does, so that a coordinator or a CAF agent only
aggregates their department and a structure manager their structure.
"""

from __future__ import annotations

import frappe
from frappe.query_builder import Criterion

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.network import scope

EVALUATION = "PdN Evaluation"
PROMENEUR = "PdN Promeneur"


def expected_criterion(promeneur_table, period: Period) -> Criterion:
	"""Promeneurs whose activity overlaps ``period`` (candidates excluded), as in ``rules.is_expected``."""
	p = promeneur_table
	return (
		(p.status != rules.CANDIDATE)
		& p.active_since.isnotnull()
		& (p.active_since <= period.end)
		& (p.ended_on.isnull() | (p.ended_on >= period.start))
	)


def permission_criteria(table, doctype: str, user: str | None = None) -> list[Criterion]:
	"""The scope of ``user`` on ``doctype`` (see :mod:`pdn_frappe.network.scope`), as criteria on ``table``."""
	return [scope.criterion(table, doctype, user)]


def where_all(query, criteria):
	for criterion in criteria:
		query = query.where(criterion)
	return query
