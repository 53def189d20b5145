"""Load the demo's structure requests (:mod:`pdn_frappe.demo.structure_requests`).

Run after the registry and the conventions (``bench --site SITE pdn-load-demo``). Each request is
filed and decided through the ``PdN Structure Request`` workflow, as the structure's manager and
the coordination would; the Gannat requests are the structure-manager login's. Idempotent: a
request already there (same structure, kind and details) is left as it is.
"""

from __future__ import annotations

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe import roles
from pdn_frappe.demo import network as demo
from pdn_frappe.demo import structure_requests as plan
from pdn_frappe.domain import structure_requests as rules
from pdn_frappe.network.demo import loading
from pdn_frappe.network.structure_requests import APPROVE, REFUSE, SEND, ensure_workflow

DOCTYPE = "PdN Structure Request"
ACTIONS = {rules.SUBMITTED: (SEND,), rules.APPROVED: (SEND, APPROVE), rules.REFUSED: (SEND, REFUSE)}


def load(commit: bool = True) -> dict:
	created = 0
	with loading(commit):
		ensure_workflow()
		network = demo.build_demo_network()
		today = getdate(nowdate())
		for request in plan.demo_requests(today):
			created += ensure_request(network, request, today)
	print(f"Demo structure requests: {created} created.")
	return {"structure_requests": created}


def structure_of(network, key: str) -> str | None:
	if key in (demo.ALLIER, demo.PUY_DE_DOME):
		sirets = [structure.siret for structure in network.structures_of(key)]
	else:
		sirets = [network.structure(key).siret]
	for siret in sirets:
		name = frappe.db.get_value("PdN Structure", {"siret": siret, "status": "Active"}, "name")
		if name:
			return name
	return None


def promeneur_of(structure: str, which: str | None) -> str | None:
	if which != plan.FEWEST_HOURS:
		return None
	rows = frappe.get_all(
		"PdN Promeneur",
		filters={"structure": structure, "status": "Active", "user": ("is", "not set")},
		fields=["name"],
		order_by="weekly_hours asc, name asc",
		limit=1,
	)
	return rows[0].name if rows else None


def ensure_request(network, request: plan.DemoRequest, today) -> int:
	structure = structure_of(network, request.structure_key)
	if not structure:
		return 0
	if frappe.db.exists(
		DOCTYPE, {"structure": structure, "request_kind": request.kind, "details": request.details}
	):
		return 0
	values = dict(request.values)
	if values.pop("representative", None) == plan.CURRENT_REPRESENTATIVE:
		current = frappe.db.get_value(
			"PdN Structure",
			structure,
			["legal_representative", "legal_representative_title", "legal_representative_email"],
			as_dict=True,
		)
		values.update({key: value for key, value in current.items() if value})
	promeneur = promeneur_of(structure, request.promeneur)
	if request.promeneur and not promeneur:
		return 0
	if request.convention:
		convention = frappe.db.get_value(
			"PdN Convention", {"structure": structure}, "name", order_by="end_date desc"
		)
		if not convention:
			return 0
		values["convention"] = convention
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"structure": structure,
			"request_kind": request.kind,
			"promeneur": promeneur,
			"details": request.details,
			"effective_date": add_days(today, request.effective_in_days)
			if request.effective_in_days
			else today,
			**values,
		}
	).insert()
	manager = manager_of(structure)
	if manager:
		frappe.db.set_value(DOCTYPE, doc.name, "owner", manager, update_modified=False)
	coordinator = coordinator_of(doc.department)
	for action in ACTIONS.get(request.state, ()):
		# filed by the structure's manager, decided by the department's coordination
		frappe.set_user((manager if action == SEND else coordinator) or "Administrator")
		try:
			doc = frappe.get_doc(DOCTYPE, doc.name)
			if action == REFUSE:
				doc.refusal_reason = request.refusal_reason
				doc.save()
			apply_workflow(doc, action)
		finally:
			frappe.set_user("Administrator")
	return 1


def manager_of(structure: str) -> str | None:
	return frappe.db.get_value(
		"PdN Structure Contact",
		{"parent": structure, "parenttype": "PdN Structure", "is_manager": 1, "user": ("is", "set")},
		"user",
	)


def coordinator_of(department: str) -> str | None:
	return frappe.db.get_value(
		"PdN Department Member",
		{"parent": department, "parenttype": "PdN Department", "role": roles.COORDINATOR},
		"user",
	)
