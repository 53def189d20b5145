"""A fictional but realistic Promeneurs du Net network, as plain data, for demonstrations.

It mirrors the shape of the network of the Allier (03) and the Puy-de-Dôme (63) at the end of
2019: 23 promeneurs in the Allier and 43 in the Puy-de-Dôme, with the professions and the kinds of
structures found there. Every person, SIRET, phone number and e-mail address is made up: e-mail
addresses use ``.example`` domains (reserved, never delivered) and the demo logins use
``demo.pdn-frappe.fr``. Only professionals are described: no young person appears anywhere.

:func:`build_demo_network` is deterministic: the same seed always gives the same network. The
loader :mod:`pdn_frappe.network.demo` turns it into documents of a Frappe site.
"""

from __future__ import annotations

import datetime
import json
import random
import unicodedata
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from pdn_frappe.domain.departments import DEPARTMENTS_BY_CODE
from pdn_frappe.domain.validation import luhn_complete
from pdn_frappe.roles import ADMINISTRATOR, CAF_AGENT, COORDINATOR, PROMENEUR_ROLE, STRUCTURE_MANAGER

DEMO_PASSWORD = "PdN-demo-2026"
"""Password of every demo login; shown in the README, so only for demonstration sites."""

DEMO_EMAIL_DOMAIN = "demo.pdn-frappe.fr"

ALLIER = "03"
PUY_DE_DOME = "63"
DEMO_DEPARTMENTS = (ALLIER, PUY_DE_DOME)

# Names of records shipped as fixtures (pdn_frappe/fixtures/*.json).
ANIMATEUR = "Animateur enfance-jeunesse"
REFERENT_JEUNESSE = "Référent ou coordinateur jeunesse"
EDUCATEUR = "Éducateur spécialisé"
MONITEUR = "Moniteur éducateur"
ANIMATEUR_NUMERIQUE = "Animateur numérique / multimédia"
REFERENT_FAMILLE = "Référent famille"
DIRECTEUR = "Directeur de structure"
INFORMATEUR = "Informateur jeunesse"
AGENT_DEVELOPPEMENT = "Agent de développement"
CHARGE_FORMATION = "Chargé de mission formation"

ALSH = "Accueil de loisirs / service jeunesse"
CENTRE_SOCIAL = "Centre social"
EVS = "Espace de vie sociale (EVS)"
FJT = "Foyer de jeunes travailleurs (FJT)"
MFR = "Maison familiale rurale (MFR)"
EPN = "Espace public numérique (EPN)"
JEUX = "Ludothèque / association de jeux"
PIJ = "Point ou bureau information jeunesse (PIJ/BIJ)"
MEDIATHEQUE = "Médiathèque"
PREVENTION = "Association de prévention spécialisée"
ADDICTIONS = "Association de prévention des addictions"
EDUCATION_SPECIALISEE = "Établissement d'éducation spécialisée (IME, ITEP)"
EDUCATION_POPULAIRE = "Mouvement d'éducation populaire"

# The profile and structure types of the 2019 activity report, mapped onto the fixture records.
PROFESSIONS_BY_DEPARTMENT: dict[str, tuple[str, ...]] = {
	PUY_DE_DOME: (
		ANIMATEUR,
		REFERENT_JEUNESSE,
		EDUCATEUR,
		MONITEUR,
		ANIMATEUR_NUMERIQUE,
		REFERENT_FAMILLE,
		DIRECTEUR,
	),
	ALLIER: (
		ANIMATEUR,
		REFERENT_JEUNESSE,
		EDUCATEUR,
		MONITEUR,
		ANIMATEUR_NUMERIQUE,
		REFERENT_FAMILLE,
		INFORMATEUR,
		AGENT_DEVELOPPEMENT,
		CHARGE_FORMATION,
	),
}
STRUCTURE_TYPES_BY_DEPARTMENT: dict[str, tuple[str, ...]] = {
	PUY_DE_DOME: (ALSH, EVS, CENTRE_SOCIAL, FJT, MFR, EPN, JEUX),
	ALLIER: (
		ALSH,
		CENTRE_SOCIAL,
		PIJ,
		MEDIATHEQUE,
		PREVENTION,
		ADDICTIONS,
		EDUCATION_SPECIALISEE,
		EDUCATION_POPULAIRE,
	),
}
PROMENEURS_BY_DEPARTMENT: dict[str, int] = {PUY_DE_DOME: 43, ALLIER: 23}

# Values of Select fields (doctype JSON).
ASSOCIATION = "Association"
LOCAL_AUTHORITY = "Local authority"
EPCI = "Inter-municipal body (EPCI)"

# URL of a profile after the network's profile_url_prefix (fixture PdN Social Network).
SOCIAL_NETWORK_PREFIXES: dict[str, str | None] = {
	"Instagram": "https://www.instagram.com/",
	"Facebook": "https://www.facebook.com/",
	"Snapchat": "https://www.snapchat.com/add/",
	"TikTok": "https://www.tiktok.com/@",
	"YouTube": "https://www.youtube.com/",
	"Discord": "https://discord.com/",
	"WhatsApp": None,
}
_PROFILE_PATHS = {"YouTube": "@{handle}", "Discord": "invite/{handle}"}
# Instagram, Facebook and Snapchat dominate, as promeneurs reported in their 2019 survey.
_NETWORK_WEIGHTS = (
	("Instagram", 32),
	("Facebook", 28),
	("Snapchat", 24),
	("TikTok", 6),
	("YouTube", 4),
	("Discord", 4),
	("WhatsApp", 2),
)

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_WEEKDAY_WEIGHTS = (3, 3, 6, 3, 4, 1)
# (start, end, hours) of an online office hour: after school, Wednesday afternoons, lunch breaks.
_TIME_SLOTS = (
	("17:00:00", "18:00:00", 1.0),
	("17:00:00", "19:00:00", 2.0),
	("18:00:00", "19:30:00", 1.5),
	("14:00:00", "16:00:00", 2.0),
	("12:00:00", "13:00:00", 1.0),
	("16:30:00", "18:00:00", 1.5),
	("10:00:00", "12:00:00", 2.0),
)
_WEEKLY_HOURS = (2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 5.0, 6.0)

# Network opening: end of 2017 in the Puy-de-Dôme, end of 2018 in the Allier.
_ACTIVE_SINCE_RANGE: dict[str, tuple[datetime.date, datetime.date]] = {
	PUY_DE_DOME: (datetime.date(2017, 11, 6), datetime.date(2019, 11, 29)),
	ALLIER: (datetime.date(2018, 11, 19), datetime.date(2019, 11, 29)),
}
_CANDIDATE_RANGE = (datetime.date(2019, 10, 1), datetime.date(2019, 12, 13))
_END_OF_2019 = datetime.date(2019, 12, 20)

# How many promeneurs of each department are not active (the others are "Active").
_OTHER_STATUSES: dict[str, tuple[str, ...]] = {
	PUY_DE_DOME: ("Candidate", "Candidate", "Candidate", "Suspended", "Suspended", "Left", "Left"),
	ALLIER: ("Candidate", "Candidate", "Suspended", "Left"),
}
_SUSPENSION_REASONS = (
	"Compte en pause pendant un congé de longue durée.",
	"Activité en ligne suspendue le temps de la réorganisation du service jeunesse.",
)
_LEAVING_REASONS = (
	"A quitté la structure pour un autre poste.",
	"Fin de contrat ; la structure prévoit de proposer un remplaçant.",
	"Changement de missions au sein de la structure.",
)


# ---------------------------------------------------------------- data classes


def record(plan, doctype: str | None = None, leave_out: tuple[str, ...] = (), **values) -> dict:
	"""The fields of the dataclass ``plan`` as those of a document of ``doctype`` (or of a child row
	without it), but ``leave_out``; tuples of plans become lists of rows; ``values`` come last."""
	data: dict = {"doctype": doctype} if doctype else {}
	for field in fields(plan):
		if field.name not in leave_out:
			value = getattr(plan, field.name)
			if isinstance(value, tuple) and value and is_dataclass(value[0]):
				value = [record(item) for item in value]
			data[field.name] = value
	return {**data, **values}


@dataclass(frozen=True)
class DemoDepartment:
	"""The demo fields of an existing PdN Department (the record itself is installed with the app)."""

	code: str
	department_name: str
	network_open: int
	target_promeneurs: int
	coordination_email: str
	coordination_phone: str
	website: str
	coordinator_structure_key: str | None = None

	def to_fields(self) -> dict:
		"""Fields of PdN Department set by the demo (members and coordinator structure aside)."""
		return record(self, leave_out=("code", "department_name", "coordinator_structure_key"))


@dataclass(frozen=True)
class DemoContact:
	"""A row of the contacts table of a structure."""

	contact_name: str
	function: str
	email: str
	phone: str
	user: str | None = None
	is_manager: int = 0

	def to_row(self) -> dict:
		return record(self)


@dataclass(frozen=True)
class DemoStructure:
	"""A PdN Structure; ``key`` is a stable identifier of the demo, not a field of the doctype."""

	key: str
	structure_name: str
	structure_type: str
	legal_status: str
	department: str
	siret: str
	status: str
	address_line1: str
	postcode: str
	city: str
	phone: str
	email: str
	website: str
	legal_representative: str
	legal_representative_title: str
	legal_representative_email: str
	contacts: tuple[DemoContact, ...] = ()

	def to_doc(self) -> dict:
		return record(self, "PdN Structure", leave_out=("key",))


@dataclass(frozen=True)
class DemoNetworkProfile:
	social_network: str
	profile_name: str
	profile_url: str | None

	def to_row(self) -> dict:
		return record(self)


@dataclass(frozen=True)
class DemoOfficeHour:
	weekday: str
	from_time: str
	to_time: str

	def to_row(self) -> dict:
		return record(self)


@dataclass(frozen=True)
class DemoPromeneur:
	"""A PdN Promeneur; its structure is given by SIRET, resolved to a document name by the loader."""

	first_name: str
	last_name: str
	email: str
	phone: str | None
	profession: str
	job_title: str
	structure_siret: str
	department: str
	mission: str
	weekly_hours: float
	public_12_17: int
	public_18_25: int
	public_parents: int
	public_other: int
	public_other_text: str | None
	network_profiles: tuple[DemoNetworkProfile, ...]
	office_hours: tuple[DemoOfficeHour, ...]
	directory_consent: int
	directory_consent_on: str | None
	status: str
	status_reason: str | None
	candidate_since: str | None
	active_since: str | None
	ended_on: str | None

	@property
	def full_name(self) -> str:
		return f"{self.first_name} {self.last_name}"

	def to_doc(self) -> dict:
		"""Fields of PdN Promeneur, without ``structure`` (a document name) and ``user``."""
		return record(self, "PdN Promeneur", leave_out=("structure_siret",))


@dataclass(frozen=True)
class DemoReferent:
	"""A PdN Resource Referent: a professional the promeneurs can turn to on a theme."""

	full_name: str
	organisation: str
	role_title: str
	themes: tuple[str, ...]
	department: str
	email: str
	phone: str
	website: str | None
	visible_to_promeneurs: int
	ambassador_charter_signed_on: str | None
	last_checked_on: str
	notes: str | None

	def to_doc(self) -> dict:
		return record(self, "PdN Resource Referent", themes=[{"theme": theme} for theme in self.themes])


@dataclass(frozen=True)
class DemoLogin:
	"""A demo account: its Frappe role, and, in French, who it is and what it sees."""

	email: str
	first_name: str
	last_name: str
	role: str
	role_label: str
	sees: str
	department: str
	structure_key: str | None = None

	@property
	def full_name(self) -> str:
		return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class DemoNetwork:
	departments: tuple[DemoDepartment, ...]
	structures: tuple[DemoStructure, ...]
	promeneurs: tuple[DemoPromeneur, ...]
	referents: tuple[DemoReferent, ...]
	logins: tuple[DemoLogin, ...]

	def structure(self, key: str) -> DemoStructure:
		"""The structure with that demo key."""
		for structure in self.structures:
			if structure.key == key:
				return structure
		raise KeyError(key)

	def promeneurs_of(self, department: str) -> tuple[DemoPromeneur, ...]:
		return tuple(promeneur for promeneur in self.promeneurs if promeneur.department == department)

	def structures_of(self, department: str) -> tuple[DemoStructure, ...]:
		return tuple(structure for structure in self.structures if structure.department == department)

	def department_members(self, code: str) -> tuple[DemoLogin, ...]:
		"""Logins listed in the team (``members`` table) of a department: coordinators and Caf agents."""
		return tuple(
			login
			for login in self.logins
			if login.department == code and login.role in (COORDINATOR, CAF_AGENT)
		)


# ---------------------------------------------------------------- demo logins

GANNAT = "cs-gannat"
"""Key of the structure of the structure-manager and promeneur logins."""

DEMO_LOGINS: tuple[DemoLogin, ...] = (
	DemoLogin(
		email=f"coordination03@{DEMO_EMAIL_DOMAIN}",
		first_name="Hélène",
		last_name="Roussel",
		role=COORDINATOR,
		role_label="Coordinatrice départementale de l'Allier",
		sees=(
			"Tout le réseau de l'Allier : structures, promeneurs, personnes ressources et équipe du "
			"département ; crée les comptes des promeneurs. Rien du Puy-de-Dôme."
		),
		department=ALLIER,
	),
	DemoLogin(
		email=f"coordination63@{DEMO_EMAIL_DOMAIN}",
		first_name="Thomas",
		last_name="Berthon",
		role=COORDINATOR,
		role_label="Coordinateur départemental du Puy-de-Dôme",
		sees=(
			"Tout le réseau du Puy-de-Dôme : structures, promeneurs, personnes ressources et équipe du "
			"département. Rien de l'Allier."
		),
		department=PUY_DE_DOME,
	),
	DemoLogin(
		email=f"caf03@{DEMO_EMAIL_DOMAIN}",
		first_name="Sophie",
		last_name="Chassagne",
		role=CAF_AGENT,
		role_label="Conseillère de la Caf de l'Allier",
		sees=(
			"Le réseau de l'Allier, comme la coordination, pour suivre les structures financées et "
			"leurs promeneurs. Rien du Puy-de-Dôme."
		),
		department=ALLIER,
	),
	DemoLogin(
		email=f"structure@{DEMO_EMAIL_DOMAIN}",
		first_name="Nathalie",
		last_name="Peyronnet",
		role=STRUCTURE_MANAGER,
		role_label="Directrice du centre social de Gannat (responsable de structure)",
		sees=(
			"Sa structure (coordonnées, pièces justificatives) et, en lecture seule, les trois promeneurs "
			"qu'elle emploie, ainsi que les personnes ressources visibles."
		),
		department=ALLIER,
		structure_key=GANNAT,
	),
	DemoLogin(
		email=f"promeneur@{DEMO_EMAIL_DOMAIN}",
		first_name="Julie",
		last_name="Chabrol",
		role=PROMENEUR_ROLE,
		role_label="Promeneur du Net, animatrice jeunesse au centre social de Gannat",
		sees=(
			"Sa propre fiche (profils sur les réseaux, permanences en ligne, accord pour l'annuaire) "
			"et les personnes ressources visibles des promeneurs."
		),
		department=ALLIER,
		structure_key=GANNAT,
	),
	DemoLogin(
		email=f"administration@{DEMO_EMAIL_DOMAIN}",
		first_name="Karim",
		last_name="Benali",
		role=ADMINISTRATOR,
		role_label="Administrateur national du réseau",
		sees=(
			"Les réglages, les listes de référence, les modèles de documents et les coordonnées des "
			"Caf de tous les départements ; aucune fiche de promeneur ni de structure."
		),
		department="",
	),
)


def login_for_role(role: str) -> DemoLogin:
	"""The first demo login with that Frappe role."""
	for login in DEMO_LOGINS:
		if login.role == role:
			return login
	raise KeyError(role)


_STRUCTURE_MANAGER_LOGIN = login_for_role(STRUCTURE_MANAGER)
_PROMENEUR_LOGIN = login_for_role(PROMENEUR_ROLE)


# ---------------------------------------------------------------- static description of the network


@dataclass(frozen=True)
class _StructurePlan:
	key: str
	department: str
	structure_name: str
	short_name: str
	structure_type: str
	legal_status: str
	city: str
	postcode: str
	domain: str
	staff: tuple[str, ...]
	status: str = "Active"


# Professions of the promeneurs of each structure: 23 in the Allier, 43 in the Puy-de-Dôme. The first
# promeneur of the centre social de Gannat is the promeneur login.
# fmt: off
_STRUCTURE_PLANS: tuple[_StructurePlan, ...] = (
	# Allier (03)
	_StructurePlan(
		GANNAT, ALLIER, "Centre social de Gannat", "Centre Social Gannat", CENTRE_SOCIAL, ASSOCIATION,
		"Gannat", "03800", "cs-gannat.example", (ANIMATEUR, REFERENT_FAMILLE, ANIMATEUR_NUMERIQUE),
	),
	_StructurePlan(
		"cs-ebreuil", ALLIER, "Centre social rural d'Ebreuil", "CS Ebreuil", CENTRE_SOCIAL, ASSOCIATION,
		"Ebreuil", "03450", "cs-ebreuil.example", (ANIMATEUR, REFERENT_JEUNESSE),
	),
	_StructurePlan(
		"sj-vichy", ALLIER, "Service jeunesse de la ville de Vichy", "Jeunesse Vichy", ALSH, LOCAL_AUTHORITY,
		"Vichy", "03200", "ville-vichy.example", (REFERENT_JEUNESSE, ANIMATEUR),
	),
	_StructurePlan(
		"pij-montlucon", ALLIER, "Point information jeunesse de Montluçon", "PIJ Montluçon", PIJ,
		LOCAL_AUTHORITY, "Montluçon", "03100", "pij-montlucon.example", (INFORMATEUR, INFORMATEUR),
	),
	_StructurePlan(
		"mediatheque-cusset", ALLIER, "Médiathèque de Cusset", "Médiathèque Cusset", MEDIATHEQUE,
		LOCAL_AUTHORITY, "Cusset", "03300", "mediatheque-cusset.example", (ANIMATEUR_NUMERIQUE,),
	),
	_StructurePlan(
		"prevention-bourbonnais", ALLIER, "Association de prévention spécialisée du Bourbonnais",
		"Prévention Moulins", PREVENTION, ASSOCIATION, "Moulins", "03000", "prevention-bourbonnais.example",
		(EDUCATEUR, EDUCATEUR, MONITEUR),
	),
	_StructurePlan(
		"addictions-montlucon", ALLIER, "Prévention addictions Allier, antenne de Montluçon",
		"Prévention Addictions", ADDICTIONS, ASSOCIATION, "Montluçon", "03100",
		"prevention-addictions03.example", (EDUCATEUR,),
	),
	_StructurePlan(
		"ime-yzeure", ALLIER, "Institut médico-éducatif d'Yzeure", "IME Yzeure", EDUCATION_SPECIALISEE,
		ASSOCIATION, "Yzeure", "03400", "ime-yzeure.example", (MONITEUR, EDUCATEUR),
	),
	_StructurePlan(
		"educpop-allier", ALLIER, "Ligue d'éducation populaire du Bourbonnais", "Éduc Pop Allier",
		EDUCATION_POPULAIRE, ASSOCIATION, "Moulins", "03000", "educpop-allier.example",
		(CHARGE_FORMATION, AGENT_DEVELOPPEMENT),
	),
	_StructurePlan(
		"sj-saint-pourcain", ALLIER, "Service jeunesse intercommunal du pays de Saint-Pourçain",
		"Jeunesse Saint-Pourçain", ALSH, EPCI, "Saint-Pourçain-sur-Sioule", "03500",
		"cc-saint-pourcain.example", (REFERENT_JEUNESSE, AGENT_DEVELOPPEMENT),
	),
	_StructurePlan(
		"cs-montlucon", ALLIER, "Centre social Montluçon Rive Gauche", "CS Montluçon", CENTRE_SOCIAL,
		ASSOCIATION, "Montluçon", "03100", "cs-montlucon.example", (REFERENT_FAMILLE, ANIMATEUR),
	),
	_StructurePlan(
		"cs-commentry", ALLIER, "Centre social de Commentry", "CS Commentry", CENTRE_SOCIAL, ASSOCIATION,
		"Commentry", "03600", "cs-commentry.example", (ANIMATEUR,),
	),
	_StructurePlan(
		"federation-cs-03", ALLIER, "Fédération des centres sociaux de l'Allier", "Fédé Centres Sociaux",
		EDUCATION_POPULAIRE, ASSOCIATION, "Moulins", "03000", "federation-cs03.example", (),
	),
	_StructurePlan(
		"ej-bellerive", ALLIER, "Espace jeunes de Bellerive-sur-Allier", "Espace Jeunes Bellerive", ALSH,
		LOCAL_AUTHORITY, "Bellerive-sur-Allier", "03700", "ville-bellerive.example", (), status="Candidate",
	),
	# Puy-de-Dôme (63)
	_StructurePlan(
		"sj-romagnat", PUY_DE_DOME, "Service jeunesse de Romagnat", "Jeunesse Romagnat", ALSH,
		LOCAL_AUTHORITY, "Romagnat", "63540", "ville-romagnat.example",
		(ANIMATEUR, ANIMATEUR, ANIMATEUR_NUMERIQUE),
	),
	_StructurePlan(
		"sj-aubiere", PUY_DE_DOME, "Service jeunesse d'Aubière", "Jeunesse Aubière", ALSH, LOCAL_AUTHORITY,
		"Aubière", "63170", "ville-aubiere.example", (REFERENT_JEUNESSE, ANIMATEUR, ANIMATEUR),
	),
	_StructurePlan(
		"ej-cebazat", PUY_DE_DOME, "Espace jeunes de Cébazat", "Espace Jeunes Cébazat", ALSH,
		LOCAL_AUTHORITY, "Cébazat", "63118", "ville-cebazat.example", (ANIMATEUR, ANIMATEUR, ANIMATEUR),
	),
	_StructurePlan(
		"cs-riom", PUY_DE_DOME, "Centre social de Riom", "CS Riom", CENTRE_SOCIAL, ASSOCIATION, "Riom",
		"63200", "cs-riom.example", (DIRECTEUR, REFERENT_FAMILLE, ANIMATEUR, ANIMATEUR),
	),
	_StructurePlan(
		"cs-issoire", PUY_DE_DOME, "Centre social d'Issoire", "CS Issoire", CENTRE_SOCIAL, ASSOCIATION,
		"Issoire", "63500", "cs-issoire.example", (REFERENT_JEUNESSE, REFERENT_FAMILLE, ANIMATEUR),
	),
	_StructurePlan(
		"cs-thiers", PUY_DE_DOME, "Centre social de Thiers", "CS Thiers", CENTRE_SOCIAL, ASSOCIATION,
		"Thiers", "63300", "cs-thiers.example", (ANIMATEUR, ANIMATEUR, REFERENT_FAMILLE),
	),
	_StructurePlan(
		"cs-ambert", PUY_DE_DOME, "Centre social du pays d'Ambert", "CS Ambert", CENTRE_SOCIAL, ASSOCIATION,
		"Ambert", "63600", "cs-ambert.example", (DIRECTEUR, ANIMATEUR),
	),
	_StructurePlan(
		"sj-cournon", PUY_DE_DOME, "Service jeunesse de Cournon-d'Auvergne", "Jeunesse Cournon", ALSH,
		LOCAL_AUTHORITY, "Cournon-d'Auvergne", "63800", "ville-cournon.example",
		(REFERENT_JEUNESSE, ANIMATEUR, ANIMATEUR),
	),
	_StructurePlan(
		"sj-chamalieres", PUY_DE_DOME, "Service jeunesse de Chamalières", "Jeunesse Chamalières", ALSH,
		LOCAL_AUTHORITY, "Chamalières", "63400", "ville-chamalieres.example", (REFERENT_JEUNESSE, ANIMATEUR),
	),
	_StructurePlan(
		"fjt-clermont", PUY_DE_DOME, "Foyer de jeunes travailleurs des Volcans", "FJT Clermont", FJT,
		ASSOCIATION, "Clermont-Ferrand", "63000", "fjt-volcans.example", (EDUCATEUR, MONITEUR, ANIMATEUR),
	),
	_StructurePlan(
		"evs-billom", PUY_DE_DOME, "Espace de vie sociale de Billom", "EVS Billom", EVS, ASSOCIATION,
		"Billom", "63160", "evs-billom.example", (REFERENT_FAMILLE, ANIMATEUR),
	),
	_StructurePlan(
		"mfr-saint-gervais", PUY_DE_DOME, "Maison familiale rurale de Saint-Gervais-d'Auvergne",
		"MFR Saint-Gervais", MFR, ASSOCIATION, "Saint-Gervais-d'Auvergne", "63390",
		"mfr-saint-gervais.example", (DIRECTEUR, MONITEUR),
	),
	_StructurePlan(
		"epn-clermont", PUY_DE_DOME, "Espace public numérique de Clermont-Ferrand", "EPN Clermont", EPN,
		LOCAL_AUTHORITY, "Clermont-Ferrand", "63000", "epn-clermont.example",
		(ANIMATEUR_NUMERIQUE, ANIMATEUR_NUMERIQUE),
	),
	_StructurePlan(
		"ludo-clermont", PUY_DE_DOME, "Ludothèque associative Dés et Volcans", "Ludo Dés et Volcans", JEUX,
		ASSOCIATION, "Clermont-Ferrand", "63100", "des-et-volcans.example", (ANIMATEUR, ANIMATEUR_NUMERIQUE),
	),
	_StructurePlan(
		"sj-veyre-monton", PUY_DE_DOME, "Service enfance-jeunesse intercommunal de Veyre-Monton",
		"Jeunesse Veyre-Monton", ALSH, EPCI, "Veyre-Monton", "63960", "cc-veyre-monton.example",
		(REFERENT_JEUNESSE, ANIMATEUR, ANIMATEUR),
	),
	_StructurePlan(
		"cs-clermont-nord", PUY_DE_DOME, "Centre social Clermont-Nord", "CS Clermont Nord", CENTRE_SOCIAL,
		ASSOCIATION, "Clermont-Ferrand", "63100", "cs-clermont-nord.example",
		(EDUCATEUR, REFERENT_FAMILLE, ANIMATEUR),
	),
)
# fmt: on

_DEPARTMENT_PLANS: dict[str, dict] = {
	ALLIER: {
		"target_promeneurs": 30,
		"domain": "pdn-allier.example",
		"coordinator_structure_key": "federation-cs-03",
	},
	PUY_DE_DOME: {
		# The bi-departmental coordination is carried by the Allier federation; the Puy-de-Dôme
		# team cannot open a structure of the Allier, so no coordinator structure is set here.
		"target_promeneurs": 50,
		"domain": "pdn-puydedome.example",
		"coordinator_structure_key": None,
	},
}

_PHONE_PREFIX = {ALLIER: "04 70", PUY_DE_DOME: "04 73"}
# Range of mobile numbers ARCEP reserves for fiction: never attributed to anybody.
_FICTION_MOBILE_PREFIX = "06 39 98"

# Job titles (masculine, feminine) for each profession.
_JOB_TITLES: dict[str, tuple[tuple[str, str], ...]] = {
	ANIMATEUR: (
		("Animateur jeunesse", "Animatrice jeunesse"),
		("Animateur enfance-jeunesse", "Animatrice enfance-jeunesse"),
		("Animateur de l'espace jeunes", "Animatrice de l'espace jeunes"),
	),
	REFERENT_JEUNESSE: (
		("Coordinateur enfance-jeunesse", "Coordinatrice enfance-jeunesse"),
		("Référent jeunesse", "Référente jeunesse"),
		("Responsable du secteur jeunes", "Responsable du secteur jeunes"),
	),
	EDUCATEUR: (
		("Éducateur spécialisé", "Éducatrice spécialisée"),
		("Éducateur de prévention", "Éducatrice de prévention"),
	),
	MONITEUR: (("Moniteur-éducateur", "Monitrice-éducatrice"),),
	ANIMATEUR_NUMERIQUE: (
		("Animateur multimédia", "Animatrice multimédia"),
		("Médiateur numérique", "Médiatrice numérique"),
	),
	REFERENT_FAMILLE: (("Référent famille", "Référente famille"),),
	DIRECTEUR: (("Directeur", "Directrice"),),
	INFORMATEUR: (("Informateur jeunesse", "Informatrice jeunesse"),),
	AGENT_DEVELOPPEMENT: (
		("Agent de développement local", "Agente de développement local"),
		("Agent de développement jeunesse", "Agente de développement jeunesse"),
	),
	CHARGE_FORMATION: (("Chargé de mission formation", "Chargée de mission formation"),),
}

_REPRESENTATIVE_TITLES: dict[str, tuple[str, str]] = {
	ASSOCIATION: ("Président", "Présidente"),
	LOCAL_AUTHORITY: ("Maire", "Maire"),
	EPCI: ("Président de la communauté de communes", "Présidente de la communauté de communes"),
}
_REPRESENTATIVE_MAILBOX = {ASSOCIATION: "presidence", LOCAL_AUTHORITY: "cabinet.maire", EPCI: "presidence"}

_CONTACT_FUNCTIONS: dict[str, tuple[str, str]] = {
	ALSH: ("Responsable du service jeunesse", "Responsable du service jeunesse"),
	PIJ: ("Responsable du point information jeunesse", "Responsable du point information jeunesse"),
	MEDIATHEQUE: ("Responsable de la médiathèque", "Responsable de la médiathèque"),
	EPN: ("Responsable de l'espace numérique", "Responsable de l'espace numérique"),
	EDUCATION_SPECIALISEE: ("Chef de service éducatif", "Cheffe de service éducatif"),
}
_DIRECTION = ("Directeur", "Directrice")
_DIRECTION_ASSISTANT = ("Assistant de direction", "Assistante de direction")

_STREETS = (
	"rue de la République",
	"avenue de la Gare",
	"place de l'Hôtel de Ville",
	"rue des Écoles",
	"rue Jean Jaurès",
	"boulevard Victor Hugo",
	"rue du Stade",
	"allée des Tilleuls",
	"rue Pasteur",
	"place du Marché",
	"rue des Jardins",
	"avenue du Général de Gaulle",
	"rue de la Poste",
	"chemin des Vignes",
)

_FEMALE_FIRST_NAMES = (
	"Camille", "Léa", "Manon", "Chloé", "Sarah", "Émilie", "Pauline", "Marion", "Laura", "Élodie",
	"Aurélie", "Céline", "Audrey", "Justine", "Mélanie", "Claire", "Anaïs", "Laëtitia", "Sandrine",
	"Nadia", "Fatima", "Inès", "Amandine", "Charlotte", "Lucie", "Margaux", "Coralie", "Estelle",
	"Jessica", "Karima", "Lisa", "Maëlle", "Noémie", "Océane", "Perrine", "Sabrina", "Sonia",
	"Virginie", "Yasmine", "Agathe",
)  # fmt: skip
_MALE_FIRST_NAMES = (
	"Nicolas", "Julien", "Maxime", "Kévin", "Romain", "Antoine", "Florian", "Mathieu", "Guillaume",
	"Alexandre", "Jérémy", "Sébastien", "Benjamin", "Clément", "Damien", "Fabien", "Hugo", "Jonathan",
	"Karim", "Loïc", "Mehdi", "Olivier", "Pierre", "Quentin", "Rachid", "Samuel", "Théo", "Vincent",
	"Yannick", "Adrien", "Bastien", "Cédric", "Dylan", "Étienne", "François", "Grégory", "Jordan",
	"Lucas", "Mickaël", "Arnaud",
)  # fmt: skip
_LAST_NAMES = (
	"Vernet", "Fayolle", "Bonnefoy", "Mallet", "Tixier", "Roux", "Faure", "Vidal", "Brun", "Perrin",
	"Morel", "Fournier", "Girard", "Bonnet", "Dupuy", "Lambert", "Fontaine", "Rousseau", "Blanc",
	"Guérin", "Boyer", "Garnier", "Chevalier", "Mercier", "Gauthier", "Barbier", "Arnaud", "Giraud",
	"Roche", "Meunier", "Lemoine", "Colin", "Marchand", "Aubert", "Charbonnier", "Pradier",
	"Pouzadoux", "Bard", "Chaput", "Chomette", "Courtadon", "Dubost", "Esbelin", "Favier", "Genestier",
	"Imbert", "Jouve", "Laporte", "Maisonneuve", "Nony", "Olagnon", "Pélissier", "Rougier",
	"Sauvadet", "Teyssier", "Valette", "Vialle", "Verdier", "Bardin", "Chabanne", "Coudert",
	"Dauphin", "Ferrandon", "Grenier", "Moulin", "Rocher", "Sabatier", "Thévenet", "Tournadre",
	"Besson", "Cellier", "Bernard", "Ducher", "Amblard", "Bayle", "Chauvet", "Delorme", "Espinasse",
	"Gidon", "Hébrard",
)  # fmt: skip


@dataclass(frozen=True)
class _ReferentPlan:
	department: str
	organisation: str
	role_titles: tuple[str, str]
	themes: tuple[str, ...]
	domain: str
	visible_to_promeneurs: int = 1
	ambassador_charter_signed_on: str | None = None
	notes: str | None = None
	has_website: bool = True


#: the resource people of the demo, by organisation (data in referents.json)
_REFERENT_PLANS: tuple[_ReferentPlan, ...] = tuple(
	_ReferentPlan(**{**plan, "role_titles": tuple(plan["role_titles"]), "themes": tuple(plan["themes"])})
	for plan in json.loads(Path(__file__).with_name("referents.json").read_text(encoding="utf-8"))
)


# ---------------------------------------------------------------- helpers


def slugify(text: str, separator: str = "-") -> str:
	"""ASCII, lower-case, with every run of other characters replaced by ``separator``."""
	ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
	words = "".join(char if char.isalnum() else " " for char in ascii_text).split()
	return separator.join(words)


class _Generator:
	"""The random draws of one demo network, in a fixed order."""

	def __init__(self, seed: int) -> None:
		self.rng = random.Random(seed)
		self.used_names: set[str] = {login.full_name for login in DEMO_LOGINS}
		self.used_sirets: set[str] = set()
		self.used_phones: set[str] = set()

	def person(self) -> tuple[str, str, bool]:
		"""A new (first name, last name, is_female), never given to anybody else in the network."""
		while True:
			female = self.rng.random() < 0.6
			first = self.rng.choice(_FEMALE_FIRST_NAMES if female else _MALE_FIRST_NAMES)
			last = self.rng.choice(_LAST_NAMES)
			if f"{first} {last}" not in self.used_names:
				self.used_names.add(f"{first} {last}")
				return first, last, female

	def siret(self, legal_status: str) -> str:
		"""A SIRET passing the Luhn check: a Luhn-valid SIREN, then a NIC completing the 14 digits."""
		first_digit = "2" if legal_status in (LOCAL_AUTHORITY, EPCI) else self.rng.choice("3478")
		while True:
			siren = luhn_complete(first_digit + "".join(self.rng.choice("0123456789") for _ in range(7)))
			siret = luhn_complete(siren + "000" + self.rng.choice("123456789"))
			if siret not in self.used_sirets:
				self.used_sirets.add(siret)
				return siret

	def phone(self, prefix: str) -> str:
		"""A 10-digit number in pairs, starting with ``prefix`` ("04 70", "06 39 98"...)."""
		while True:
			pairs = [prefix]
			for _ in range((14 - len(prefix)) // 3):
				pairs.append(f"{self.rng.randint(0, 99):02d}")
			number = " ".join(pairs)
			if number not in self.used_phones:
				self.used_phones.add(number)
				return number

	def date_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
		return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

	def weighted(self, weighted_values: tuple[tuple[str, int], ...]) -> str:
		values, weights = zip(*weighted_values, strict=True)
		return self.rng.choices(values, weights=weights)[0]


def _email(first_name: str, last_name: str, domain: str) -> str:
	return f"{slugify(first_name)}.{slugify(last_name)}@{domain}"


def _build_departments(gen: _Generator) -> tuple[DemoDepartment, ...]:
	departments = []
	for code in DEMO_DEPARTMENTS:
		plan = _DEPARTMENT_PLANS[code]
		departments.append(
			DemoDepartment(
				code=code,
				department_name=DEPARTMENTS_BY_CODE[code].name,
				network_open=1,
				target_promeneurs=plan["target_promeneurs"],
				coordination_email=f"coordination@{plan['domain']}",
				coordination_phone=gen.phone(_PHONE_PREFIX[code]),
				website=f"https://www.{plan['domain']}",
				coordinator_structure_key=plan["coordinator_structure_key"],
			)
		)
	return tuple(departments)


def _build_structure(gen: _Generator, plan: _StructurePlan) -> DemoStructure:
	phone = gen.phone(_PHONE_PREFIX[plan.department])
	rep_first, rep_last, rep_female = gen.person()
	representative_title = _REPRESENTATIVE_TITLES[plan.legal_status][rep_female]
	if plan.key == _STRUCTURE_MANAGER_LOGIN.structure_key:
		manager = _STRUCTURE_MANAGER_LOGIN
		contact = DemoContact(
			contact_name=manager.full_name,
			function=_DIRECTION[1],
			email=manager.email,
			phone=phone,
			user=manager.email,
			is_manager=1,
		)
	else:
		first, last, female = gen.person()
		if plan.structure_type in _CONTACT_FUNCTIONS:
			function = _CONTACT_FUNCTIONS[plan.structure_type][female]
		elif DIRECTEUR in plan.staff:
			function = _DIRECTION_ASSISTANT[female]
		else:
			function = _DIRECTION[female]
		contact = DemoContact(
			contact_name=f"{first} {last}",
			function=function,
			email=_email(first, last, plan.domain),
			phone=phone,
		)
	return DemoStructure(
		key=plan.key,
		structure_name=plan.structure_name,
		structure_type=plan.structure_type,
		legal_status=plan.legal_status,
		department=plan.department,
		siret=gen.siret(plan.legal_status),
		status=plan.status,
		address_line1=f"{gen.rng.randint(1, 48)} {gen.rng.choice(_STREETS)}",
		postcode=plan.postcode,
		city=plan.city,
		phone=phone,
		email=f"contact@{plan.domain}",
		website=f"https://www.{plan.domain}",
		legal_representative=f"{rep_first} {rep_last}",
		legal_representative_title=representative_title,
		legal_representative_email=f"{_REPRESENTATIVE_MAILBOX[plan.legal_status]}@{plan.domain}",
		contacts=(contact,),
	)


def _network_profiles(
	gen: _Generator, first_name: str, plan: _StructurePlan
) -> tuple[DemoNetworkProfile, ...]:
	count = gen.rng.choices((1, 2, 3), weights=(35, 45, 20))[0]
	networks: list[str] = []
	while len(networks) < count:
		network = gen.weighted(_NETWORK_WEIGHTS)
		if network not in networks:
			networks.append(network)
	profile_name = f"{first_name} {plan.short_name}"
	handle = f"{slugify(first_name, '')}.{slugify(plan.short_name, '')}"
	profiles = []
	for network in networks:
		prefix = SOCIAL_NETWORK_PREFIXES[network]
		url = prefix + _PROFILE_PATHS.get(network, "{handle}").format(handle=handle) if prefix else None
		profiles.append(
			DemoNetworkProfile(social_network=network, profile_name=profile_name, profile_url=url)
		)
	return tuple(profiles)


def _office_hours(gen: _Generator, weekly_hours: float) -> tuple[DemoOfficeHour, ...]:
	"""1 to 3 online office hours on different days, together no longer than the weekly hours."""
	wanted = gen.rng.choice((1, 1, 2, 2, 2, 3))
	remaining = weekly_hours
	slots: list[tuple[int, DemoOfficeHour]] = []
	days: set[str] = set()
	while len(slots) < wanted:
		fitting = [slot for slot in _TIME_SLOTS if slot[2] <= remaining]
		if not fitting:
			break
		weekday = gen.rng.choices(_WEEKDAYS, weights=_WEEKDAY_WEIGHTS)[0]
		start, end, hours = gen.rng.choice(fitting)
		if weekday in days:
			continue
		days.add(weekday)
		remaining -= hours
		slots.append(
			(_WEEKDAYS.index(weekday), DemoOfficeHour(weekday=weekday, from_time=start, to_time=end))
		)
	return tuple(slot for _, slot in sorted(slots, key=lambda item: item[0]))


def _mission(gen: _Generator, profession: str) -> str:
	if profession == REFERENT_FAMILLE:
		return gen.rng.choice(("Parenting", "Youth and parenting", "Youth and parenting"))
	draw = gen.rng.random()
	if draw < 0.82:
		return "Youth"
	if draw < 0.95:
		return "Youth and parenting"
	return "Parenting"


def _publics(gen: _Generator, mission: str, plan: _StructurePlan) -> dict:
	youth = mission != "Parenting"
	young_adults = plan.structure_type in (FJT, PIJ, MFR, EDUCATION_POPULAIRE)
	publics = {
		"public_12_17": int(youth and plan.structure_type != FJT),
		"public_18_25": int(youth and (young_adults or gen.rng.random() < 0.3)),
		"public_parents": int(mission != "Youth"),
		"public_other": 0,
		"public_other_text": None,
	}
	if plan.structure_type == EDUCATION_SPECIALISEE:
		publics.update(public_other=1, public_other_text="Jeunes en situation de handicap")
	elif plan.structure_type == MFR:
		publics.update(public_other=1, public_other_text="Apprentis en formation par alternance")
	elif plan.structure_type == CENTRE_SOCIAL and gen.rng.random() < 0.1:
		publics.update(public_other=1, public_other_text="Habitants du quartier")
	if not (publics["public_12_17"] or publics["public_18_25"] or publics["public_parents"]):
		publics["public_12_17"] = 1
	return publics


def _status_dates(gen: _Generator, department: str, status: str) -> dict:
	"""Status, its reason and its dates, and the directory consent that goes with them."""
	start, end = _ACTIVE_SINCE_RANGE[department]
	midpoint = start + (end - start) // 2
	dates = {
		"status": status,
		"status_reason": None,
		"candidate_since": None,
		"active_since": None,
		"ended_on": None,
		"directory_consent": 0,
		"directory_consent_on": None,
	}
	if status == "Candidate":
		dates["candidate_since"] = gen.date_between(*_CANDIDATE_RANGE).isoformat()
		return dates
	active_since = gen.date_between(start, midpoint if status != "Active" else end)
	dates["candidate_since"] = (active_since - datetime.timedelta(days=gen.rng.randint(21, 70))).isoformat()
	dates["active_since"] = active_since.isoformat()
	if status == "Active":
		if gen.rng.random() < 0.85:
			consent_on = min(active_since + datetime.timedelta(days=gen.rng.randint(0, 30)), _END_OF_2019)
			dates.update(directory_consent=1, directory_consent_on=consent_on.isoformat())
	elif status == "Suspended":
		dates["status_reason"] = gen.rng.choice(_SUSPENSION_REASONS)
	elif status == "Left":
		ended_on = min(active_since + datetime.timedelta(days=gen.rng.randint(150, 400)), _END_OF_2019)
		dates.update(ended_on=ended_on.isoformat(), status_reason=gen.rng.choice(_LEAVING_REASONS))
	return dates


def _build_promeneurs(
	gen: _Generator, structures: dict[str, DemoStructure], department: str
) -> list[DemoPromeneur]:
	slots = [
		(plan, profession)
		for plan in _STRUCTURE_PLANS
		if plan.department == department
		for profession in plan.staff
	]
	# The promeneur login is the first animateur of its structure.
	login_slot = next(
		(
			index
			for index, (plan, profession) in enumerate(slots)
			if plan.key == _PROMENEUR_LOGIN.structure_key and profession == ANIMATEUR
		),
		None,
	)
	# Who is not active: drawn among the slots other than the promeneur login.
	others = [index for index in range(len(slots)) if index != login_slot]
	not_active = gen.rng.sample(others, len(_OTHER_STATUSES[department]))
	statuses = dict(zip(not_active, _OTHER_STATUSES[department], strict=True))

	promeneurs = []
	for index, (plan, profession) in enumerate(slots):
		if index == login_slot:
			login = _PROMENEUR_LOGIN
			first, last, female, email = login.first_name, login.last_name, True, login.email
		else:
			first, last, female = gen.person()
			email = _email(first, last, plan.domain)
		job_title = gen.rng.choice(_JOB_TITLES[profession])[female]
		mission = _mission(gen, profession)
		weekly_hours = gen.rng.choice(_WEEKLY_HOURS)
		has_phone = index == login_slot or gen.rng.random() < 0.6
		promeneurs.append(
			DemoPromeneur(
				first_name=first,
				last_name=last,
				email=email,
				phone=gen.phone(_FICTION_MOBILE_PREFIX) if has_phone else None,
				profession=profession,
				job_title=job_title,
				structure_siret=structures[plan.key].siret,
				department=department,
				mission=mission,
				weekly_hours=weekly_hours,
				**_publics(gen, mission, plan),
				network_profiles=_network_profiles(gen, first, plan),
				office_hours=_office_hours(gen, weekly_hours),
				**_status_dates(gen, department, statuses.get(index, "Active")),
			)
		)
	return promeneurs


def _build_referents(gen: _Generator) -> tuple[DemoReferent, ...]:
	referents = []
	for plan in _REFERENT_PLANS:
		first, last, female = gen.person()
		charter = plan.ambassador_charter_signed_on
		checked = datetime.date.fromisoformat(charter) if charter else datetime.date(2020, 1, 6)
		checked += datetime.timedelta(days=gen.rng.randint(30, 300))
		referents.append(
			DemoReferent(
				full_name=f"{first} {last}",
				organisation=plan.organisation,
				role_title=plan.role_titles[female],
				themes=plan.themes,
				department=plan.department,
				email=_email(first, last, plan.domain),
				phone=gen.phone(_PHONE_PREFIX[plan.department]),
				website=f"https://www.{plan.domain}" if plan.has_website else None,
				visible_to_promeneurs=plan.visible_to_promeneurs,
				ambassador_charter_signed_on=charter,
				last_checked_on=checked.isoformat(),
				notes=plan.notes,
			)
		)
	return tuple(referents)


def build_demo_network(seed: int = 2019) -> DemoNetwork:
	"""The demo network of the Allier and the Puy-de-Dôme; the same ``seed`` gives the same data."""
	gen = _Generator(seed)
	departments = _build_departments(gen)
	structures = {plan.key: _build_structure(gen, plan) for plan in _STRUCTURE_PLANS}
	promeneurs: list[DemoPromeneur] = []
	for code in DEMO_DEPARTMENTS:
		promeneurs += _build_promeneurs(gen, structures, code)
	return DemoNetwork(
		departments=departments,
		structures=tuple(structures.values()),
		promeneurs=tuple(promeneurs),
		referents=_build_referents(gen),
		logins=DEMO_LOGINS,
	)
