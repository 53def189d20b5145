"""The questionnaires' rollup: their figures added up per department and period.

A row of ``PdN Evaluation Rollup`` holds, for one department and period, what the activity report
adds up (:func:`measures`: questionnaires answered, the sums of the figures, the boxes ticked, the
stars given) and, in its ``counts``, how many questionnaires named each theme and each network. The
reports read a year of the whole country in some 400 rows instead of 16,000 questionnaires and
their 100,000 child rows. (Per structure, the rollup would keep some 30,000 rows for 80,000
questionnaires: too close to the questionnaires to be worth it; a structure's figures are read
from its few questionnaires.)

The rollup changes in the transaction of the questionnaire: a submission adds its figures, a
cancellation takes them away (an amendment is both), read back from the database with the same SQL
expressions the reports use, so that the rollup's sums are those of the documents to the last
decimal. Each change is an upsert on a name made from the key: two submissions in the same
department and period wait for each other on that row and neither is lost.

:func:`rebuild` makes the whole table again from the questionnaires (the migration patch,
``bench --site SITE execute pdn_frappe.evaluation.rollup.rebuild``, after bulk loads);
:func:`differences` lists the rows where the rollup and the questionnaires disagree.
"""

from __future__ import annotations

import hashlib

import frappe
from frappe.query_builder import Case, Criterion
from frappe.query_builder.functions import Count, Round, Sum

from pdn_frappe.domain import evaluation as rules

EVALUATION = "PdN Evaluation"
ROLLUP = "PdN Evaluation Rollup"
COUNT = "PdN Evaluation Rollup Count"
#: what a rollup row is the sum of
KEY_FIELDS = ("department", "period_type", "year", "quarter", "period")
#: the questionnaire's table fields whose values are counted: table field, link field, master
COUNTED = (("themes", "theme", "PdN Theme"), ("networks", "network", "PdN Social Network"))
STANDARD_FIELDS = ("name", "creation", "modified", "modified_by", "owner", "docstatus", "idx")
COUNT_FIELDS = (
	*STANDARD_FIELDS,
	"parent",
	"parenttype",
	"parentfield",
	"link_doctype",
	"value",
	"questionnaires",
)


def stars_field(fieldname: str) -> str:
	return f"{fieldname}_stars"


def rated_field(fieldname: str) -> str:
	return f"{fieldname}_rated"


#: the columns of a rollup row that add up (see :func:`measures`)
MEASURE_FIELDS = (
	"answered",
	*rules.SUMMED_FIELDS,
	*rules.STOCK_FIELDS,
	*rules.CHECK_FIELDS,
	*(column for f in rules.RATING_FIELDS for column in (stars_field(f), rated_field(f))),
)


def measures(e) -> dict:
	"""Column of the rollup (:data:`MEASURE_FIELDS`) -> its aggregate over the questionnaire table ``e``.

	The figures summed (hours, contacts, ages, interactions, stocks), the boxes ticked, and for each
	rating the stars given (rounded to whole stars) and how many questionnaires gave any.
	"""
	columns = {"answered": Count("*")}
	for fieldname in (*rules.SUMMED_FIELDS, *rules.STOCK_FIELDS, *rules.CHECK_FIELDS):
		columns[fieldname] = Sum(e[fieldname])
	for fieldname in rules.RATING_FIELDS:
		stars = Round(e[fieldname] * rules.MAX_STARS)
		columns[stars_field(fieldname)] = Sum(Case().when(stars > 0, stars).else_(0))
		columns[rated_field(fieldname)] = Sum(Case().when(stars > 0, 1).else_(0))
	return {name: columns[name] for name in MEASURE_FIELDS}


def counted_table(e, tablefield: str):
	"""The child table of the questionnaire's ``tablefield`` and the condition joining it to ``e``."""
	child = frappe.qb.DocType(frappe.get_meta(EVALUATION).get_field(tablefield).options)
	joined = (child.parent == e.name) & (child.parenttype == EVALUATION) & (child.parentfield == tablefield)
	return child, joined


def _counts_query(e, tablefield: str, linkfield: str, *by):
	"""``*by``, each value of ``linkfield`` in the child table ``tablefield`` and how many
	questionnaires of ``e`` hold it, grouped by ``*by`` and the value."""
	child, joined = counted_table(e, tablefield)
	return (
		frappe.qb.from_(e)
		.join(child)
		.on(joined)
		.select(*by, child[linkfield], Count("*"))
		.groupby(*by, child[linkfield])
	)


def _digest(*values) -> str:
	text = "\x1f".join("\x00" if value is None else str(value) for value in values)
	return hashlib.sha1(text.encode()).hexdigest()[:20]


def row_name(key) -> str:
	"""The name of the rollup row of a key (values of :data:`KEY_FIELDS`, in that order)."""
	return _digest(*key)


def count_name(parent: str, link_doctype: str, value: str) -> str:
	return _digest(parent, link_doctype, value)


def count_row(parent: str, link_doctype: str, value: str, count: int, now: str, user: str) -> tuple:
	"""The values of :data:`COUNT_FIELDS` for a count of ``parent``."""
	name = count_name(parent, link_doctype, value)
	return (name, now, now, user, user, 0, 0, parent, ROLLUP, "counts", link_doctype, value, count)


# ---------------------------------------------------------------- on submit and on cancel


def add(doc) -> None:
	"""A questionnaire was submitted: add its figures to its row (``on_submit``)."""
	_apply(doc.name, 1)


def remove(doc) -> None:
	"""A questionnaire was cancelled: take its figures away (``on_cancel``)."""
	_apply(doc.name, -1)


def _apply(name: str, sign: int) -> None:
	e = frappe.qb.DocType(EVALUATION)
	columns = measures(e)
	keys = [e[fieldname] for fieldname in KEY_FIELDS]
	found = frappe.qb.from_(e).select(*keys, *columns.values()).where(e.name == name).groupby(*keys).run()
	if not found:
		return
	key, figures = found[0][: len(KEY_FIELDS)], found[0][len(KEY_FIELDS) :]
	parent = row_name(key)
	now, user = frappe.utils.now(), frappe.session.user
	r = frappe.qb.DocType(ROLLUP)
	query = (
		frappe.qb.into(r)
		.columns(*STANDARD_FIELDS, *KEY_FIELDS, *columns)
		.insert(parent, now, now, user, user, 0, 0, *key, *(sign * (value or 0) for value in figures))
	)
	for fieldname, value in zip(columns, figures, strict=True):
		query = query.on_duplicate_key_update(r[fieldname], r[fieldname] + sign * (value or 0))
	query.on_duplicate_key_update(r.modified, now).on_duplicate_key_update(r.modified_by, user).run()

	c = frappe.qb.DocType(COUNT)
	for tablefield, linkfield, master in COUNTED:
		rows = _counts_query(e, tablefield, linkfield).where(e.name == name).run()
		for value, count in rows:
			if not value:
				continue
			(
				frappe.qb.into(c)
				.columns(*COUNT_FIELDS)
				.insert(*count_row(parent, master, value, sign * count, now, user))
				.on_duplicate_key_update(c.questionnaires, c.questionnaires + sign * count)
				.on_duplicate_key_update(c.modified, now)
				.run()
			)
	if sign < 0:
		frappe.qb.from_(c).delete().where((c.parent == parent) & (c.questionnaires == 0)).run()
		if not frappe.db.get_value(ROLLUP, parent, "answered"):
			frappe.qb.from_(c).delete().where(c.parent == parent).run()
			frappe.qb.from_(r).delete().where(r.name == parent).run()


# ---------------------------------------------------------------- from scratch


def _grouped(filters: dict | None = None) -> tuple[list[tuple], list[tuple]]:
	"""The rollup as the questionnaires give it: its rows (key, figures) and its counts (key,
	link doctype, value, questionnaires), for the keys matching ``filters`` (key field -> value)."""
	e = frappe.qb.DocType(EVALUATION)
	keys = [e[fieldname] for fieldname in KEY_FIELDS]
	criteria = [e.docstatus == 1, *(e[field] == value for field, value in (filters or {}).items())]
	query = frappe.qb.from_(e).select(*keys, *measures(e).values()).groupby(*keys)
	for criterion in criteria:
		query = query.where(criterion)
	rows = query.run()
	counts = []
	for tablefield, linkfield, master in COUNTED:
		query = _counts_query(e, tablefield, linkfield, *keys)
		for criterion in criteria:
			query = query.where(criterion)
		counts += [(*row[: len(KEY_FIELDS)], master, row[-2], row[-1]) for row in query.run() if row[-2]]
	return rows, counts


def rebuild(filters: dict | None = None, verbose: bool = True) -> dict:
	"""Make the rollup again from the submitted questionnaires, all of it or the keys matching
	``filters`` (key field -> value), in the current transaction."""
	r, c = frappe.qb.DocType(ROLLUP), frappe.qb.DocType(COUNT)
	matching = [r[field] == value for field, value in (filters or {}).items()]
	if matching:
		names = frappe.qb.from_(r).select(r.name).where(Criterion.all(matching))
		frappe.qb.from_(c).delete().where(c.parent.isin(names)).run()
		frappe.qb.from_(r).delete().where(Criterion.all(matching)).run()
	else:
		frappe.db.delete(COUNT)
		frappe.db.delete(ROLLUP)
	rows, counts = _grouped(filters)
	now, user = frappe.utils.now(), frappe.session.user
	size = len(KEY_FIELDS)
	frappe.db.bulk_insert(
		ROLLUP,
		[*STANDARD_FIELDS, *KEY_FIELDS, *MEASURE_FIELDS],
		[(row_name(row[:size]), now, now, user, user, 0, 0, *row) for row in rows],
		chunk_size=5000,
	)
	records = [
		count_row(row_name(key), master, value, count, now, user) for *key, master, value, count in counts
	]
	frappe.db.bulk_insert(COUNT, COUNT_FIELDS, records, chunk_size=10000)
	if verbose:
		print(f"PdN Evaluation Rollup rebuilt: {len(rows)} rows, {len(records)} counts")
	return {"rows": len(rows), "counts": len(records)}


def differences(filters: dict | None = None) -> list[str]:
	"""Where the rollup and the questionnaires disagree, for the keys matching ``filters`` (key field
	-> value): one line per row or count that differs, nothing when they agree."""
	rows, counts = _grouped(filters)
	columns = MEASURE_FIELDS
	size = len(KEY_FIELDS)
	expected = {
		row_name(row[:size]): (tuple(row[:size]), dict(zip(columns, row[size:], strict=True))) for row in rows
	}
	expected_counts = {}
	for *key, master, value, count in counts:
		expected_counts[(row_name(key), master, value)] = count

	r = frappe.qb.DocType(ROLLUP)
	query = frappe.qb.from_(r).select(r.name, *(r[f] for f in KEY_FIELDS), *(r[f] for f in columns))
	for field, value in (filters or {}).items():
		query = query.where(r[field] == value)
	stored = {
		row[0]: (tuple(row[1 : size + 1]), dict(zip(columns, row[size + 1 :], strict=True)))
		for row in query.run()
	}
	c = frappe.qb.DocType(COUNT)
	stored_counts = {
		(parent, master, value): count
		for parent, master, value, count in frappe.qb.from_(c)
		.select(c.parent, c.link_doctype, c.value, c.questionnaires)
		.where(c.parent.isin(list(stored) or [""]))
		.run()
	}
	found = []
	for name in sorted(set(expected) | set(stored)):
		want, have = expected.get(name), stored.get(name)
		if want is None or have is None or want[0] != have[0]:
			found.append(f"row {name}: questionnaires {want and want[0]}, rollup {have and have[0]}")
			continue
		for column in columns:
			if (want[1][column] or 0) != (have[1][column] or 0):
				found.append(
					f"{want[0]} {column}: questionnaires {want[1][column]}, rollup {have[1][column]}"
				)
	for key in sorted(set(expected_counts) | set(stored_counts), key=str):
		if expected_counts.get(key, 0) != stored_counts.get(key, 0):
			found.append(
				f"count {key}: questionnaires {expected_counts.get(key, 0)}, rollup {stored_counts.get(key, 0)}"
			)
	return found
