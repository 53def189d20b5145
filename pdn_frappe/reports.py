"""What the app's script reports share: their columns, read from one catalogue.

A column the reports show (a department, a promeneur, a number of trainings attended) is
described once, in ``report_columns.json``: its label, type, link target and width, under a key
that is usually its fieldname (an entry may name another ``fieldname`` when two reports show the
same field under two headings). A report lists the keys of its columns::

    reports.columns("promeneur full_name department")

and gets them as Frappe expects them, with their labels in the user's language. The tier-1
metadata contract checks that every key a report asks for exists and that every label has its
French translation.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import add_months, getdate, nowdate

CATALOGUE = Path(__file__).with_name("report_columns.json")


@functools.cache
def catalogue() -> dict[str, dict]:
	return json.loads(CATALOGUE.read_text(encoding="utf-8"))


def column(key: str, **overrides) -> dict:
	"""The column ``key`` of the catalogue, translated, with ``overrides`` applied."""
	entry = catalogue()[key]
	return {"fieldname": key, **entry, "label": _(entry["label"]), **overrides}


def columns(*keys: str) -> list[dict]:
	"""The columns named by ``keys`` (each a key or several separated by spaces), in that order."""
	return [column(key) for group in keys for key in group.split()]


def with_dates(filters, months: int = 12) -> frappe._dict:
	"""The report's filters, their dates set when missing: up to today, from ``months`` earlier
	(what ``pdn.report_filters.date_range`` offers)."""
	filters = frappe._dict(filters or {})
	filters.to_date = getdate(filters.to_date or nowdate())
	filters.from_date = getdate(filters.from_date or add_months(filters.to_date, -months))
	return filters
