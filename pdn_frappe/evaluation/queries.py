"""Query-builder pieces shared by the reports, the number cards and the reminders.

The rule of who owes a questionnaire is :func:`pdn_frappe.domain.evaluation.is_expected`;
:func:`expected_criterion` is the same rule in SQL. :func:`permission_criteria` applies the
user's scope to a query, as ``frappe.get_list`` does, so that a coordinator or a CAF agent only
aggregates their department and a structure manager their structure.
"""

from __future__ import annotations

import frappe
from frappe.query_builder import Criterion
from frappe.query_builder.terms import NamedParameterWrapper
from pypika.terms import EmptyCriterion

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


#: SQL of the statements run through :func:`run_rendered`, by their key
_RENDERED: dict[tuple, tuple[str, dict]] = {}


def criteria_key(criteria) -> str:
	"""The criteria as SQL with their values written out: a key that names everything they match."""
	return " AND ".join(str(criterion) for criterion in criteria if not isinstance(criterion, EmptyCriterion))


def run_rendered(key: tuple, build, **kwargs):
	"""Run the query ``build()`` makes, rendered to SQL once per ``key`` in this process.

	The query builder takes about as long to render a large aggregate (tens of sums and cases) as the
	database takes to run it on one department; ``key`` must determine the query entirely (the
	:func:`criteria_key` of its criteria and whatever else ``build`` reads).
	"""
	rendered = _RENDERED.get(key)
	if rendered is None:
		collector = NamedParameterWrapper()
		rendered = (build().get_sql(param_wrapper=collector), collector.get_parameters())
		if len(_RENDERED) >= 512:
			_RENDERED.clear()
		_RENDERED[key] = rendered
	sql, params = rendered
	return frappe.db.sql(sql, params, **kwargs)
