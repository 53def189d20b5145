"""The applications of the demo: the joint call of the Allier and the Puy-de-Dôme, its welcome
meetings (trainings of the "Welcome meeting" kind) and a few applications to it.

One application is accepted (its candidate is invited to the Allier's welcome meeting), one waits
for the coordination, and the same candidate sent a second one for another structure, which the
list shows as a possible duplicate. Plain data (no frappe); the loader
:mod:`pdn_frappe.applications.demo` turns it into documents. Every person is made up.
"""

from __future__ import annotations

from dataclasses import dataclass

from pdn_frappe.domain.validation import luhn_complete

ALLIER = "03"
PUY_DE_DOME = "63"
CALL_TITLE = "Appel à candidatures Promeneurs du Net – Allier et Puy-de-Dôme"


@dataclass(frozen=True)
class DemoWelcomeMeeting:
	department: str
	days_from_today: int
	start: tuple[int, int]
	end: tuple[int, int]
	place: str
	title: str = "Réunion d'accueil des nouveaux promeneurs"


@dataclass(frozen=True)
class DemoApplication:
	department: str
	first_name: str
	last_name: str
	email: str
	structure_name: str
	siret: str
	postcode: str
	city: str
	state: str = "Submitted"


WELCOME_MEETINGS = (
	DemoWelcomeMeeting(ALLIER, 50, (10, 0), (12, 0), "Caf de l'Allier, Vichy"),
	DemoWelcomeMeeting(PUY_DE_DOME, 56, (14, 0), (16, 0), "Caf du Puy-de-Dôme, Clermont-Ferrand"),
)

APPLICATIONS = (
	DemoApplication(
		ALLIER,
		"Inès",
		"Morel",
		"ines.morel@demo-candidats.pdn-frappe.fr",
		"Centre social La Passerelle",
		luhn_complete("8120456700001"),
		"03100",
		"Montluçon",
		state="Accepted",
	),
	DemoApplication(
		ALLIER,
		"Yanis",
		"Perrin",
		"yanis.perrin@demo-candidats.pdn-frappe.fr",
		"Maison des jeunes de Cusset",
		luhn_complete("8120456800001"),
		"03300",
		"Cusset",
	),
	# the same candidate, for another structure that also employs him: a possible duplicate
	DemoApplication(
		ALLIER,
		"Yanis",
		"Perrin",
		"yanis.perrin@demo-candidats.pdn-frappe.fr",
		"Espace jeunes de Bellerive",
		luhn_complete("8120456900001"),
		"03700",
		"Bellerive-sur-Allier",
	),
)


def application_values(application: DemoApplication) -> dict:
	"""The answers of a complete application form for ``application``."""
	return {
		"department": application.department,
		"candidate_first_name": application.first_name,
		"candidate_last_name": application.last_name,
		"candidate_job_title": "Animateur jeunesse",
		"candidate_phone": "04 70 00 00 00",
		"candidate_email": application.email,
		"structure_name": application.structure_name,
		"legal_status": "Association",
		"siret": application.siret,
		"address_line1": "1 place de la Mairie",
		"postcode": application.postcode,
		"city": application.city,
		"structure_phone": "04 70 00 00 01",
		"structure_email": "contact@" + application.siret + ".demo-structures.pdn-frappe.fr",
		"legal_representative": "Présidence de l'association",
		"weekly_hours": "3h",
		"mission": "Youth",
		"networks": [{"social_network": "Instagram"}],
		"public_12_17": 1,
		"structure_project": "Prolonger en ligne l'accueil des jeunes de la structure.",
		"candidate_experience": "Plusieurs années d'animation jeunesse et d'éducation aux médias.",
		"intervention_mode": "Instagram le mercredi après-midi et le vendredi soir.",
		"charter_ack_candidate": 1,
		"charter_ack_representative": 1,
	}
