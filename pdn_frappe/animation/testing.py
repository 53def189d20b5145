"""Factories of the animation module's integration tests (keyword arguments, sensible defaults)."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_to_date, now_datetime

from pdn_frappe.tests.utils import factory, make_promeneur


@factory
def make_training(department: str = "03", starts_on=None, hours: float = 3, participants=(), **kwargs):
	starts_on = starts_on or add_to_date(now_datetime(), days=10).replace(
		hour=9, minute=0, second=0, microsecond=0
	)
	doc = frappe.get_doc(
		{
			"doctype": "PdN Training",
			"title": kwargs.pop("title", "Réseaux sociaux : posture éducative"),
			"kind": kwargs.pop("kind", "Training"),
			"department": department,
			"starts_on": starts_on,
			"ends_on": kwargs.pop("ends_on", None) or starts_on + datetime.timedelta(hours=hours),
			"location_type": "In person",
			"place": kwargs.pop("place", "Caf de l'Allier, Vichy"),
			"capacity": kwargs.pop("capacity", 0),
			"participants": [
				{"promeneur": promeneur, "status": status} for promeneur, status in participants
			],
			**kwargs,
		}
	)
	return doc.insert(ignore_permissions=True)


def make_promeneur_with_login(department: str = "03", **kwargs):
	"""A promeneur and their login (role and User Permissions granted): (promeneur, user)."""
	current = frappe.session.user
	frappe.set_user("Administrator")
	try:
		promeneur = make_promeneur(department=department, **kwargs)
		user = promeneur.create_login(send_welcome_email=False)
	finally:
		frappe.set_user(current)
	return frappe.get_doc("PdN Promeneur", promeneur.name), user


def make_activity(department: str = "03", kind: str = "Individual presentation", hours: float = 2, **kwargs):
	return frappe.get_doc(
		{
			"doctype": "PdN Coordination Activity",
			"department": department,
			"kind": kind,
			"hours": hours,
			"activity_date": kwargs.pop("activity_date", frappe.utils.nowdate()),
			**kwargs,
		}
	).insert(ignore_permissions=True)
