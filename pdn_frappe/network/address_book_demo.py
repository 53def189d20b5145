"""Load the demo's proposals to the address book and registrations on the national site
(:mod:`pdn_frappe.demo.address_book`).

Run last (``bench --site SITE pdn-load-demo``): the registrations follow the directory's listing,
which the conventions and the committee's decisions settle. Idempotent: a proposal already there
(same author, kind and person or referent) is left as it is, and the registrations are planned
once; later runs only bring them in step with the directory.
"""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.demo import address_book as plan
from pdn_frappe.domain import lifecycle
from pdn_frappe.domain import national as registration_rules
from pdn_frappe.domain import resources as rules
from pdn_frappe.network import directory, national, proposals
from pdn_frappe.network.demo import loading

PROPOSAL = "PdN Resource Proposal"
PROMENEUR = "PdN Promeneur"


def load(commit: bool = True) -> dict:
	with loading(commit):
		created = sum(ensure_proposal(proposal) for proposal in plan.PROPOSALS)
		registrations = ensure_registrations()
	print(f"Demo proposals to the address book: {created} created; national site: {registrations} planned.")
	return {"proposals": created, "registrations": registrations}


def author_of(proposal: plan.DemoProposal) -> str | None:
	if proposal.author == plan.PROMENEUR_LOGIN:
		return frappe.db.get_value(PROMENEUR, {"user": proposal.author}, "name")
	department, position = proposal.author.split(":")
	names = frappe.get_all(
		PROMENEUR,
		filters={"department": department, "status": lifecycle.ACTIVE, "user": ("is", "not set")},
		order_by="name asc",
		pluck="name",
	)
	return names[int(position)] if len(names) > int(position) else None


def referent_of(proposal: plan.DemoProposal) -> str | None:
	if proposal.corrects is None:
		return None
	names = frappe.get_all(
		"PdN Resource Referent",
		filters={"department": proposal.department, "visible_to_promeneurs": 1},
		order_by="full_name asc",
		pluck="name",
	)
	return names[proposal.corrects] if len(names) > proposal.corrects else None


def ensure_proposal(proposal: plan.DemoProposal) -> int:
	author = author_of(proposal)
	referent = referent_of(proposal)
	if not author or (proposal.corrects is not None and not referent):
		return 0
	key = {"promeneur": author, "proposal_type": proposal.proposal_type}
	key.update({"referent": referent} if referent else {"full_name": proposal.full_name})
	if frappe.db.exists(PROPOSAL, key):
		return 0
	doc = frappe.get_doc({**proposal.to_doc(), "promeneur": author, "referent": referent})
	doc.insert()
	if proposal.status != rules.PROPOSED:
		proposals.decide(doc, proposal.status, proposal.refusal_reason)
	return 1


def ensure_registrations() -> int:
	"""Plan the registrations once (a mix of every status), then keep them in step with the directory."""
	national.sync()
	planned = 0
	if not frappe.db.exists(PROMENEUR, {national.FIELD: ("in", registration_rules.ON_NATIONAL_SITE)}):
		listed = (
			directory.listed_query()
			.select(directory.PROMENEUR.name)
			.orderby(directory.PROMENEUR.active_since)
			.orderby(directory.PROMENEUR.name)
			.run(pluck=True)
		)
		former = frappe.get_all(
			PROMENEUR,
			filters={"status": ("in", lifecycle.ENDED_STATUSES)},
			order_by="ended_on asc, name asc",
			pluck="name",
		)
		for name, (status, registered_on) in plan.registration_plan(
			listed, former, getdate(nowdate())
		).items():
			frappe.db.set_value(
				PROMENEUR,
				name,
				{national.FIELD: status, "national_registered_on": registered_on},
				update_modified=False,
			)
			planned += 1
	return planned
