"""Whitelisted methods of the evaluation questionnaire (desk form and web form)."""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import quarter_value
from pdn_frappe.settings import get_settings

DOCTYPE = "PdN Evaluation"


@frappe.whitelist(methods=["POST"])
def submit_evaluation(name: str) -> dict:
	"""Submit a questionnaire, with the rights of the logged-in user (the web form's submit button)."""
	doc = frappe.get_doc(DOCTYPE, name)
	doc.check_permission("submit")
	doc.submit()
	return {"name": doc.name, "status": doc.status, "submitted_on": str(doc.submitted_on)}


@frappe.whitelist()
def get_new_evaluation_defaults(promeneur: str | None = None) -> dict:
	"""Values to prefill a new questionnaire with: the promeneur's networks and the period to answer."""
	promeneur = promeneur or own_promeneur()
	if not promeneur:
		return {}
	frappe.has_permission("PdN Promeneur", "read", promeneur, throw=True)
	return new_evaluation_defaults(promeneur)


def own_promeneur(user: str | None = None) -> str | None:
	return frappe.db.get_value("PdN Promeneur", {"user": user or frappe.session.user}, "name")


def new_evaluation_defaults(promeneur: str, period_type: str | None = None) -> dict:
	period_type = period_type or get_settings().evaluation_period_type
	taken = frappe.get_all(DOCTYPE, filters={"promeneur": promeneur, "docstatus": ("<", 2)}, pluck="period")
	period = rules.period_to_answer(getdate(nowdate()), period_type, taken)
	networks = frappe.get_all(
		"PdN Network Profile",
		filters={"parent": promeneur, "parenttype": "PdN Promeneur", "parentfield": "network_profiles"},
		pluck="social_network",
		order_by="idx",
	)
	return {
		"promeneur": promeneur,
		"period_type": period.period_type,
		"year": period.year,
		"quarter": quarter_value(period.quarter),
		"networks": [{"network": network} for network in rules.unique_values(networks)],
	}
