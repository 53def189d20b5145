"""Factories for the tests of the Applications module (bench tier)."""

import base64
import json
import random
from unittest.mock import patch

import frappe
from frappe.utils import add_days, nowdate

from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import POSTCODES, PdnTestCase, factory, make_siret

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class ApplicationsTestCase(PdnTestCase):
	"""A :class:`PdnTestCase` whose e-mails land in the Email Queue, with room for many guest
	submissions, and without assignment notifications: in tests Frappe e-mails them at once and
	commits the transaction, which would leak data out of the test."""

	OUTGOING_EMAIL = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("PdN Settings", {"guest_rate_limit": 50, "max_attachment_mb": 5})
		notifications = patch("frappe.desk.form.assign_to.notify_assignment")
		notifications.start()
		cls.addClassCleanup(notifications.stop)


class CallTestCase(ApplicationsTestCase):
	"""An open call of the Allier (03), also open in ``OTHER_DEPARTMENTS``, with a coordinator and a
	Caf agent of the Allier, and a coordinator of the Puy-de-Dôme (63) for the refusals."""

	OTHER_DEPARTMENTS: tuple[str, ...] = ()

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.call = make_call(department="03", other_departments=cls.OTHER_DEPARTMENTS)
		cls.coordinator = make_staff("03", COORDINATOR)
		cls.caf_agent = make_staff("03", CAF_AGENT)
		cls.other_coordinator = make_staff("63", COORDINATOR)


@factory
def make_call(**kwargs):
	"""An open call of the Allier (03) by default, running from 10 days ago to 20 days from now
	(its welcome meetings are trainings: ``make_training(kind="Welcome meeting", application_call=...)``)."""
	doc = frappe.get_doc(
		{
			"doctype": "PdN Application Call",
			"title": kwargs.pop("title", f"Appel à candidatures {random.randint(1000, 9999)}"),
			"department": kwargs.pop("department", "03"),
			"status": kwargs.pop("status", "Open"),
			"opening_date": kwargs.pop("opening_date", add_days(nowdate(), -10)),
			"closing_date": kwargs.pop("closing_date", add_days(nowdate(), 20)),
			"other_departments": [{"department": d} for d in kwargs.pop("other_departments", ())],
			"required_documents": [{"document_type": d} for d in kwargs.pop("required_documents", ())],
			**kwargs,
		}
	)
	return doc.insert(ignore_permissions=True)


def data_url(content: bytes = PDF, name: str = "document.pdf", mime: str = "application/pdf") -> str:
	return f"{name},data:{mime};base64,{base64.b64encode(content).decode()}"


def application_values(department: str = "03", **overrides) -> dict:
	"""The answers of a complete, valid application form."""
	number = random.randint(100000, 999999)
	values = {
		"department": department,
		"candidate_first_name": "Camille",
		"candidate_last_name": f"Candidate{number}",
		"candidate_job_title": "Animatrice jeunesse",
		"candidate_phone": "04 70 12 34 56",
		"candidate_email": f"camille.{number}@example.com",
		"structure_name": f"Centre social des Ailes {number}",
		"convention_name": f"Association Centre social des Ailes {number}",
		"legal_status": "Association",
		"siret": make_siret(),
		"address_line1": "12 rue des Écoles",
		"postcode": POSTCODES.get(department, "03200"),
		"city": "Vichy",
		"structure_phone": "04 70 98 76 54",
		"structure_email": f"contact.{number}@example.org",
		"legal_representative": "Dominique Président",
		"legal_representative_title": "Président",
		"legal_representative_email": f"president.{number}@example.org",
		"weekly_hours": "3h",
		"mission": "Youth",
		"networks": ["Instagram", "Snapchat"],
		"public_12_17": 1,
		"public_18_25": 1,
		"structure_project": "Prolonger en ligne l'accueil des jeunes du centre social.",
		"candidate_experience": "Six ans d'animation jeunesse, ateliers d'éducation aux médias.",
		"intervention_mode": "Instagram et Snapchat le mercredi et le vendredi soir, téléphone professionnel.",
		"charter_ack_candidate": 1,
		"charter_ack_representative": 1,
		"siret_certificate": data_url(name="avis-sirene.pdf"),
		"bank_details": data_url(PNG, "rib.png", "image/png"),
	}
	values.update(overrides)
	return {k: v for k, v in values.items() if v is not None}


def submit_as_guest(values: dict, ip: str | None = None, correction: str | None = None) -> dict:
	"""Send the public form as a guest from one client address, then come back as Administrator."""
	from pdn_frappe.applications.submission import submit_application

	previous_ip = getattr(frappe.local, "request_ip", None)
	frappe.local.request_ip = ip or f"198.51.100.{random.randint(1, 254)}-{random.randint(1, 10**6)}"
	frappe.set_user("Guest")
	try:
		return submit_application(data=json.dumps(values), correction=correction)
	finally:
		frappe.set_user("Administrator")
		frappe.local.request_ip = previous_ip


@factory
def make_staff(department: str, role: str) -> str:
	"""A coordinator or CAF agent of ``department`` whose notifications are not e-mailed (in tests,
	Frappe sends notification e-mails at once and commits the transaction)."""
	from pdn_frappe.tests.utils import add_department_member

	user = add_department_member(department, role)
	if not frappe.db.exists("Notification Settings", user):
		frappe.get_doc({"doctype": "Notification Settings", "name": user}).insert(ignore_permissions=True)
	frappe.db.set_value("Notification Settings", user, "enable_email_notifications", 0)
	return user


def queued_emails(reference_name: str) -> list:
	"""E-mails queued about an application, oldest first, with their decoded text."""
	import email
	from email import policy

	rows = frappe.get_all(
		"Email Queue",
		filters={"reference_name": reference_name},
		fields=["name", "message", "creation", "show_as_cc"],
		order_by="creation asc, name asc",
	)
	result = []
	for row in rows:
		parsed = email.message_from_string(row.message, policy=policy.default)
		body = parsed.get_body(preferencelist=("html", "plain"))
		result.append(
			frappe._dict(
				name=row.name,
				subject=str(parsed["Subject"]),
				cc=row.show_as_cc or "",
				body=body.get_content() if body else "",
				recipients=frappe.get_all(
					"Email Queue Recipient", filters={"parent": row.name}, pluck="recipient"
				),
			)
		)
	return result
