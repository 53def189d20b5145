"""The demo's steering committee: a COPIL of the Allier held a month before the demo is loaded.

Its decisions go beyond applications: a promeneur suspended, another excluded, the yearly target
confirmed and two roadmap items for the coordination (one already overdue, so that the workspace's
card shows it). Plain data (no frappe); :func:`pdn_frappe.applications.demo.load_committee` records
the meeting and applies its decisions through the app, as the CAF agent would.
"""

from __future__ import annotations

import datetime

from pdn_frappe.demo import network as demo
from pdn_frappe.domain import committee as rules

ALLIER = demo.ALLIER
#: the place of the demo meeting: the loader recognises it by its department, date and place
PLACE = "Caf de l'Allier, Moulins"
DAYS_AGO = 30


def promeneurs_decided(network: demo.DemoNetwork) -> tuple[demo.DemoPromeneur, demo.DemoPromeneur]:
	"""The two active promeneurs of the Allier the committee decides on (never the promeneur login):
	the last two by e-mail address, so that the choice stays the same from one load to the next."""
	login = demo.login_for_role(demo.PROMENEUR_ROLE).email
	active = sorted(
		(p for p in network.promeneurs_of(ALLIER) if p.status == "Active" and p.email != login),
		key=lambda p: p.email,
	)
	return active[-2], active[-1]


def steering_meeting(network: demo.DemoNetwork, today: datetime.date) -> dict:
	"""The meeting's values; a decision names its promeneur by e-mail (``promeneur_email``)."""
	suspended, excluded = promeneurs_decided(network)
	coordinator = demo.login_for_role(demo.COORDINATOR)
	caf_agent = demo.login_for_role(demo.CAF_AGENT)
	target = next(d for d in network.departments if d.code == ALLIER).target_promeneurs
	held_on = today - datetime.timedelta(days=DAYS_AGO)
	return {
		"kind": "Steering committee (COPIL)",
		"department": ALLIER,
		"meeting_date": held_on,
		"place": PLACE,
		"attendees": [
			{
				"attendee_name": caf_agent.full_name,
				"organisation": "Caf de l'Allier",
				"function": "Conseillère technique",
				"email": caf_agent.email,
			},
			{
				"attendee_name": coordinator.full_name,
				"organisation": "Fédération des centres sociaux de l'Allier",
				"function": "Coordinatrice départementale",
				"email": coordinator.email,
			},
			{
				"attendee_name": "Service jeunesse du Conseil départemental",
				"organisation": "Conseil départemental de l'Allier",
				"function": "Partenaire",
				"email": f"jeunesse.cd03@{demo.DEMO_EMAIL_DOMAIN}",
			},
		],
		"agenda": (
			"<ol><li>Bilan du trimestre et questionnaires</li><li>Situation de deux promeneurs</li>"
			"<li>Objectif de l'année</li><li>Feuille de route de la coordination</li></ol>"
		),
		"minutes": (
			"<p>Le comité constate la bonne dynamique du réseau et la montée en charge des "
			"questionnaires trimestriels.</p><p>Deux situations de promeneurs sont examinées à la "
			"demande de la coordination ; les structures concernées ont été entendues.</p>"
		),
		"decisions": [
			{
				"kind": rules.SUSPENSION,
				"promeneur_email": suspended.email,
				"note": "Présence en ligne interrompue depuis trois mois ; reprise prévue après un point avec la structure.",
			},
			{
				"kind": rules.EXCLUSION,
				"promeneur_email": excluded.email,
				"note": "Manquements répétés à la charte malgré deux rappels de la coordination.",
			},
			{
				"kind": rules.YEARLY_TARGET,
				"target_year": today.year,
				"target_value": target,
			},
			{
				"kind": rules.ROADMAP_ITEM,
				"subject": "Organiser une rencontre départementale sur le cyberharcèlement",
				"due_date": today - datetime.timedelta(days=10),
				"note": "Avec les personnes ressources du réseau.",
			},
			{
				"kind": rules.ROADMAP_ITEM,
				"subject": "Présenter le dispositif aux collèges du bassin de Montluçon",
				"due_date": today + datetime.timedelta(days=60),
			},
			{"kind": rules.OTHER, "subject": "Prochain comité au printemps"},
		],
	}
