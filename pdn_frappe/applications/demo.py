"""Demo data of the applications module: one open joint call of the Allier and the Puy-de-Dôme."""

import frappe
from frappe.utils import add_days, getdate, nowdate

DEMO_TITLE = "Appel à candidatures Promeneurs du Net – Allier et Puy-de-Dôme"


def load(commit: bool = True) -> dict:
	"""Open a demo call running from a week ago to five weeks from now, once."""
	if frappe.db.exists("PdN Application Call", {"title": DEMO_TITLE}):
		print("Demo call for applications: already there.")
		return {"calls": 0}
	today = getdate(nowdate())
	frappe.get_doc(
		{
			"doctype": "PdN Application Call",
			"title": DEMO_TITLE,
			"department": "03",
			"other_departments": [{"department": "63"}],
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
			"welcome_meetings": [
				{
					"meeting_date": add_days(today, 50),
					"from_time": "10:00:00",
					"to_time": "12:00:00",
					"place": "Caf de l'Allier, Vichy",
					"department": "03",
				},
				{
					"meeting_date": add_days(today, 56),
					"from_time": "14:00:00",
					"to_time": "16:00:00",
					"place": "Caf du Puy-de-Dôme, Clermont-Ferrand",
					"department": "63",
				},
			],
		}
	).insert(ignore_permissions=True)
	if commit:
		frappe.db.commit()
	print("Demo call for applications: 1 open call created.")
	return {"calls": 1}
