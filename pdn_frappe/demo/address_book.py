"""The demo's proposals to the address book and registrations on the national site, as plain data.

Proposals (:data:`PROPOSALS`): the promeneur login of the Allier has two waiting for the
coordination (a new resource person and a correction of a referent of the address book); a
colleague of the same department has one too, which the promeneur login does not see; in the
Puy-de-Dôme one proposal was declined with its reason. Every person and contact is made up.

Registrations (:func:`registration_plan`): of the promeneurs the directory lists, most are
registered on the national site, some since their details changed (to update), the newest are to
register; two former promeneurs are still on the national site (to remove) and one was removed.
The loader :mod:`pdn_frappe.network.address_book_demo` writes both on a site.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pdn_frappe.demo.network import ALLIER, PUY_DE_DOME, login_for_role
from pdn_frappe.domain import national, resources
from pdn_frappe.roles import PROMENEUR_ROLE

#: the proposals' authors: the promeneur login, or the n-th other active promeneur of a department
PROMENEUR_LOGIN = login_for_role(PROMENEUR_ROLE).email


@dataclass(frozen=True)
class DemoProposal:
	author: str  # PROMENEUR_LOGIN's e-mail, or "<department>:<n>" (the n-th other promeneur)
	department: str
	proposal_type: str
	full_name: str = ""
	organisation: str = ""
	role_title: str = ""
	themes: tuple[str, ...] = ()
	email: str = ""
	phone: str = ""
	website: str = ""
	notes: str = ""
	comment: str = ""
	#: for a correction: the n-th visible referent of the department (by name)
	corrects: int | None = None
	status: str = resources.PROPOSED
	refusal_reason: str = ""

	def to_doc(self) -> dict:
		return {
			"doctype": "PdN Resource Proposal",
			"proposal_type": self.proposal_type,
			"full_name": self.full_name or None,
			"organisation": self.organisation or None,
			"role_title": self.role_title or None,
			"themes": [{"theme": theme} for theme in self.themes],
			"email": self.email or None,
			"phone": self.phone or None,
			"website": self.website or None,
			"notes": self.notes or None,
			"comment": self.comment or None,
		}


PROPOSALS: tuple[DemoProposal, ...] = (
	DemoProposal(
		author=PROMENEUR_LOGIN,
		department=ALLIER,
		proposal_type=resources.NEW,
		full_name="Sandrine Vidal",
		organisation="Point accueil écoute jeunes de Vichy",
		role_title="Psychologue",
		themes=("Mal-être et souffrance psychique", "Relations familiales et parentalité"),
		email="s.vidal@paej-vichy.example",
		phone="04 70 31 52 10",
		website="https://paej-vichy.example",
		notes="Reçoit sans rendez-vous le mercredi après-midi ; peut échanger avec un promeneur avant une orientation.",
		comment="Rencontrée au forum santé de Vichy : elle est d'accord pour figurer dans le carnet d'adresses.",
	),
	DemoProposal(
		author=PROMENEUR_LOGIN,
		department=ALLIER,
		proposal_type=resources.CORRECTION,
		corrects=0,
		phone="04 70 99 12 34",
		comment="Le standard a changé de numéro en septembre.",
	),
	DemoProposal(
		author=f"{ALLIER}:1",
		department=ALLIER,
		proposal_type=resources.NEW,
		full_name="Olivier Marchand",
		organisation="Mission locale de Montluçon",
		role_title="Conseiller emploi",
		themes=("Emploi et insertion", "Mobilité"),
		email="o.marchand@ml-montlucon.example",
		phone="04 70 05 44 20",
		notes="Accompagne les 16-25 ans vers l'emploi et le permis de conduire.",
	),
	DemoProposal(
		author=f"{PUY_DE_DOME}:2",
		department=PUY_DE_DOME,
		proposal_type=resources.NEW,
		full_name="Agnès Bonnet",
		organisation="Bureau information jeunesse de Clermont-Ferrand",
		role_title="Informatrice jeunesse",
		themes=("Orientation et scolarité",),
		email="a.bonnet@bij-clermont.example",
		status=resources.REFUSED,
		refusal_reason="Le BIJ figure déjà dans le carnet d'adresses : contactez son accueil.",
	),
)


# ---------------------------------------------------------------- the national site

#: every n-th listed promeneur is to register (the newest), every m-th registered one to update
TO_REGISTER_EVERY = 6
TO_UPDATE_EVERY = 5
#: how many former promeneurs are still on the national site, and how many were removed
STILL_LISTED_FORMER = 2
REMOVED_FORMER = 1


def registration_plan(
	listed: list[str], former: list[str], today: datetime.date
) -> dict[str, tuple[str, datetime.date | None]]:
	"""Name -> (registration status, registered on) for the listed promeneurs and the former ones.

	``listed``: the promeneurs the directory lists, oldest first; ``former``: promeneurs who left.
	"""
	plan: dict[str, tuple[str, datetime.date | None]] = {}
	for position, name in enumerate(listed):
		registered_on = today - datetime.timedelta(days=400 - 7 * (position % 40))
		if position % TO_REGISTER_EVERY == TO_REGISTER_EVERY - 1:
			plan[name] = (national.TO_REGISTER, None)
		elif position % TO_UPDATE_EVERY == TO_UPDATE_EVERY - 1:
			plan[name] = (national.TO_UPDATE, registered_on)
		else:
			plan[name] = (national.REGISTERED, registered_on)
	for position, name in enumerate(former[: STILL_LISTED_FORMER + REMOVED_FORMER]):
		registered_on = today - datetime.timedelta(days=700 + 30 * position)
		status = national.TO_REMOVE if position < STILL_LISTED_FORMER else national.REMOVED
		plan[name] = (status, registered_on)
	return plan
