"""Proposals to the address book of resource people (``PdN Resource Proposal``).

The rules are :mod:`pdn_frappe.domain.resources`. A promeneur proposes a new resource person or a
correction of a referent of their department; the proposal is visible to its author and to the
coordination of the department only (:mod:`pdn_frappe.network.scope`, its ``promeneur`` key),
until the coordination decides: :func:`decide` validates it (and applies it to the address book,
in the same transaction) or refuses it with a reason. The coordination is told of a new proposal,
the author of the decision (Email Templates through :mod:`pdn_frappe.mail`).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_url_to_form, nowdate

from pdn_frappe import errors, mail, roles
from pdn_frappe.domain import resources as rules
from pdn_frappe.network import scope
from pdn_frappe.network.utils import department_team

PROPOSAL = "PdN Resource Proposal"
REFERENT = "PdN Resource Referent"

TEMPLATE_RECEIVED = "PdN Resource Proposal Received"
TEMPLATE_VALIDATED = "PdN Resource Proposal Validated"
TEMPLATE_REFUSED = "PdN Resource Proposal Refused"


# ---------------------------------------------------------------- who may do what


def may_decide(doc, user: str | None = None) -> bool:
	"""The coordination of the proposal's department (or a System Manager) decides."""
	user_scope = scope.user_scope(user)
	if user_scope.unrestricted:
		return True
	coordination = user_scope.by_role.get(roles.COORDINATOR)
	return bool(coordination and scope._within(doc.get("department"), coordination.departments))


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug=False):
	"""Second ``has_permission`` hook of the doctype (beside the scope's): it only denies.

	The author changes their proposal while it waits for the decision; once decided, it is the
	coordination's.
	"""
	if ptype in scope.READ_TYPES or ptype is None or doc.is_new() or may_decide(doc, user):
		return None
	stored = frappe.db.get_value(PROPOSAL, doc.name, "status")
	if stored not in (None, rules.PROPOSED):
		return False
	return None


# ---------------------------------------------------------------- the author


def author_of(user: str | None = None) -> frappe._dict | None:
	"""The promeneur record whose login is ``user`` (the session user by default)."""
	return frappe.db.get_value(
		"PdN Promeneur",
		{"user": user or frappe.session.user},
		["name", "department", "status"],
		as_dict=True,
	)


def set_author(doc) -> None:
	"""A new proposal is the session user's, in their department, whatever the request says."""
	author = author_of()
	if author is None:
		if scope.user_scope().unrestricted and doc.promeneur:
			author = frappe.db.get_value(
				"PdN Promeneur", doc.promeneur, ["name", "department", "status"], as_dict=True
			)
		if author is None:
			frappe.throw(
				_("Only a promeneur can propose a resource person: your login is not linked to a promeneur."),
				frappe.PermissionError,
				title=_("Not possible"),
			)
	errors.checked(rules.check_author, author.status)
	doc.promeneur = author.name
	doc.department = author.department


def reset_decision(doc) -> None:
	"""A new proposal waits for the decision, whatever the request says."""
	doc.status = rules.PROPOSED
	doc.decided_by = doc.decided_on = doc.refusal_reason = doc.resulting_referent = None


def check_unchanged_decision(doc) -> None:
	"""The status and the decision change only through :func:`decide`."""
	if doc.is_new() or doc.flags.pdn_decision:
		return
	before = doc.get_doc_before_save()
	if before is None:
		return
	for fieldname in ("status", "decided_by", "decided_on", "refusal_reason", "resulting_referent"):
		if (doc.get(fieldname) or None) != (before.get(fieldname) or None):
			frappe.throw(
				_("The decision on a proposal is taken with the Validate and Refuse buttons."),
				frappe.PermissionError,
				title=_("Not allowed"),
			)


def check_referent(doc) -> None:
	"""A correction is about a referent of the proposal's department, that its author may read."""
	if doc.referent and not doc.flags.ignore_permissions:
		scope.check_links(doc, None if doc.is_new() else doc.get_doc_before_save())
	if doc.referent and frappe.db.get_value(REFERENT, doc.referent, "department") != doc.department:
		frappe.throw(
			_("The referent {0} belongs to another department.").format(frappe.bold(doc.referent)),
			frappe.ValidationError,
			title=_("Not possible"),
		)


# ---------------------------------------------------------------- the decision


def decide(doc, target: str, reason: str | None = None) -> str | None:
	"""Validate (and apply) or refuse the proposal; returns the referent it created or corrected."""
	if not may_decide(doc):
		frappe.throw(
			_("Only the coordination of the department decides on a proposal."), frappe.PermissionError
		)
	reason = errors.checked(rules.check_decision, doc.status, target, reason)
	referent = apply(doc) if target == rules.VALIDATED else None
	doc.status = target
	doc.refusal_reason = reason
	doc.decided_by = frappe.session.user
	doc.decided_on = nowdate()
	doc.resulting_referent = referent
	doc.flags.pdn_decision = True
	doc.save()
	notify_author(doc)
	return referent


def apply(doc) -> str:
	"""Write the proposal into the address book: a new referent, or the corrected fields."""
	values = rules.referent_values(
		doc.proposal_type, doc.as_dict(), [row.theme for row in doc.themes if row.theme]
	)
	themes = values.pop("themes", None)
	if doc.proposal_type == rules.NEW:
		referent = frappe.new_doc(REFERENT)
		referent.department = doc.department
		referent.visible_to_promeneurs = 1
	else:
		referent = frappe.get_doc(REFERENT, doc.referent)
		check_referent(doc)
	referent.update(values)
	if themes is not None:
		referent.set("themes", [{"theme": theme} for theme in themes])
	referent.save()
	return referent.name


# ---------------------------------------------------------------- e-mails


def notify_coordination(doc) -> bool:
	"""Tell the coordinators of the department that a proposal waits for them."""
	return mail.send(
		TEMPLATE_RECEIVED,
		department_team(doc.department, roles.COORDINATOR),
		{
			"proposal_type": _(doc.proposal_type),
			"full_name": doc.full_name or frappe.db.get_value(REFERENT, doc.referent, "full_name") or "",
			"promeneur_name": doc.promeneur_name or "",
			"url": get_url_to_form(PROPOSAL, doc.name),
		},
		reference_doctype=PROPOSAL,
		reference_name=doc.name,
	)


def notify_author(doc) -> bool:
	"""Tell the author what the coordination decided."""
	author = frappe.db.get_value("PdN Promeneur", doc.promeneur, ["user", "email"], as_dict=True)
	if not author:
		return False
	return mail.send(
		TEMPLATE_VALIDATED if doc.status == rules.VALIDATED else TEMPLATE_REFUSED,
		[author.email or author.user],
		{
			"full_name": doc.full_name or frappe.db.get_value(REFERENT, doc.referent, "full_name") or "",
			"reason": doc.refusal_reason or "",
			"url": get_url_to_form(REFERENT, doc.resulting_referent)
			if doc.resulting_referent
			else get_url_to_form(PROPOSAL, doc.name),
		},
		reference_doctype=PROPOSAL,
		reference_name=doc.name,
	)
