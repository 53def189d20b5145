"""Installation of what the animation module needs beyond its doctypes: the practice notes'
workflow (Draft -> Submitted -> Published -> Archived).

Called from ``after_install`` and ``after_migrate``; idempotent. A workflow an administrator has
already adapted is left as it is.
"""

import frappe

from pdn_frappe.roles import COORDINATOR, PROMENEUR_ROLE

WORKFLOW_NAME = "PdN Practice Note"
DOCTYPE = "PdN Practice Note"

#: (state, style of the Workflow State record)
STATES = (
	("Draft", "Warning"),
	("Under review", "Primary"),
	("Published", "Success"),
	("Archived", "Inverse"),
)
ACTIONS = ("Submit for review", "Publish", "Send back", "Archive", "Restore")

#: (state, role allowed to edit the note in that state)
DOCUMENT_STATES = (
	("Draft", PROMENEUR_ROLE),
	("Draft", COORDINATOR),
	("Under review", COORDINATOR),
	("Published", COORDINATOR),
	("Archived", COORDINATOR),
)
#: (state, action, next state, role)
TRANSITIONS = (
	("Draft", "Submit for review", "Under review", PROMENEUR_ROLE),
	("Draft", "Publish", "Published", COORDINATOR),
	("Under review", "Publish", "Published", COORDINATOR),
	("Under review", "Send back", "Draft", COORDINATOR),
	("Published", "Archive", "Archived", COORDINATOR),
	("Archived", "Restore", "Published", COORDINATOR),
)


def after_install():
	ensure_practice_note_workflow()


def after_migrate():
	ensure_practice_note_workflow()


def ensure_practice_note_workflow() -> str:
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
