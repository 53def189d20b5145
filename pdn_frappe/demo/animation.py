"""The network's life in the demo: trainings, meetings, the coordinator's log and practice notes.

Two layers of made-up but realistic data:

* 2019 in the Allier (03) and the Puy-de-Dôme (63), with the counts of the 2019 activity report's
  synthesis table (presentations, workshops, practice exchanges, welcome meetings, training days),
  so that the annual synthesis of 2019 reproduces that table from the records;
* the last closed quarter and the coming weeks, relative to the day the demo is loaded, so that the
  quarterly report, the workspaces and the registration to a training can be tried at once;
* the two departmental meetings of the year before that quarter's end (the guide asks for at least
  two a year), which most promeneurs attend, so that the commitments follow-up finds only some of
  them short of collective times.

Plain data (no frappe); the loader :mod:`pdn_frappe.animation.demo` turns it into documents. Every
text is anonymous: no young person appears, the trainers and places are generic.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from pdn_frappe.domain import animation as a
from pdn_frappe.domain.periods import Period, last_ended_period

ALLIER = "03"
PUY_DE_DOME = "63"
#: marker that ends the note of every demo activity (the loader recognises its records by it)
DEMO_MARK = "(démo)"


@dataclass(frozen=True)
class DemoTraining:
	department: str
	title: str
	kind: str
	starts_on: datetime.datetime
	ends_on: datetime.datetime
	place: str
	status: str = a.HELD
	trainer: str = ""
	themes: tuple[str, ...] = ()
	capacity: int = 0
	#: share of the department's promeneurs invited, and of the invited who attended
	invited_share: float = 0.5
	attended_share: float = 0.7
	#: only the promeneurs who joined the network from this date on are invited (welcome meetings)
	newcomers_since: datetime.date | None = None
	#: whether the demo promeneur login attends (held) or is left free to register (planned)
	with_demo_promeneur: bool = False


@dataclass(frozen=True)
class DemoActivity:
	department: str
	kind: str
	activity_date: datetime.date
	hours: float
	note: str
	themes: tuple[str, ...] = ()
	people_reached: int = 0
	audience: str | None = None
	#: the mission the time served (the coordinator's log splits it between youth and parenting)
	mission: str = "Youth"
	parenting_hours: float = 0.0


def activity_mission(kind: str, index: int, hours: float) -> tuple[str, float]:
	"""(mission, hours for parenting) of a demo activity: the public workshops serve both missions
	(half of their time for parents), one collective presentation in two is for parents' networks
	(the parenting mission), the rest serves the youth mission."""
	if kind == a.PUBLIC_WORKSHOP:
		return "Youth and parenting", hours / 2
	if kind == a.COLLECTIVE_PRESENTATION and index % 2:
		return "Parenting", 0.0
	return "Youth", 0.0


@dataclass(frozen=True)
class DemoNote:
	department: str
	title: str
	themes: tuple[str, ...]
	social_network: str
	public: str
	situation: str
	action_taken: str
	outcome: str
	tips: str
	state: str  # Draft, Under review, Published, Archived
	by_demo_promeneur: bool = False


@dataclass
class AnimationDemo:
	trainings: list[DemoTraining] = field(default_factory=list)
	activities: list[DemoActivity] = field(default_factory=list)
	notes: list[DemoNote] = field(default_factory=list)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
	return datetime.datetime(day.year, day.month, day.day, hour, minute)


def _session(department, title, kind, day, start, end, place, **kwargs) -> DemoTraining:
	return DemoTraining(department, title, kind, _at(day, *start), _at(day, *end), place, **kwargs)


PRESENCE = "La présence éducative sur Internet"
OPTIMISER = "Optimiser les pratiques sur les réseaux sociaux"
THEMES_NUMERIQUE = ("Usages du numérique et écrans", "Droit du numérique")


def trainings_2019() -> list[DemoTraining]:
	"""The collective times of 2019, as the activity report lists them."""
	d = datetime.date
	autumn = d(2019, 9, 1)
	return [
		# Allier: launch in Gannat, one practice exchange, one welcome meeting, 1 + 1/2 training days
		_session(
			ALLIER,
			"Lancement du réseau dans l'Allier",
			a.DEPARTMENTAL_MEETING,
			d(2019, 2, 7),
			(14, 0),
			(17, 0),
			"Centre social, Gannat",
			themes=("Usages du numérique et écrans",),
			invited_share=0.9,
		),
		_session(
			ALLIER,
			"Échange de pratiques : démarrer sa présence en ligne",
			a.PRACTICE_EXCHANGE,
			d(2019, 5, 16),
			(14, 0),
			(16, 30),
			"Centre social, Ebreuil",
			themes=("Usages du numérique et écrans",),
		),
		_session(
			ALLIER,
			PRESENCE,
			a.TRAINING,
			d(2019, 6, 4),
			(9, 0),
			(17, 0),
			"Moulins",
			trainer="Psychologue spécialiste des usages numériques",
			themes=THEMES_NUMERIQUE,
			capacity=20,
		),
		_session(
			ALLIER,
			OPTIMISER,
			a.TRAINING,
			d(2019, 10, 17),
			(9, 0),
			(12, 30),
			"Ebreuil",
			trainer="Agence de communication numérique",
			themes=("Information et fausses nouvelles",),
			capacity=15,
		),
		_session(
			ALLIER,
			"Réunion d'accueil des nouveaux promeneurs",
			a.WELCOME_MEETING,
			d(2019, 11, 8),
			(10, 0),
			(12, 0),
			"Caf de l'Allier, Vichy",
			newcomers_since=autumn,
			invited_share=1.0,
			attended_share=0.8,
		),
		# Puy-de-Dôme: two practice exchanges, one welcome meeting, 1 + 1/2 training days
		_session(
			PUY_DE_DOME,
			"Échange de pratiques : la relation éducative en ligne",
			a.PRACTICE_EXCHANGE,
			d(2019, 3, 21),
			(14, 0),
			(16, 30),
			"Espace jeunes, Aubière",
			themes=("Usages du numérique et écrans",),
		),
		_session(
			PUY_DE_DOME,
			"Échange de pratiques : harcèlement et réseaux sociaux",
			a.PRACTICE_EXCHANGE,
			d(2019, 5, 23),
			(14, 0),
			(16, 30),
			"Service jeunesse, Romagnat",
			themes=("Harcèlement et cyberharcèlement",),
		),
		_session(
			PUY_DE_DOME,
			PRESENCE,
			a.TRAINING,
			d(2019, 6, 20),
			(9, 0),
			(17, 0),
			"Clermont-Ferrand",
			trainer="Psychologue spécialiste des usages numériques",
			themes=THEMES_NUMERIQUE,
			capacity=25,
		),
		_session(
			PUY_DE_DOME,
			OPTIMISER,
			a.TRAINING,
			d(2019, 9, 26),
			(9, 0),
			(12, 30),
			"Clermont-Ferrand",
			trainer="Agence de communication numérique",
			themes=("Information et fausses nouvelles",),
			capacity=20,
		),
		_session(
			PUY_DE_DOME,
			"Réunion d'accueil des nouveaux promeneurs",
			a.WELCOME_MEETING,
			d(2019, 11, 14),
			(14, 0),
			(16, 0),
			"Caf du Puy-de-Dôme, Clermont-Ferrand",
			newcomers_since=autumn,
			invited_share=1.0,
			attended_share=0.8,
		),
	]


#: (kind, hours, themes, audience) used to spread the 2019 log
_ACTIVITY_SHAPES = {
	a.INDIVIDUAL_PRESENTATION: (1.5, (), None, "Présentation du dispositif à une structure intéressée"),
	a.COLLECTIVE_PRESENTATION: (
		2.0,
		(),
		"Professionals",
		"Présentation du dispositif à un collectif de professionnels",
	),
	a.PUBLIC_WORKSHOP: (
		3.0,
		("Usages du numérique et écrans",),
		"Mixed",
		"Atelier sur les pratiques numériques",
	),
	a.INDIVIDUAL_COACHING: (
		2.0,
		("Usages du numérique et écrans",),
		None,
		"Aide au paramétrage des comptes professionnels",
	),
	a.PROMENEUR_EXCHANGE: (0.5, (), None, "Réponse à une question d'un promeneur"),
	a.STEERING_PREPARATION: (4.0, (), None, "Préparation du comité"),
	a.FUNDING_SEARCH: (3.0, (), None, "Rencontre d'un cofinanceur potentiel"),
	a.DIRECTORY: (1.0, (), None, "Mise à jour de l'annuaire national"),
}

#: how many activities of each kind each department logged in 2019 (the report's counts)
COUNTS_2019 = {
	ALLIER: {
		a.INDIVIDUAL_PRESENTATION: 10,
		a.COLLECTIVE_PRESENTATION: 5,
		a.PUBLIC_WORKSHOP: 5,
		a.INDIVIDUAL_COACHING: 3,
		a.PROMENEUR_EXCHANGE: 12,
		a.STEERING_PREPARATION: 2,
		a.FUNDING_SEARCH: 2,
		a.DIRECTORY: 4,
	},
	PUY_DE_DOME: {
		a.INDIVIDUAL_PRESENTATION: 13,
		a.COLLECTIVE_PRESENTATION: 8,
		a.PUBLIC_WORKSHOP: 4,
		a.INDIVIDUAL_COACHING: 3,
		a.PROMENEUR_EXCHANGE: 18,
		a.STEERING_PREPARATION: 2,
		a.FUNDING_SEARCH: 1,
		a.DIRECTORY: 4,
	},
}


def _spread(period: Period, count: int, index: int) -> datetime.date:
	"""The ``index``-th of ``count`` dates spread over the period, on a weekday."""
	span = (period.end - period.start).days
	day = period.start + datetime.timedelta(days=int(span * (index + 0.5) / count))
	while day.weekday() >= 5:
		day -= datetime.timedelta(days=1)
	return max(day, period.start)


def activities_for(period: Period, counts: dict[str, dict[str, int]]) -> list[DemoActivity]:
	result = []
	for department, kinds in counts.items():
		for kind, count in kinds.items():
			hours, themes, audience, note = _ACTIVITY_SHAPES[kind]
			for index in range(count):
				reached = 25 if kind == a.PUBLIC_WORKSHOP else 12 if kind == a.COLLECTIVE_PRESENTATION else 0
				mission, parenting_hours = activity_mission(kind, index, hours)
				result.append(
					DemoActivity(
						department=department,
						kind=kind,
						activity_date=_spread(period, count, index),
						hours=hours,
						note=f"{note} {DEMO_MARK}",
						themes=themes,
						people_reached=reached,
						audience=audience,
						mission=mission,
						parenting_hours=parenting_hours,
					)
				)
	return result


#: the log of one quarter, for the quarterly report of the demo
COUNTS_QUARTER = {
	ALLIER: {
		a.INDIVIDUAL_PRESENTATION: 3,
		a.COLLECTIVE_PRESENTATION: 1,
		a.PUBLIC_WORKSHOP: 2,
		a.INDIVIDUAL_COACHING: 1,
		a.PROMENEUR_EXCHANGE: 6,
		a.FUNDING_SEARCH: 1,
		a.DIRECTORY: 1,
	},
	PUY_DE_DOME: {
		a.INDIVIDUAL_PRESENTATION: 4,
		a.COLLECTIVE_PRESENTATION: 2,
		a.PUBLIC_WORKSHOP: 1,
		a.PROMENEUR_EXCHANGE: 8,
		a.STEERING_PREPARATION: 1,
		a.DIRECTORY: 1,
	},
}


def _weekday_after(day: datetime.date, days: int) -> datetime.date:
	day = day + datetime.timedelta(days=days)
	while day.weekday() >= 5:
		day += datetime.timedelta(days=1)
	return day


def recent_trainings(today: datetime.date) -> list[DemoTraining]:
	"""Sessions of the last closed quarter (held) and of the coming weeks (open for registration)."""
	quarter = last_ended_period(today)
	middle = _weekday_after(quarter.start, 40)
	later = _weekday_after(quarter.start, 70)
	soon, next_month = _weekday_after(today, 17), _weekday_after(today, 45)
	return [
		_session(
			ALLIER,
			"Échange de pratiques : la rentrée en ligne",
			a.PRACTICE_EXCHANGE,
			middle,
			(14, 0),
			(16, 30),
			"Centre social, Gannat",
			themes=("Orientation et scolarité",),
			with_demo_promeneur=True,
		),
		_session(
			ALLIER,
			"Sensibilisation au cyberharcèlement",
			a.TRAINING,
			later,
			(9, 30),
			(17, 0),
			"Caf de l'Allier, Vichy",
			trainer="Association d'aide aux victimes",
			themes=("Harcèlement et cyberharcèlement",),
			capacity=18,
			with_demo_promeneur=True,
		),
		_session(
			PUY_DE_DOME,
			"Analyse de pratiques",
			a.PRACTICE_ANALYSIS,
			middle,
			(9, 30),
			(12, 0),
			"Espace jeunes, Cébazat",
			themes=("Mal-être et souffrance psychique",),
		),
		_session(
			PUY_DE_DOME,
			"Sensibilisation au cyberharcèlement",
			a.TRAINING,
			later,
			(9, 30),
			(17, 0),
			"Caf du Puy-de-Dôme, Clermont-Ferrand",
			trainer="Association d'aide aux victimes",
			themes=("Harcèlement et cyberharcèlement",),
			capacity=25,
		),
		_session(
			ALLIER,
			"Présence éducative et vie affective des jeunes",
			a.TRAINING,
			soon,
			(9, 30),
			(16, 30),
			"Médiathèque, Moulins",
			status=a.PLANNED,
			trainer="Planning familial",
			themes=("Vie affective et sexualité",),
			capacity=12,
			invited_share=0.6,
		),
		_session(
			ALLIER,
			"Échange de pratiques : les permanences en ligne",
			a.PRACTICE_EXCHANGE,
			next_month,
			(14, 0),
			(16, 30),
			"Centre social, Ebreuil",
			status=a.PLANNED,
			themes=("Usages du numérique et écrans",),
			capacity=20,
			invited_share=0.8,
		),
		_session(
			PUY_DE_DOME,
			"Les jeunes et l'information en ligne",
			a.TRAINING,
			next_month,
			(9, 30),
			(12, 30),
			"En ligne",
			status=a.PLANNED,
			trainer="Journaliste, éducation aux médias",
			themes=("Information et fausses nouvelles",),
			capacity=30,
		),
	]


def practice_notes() -> list[DemoNote]:
	"""Anonymous practice notes: published, under review, and a draft of the demo promeneur."""
	return [
		DemoNote(
			ALLIER,
			"Un message inquiétant tard le soir",
			("Mal-être et souffrance psychique",),
			"Instagram",
			"Youths aged 12 to 17",
			"<p>Un soir, un adolescent que je suis au centre social m'écrit qu'il « n'en peut plus ». "
			"Le message arrive après ma permanence en ligne.</p>",
			"<p>J'ai répondu le lendemain matin, proposé un rendez-vous au centre et donné le numéro "
			"national d'écoute pour les jeunes. J'ai prévenu ma responsable.</p>",
			"<p>Le jeune est venu au rendez-vous ; un relais a été pris avec la Maison des adolescents.</p>",
			"<p>Afficher clairement ses horaires de permanence et un numéro d'urgence dans sa biographie.</p>",
			"Published",
		),
		DemoNote(
			ALLIER,
			"Une rumeur dans un groupe de classe",
			("Harcèlement et cyberharcèlement",),
			"Snapchat",
			"Youths aged 12 to 17",
			"<p>Une collégienne me signale qu'une rumeur circule sur elle dans un groupe de discussion de sa "
			"classe.</p>",
			"<p>Écoute, conseils pour garder des captures d'écran, présentation du numéro national contre le "
			"harcèlement, lien avec l'infirmière scolaire avec son accord.</p>",
			"<p>Le collège a réuni les élèves concernés ; la rumeur s'est arrêtée.</p>",
			"<p>Ne pas intervenir soi-même dans le groupe : accompagner le jeune vers les bons relais.</p>",
			"Published",
		),
		DemoNote(
			PUY_DE_DOME,
			"Accompagner un projet de chaîne vidéo",
			("Citoyenneté et engagement",),
			"YouTube",
			"Youths aged 12 to 17",
			"<p>Un groupe de jeunes de l'espace jeunes veut lancer une chaîne vidéo sur la prévention.</p>",
			"<p>Ateliers sur le droit à l'image, l'écriture et le montage ; charte de publication écrite avec "
			"eux.</p>",
			"<p>Trois vidéos publiées, relayées par la ville.</p>",
			"<p>Écrire la charte de publication avec les jeunes avant la première vidéo.</p>",
			"Published",
		),
		DemoNote(
			ALLIER,
			"Orienter vers une formation après un abandon",
			("Orientation et scolarité",),
			"Facebook",
			"Youths aged 18 to 25",
			"<p>Un jeune majeur sorti du lycée sans diplôme me demande en message privé comment reprendre une "
			"formation.</p>",
			"<p>Premier échange en ligne puis rendez-vous avec la mission locale.</p>",
			"<p>Inscription à une formation qualifiante à la rentrée.</p>",
			"<p>Garder le lien en ligne pendant les démarches : c'est là que le jeune relance.</p>",
			"Under review",
		),
		DemoNote(
			ALLIER,
			"Des parents inquiets des écrans",
			("Relations familiales et parentalité",),
			"Facebook",
			"Parents",
			"<p>Plusieurs parents m'écrivent après un café des parents sur les écrans.</p>",
			"<p>Partage de ressources, proposition d'un second atelier.</p>",
			"",
			"",
			"Draft",
			by_demo_promeneur=True,
		),
	]


def departmental_meetings(today: datetime.date) -> list[DemoTraining]:
	"""The two departmental meetings of each department held in the two quarters before the last
	closed one: every promeneur is invited, most attend."""
	quarter = last_ended_period(today)
	first, second = quarter.previous().previous(), quarter.previous()
	meetings = []
	for department, place in (
		(ALLIER, "Caf de l'Allier, Moulins"),
		(PUY_DE_DOME, "Caf du Puy-de-Dôme, Clermont-Ferrand"),
	):
		for period, title in (
			(first, "Rencontre départementale : bilan et perspectives"),
			(second, "Rencontre départementale : échanges entre promeneurs"),
		):
			meetings.append(
				_session(
					department,
					title,
					a.DEPARTMENTAL_MEETING,
					_weekday_after(period.start, 45),
					(9, 30),
					(16, 30),
					place,
					themes=("Usages du numérique et écrans",),
					invited_share=1.0,
					attended_share=0.85,
					with_demo_promeneur=True,
				)
			)
	return meetings


def build_animation_demo(today: datetime.date) -> AnimationDemo:
	"""The demo data of the animation module, for a site loaded on ``today``."""
	return AnimationDemo(
		trainings=trainings_2019() + departmental_meetings(today) + recent_trainings(today),
		activities=activities_for(Period(2019), COUNTS_2019)
		+ activities_for(last_ended_period(today), COUNTS_QUARTER),
		notes=practice_notes(),
	)
