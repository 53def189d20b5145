"""What a structure's approved request changes in its convention: the subsidy of a year.

Applier of the "Change of budget" requests (``pdn_structure_request_appliers`` in ``hooks.py``,
called by :mod:`pdn_frappe.network.structure_requests`). A convention that is signed keeps its
schedule: its budget changes through an amendment, and the request cannot be approved as it stands.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, flt, fmt_money

from pdn_frappe import exceptions
from pdn_frappe.domain import conventions as rules

CONVENTION = "PdN Convention"


def apply_budget_request(request) -> str:
	"""Set the subsidy of the request's year in the structure's convention (draft or sent only)."""
	convention = frappe.get_doc(CONVENTION, request.convention)
	if convention.structure != request.structure:
		frappe.throw(
			_("The convention of a budget request must be the structure's own."),
			exc=exceptions.StructureRequestError,
		)
	if convention.status in rules.SIGNED_STATUSES:
		frappe.throw(
			_(
				"The convention {0} is signed: its subsidies change only through an amendment. Refuse this request, or record the amendment first."
			).format(frappe.bold(convention.name)),
			exc=exceptions.SignedConventionError,
			title=_("Signed convention"),
		)
	year, amount = cint(request.budget_year), flt(request.budget_amount)
	row = next((row for row in convention.subsidies if cint(row.year) == year), None)
	if row is None:
		convention.append("subsidies", {"year": year, "amount": amount})
	else:
		row.amount = amount
	convention.flags.ignore_permissions = True
	convention.save()
	convention.add_comment(
		"Info",
		_("Subsidy of {0} set to {1} (request {2}).").format(
			year, fmt_money(amount, currency="EUR"), request.name
		),
	)
	return _("Subsidy of {0} in the convention {1}: {2}.").format(
		year, convention.name, fmt_money(amount, currency="EUR")
	)
