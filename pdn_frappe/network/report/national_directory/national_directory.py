# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""National directory: the promeneurs the public directory lists, with what the national site
(promeneursdunet.fr) asks of each one, and where their registration there stands.

The rows are exactly the public directory's listing (:func:`pdn_frappe.network.directory.listed_query`),
within the user's departments; the standard export gives the spreadsheet to send or type in.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import get_url

from pdn_frappe import reports
from pdn_frappe.domain import directory as public
from pdn_frappe.domain import national as rules
from pdn_frappe.domain.validation import safe_url
from pdn_frappe.network import directory, scope

PROMENEUR = directory.PROMENEUR
STRUCTURE = directory.STRUCTURE


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	return get_columns(), rows, None, None, get_report_summary(rows, filters)


def get_columns() -> list[dict]:
	return reports.columns(
		"promeneur first_name last_name email phone profession",
		"structure_name city structure_phone department mission publics networks office_hours photo",
		"registration_label national_registered_on",
	)


def get_rows(filters: frappe._dict) -> list[dict]:
	query = (
		directory.listed_query()
		.select(
			PROMENEUR.name.as_("promeneur"),
			PROMENEUR.first_name,
			PROMENEUR.last_name,
			PROMENEUR.email,
			PROMENEUR.phone,
			PROMENEUR.profession.as_("profession_code"),
			PROMENEUR.job_title,
			PROMENEUR.photo,
			PROMENEUR.mission,
			PROMENEUR.department,
			PROMENEUR.public_12_17,
			PROMENEUR.public_18_25,
			PROMENEUR.public_parents,
			PROMENEUR.national_registration,
			PROMENEUR.national_registered_on,
			STRUCTURE.structure_name,
			STRUCTURE.city,
			STRUCTURE.phone.as_("structure_phone"),
		)
		.where(scope.criterion(PROMENEUR, "PdN Promeneur"))
		.orderby(PROMENEUR.department)
		.orderby(STRUCTURE.structure_name)
		.orderby(PROMENEUR.first_name)
		.orderby(PROMENEUR.name)
	)
	if filters.department:
		query = query.where(PROMENEUR.department == filters.department)
	if filters.national_registration:
		query = query.where(PROMENEUR.national_registration == filters.national_registration)
	rows = query.run(as_dict=True)
	names = [row.promeneur for row in rows]
	networks = directory.children(directory.PROFILE, names, ["social_network", "profile_name", "profile_url"])
	hours = directory.children(directory.OFFICE_HOUR, names, ["weekday", "from_time", "to_time"])
	for row in rows:
		row.profession = (row.profession_code or row.job_title or "").strip()
		row.publics = ", ".join(_(label) for label, field in PUBLIC_LABELS if row.get(field))
		row.mission = _(row.mission) if row.mission else ""
		row.networks = "; ".join(network_text(item) for item in networks[row.promeneur])
		row.office_hours = "; ".join(
			f"{_(slot['weekday'])} {slot['from']}-{slot['to']}"
			for slot in public.office_hours(hours[row.promeneur])
		)
		photo = public.public_file(row.photo)
		row.photo = get_url(photo) if photo else ""
		row.registration_label = _(row.national_registration) if row.national_registration else ""
		for key, value in row.items():
			row[key] = spreadsheet_safe(value)
	return rows


#: the first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
	"""A text the export cannot turn into a formula in the CAF's spreadsheet (what a promeneur typed
	in a name or a profile starts with an apostrophe when it starts like a formula)."""
	if isinstance(value, str) and value.startswith(FORMULA_STARTS):
		return "'" + value
	return value


#: the publics as the national site lists them (label, field)
PUBLIC_LABELS = (
	("Youths aged 12 to 17", "public_12_17"),
	("Youths aged 18 to 25", "public_18_25"),
	("Parents", "public_parents"),
)


def network_text(item: dict) -> str:
	"""« Instagram : Julie - CS Gannat (https://...) »."""
	text = f"{item.get('social_network') or ''} : {(item.get('profile_name') or '').strip()}"
	url = safe_url(item.get("profile_url"))
	return f"{text} ({url})" if url else text


def get_report_summary(rows: list[dict], filters: frappe._dict) -> list[dict]:
	counts = {status: 0 for status in rules.STATUSES}
	for row in rows:
		if row.national_registration in counts:
			counts[row.national_registration] += 1
	return [
		{"value": len(rows), "label": _("Listed in the public directory"), "datatype": "Int"},
		{
			"value": counts[rules.TO_REGISTER],
			"label": _("To register"),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{"value": counts[rules.TO_UPDATE], "label": _("To update"), "datatype": "Int", "indicator": "Orange"},
		{
			"value": to_remove(filters),
			"label": _("To remove (no longer listed)"),
			"datatype": "Int",
			"indicator": "Red",
		},
	]


def to_remove(filters: frappe._dict) -> int:
	"""Promeneurs the national site still shows and the public directory no longer lists."""
	query = (
		frappe.qb.from_(PROMENEUR)
		.select(Count(PROMENEUR.name))
		.where(PROMENEUR.national_registration == rules.TO_REMOVE)
		.where(scope.criterion(PROMENEUR, "PdN Promeneur"))
	)
	if filters.department:
		query = query.where(PROMENEUR.department == filters.department)
	return query.run()[0][0]
