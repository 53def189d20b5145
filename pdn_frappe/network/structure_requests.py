"""A structure's requests on the site: the workflow, the approval that applies them, the e-mails.

The rules are :mod:`pdn_frappe.domain.structure_requests`. The request is a ``PdN Structure
Request`` a structure manager files for their own structure (the scope module keeps them to it);
the coordination of its department approves or refuses it through the ``PdN Structure Request``
Workflow. Approval applies the change through the registry, never by writing its records' fields
directly:

- a departure: :func:`pdn_frappe.network.lifecycle.change_status` (Left, dated the effective day);
- a change of weekly hours or mission: :func:`update_commitment` (the promeneur's version history
  and a comment dated and linked to the request);
- a change of legal representative or address: :func:`update_structure`;
- a new promeneur and a change of budget belong to the applications and conventions modules: they
  are applied by the functions ``hooks.py`` names in ``pdn_structure_request_appliers``.

Applying runs in one savepoint taken before the request is saved: when it fails, the request and
every record it touched are as they were, and the coordinator reads why in French.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import format_date, get_url_to_form, getdate, now_datetime

from pdn_frappe import errors, mail, roles
from pdn_frappe.domain import lifecycle as lifecycle_rules
from pdn_frappe.domain import structure_requests as rules
from pdn_frappe.exceptions import StructureRequestApplyError
from pdn_frappe.network import lifecycle, scope

DOCTYPE = "PdN Structure Request"
WORKFLOW_NAME = "PdN Structure Request"
SAVEPOINT = "pdn_structure_request_apply"

#: (state, style of the Workflow State record)
STATES = (
	(rules.DRAFT, "Warning"),
	(rules.SUBMITTED, "Primary"),
	(rules.APPROVED, "Success"),
	(rules.REFUSED, "Danger"),
)
SEND, APPROVE, REFUSE = "Send to the coordination", "Approve", "Refuse"
ACTIONS = (SEND, APPROVE, REFUSE)
#: (state, role that edits the request in that state)
DOCUMENT_STATES = (
	(rules.DRAFT, roles.STRUCTURE_MANAGER),
	(rules.SUBMITTED, roles.COORDINATOR),
	(rules.APPROVED, roles.COORDINATOR),
	(rules.REFUSED, roles.COORDINATOR),
)
#: (state, action, next state, role)
TRANSITIONS = (
	(rules.DRAFT, SEND, rules.SUBMITTED, roles.STRUCTURE_MANAGER),
	(rules.SUBMITTED, APPROVE, rules.APPROVED, roles.COORDINATOR),
	(rules.SUBMITTED, REFUSE, rules.REFUSED, roles.COORDINATOR),
)

#: Email Template of each notice (:data:`pdn_frappe.domain.structure_requests.NOTICE_FOR_STATE`)
TEMPLATES = {
	"filed": "PdN Structure Request Filed",
	"approved": "PdN Structure Request Approved",
	"refused": "PdN Structure Request Refused",
}


# ---------------------------------------------------------------- installation


def ensure_workflow() -> str:
	"""The requests' Workflow, its states and actions (install and migrate; idempotent).

	A workflow an administrator has already adapted is left as it is.
	"""
	for state, style in STATES:
		if not frappe.db.exists("Workflow State", state):
			frappe.get_doc(
				{"doctype": "Workflow State", "workflow_state_name": state, "style": style}
			).insert(ignore_permissions=True)
	for action in ACTIONS:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		return WORKFLOW_NAME
	workflow = frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": WORKFLOW_NAME,
			"document_type": DOCTYPE,
			"workflow_state_field": "workflow_state",
			"is_active": 1,
			"send_email_alert": 0,
			"states": [
				{"state": state, "doc_status": "0", "allow_edit": role} for state, role in DOCUMENT_STATES
			],
			"transitions": [
				{
					"state": state,
					"action": action,
					"next_state": next_state,
					"allowed": role,
					"allow_self_approval": 1,
				}
				for state, action, next_state, role in TRANSITIONS
			],
		}
	)
	workflow.insert(ignore_permissions=True)
	return workflow.name


# ---------------------------------------------------------------- permission


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug=False) -> bool:
	"""Second ``has_permission`` hook of the requests (after the scope's); it only denies.

	A draft is its structure's managers' to change: the coordination decides on the requests the
	structure has sent, it does not write them.
	"""
	if (
		ptype in (None, "read", "select", "print", "email", "report", "export", "share", "create")
		or doc.is_new()
	):
		return True
	if frappe.db.get_value(DOCTYPE, doc.name, "workflow_state") != rules.DRAFT:
		return True
	user_scope = scope.user_scope(user)
	if user_scope.unrestricted:
		return True
	manager = user_scope.by_role.get(roles.STRUCTURE_MANAGER)
	return bool(manager) and (manager.structures is scope.ALL or doc.structure in manager.structures)


# ---------------------------------------------------------------- approval


def begin_approval(request) -> None:
	"""Before the approved request is written: everything from here on can be undone at once."""
	frappe.db.savepoint(SAVEPOINT)
	request.flags.pdn_apply = True


def apply(request) -> None:
	"""After the approved request is written: apply it, or undo the request and the change together."""
	if not request.flags.pdn_apply:
		return
	request.flags.pdn_apply = False
	if rules.applies_later(request.request_kind, getdate(request.effective_date), getdate()):
		request.db_set(
			"result",
			_("To be applied on {0}, its effective date.").format(format_date(request.effective_date)),
			update_modified=False,
		)
		return
	try:
		carry_out(request)
	except Exception as error:
		frappe.db.rollback(save_point=SAVEPOINT)
		scope.clear_cache()
		cause = _message_of(error)
		frappe.throw(
			_("The request {0} could not be applied, so it was not approved: {1}").format(
				frappe.bold(request.name), cause
			),
			exc=StructureRequestApplyError,
			title=_("Request not applied"),
		)


def carry_out(request) -> None:
	"""Apply the request's change and record when and what on the request."""
	result, created = _apply(request)
	file_documents(request)
	values = {"applied_on": now_datetime(), "result": result}
	if created:
		values["result_promeneur"] = created
	request.db_set(values, update_modified=False)


def apply_due_requests(today=None) -> list[str]:
	"""Daily: the approved departures and changes of hours whose effective date has come.

	Each one is applied in its own savepoint; one that the registry refuses stays approved and not
	applied, with the reason in its result and in the Error Log.
	"""
	today = getdate(today)
	applied = []
	for name in frappe.get_all(
		DOCTYPE,
		filters={
			"workflow_state": rules.APPROVED,
			"applied_on": ("is", "not set"),
			"request_kind": ("in", rules.DATED_KINDS),
			"effective_date": ("<=", today),
		},
		pluck="name",
		order_by="effective_date asc, name asc",
	):
		request = frappe.get_doc(DOCTYPE, name)
		frappe.db.savepoint(SAVEPOINT)
		try:
			carry_out(request)
			applied.append(name)
		except Exception as error:
			frappe.db.rollback(save_point=SAVEPOINT)
			scope.clear_cache()
			frappe.log_error(
				title=_("Structure request not applied"), reference_doctype=DOCTYPE, reference_name=name
			)
			request.db_set(
				"result",
				_("Not applied on its effective date: {0}").format(_message_of(error)),
				update_modified=False,
			)
	return applied


def _message_of(error: Exception) -> str:
	if isinstance(error, frappe.ValidationError | frappe.PermissionError) and str(error):
		return str(error)
	frappe.log_error(title=_("Structure request not applied"))
	return _("an unexpected error occurred; the administrators can read it in the Error Log.")


def _apply(request) -> tuple[str, str | None]:
	"""Carry out the change; return what was done (French) and the promeneur created, if any."""
	kind = request.request_kind
	if kind in rules.PROMENEUR_KINDS:
		# the promeneur may have moved or left since the request was filed
		row = (
			frappe.db.get_value("PdN Promeneur", request.promeneur, ["structure", "status"], as_dict=True)
			or {}
		)
		errors.checked(
			rules.check_promeneur_of_structure, row.get("structure"), request.structure, row.get("status")
		)
	if kind == rules.LEAVING:
		return leave(request), None
	if kind == rules.HOURS:
		return update_commitment(request), None
	if kind in rules.STRUCTURE_FIELDS:
		return update_structure(request), None
	applier = (frappe.get_hooks("pdn_structure_request_appliers") or {}).get(kind)
	if not applier:
		frappe.throw(_("Nothing applies this kind of request on this site."))
	outcome = frappe.get_attr(applier[-1] if isinstance(applier, list) else applier)(request)
	if isinstance(outcome, tuple):
		return outcome
	return outcome, None


def leave(request) -> str:
	"""The promeneur leaves the network, through the lifecycle (login disabled, listing removed...)."""
	on = getdate(request.effective_date)
	lifecycle.change_status(
		request.promeneur,
		lifecycle_rules.LEFT,
		request.details or _("Departure declared by the structure ({0}).").format(request.name),
		on=on,
	)
	return _("{0} left the network on {1}.").format(
		request.promeneur_name or request.promeneur, format_date(on)
	)


def update_commitment(request, promeneur: str | None = None, values: dict | None = None) -> str:
	"""The one way a promeneur's weekly hours or mission change on the structure's word.

	The promeneur's version history keeps the values before and after; a comment on the promeneur
	dates the change and names the request.
	"""
	doc = frappe.get_doc("PdN Promeneur", promeneur or request.promeneur)
	changes = rules.commitment_changes(values or request.as_dict(), doc.as_dict())
	if not changes:
		return _("Nothing to change: the promeneur already has these hours and this mission.")
	before = {field: doc.get(field) for field in changes}
	doc.update(changes)
	doc.flags.ignore_permissions = True
	doc.save()
	labels = {"weekly_hours": _("Weekly hours online"), "mission": _("Mission")}
	parts = [
		_("{0}: {1} to {2}").format(labels[field], _(str(before[field] or "-")), _(str(changes[field])))
		for field in changes
	]
	text = _("{0} (from {1}, request {2})").format(
		"; ".join(parts), format_date(request.effective_date or getdate()), request.name
	)
	doc.add_comment("Info", text)
	return text


def update_structure(request) -> str:
	"""The one way a structure's legal representative or address changes on its own word."""
	doc = frappe.get_doc("PdN Structure", request.structure)
	changes = rules.structure_changes(request.request_kind, request.as_dict())
	doc.update(changes)
	doc.flags.ignore_permissions = True
	doc.save()
	text = _("{0} of {1} updated (request {2}).").format(
		_(request.request_kind), doc.structure_name, request.name
	)
	doc.add_comment("Info", text)
	return text


def file_documents(request) -> None:
	"""The request's documents join the structure's supporting documents (the convention's checklist
	reads them from there)."""
	rows = [row for row in request.documents if row.file]
	if not rows:
		return
	structure = frappe.get_doc("PdN Structure", request.structure)
	known = {row.file for row in structure.documents}
	for row in rows:
		if row.file in known:
			continue
		structure.append(
			"documents",
			{
				"document_type": row.document_type,
				"file": row.file,
				"received_on": row.received_on or getdate(),
				"valid_until": row.valid_until,
				"note": _("From the request {0}").format(request.name),
			},
		)
	structure.flags.ignore_permissions = True
	structure.save()


# ---------------------------------------------------------------- e-mails


def send_notice(request, previous_state: str | None) -> None:
	"""The coordination when a request is filed, the structure's managers when it is decided."""
	kind = rules.notice_for_transition(previous_state, request.workflow_state)
	if not kind:
		return
	recipients = (
		coordination_recipients(request.department) if kind == "filed" else manager_recipients(request)
	)
	mail.send(
		TEMPLATES[kind],
		recipients,
		notice_context(request),
		reference_doctype=request.doctype,
		reference_name=request.name,
	)


def coordination_recipients(department: str) -> list[str]:
	"""The coordinators of the department's team (enabled logins), and the coordination's address."""
	users = frappe.get_all(
		"PdN Department Member",
		filters={"parent": department, "parenttype": "PdN Department", "role": roles.COORDINATOR},
		pluck="user",
	)
	enabled = frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name")
	address = frappe.db.get_value("PdN Department", department, "coordination_email")
	return [*enabled, *([address] if address else [])]


def manager_recipients(request) -> list[str]:
	"""Who filed the request and the structure's other managers, while they still manage it."""
	managers = frappe.get_all(
		"PdN Structure Contact",
		filters={"parent": request.structure, "parenttype": "PdN Structure", "is_manager": 1},
		pluck="user",
	)
	return frappe.get_all("User", filters={"name": ("in", managers or [""]), "enabled": 1}, pluck="name")


def notice_context(request) -> dict:
	"""The values the Email Templates write (escaped by :func:`pdn_frappe.mail.render`)."""
	department = (
		frappe.db.get_value(
			"PdN Department", request.department, ["department_name", "coordination_email"], as_dict=True
		)
		or frappe._dict()
	)
	return {
		"reference": request.name,
		"kind": _(request.request_kind),
		"structure": request.structure_name or "",
		"promeneur": request.promeneur_name
		or " ".join(filter(None, (request.first_name, request.last_name))),
		"effective_date": format_date(request.effective_date) if request.effective_date else "",
		"details": request.details or "",
		"refusal_reason": request.refusal_reason or "",
		"result": request.result or "",
		"department": department.department_name or request.department or "",
		"coordination_email": department.coordination_email or "",
		"url": get_url_to_form(request.doctype, request.name),
	}
