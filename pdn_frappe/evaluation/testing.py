"""Factories of the evaluation tests (tier 2), next to the shared ones of pdn_frappe.tests.utils."""

from __future__ import annotations

import frappe

from pdn_frappe.tests.utils import PdnTestCase, factory, make_promeneur, make_structure

#: the department of the structures these tests create
DEPARTMENT = "976"

RATED = {"interest_online_presence": 0.8, "interest_network": 1, "interest_trainings": 0.6}


def questionnaire_values(**changes) -> dict:
	"""Figures of a consistent questionnaire, with ``changes`` applied."""
	values = {
		"hours_online": 30,
		"young_friends": 150,
		"exchanges_per_week": 12,
		"youths_contacted": 20,
		"new_youths_contacted": 6,
		"short_contacts": 8,
		"youths_met_after_contact": 3,
		"projects_initiated": 1,
		"parents_contacted": 0,
		"age_12_14": 5,
		"age_15_17": 9,
		"age_18_20": 2,
		"interactions_simple_exchange": 25,
		"interactions_information": 6,
		"interactions_listening": 2,
		"device_smartphone": 1,
		"published_prevention": 1,
		"networks": [{"network": "Instagram"}, {"network": "Snapchat"}],
		"themes": [{"theme": "Santé"}, {"theme": "Orientation et scolarité"}],
		**RATED,
	}
	values.update(changes)
	return values


@factory
def make_evaluation(
	promeneur: str, year: int = 2025, quarter: int | None = 1, submit: bool = False, **changes
):
	"""A questionnaire of ``promeneur`` for a quarter (or the year when ``quarter`` is None)."""
	doc = frappe.get_doc(
		{
			"doctype": "PdN Evaluation",
			"promeneur": promeneur,
			"period_type": "Quarter" if quarter else "Year",
			"year": year,
			"quarter": f"Q{quarter}" if quarter else "",
			**questionnaire_values(**changes),
		}
	)
	doc.insert(ignore_permissions=True)
	if submit:
		doc.flags.ignore_permissions = True
		doc.submit()
	return doc


def make_active_promeneur(structure: str | None = None, since: str = "2020-01-01", **kwargs):
	"""An active promeneur who owes questionnaires since ``since``."""
	return make_promeneur(structure=structure, status="Active", active_since=since, **kwargs)


class OwnStructureTestCase(PdnTestCase):
	"""Promeneurs and questionnaires in a structure of their own (``cls.structure``), so that the
	other data of the site (demo, national benchmark data) never gets in the figures."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.structure = cls.new_structure()

	@staticmethod
	def new_structure() -> str:
		"""Another structure of :data:`DEPARTMENT`, with nobody in it."""
		return make_structure(department=DEPARTMENT, postcode="97600", city="Mamoudzou").name


def queued_to(email: str, reference_doctype: str | None = None) -> list[str]:
	"""Names of the Email Queue rows addressed to ``email``."""
	recipient = frappe.qb.DocType("Email Queue Recipient")
	queue = frappe.qb.DocType("Email Queue")
	query = (
		frappe.qb.from_(queue)
		.join(recipient)
		.on(recipient.parent == queue.name)
		.select(queue.name)
		.where(recipient.recipient == email)
	)
	if reference_doctype:
		query = query.where(queue.reference_doctype == reference_doctype)
	return query.run(pluck=True)


def queued_text(name: str) -> str:
	"""The decoded text (HTML part) of an Email Queue row."""
	import email

	message = email.message_from_string(frappe.db.get_value("Email Queue", name, "message"))
	parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
	return parts[0].get_payload(decode=True).decode() if parts else ""
