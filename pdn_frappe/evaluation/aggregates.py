"""SQL aggregation of the questionnaires, for the reports, the number cards and the benchmark.

Everything is added up by the database (query builder, a handful of queries whatever the number of
questionnaires); :func:`pdn_frappe.domain.evaluation.accumulate` is the same computation done one
document at a time, which the benchmark uses as its naive baseline and the tests as a reference.

Only submitted questionnaires count. Filters: ``period_type`` (Quarter or Year), ``year``,
``quarter`` (none: the whole year), ``department``, ``structure``, ``mission``, ``profession``;
the current user's User Permissions restrict the records as they restrict lists.
"""

from __future__ import annotations

from decimal import Decimal

import frappe
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Round, Sum

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import queries, utils

SCOPE_FIELDS = ("department", "structure", "mission", "profession")


def _number(value) -> float | int:
	if value is None:
		return 0
	if isinstance(value, Decimal):
		value = float(value)
	return int(value) if float(value).is_integer() else float(value)


def evaluation_criteria(e, filters, periods: list[Period], user: str | None = None) -> list:
	"""Submitted questionnaires of ``periods`` matching the scope filters and the user's permissions."""
	period_type = periods[0].period_type
	criteria = [
		e.docstatus == 1,
		e.period_type == period_type,
		e.year == periods[0].year,  # lets the (department,) period_type, year indexes narrow the scan
		e.period.isin([p.key for p in periods]),
	]
	for fieldname in SCOPE_FIELDS:
		if filters.get(fieldname):
			criteria.append(e[fieldname] == filters.get(fieldname))
	return criteria + queries.permission_criteria(e, queries.EVALUATION, user)


def promeneur_criteria(p, filters, user: str | None = None) -> list:
	criteria = []
	for fieldname in SCOPE_FIELDS:
		if filters.get(fieldname):
			criteria.append(p[fieldname] == filters.get(fieldname))
	return criteria + queries.permission_criteria(p, queries.PROMENEUR, user)


def activity_figures(filters, user: str | None = None) -> rules.ActivityFigures:
	"""The figures of the activity report, computed by the database."""
	filters = frappe._dict(filters or {})
	periods = utils.report_periods(filters)
	e = frappe.qb.DocType(queries.EVALUATION)
	criteria = evaluation_criteria(e, filters, periods, user)

	sums = [Sum(e[f]).as_(f) for f in (*rules.SUMMED_FIELDS, *rules.STOCK_FIELDS)]
	checks = [Sum(e[f]).as_(f) for f in rules.CHECK_FIELDS]
	ratings = []
	for f in rules.RATING_FIELDS:
		stars = Round(e[f] * rules.MAX_STARS)
		ratings.append(Sum(Case().when(stars > 0, stars).else_(0)).as_(f"{f}__sum"))
		ratings.append(Sum(Case().when(stars > 0, 1).else_(0)).as_(f"{f}__count"))
	query = frappe.qb.from_(e).select(
		Count("*").as_("answered"), Count(e.promeneur).distinct().as_("promeneurs"), *sums, *checks, *ratings
	)
	row = queries.where_all(query, criteria).run(as_dict=True)[0]

	figures = rules.ActivityFigures(
		answered=_number(row.answered),
		promeneurs=_number(row.promeneurs),
		sums={f: _number(row[f]) for f in (*rules.SUMMED_FIELDS, *rules.STOCK_FIELDS)},
		checks={f: _number(row[f]) for f in rules.CHECK_FIELDS},
		rating_sums={f: _number(row[f"{f}__sum"]) for f in rules.RATING_FIELDS},
		rating_counts={f: _number(row[f"{f}__count"]) for f in rules.RATING_FIELDS},
	)
	figures.themes = child_counts("PdN Evaluation Theme", "theme", e, criteria)
	figures.networks = child_counts("PdN Evaluation Network", "network", e, criteria)
	figures.expected = expected_count(filters, periods, user)
	return figures


def child_counts(child_doctype: str, linkfield: str, e, criteria) -> dict[str, int]:
	"""How many questionnaires name each theme (or network).

	The two child doctypes only ever hold the rows of one table field of PdN Evaluation, each value
	once per questionnaire (the controller removes repeats), so a plain count over the (parent,
	value) index answers without reading the rows.
	"""
	c = frappe.qb.DocType(child_doctype)
	query = (
		frappe.qb.from_(e)
		.join(c)
		.on(c.parent == e.name)
		.select(c[linkfield].as_("value"), Count("*").as_("count"))
		.groupby(c[linkfield])
	)
	rows = queries.where_all(query, criteria).run(as_dict=True)
	return {row.value: _number(row.count) for row in rows if row.value}


def expected_count(filters, periods: list[Period], user: str | None = None) -> int:
	"""Questionnaires owed for ``periods``: promeneurs whose activity overlaps each period, plus the
	submitted questionnaires of promeneurs who owed none (so that the response rate stays <= 100 %)."""
	p = frappe.qb.DocType(queries.PROMENEUR)
	owed = [Sum(Case().when(queries.expected_criterion(p, period), 1).else_(0)) for period in periods]
	query = queries.where_all(frappe.qb.from_(p).select(*owed), promeneur_criteria(p, filters, user))
	total = sum(_number(value) for value in query.run()[0])

	e = frappe.qb.DocType(queries.EVALUATION)
	unexpected = [
		Sum(
			Case().when((e.period == period.key) & queries.expected_criterion(p, period).negate(), 1).else_(0)
		)
		for period in periods
	]
	query = frappe.qb.from_(e).join(p).on(p.name == e.promeneur).select(*unexpected)
	query = queries.where_all(query, evaluation_criteria(e, filters, periods, user))
	return total + sum(_number(value) for value in query.run()[0])


# ---------------------------------------------------------------- the naive baseline


def activity_figures_naive(filters, user: str | None = None) -> rules.ActivityFigures:
	"""The same figures, loading every questionnaire as a document and adding up in Python.

	Only for the benchmark and the tests: this is what the reports must never do.
	"""
	filters = frappe._dict(filters or {})
	periods = utils.report_periods(filters)
	e = frappe.qb.DocType(queries.EVALUATION)
	names = queries.where_all(
		frappe.qb.from_(e).select(e.name), evaluation_criteria(e, filters, periods, user)
	).run(pluck=True)
	rows = []
	for name in names:
		doc = frappe.get_doc(queries.EVALUATION, name)
		row = doc.as_dict()
		row["networks"] = [r.network for r in doc.networks]
		row["themes"] = [r.theme for r in doc.themes]
		rows.append(row)
	return rules.accumulate(rows, expected=expected_count(filters, periods, user))
