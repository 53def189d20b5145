"""The demo's structure requests: what the structures of the demo network have declared lately.

The centre social de Gannat (the structure-manager login's) has one request waiting for the
coordination (one more weekly hour for a promeneur), a draft it has not sent yet (its move) and a
budget request the coordination refused (its convention is signed: the budget changes through an
amendment). The centre social d'Ebreuil's new legal representative, approved and applied, shows
what an approval records, and the Puy-de-Dôme's coordination has a new promeneur to decide on. Plain data (no frappe):
:func:`pdn_frappe.network.request_demo.load` resolves the structures and promeneurs and records the
requests through the workflow.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from pdn_frappe.demo import network as demo
from pdn_frappe.domain import structure_requests as rules

#: which promeneur of the structure a request is about (resolved by the loader among its active ones)
FEWEST_HOURS = "fewest_hours"
#: the structure's legal representative as the registry holds it (the change was approved earlier)
CURRENT_REPRESENTATIVE = "current_representative"


@dataclass(frozen=True)
class DemoRequest:
	"""One request; ``structure_key`` is a demo structure's key, or a department code for its first
	structure."""

	structure_key: str
	kind: str
	state: str
	details: str
	values: dict = field(default_factory=dict)
	promeneur: str | None = None
	effective_in_days: int | None = None
	refusal_reason: str | None = None
	#: a budget request is about the structure's current convention
	convention: bool = False


def first_of_month_after(today: datetime.date) -> datetime.date:
	return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def demo_requests(today: datetime.date) -> tuple[DemoRequest, ...]:
	return (
		DemoRequest(
			demo.GANNAT,
			rules.HOURS,
			rules.SUBMITTED,
			"Avec l'arrivée d'un second animateur, une heure de plus par semaine est consacrée à la "
			"présence en ligne.",
			values={"new_weekly_hours": 3.0},
			promeneur=FEWEST_HOURS,
			effective_in_days=(first_of_month_after(today) - today).days,
		),
		DemoRequest(
			demo.GANNAT,
			rules.ADDRESS,
			rules.DRAFT,
			"Le centre social s'installe dans ses nouveaux locaux au printemps.",
			values={"address_line1": "8 rue de la Poste", "postcode": "03800", "city": "Gannat"},
		),
		DemoRequest(
			demo.GANNAT,
			rules.BUDGET,
			rules.REFUSED,
			"Le budget prévisionnel de l'an prochain prévoit une troisième personne en ligne.",
			values={"budget_year": today.year + 1, "budget_amount": 5500.0},
			convention=True,
			refusal_reason=(
				"La convention en cours est signée : le montant de l'an prochain se discute avec la Caf "
				"lors de l'avenant prévu au printemps."
			),
		),
		DemoRequest(
			"cs-ebreuil",
			rules.REPRESENTATIVE,
			rules.APPROVED,
			"Nouvelle présidence élue lors de l'assemblée générale de juin.",
			values={"representative": CURRENT_REPRESENTATIVE},
		),
		DemoRequest(
			demo.PUY_DE_DOME,
			rules.NEW_PROMENEUR,
			rules.SUBMITTED,
			"Recrutée comme animatrice jeunesse ; elle a suivi la réunion d'accueil d'octobre.",
			values={
				"first_name": "Léa",
				"last_name": "Fournier",
				"email": "lea.fournier@structure-63.example",
				"job_title": "Animatrice jeunesse",
				"mission": "Youth",
				"new_weekly_hours": 3.0,
				"public_12_17": 1,
				"public_18_25": 1,
			},
			effective_in_days=14,
		),
	)
