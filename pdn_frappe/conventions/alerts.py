"""Daily work on conventions (``scheduler_events`` in hooks.py).

* statuses that change with time: signed -> active once the period starts, active -> expired
  once it ends, terminated once the date of a termination given with notice comes;
* e-mails to the department's coordinators and CAF agents before a convention expires and when
  a yearly document is late. Every alert sent is recorded on the convention (``alerts`` table),
  so that the same alert is never sent twice.
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import get_url_to_form, getdate, now_datetime, nowdate

from pdn_frappe import mail
from pdn_frappe.domain import conventions as rules
from pdn_frappe.roles import CAF_AGENT, COORDINATOR

CONVENTION = "PdN Convention"
ALERT = "PdN Convention Alert"
EXPIRY = "Expiry"
LATE_DOCUMENTS = "Late documents"


def daily() -> None:
	update_statuses()
	send_alerts()


def update_statuses(today=None) -> list[str]:
	"""Apply the statuses conventions reach by themselves; return the conventions changed."""
	today = getdate(today or nowdate())
	changed = []
	for row in frappe.get_all(
		CONVENTION,
		filters={"status": ("in", (rules.SIGNED, rules.ACTIVE))},
		fields=["name", "status", "start_date", "end_date", "terminated_on"],
	):
		target = rules.automatic_status(
			row.status,
			getdate(row.start_date),
			getdate(row.end_date),
			today,
			getdate(row.terminated_on) if row.terminated_on else None,
		)
		if target == row.status:
			continue
		doc = frappe.get_doc(CONVENTION, row.name)
		doc.flags.ignore_permissions = True
		try:
			if doc.apply_automatic_status(today):
				changed.append(row.name)
		except frappe.ValidationError:
			frappe.log_error(title=_("Convention {0}: status not updated").format(row.name))
	return changed


def recipients(department: str) -> list[str]:
	"""The department's coordinators and CAF agents (enabled users) and its coordination address."""
	users = frappe.get_all(
		"PdN Department Member",
		filters={
			"parent": department,
			"parenttype": "PdN Department",
			"role": ("in", (COORDINATOR, CAF_AGENT)),
		},
		pluck="user",
	)
	enabled = frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name")
	emails = list(enabled)
	coordination = frappe.db.get_value("PdN Department", department, "coordination_email")
	if coordination:
		emails.append(coordination)
	return sorted(set(emails))


def _sent_keys(conventions: list[str]) -> dict[str, set[str]]:
	sent = defaultdict(set)
	for row in frappe.get_all(
		ALERT,
		filters={"parenttype": CONVENTION, "parent": ("in", conventions or [""])},
		fields=["parent", "alert_key"],
	):
		sent[row.parent].add(row.alert_key)
	return sent


def _record(convention: str, kind: str, key: str, emails: list[str]) -> None:
	idx = frappe.db.count(ALERT, {"parent": convention, "parenttype": CONVENTION}) + 1
	frappe.get_doc(
		{
			"doctype": ALERT,
			"parent": convention,
			"parenttype": CONVENTION,
			"parentfield": "alerts",
			"idx": idx,
			"alert_kind": kind,
			"alert_key": key,
			"sent_on": now_datetime(),
			"recipients": ", ".join(emails),
		}
	).db_insert()


def send_alerts(today=None) -> list[tuple[str, str]]:
	"""Queue the alerts due today that were never sent; return (convention, key) of each.

	Without an outgoing e-mail account nothing is recorded: the alerts go out once there is one.
	"""
	today = getdate(today or nowdate())
	if not mail.can_send():
		return []
	conventions = frappe.get_all(
		CONVENTION,
		filters={"status": ("in", (rules.SIGNED, rules.ACTIVE, rules.EXPIRED))},
		fields=["name", "status", "structure_name", "department", "end_date"],
	)
	sent = _sent_keys([row.name for row in conventions])
	late_rows = defaultdict(list)
	for row in frappe.get_all(
		"PdN Convention Yearly Report",
		filters={
			"parenttype": CONVENTION,
			"parent": ("in", [row.name for row in conventions] or [""]),
			"due_date": ("<", today),
		},
		fields=["parent", "year", "document_type", "due_date", "received_on", "file"],
		order_by="year asc, due_date asc",
	):
		late_rows[row.parent].append(row)

	queued = []
	for convention in conventions:
		emails = None
		if convention.status in (rules.SIGNED, rules.ACTIVE):
			alert = rules.expiry_alert(getdate(convention.end_date), today, sent[convention.name])
			if alert:
				emails = emails or recipients(convention.department)
				if emails:
					_send_expiry(convention, alert, emails)
					_record(convention.name, EXPIRY, alert.key, emails)
					queued.append((convention.name, alert.key))
		alert = rules.late_document_alert(late_rows[convention.name], today, sent[convention.name])
		if alert:
			emails = emails or recipients(convention.department)
			if emails:
				_send_late_documents(convention, alert, emails)
				for row in alert.rows:
					key = rules.late_document_key(row)
					_record(convention.name, LATE_DOCUMENTS, key, emails)
					queued.append((convention.name, key))
	return queued


def convention_context(convention, structure: str | None = None, **values) -> dict:
	"""The values the conventions' Email Templates write (escaped by :func:`pdn_frappe.mail.render`)."""
	return {
		"convention": convention.name,
		"convention_url": get_url_to_form(CONVENTION, convention.name),
		"structure": structure if structure is not None else convention.structure_name or "",
		**values,
	}


def _send(template: str, convention, emails: list[str], **values) -> None:
	mail.send(
		template,
		emails,
		convention_context(convention, **values),
		reference_doctype=CONVENTION,
		reference_name=convention.name,
	)


def _send_expiry(convention, alert: rules.Alert, emails: list[str]) -> None:
	_send(
		"PdN Convention Expiry",
		convention,
		emails,
		end_date=frappe.format(convention.end_date, "Date"),
		days_left=alert.days_left,
	)


def _send_late_documents(convention, alert: rules.Alert, emails: list[str]) -> None:
	documents = [
		{
			"document_type": row.document_type,
			"year": row.year,
			"due_date": frappe.format(row.due_date, "Date"),
		}
		for row in alert.rows
	]
	_send("PdN Convention Late Documents", convention, emails, documents=documents)
