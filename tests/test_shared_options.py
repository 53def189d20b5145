"""Option lists several doctypes share have one home: a tuple of the domain.

A mission, a legal status, a promeneur's status, a mission axis, a kind of period or a quarter is
a Select field in several doctypes (Frappe keeps the options in each doctype's JSON); the rules
compare values with the domain's tuple. Every copy must list exactly those values, in that order.
"""

from __future__ import annotations

import pytest

from pdn_frappe.domain import animation, applications, lifecycle, periods
from tests import metadata as md

SHARED_OPTIONS = {
	"missions": (
		applications.MISSIONS,
		[("PdN Promeneur", "mission"), ("PdN Application", "mission"), ("PdN Evaluation", "mission")],
	),
	"legal statuses": (
		applications.LEGAL_STATUSES,
		[
			("PdN Structure", "legal_status"),
			("PdN Convention", "legal_status"),
			("PdN Application", "legal_status"),
		],
	),
	"promeneur statuses": (
		lifecycle.STATUSES,
		[
			("PdN Promeneur", "status"),
			("PdN Promeneur Status Change", "status_from"),
			("PdN Promeneur Status Change", "status_to"),
			("PdN Charter Signature", "promeneur_status"),
		],
	),
	"mission axes": (
		animation.MISSION_AXES,
		[
			("PdN Coordination Activity", "mission_axis"),
			("PdN Report Axis Row", "mission_axis"),
			("PdN Report Task Row", "mission_axis"),
		],
	),
	"period types": (
		periods.PERIOD_TYPES,
		[
			("PdN Evaluation", "period_type"),
			("PdN Coordination Report", "period_type"),
			("PdN Settings", "evaluation_period_type"),
		],
	),
	"quarters": (
		tuple(f"Q{quarter}" for quarter in (1, 2, 3, 4)),
		[("PdN Evaluation", "quarter"), ("PdN Coordination Report", "quarter")],
	),
}


@pytest.mark.parametrize("concept", SHARED_OPTIONS)
def test_every_copy_lists_the_domain_values(concept):
	values, copies = SHARED_OPTIONS[concept]
	doctypes = md.doctype_index()
	for doctype, fieldname in copies:
		assert doctype in doctypes, f"{doctype} is missing"
		field = md.field_map(doctypes[doctype]).get(fieldname)
		assert field is not None, f"{doctype}.{fieldname} is missing"
		options = [option for option in md.select_options(field.get("options")) if option]
		assert options == list(values), f"{doctype}.{fieldname} lists {options}, the domain {list(values)}"
