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


def load_committee(commit: bool = True) -> dict:
	"""The demo's steering committee of the Allier, its decisions applied as the CAF agent would;
	once (recognised by its department, date and place)."""
	from pdn_frappe.demo import committee as plan
	from pdn_frappe.demo import network as demo

	values = plan.steering_meeting(demo.build_demo_network(), getdate(nowdate()))
	if frappe.db.exists(
		"PdN Steering Meeting",
		{
			"department": values["department"],
			"meeting_date": values["meeting_date"],
			"place": values["place"],
		},
	):
		print("Demo steering committee: already there.")
		return {"meetings": 0}
	for row in values["decisions"]:
		email = row.pop("promeneur_email", None)
		if email:
			row["promeneur"] = frappe.db.get_value("PdN Promeneur", {"email": email}, "name")
	meeting = frappe.get_doc({"doctype": "PdN Steering Meeting", **values})
	meeting.insert(ignore_permissions=True)
	meeting.apply_decisions()
	if commit:
		frappe.db.commit()
	print(
		f"Demo steering committee: {meeting.name} recorded, its {len(meeting.decisions)} decisions applied."
	)
	return {"meetings": 1}
