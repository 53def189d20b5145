"""Demo data of the applications module: one open joint call of the Allier and the Puy-de-Dôme,
its welcome meetings (trainings) and a few applications (:mod:`pdn_frappe.demo.applications`)."""

import datetime

import frappe
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe.demo import applications as plan

DEMO_TITLE = plan.CALL_TITLE


def load(commit: bool = True) -> dict:
	"""Open the demo call running from a week ago to five weeks from now, once, with its welcome
	meetings and applications (each created once)."""
	previous_user, previous_mute = frappe.session.user, frappe.flags.mute_emails
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	try:
		call, created = ensure_call()
		meetings = sum(ensure_welcome_meeting(call, meeting) for meeting in plan.WELCOME_MEETINGS)
		applications = sum(ensure_application(call, application) for application in plan.APPLICATIONS)
	finally:
		frappe.flags.mute_emails = previous_mute
		frappe.set_user(previous_user)
	if commit:
		frappe.db.commit()
	print(
		f"Demo call for applications: {created} call, {meetings} welcome meetings, "
		f"{applications} applications created."
	)
	return {"calls": created, "welcome_meetings": meetings, "applications": applications}


def ensure_call() -> tuple[str, int]:
	name = frappe.db.get_value("PdN Application Call", {"title": DEMO_TITLE}, "name")
	if name:
		return name, 0
	today = getdate(nowdate())
	doc = frappe.get_doc(
		{
			"doctype": "PdN Application Call",
			"title": DEMO_TITLE,
			"department": plan.ALLIER,
			"other_departments": [{"department": plan.PUY_DE_DOME}],
			"status": "Open",
			"opening_date": add_days(today, -7),
			"closing_date": add_days(today, 35),
			"contact_name": "Coordination des Promeneurs du Net",
			"contact_email": "coordination03@demo.pdn-frappe.fr",
			"required_documents": [
				{"document_type": name}
				for name in (
					"Récépissé de déclaration en préfecture",
					"Avis de situation au répertoire SIRENE",
					"Statuts",
					"Relevé d'identité bancaire (RIB)",
				)
				if frappe.db.exists("PdN Document Type", name)
			],
		}
	).insert(ignore_permissions=True)
	return doc.name, 1


def ensure_welcome_meeting(call: str, meeting: plan.DemoWelcomeMeeting) -> int:
	filters = {"kind": "Welcome meeting", "application_call": call, "department": meeting.department}
	if frappe.db.exists("PdN Training", filters):
		return 0
	day = add_days(getdate(nowdate()), meeting.days_from_today)
	frappe.get_doc(
		{
			"doctype": "PdN Training",
			"title": meeting.title,
			"kind": "Welcome meeting",
			"department": meeting.department,
			"application_call": call,
			"starts_on": datetime.datetime.combine(day, datetime.time(*meeting.start)),
			"ends_on": datetime.datetime.combine(day, datetime.time(*meeting.end)),
			"location_type": "In person",
			"place": meeting.place,
			"registration_open": 1,
		}
	).insert(ignore_permissions=True)
	return 1


def ensure_application(call: str, application: plan.DemoApplication) -> int:
	"""One application, recorded as the desk records it (its possible duplicate flagged); an
	accepted one creates its structure and promeneur, invited to the next welcome meeting."""
	filters = {"candidate_email": application.email, "siret": application.siret, "application_call": call}
	if frappe.db.exists("PdN Application", filters):
		return 0
	doc = frappe.get_doc(
		{"doctype": "PdN Application", "application_call": call, **plan.application_values(application)}
	)
	doc.insert(ignore_permissions=True)
	if application.state == "Accepted":  # through the review's steps: pre-selected, then accepted
		for state in ("Pre-selected", "Accepted"):
			doc.workflow_state = state
			doc.save(ignore_permissions=True)
	return 1
