"""SQL aggregation of the questionnaires, for the reports, the number cards and the benchmark.

Everything is added up by the database (query builder, two or three round trips whatever the number
of questionnaires): the sums from the rollup kept per department and period
(:mod:`pdn_frappe.evaluation.rollup`) when it can answer, from the questionnaires otherwise;
:func:`pdn_frappe.domain.evaluation.accumulate` is the same computation done one document at a
time, which the tests use as a reference.

Only submitted questionnaires count. Filters: ``period_type`` (Quarter or Year), ``year``,
``quarter`` (none: the whole year), ``department``, ``structure``, ``mission``, ``profession``;
the current user's scope (:mod:`pdn_frappe.network.scope`) restricts the records as it restricts
lists.
"""

from __future__ import annotations

from decimal import Decimal
from functools import reduce
from operator import add

import frappe
from frappe.query_builder import Case, Criterion
from frappe.query_builder.functions import Count, Sum

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period
from pdn_frappe.evaluation import queries, rollup, utils
from pdn_frappe.network import scope

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


def activity_figures(filters, user: str | None = None, source: str | None = None) -> rules.ActivityFigures:
	"""The figures of the activity report, computed by the database in two or three round trips.

	The sums come from the rollup (:mod:`pdn_frappe.evaluation.rollup`) when it can answer: no
	structure, mission or profession filter (the rollup is kept by department and period) and a user
	whose scope is made of whole departments; otherwise from the questionnaires, a structure's or a
	promeneur's few. ``source`` (:data:`ROLLUP` or :data:`QUESTIONNAIRES`) forces one way; both give
	the same figures.
	"""
	filters = frappe._dict(filters or {})
	periods = utils.report_periods(filters)
	if (source or figures_source(filters, user)) == ROLLUP:
		return rollup_figures(filters, periods, user)
	return questionnaire_figures(filters, periods, user)


ROLLUP = "rollup"
QUESTIONNAIRES = "questionnaires"


def figures_source(filters, user: str | None = None) -> str:
	"""Where the sums of these filters can be read for this user: the rollup or the questionnaires."""
	if any(filters.get(fieldname) for fieldname in SCOPE_FIELDS if fieldname not in rollup.KEY_FIELDS):
		return QUESTIONNAIRES
	if scope.finer_than_departments(queries.EVALUATION, user):
		return QUESTIONNAIRES
	return ROLLUP


def side_by_side(*queries_: object):
	"""The one-row aggregate ``queries_`` as one query (a cross join of their rows): one round trip."""
	query = frappe.qb.from_(queries_[0].as_("q0"))
	for index, subquery in enumerate(queries_[1:], start=1):
		query = query.join(subquery.as_(f"q{index}")).cross()
	return query.select("*")


def one_row(*queries_: object) -> frappe._dict:
	return side_by_side(*queries_).run(as_dict=True)[0]


def _figures(row, counts: dict[str, dict[str, int]]) -> rules.ActivityFigures:
	"""The figures from a row of :data:`rollup.MEASURE_FIELDS`, ``promeneurs`` and the owed columns."""
	return rules.ActivityFigures(
		expected=_number(row["owed"]) + _number(row["unexpected"]),
		answered=_number(row["answered"]),
		promeneurs=_number(row["promeneurs"]),
		sums={f: _number(row[f]) for f in (*rules.SUMMED_FIELDS, *rules.STOCK_FIELDS)},
		checks={f: _number(row[f]) for f in rules.CHECK_FIELDS},
		rating_sums={f: _number(row[rollup.stars_field(f)]) for f in rules.RATING_FIELDS},
		rating_counts={f: _number(row[rollup.rated_field(f)]) for f in rules.RATING_FIELDS},
		themes=counts.get(THEME, {}),
		networks=counts.get(NETWORK, {}),
	)


THEME, NETWORK = (master for _field, _link, master in rollup.COUNTED)


def questionnaire_figures(filters, periods: list[Period], user: str | None = None) -> rules.ActivityFigures:
	"""The figures added up from the questionnaires themselves."""
	e = frappe.qb.DocType(queries.EVALUATION)
	criteria = evaluation_criteria(e, filters, periods, user)
	measures = [column.as_(name) for name, column in rollup.measures(e).items()]
	sums = frappe.qb.from_(e).select(Count(e.promeneur).distinct().as_("promeneurs"), *measures)
	row = one_row(queries.where_all(sums, criteria), *owed_queries(filters, periods, user))
	counts = {}
	for tablefield, linkfield, master in rollup.COUNTED:
		child, joined = rollup.counted_table(e, tablefield)
		query = (
			frappe.qb.from_(e)
			.join(child)
			.on(joined)
			.select(child[linkfield], Count("*"))
			.groupby(child[linkfield])
		)
		counts[master] = {
			value: _number(count) for value, count in queries.where_all(query, criteria).run() if value
		}
	return _figures(row, counts)


def rollup_criteria(r, filters, periods: list[Period], user: str | None = None) -> list:
	"""The rollup rows of ``periods`` matching the filters and the user's scope."""
	criteria = [
		r.period_type == periods[0].period_type,
		r.year == periods[0].year,
		r.period.isin([p.key for p in periods]),
	]
	for fieldname in rollup.KEY_FIELDS:
		if fieldname in SCOPE_FIELDS and filters.get(fieldname):
			criteria.append(r[fieldname] == filters.get(fieldname))
	return criteria + queries.permission_criteria(r, queries.EVALUATION, user)


def rollup_figures(filters, periods: list[Period], user: str | None = None) -> rules.ActivityFigures:
	"""The sums read from the rollup; the promeneurs who answered counted on an index of the
	questionnaires that holds every column the criteria need."""
	r = frappe.qb.DocType(rollup.ROLLUP)
	c = frappe.qb.DocType(rollup.COUNT)
	e = frappe.qb.DocType(queries.EVALUATION)
	p = frappe.qb.DocType(queries.PROMENEUR)
	criteria = rollup_criteria(r, filters, periods, user)
	answered_criteria = evaluation_criteria(e, filters, periods, user)
	# the statements depend on nothing else than these criteria (periods and filters included)
	key = tuple(
		queries.criteria_key(x) for x in (criteria, answered_criteria, promeneur_criteria(p, filters, user))
	)

	def figures_query():
		sums = frappe.qb.from_(r).select(*(Sum(r[name]).as_(name) for name in rollup.MEASURE_FIELDS))
		answered_by = frappe.qb.from_(e).select(Count(e.promeneur).distinct().as_("promeneurs"))
		return side_by_side(
			queries.where_all(sums, criteria),
			queries.where_all(answered_by, answered_criteria),
			*owed_queries(filters, periods, user),
		)

	def counts_query():
		query = (
			frappe.qb.from_(r)
			.join(c)
			.on(c.parent == r.name)
			.select(c.link_doctype, c.value, Sum(c.questionnaires))
			.groupby(c.link_doctype, c.value)
		)
		return queries.where_all(query, criteria)

	row = queries.run_rendered(("rollup figures", *key), figures_query, as_dict=True)[0]
	counts = {}
	for master, value, count in queries.run_rendered(("rollup counts", key[0]), counts_query):
		if value and count:
			counts.setdefault(master, {})[value] = _number(count)
	return _figures(row, counts)


#: the index of the questionnaires by promeneur and period, with their state and day of submission
#: (PdN Evaluation's on_doctype_update)
BY_PROMENEUR_INDEX = "promeneur_period_docstatus_submitted_on_index"


def owed_queries(filters, periods: list[Period], user: str | None = None) -> tuple:
	"""Two one-row queries: ``owed``, the questionnaires owed for ``periods`` by the promeneurs in the
	filters (their activity overlaps the period), and ``unexpected``, the submitted questionnaires
	of promeneurs who owed none (so that the response rate stays <= 100 %).

	Across the country the second starts from the promeneurs who owe nothing for one of the periods
	(a few hundred) and looks their questionnaires up by promeneur, rather than joining the year's
	questionnaires to their promeneur one by one; within a department those are few.
	"""
	p = frappe.qb.DocType(queries.PROMENEUR)
	e = frappe.qb.DocType(queries.EVALUATION)
	expected = [queries.expected_criterion(p, period) for period in periods]
	owed = reduce(add, (Case().when(criterion, 1).else_(0) for criterion in expected))
	owed_query = frappe.qb.from_(p).select(Sum(owed).as_("owed"))
	unexpected = reduce(
		add,
		(
			Case().when((e.period == period.key) & criterion.negate(), 1).else_(0)
			for period, criterion in zip(periods, expected, strict=True)
		),
	)
	questionnaires = frappe.qb.from_(e)
	if not filters.get("department"):
		questionnaires = questionnaires.force_index(BY_PROMENEUR_INDEX)
	unexpected_query = (
		questionnaires.join(p)
		.on(p.name == e.promeneur)
		.select(Sum(unexpected).as_("unexpected"))
		.where(Criterion.any([criterion.negate() for criterion in expected]))
	)
	return (
		queries.where_all(owed_query, promeneur_criteria(p, filters, user)),
		queries.where_all(unexpected_query, evaluation_criteria(e, filters, periods, user)),
	)


def expected_count(filters, periods: list[Period], user: str | None = None) -> int:
	"""Questionnaires owed for ``periods`` (see :func:`owed_queries`)."""
	row = one_row(*owed_queries(frappe._dict(filters or {}), periods, user))
	return _number(row.owed) + _number(row.unexpected)


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
