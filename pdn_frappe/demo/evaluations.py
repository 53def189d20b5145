"""Demo questionnaires: who answered which quarter, and what they reported, as plain data.

The demo site shows the four quarters that are over on the day it is loaded. In each department,
about :data:`RESPONSE_RATE` of the promeneurs who owe a questionnaire for a quarter (the rule of
:func:`pdn_frappe.domain.evaluation.is_expected`, the one the reports apply) have answered it: the
41 % participation of the 2019 activity report of the Allier and the Puy-de-Dôme.

Most respondents report at least the hours online they committed to (weekly hours x weeks active
in the quarter, the rule of :mod:`pdn_frappe.domain.commitments`); about
:data:`BELOW_COMMITMENT_SHARE` of the promeneurs, the same every quarter, report fewer, so that the
commitments follow-up shows some promeneurs below their commitments.

Everything is deterministic: who answers a quarter is drawn from a hash of the promeneur's key and
the quarter, and every figure from a generator seeded with the same two, so that loading the demo
twice gives the same questionnaires with the same values. Only aggregate counts appear: no young
person's name, handle or contact, ever.

:func:`questionnaire_figures` is also what the national benchmark data
(:mod:`pdn_frappe.demo.national`) fills its questionnaires with. The loader
:mod:`pdn_frappe.evaluation.demo` turns :func:`build_demo_questionnaires` into submitted
``PdN Evaluation`` documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pdn_frappe.domain import commitments
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import QUARTER, Period, last_ended_period

#: share of the promeneurs owing a questionnaire who answered it (31 of 75 in the 2019 report: 41 %)
RESPONSE_RATE = 0.41
#: the demo covers the quarters that are over, this many of them
QUARTERS = 4
#: days after the end of its quarter a questionnaire is due (the default of PdN Settings)
DUE_DAYS = 15
#: share of the questionnaires sent after their due date
LATE_ODDS = 0.12
#: share of the promeneurs who report fewer hours online than they committed to
BELOW_COMMITMENT_SHARE = 0.15
#: what those promeneurs report at most, as a share of the hours committed
BELOW_COMMITMENT_RATIO = 0.75

NETWORK_WEIGHTS = {
	"Instagram": 0.8, "Snapchat": 0.6, "Facebook": 0.45, "TikTok": 0.35, "WhatsApp": 0.3,
	"Discord": 0.2, "YouTube": 0.12, "Messenger": 0.1, "Twitch": 0.06,
}  # fmt: skip
AGE_WEIGHTS = {
	"age_under_12": 0.03, "age_12_14": 0.25, "age_15_17": 0.38, "age_18_20": 0.21, "age_21_25": 0.13,
}  # fmt: skip
INTERACTION_WEIGHTS = {
	"interactions_simple_exchange": 0.42, "interactions_information": 0.22, "interactions_prevention": 0.1,
	"interactions_project_support": 0.09, "interactions_listening": 0.12, "interactions_referral": 0.05,
}  # fmt: skip
DEVICE_ODDS = {
	"device_smartphone": 0.95, "device_computer": 0.7, "device_tablet": 0.15, "device_console": 0.05,
}  # fmt: skip
PUBLICATION_ODDS = {
	"published_structure_info": 0.85, "published_local_news": 0.65, "published_institutional_info": 0.35,
	"published_prevention": 0.5, "published_youth_articles": 0.25, "published_other": 0.1,
}  # fmt: skip

#: what promeneurs write in the free texts of the demo: their practice, never a young person
DIFFICULTIES = (
	"Peu de temps dégagé dans le planning pour la présence en ligne.",
	"Difficile de toucher les plus âgés, surtout en dehors des vacances scolaires.",
	"Les jeunes répondent surtout le soir, hors de mes horaires de travail.",
	"Matériel partagé avec l'équipe : pas toujours de téléphone disponible.",
	"Des messages reçus le week-end restent sans réponse jusqu'au lundi.",
)
TRAINING_NEEDS = (
	"Repérer et orienter face au cyberharcèlement.",
	"Animer un live ou une story sans s'exposer personnellement.",
	"Mieux connaître TikTok et ses usages chez les collégiens.",
	"Droit à l'image et publication de photos d'activités.",
	"Accompagner les parents sur les écrans et le numérique.",
)
FREE_TEXT_ODDS = 0.3

YOUTH = "Youth"
PARENTING = "Parenting"


@dataclass(frozen=True)
class Promeneur:
	"""What the demo needs to know about a promeneur of the site.

	``key`` seeds their answers: the loader gives the e-mail address, the same on every site that
	loads the demo. ``networks`` are the networks of their profiles (the questionnaire names some).
	"""

	key: str
	department: str
	status: str
	active_since: dt.date | None
	ended_on: dt.date | None = None
	mission: str = YOUTH
	weekly_hours: float = 2
	networks: tuple[str, ...] = ()

	def is_expected(self, period: Period) -> bool:
		return rules.is_expected(period, self.status, self.active_since, self.ended_on)


@dataclass(frozen=True)
class Questionnaire:
	"""A submitted questionnaire of the demo: the promeneur's key, the quarter, the values of its
	fields (figures, ticks, ratings, free texts), the networks and themes it names and the day it was
	sent."""

	promeneur: str
	period: Period
	values: dict
	networks: tuple[str, ...]
	themes: tuple[str, ...]
	submitted_on: dt.date


def demo_periods(today: dt.date, count: int = QUARTERS) -> list[Period]:
	"""The ``count`` quarters that are over on ``today``, the oldest first."""
	last = last_ended_period(today, QUARTER)
	periods = [last]
	while len(periods) < count:
		periods.insert(0, periods[0].previous())
	return periods


def seed(key: str, period: Period) -> str:
	"""The seed of one promeneur's questionnaire for one period."""
	return f"pdn-demo|{key}|{period.key}"


def draw(key: str, period: Period) -> float:
	"""A number in [0, 1) fixed by the promeneur and the period: who answers comes first."""
	digest = hashlib.sha256(seed(key, period).encode()).hexdigest()
	return int(digest[:13], 16) / 16**13


def reports_below_commitment(key: str) -> bool:
	"""Whether the promeneur ``key`` reports fewer hours than committed (the same every quarter)."""
	digest = hashlib.sha256(f"pdn-demo-hours|{key}".encode()).hexdigest()
	return int(digest[:13], 16) / 16**13 < BELOW_COMMITMENT_SHARE


def hours_against_commitment(hours: float, committed: float, below: bool) -> float:
	"""The hours online of a demo questionnaire: at least the hours committed (to the half hour
	above), or, for a promeneur below their commitment, at most :data:`BELOW_COMMITMENT_RATIO` of
	them (to the half hour below, never less than half an hour)."""
	if below:
		return max(0.5, min(hours, math.floor(committed * BELOW_COMMITMENT_RATIO * 2) / 2))
	return max(hours, math.ceil(committed * 2) / 2)


def answered_count(expected: int, rate: float = RESPONSE_RATE) -> int:
	"""How many of ``expected`` questionnaires are answered at ``rate`` (rounded half up)."""
	return int(expected * rate + 0.5)


def respondents(
	promeneurs: Iterable[Promeneur],
	period: Period,
	rate: float = RESPONSE_RATE,
	leave_open: Iterable[str] = (),
) -> list[Promeneur]:
	"""The promeneurs who answered ``period``: in each department, :func:`answered_count` of those
	who owe a questionnaire, the ones with the lowest :func:`draw`. Keys in ``leave_open`` never
	answer (they still count among those who owe one)."""
	leave_open = set(leave_open)
	by_department: dict[str, list[Promeneur]] = {}
	for promeneur in promeneurs:
		if promeneur.is_expected(period):
			by_department.setdefault(promeneur.department, []).append(promeneur)
	chosen = []
	for department in sorted(by_department):
		expected = by_department[department]
		candidates = sorted(
			(p for p in expected if p.key not in leave_open), key=lambda p: (draw(p.key, period), p.key)
		)
		chosen += candidates[: answered_count(len(expected), rate)]
	return sorted(chosen, key=lambda p: (p.department, p.key))


def split(rng: random.Random, total: int, weights: dict[str, float]) -> dict[str, int]:
	"""Split ``total`` into whole parts roughly along ``weights`` (the parts add up to ``total``)."""
	noisy = {key: weight * rng.uniform(0.6, 1.4) for key, weight in weights.items()}
	whole = sum(noisy.values())
	parts = {key: int(total * value / whole) for key, value in noisy.items()}
	rest = total - sum(parts.values())
	for key in sorted(noisy, key=noisy.get, reverse=True)[:rest]:
		parts[key] += 1
	return parts


def questionnaire_figures(
	rng: random.Random,
	period: Period,
	mission: str,
	weekly_hours: float,
	networks: Sequence[str],
	themes: Sequence[str],
) -> tuple[dict, list[str], list[str]]:
	"""Plausible answers of a promeneur for ``period``: the figures, ticks and ratings, the networks
	used (some of ``networks``, at least the first) and the themes addressed (some of ``themes``).

	Hours online follow the weekly hours committed; contacts follow the hours; parts of the young
	people contacted (new, short, met, by age band) never exceed them, and nothing is reported
	without someone contacted, so that :func:`rules.check_indicators` finds nothing to say.
	"""
	if not networks:
		raise ValueError("questionnaire_figures needs at least one network")
	weeks = period.days / 7
	hours = round(weekly_hours * weeks * rng.uniform(0.55, 1.3) * 2) / 2
	parenting = mission != YOUTH
	youth = mission != PARENTING
	contacted = int(hours * rng.uniform(0.4, 1.8)) if youth else rng.randint(0, 3)
	parents = int(hours * rng.uniform(0.2, 1.0)) if parenting else 0
	met = int(contacted * rng.uniform(0.0, 0.25))
	values = {
		"hours_online": hours,
		"young_friends": rng.randint(40, 450) if youth else rng.randint(0, 40),
		"exchanges_per_week": rng.randint(1, 45),
		"youths_contacted": contacted,
		"new_youths_contacted": int(contacted * rng.uniform(0.05, 0.5)),
		"short_contacts": int(contacted * rng.uniform(0.15, 0.6)),
		"youths_met_after_contact": met,
		"projects_initiated": rng.randint(0, max(0, met // 3)),
		"parents_contacted": parents,
	}
	values.update(split(rng, int(contacted * rng.uniform(0.6, 1.0)), AGE_WEIGHTS))
	exchanges = int((contacted + parents) * rng.uniform(1.0, 3.0))
	values.update(split(rng, exchanges, INTERACTION_WEIGHTS))
	for fieldname, odds in (*DEVICE_ODDS.items(), *PUBLICATION_ODDS.items()):
		values[fieldname] = 1 if rng.random() < odds else 0
	for fieldname in rules.INTEREST_FIELDS:
		values[fieldname] = rng.choice((2, 3, 3, 4, 4, 4, 5, 5)) / rules.MAX_STARS

	used = [n for n in networks if rng.random() < NETWORK_WEIGHTS.get(n, 0.04)] or [networks[0]]
	addressed = [t for t in themes if rng.random() < 0.18][:6]
	values.update(guide_ratings(values, len(used)))
	return values, used, addressed


def guide_ratings(values: dict, networks_used: int) -> dict:
	"""The guide's four indicators of a demo questionnaire, in stars drawn from its own figures (no
	random draw, so the other figures of the demo stay as they were): contacts that lead to meetings
	rate their quality, referrals the partners' involvement, projects the impact, networks the
	diversity of channels. A questionnaire without young contacts leaves quality and impact unrated."""
	contacted = values.get("youths_contacted") or 0
	exchanges = sum(values.get(f) or 0 for f in rules.INTERACTION_FIELDS)

	def stars(count: float) -> float:
		return min(max(round(count), 1), rules.MAX_STARS) / rules.MAX_STARS

	ratings = {
		"partner_involvement": stars(1 + 40 * (values.get("interactions_referral") or 0) / max(exchanges, 1)),
		"channel_diversity": stars(1 + networks_used),
		"quality_of_contacts": 0,
		"impact_on_youths": 0,
	}
	if contacted:
		ratings["quality_of_contacts"] = stars(
			2 + 10 * (values.get("youths_met_after_contact") or 0) / contacted
		)
		ratings["impact_on_youths"] = stars(2 + (values.get("projects_initiated") or 0))
	return ratings


def submission_day(rng: random.Random, period: Period, today: dt.date, due_days: int = DUE_DAYS) -> dt.date:
	"""When the questionnaire was sent: mostly in the days before its due date, sometimes late,
	never after ``today``."""
	due = rules.due_date(period, due_days)
	if rng.random() < LATE_ODDS:
		day = due + dt.timedelta(days=rng.randint(1, 20))
	else:
		day = due - dt.timedelta(days=rng.randint(0, due_days + 5))
	return min(day, today)


def build_questionnaire(
	promeneur: Promeneur,
	period: Period,
	today: dt.date,
	themes: Sequence[str],
	default_networks: Sequence[str] = (),
	due_days: int = DUE_DAYS,
) -> Questionnaire:
	"""The questionnaire ``promeneur`` sent for ``period``; the same arguments give the same one."""
	rng = random.Random(seed(promeneur.key, period))
	submitted_on = submission_day(rng, period, today, due_days)
	networks = promeneur.networks or tuple(default_networks)
	values, used, addressed = questionnaire_figures(
		rng, period, promeneur.mission, promeneur.weekly_hours or 2, networks, themes
	)
	committed = commitments.committed_hours(
		promeneur.weekly_hours or 2, period.start, period.end, promeneur.active_since, promeneur.ended_on
	)
	values["hours_online"] = hours_against_commitment(
		values["hours_online"], committed, reports_below_commitment(promeneur.key)
	)
	if values["published_other"]:
		values["published_other_text"] = "Offres de jobs d'été et d'apprentissage"
	if rng.random() < FREE_TEXT_ODDS:
		values["difficulties"] = rng.choice(DIFFICULTIES)
	if rng.random() < FREE_TEXT_ODDS:
		values["training_needs"] = rng.choice(TRAINING_NEEDS)
	return Questionnaire(
		promeneur=promeneur.key,
		period=period,
		values=values,
		networks=tuple(used),
		themes=tuple(addressed),
		submitted_on=submitted_on,
	)


def build_demo_questionnaires(
	promeneurs: Iterable[Promeneur],
	today: dt.date,
	themes: Sequence[str],
	default_networks: Sequence[str] = (),
	rate: float = RESPONSE_RATE,
	leave_open: Iterable[str] = (),
	due_days: int = DUE_DAYS,
	quarters: int = QUARTERS,
) -> list[Questionnaire]:
	"""The questionnaires of the demo: for each of the ``quarters`` quarters over on ``today``, one
	per respondent (see :func:`respondents`). ``leave_open`` are the keys of promeneurs who leave
	the last quarter unanswered, so that a demo login has a questionnaire to fill in."""
	promeneurs = list(promeneurs)
	periods = demo_periods(today, quarters)
	questionnaires = []
	for period in periods:
		left = leave_open if period == periods[-1] else ()
		for promeneur in respondents(promeneurs, period, rate, left):
			questionnaires.append(
				build_questionnaire(promeneur, period, today, themes, default_networks, due_days)
			)
	return questionnaires
