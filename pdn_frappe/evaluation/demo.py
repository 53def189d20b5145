"""Load the demo questionnaires: the four quarters that are over, answered by about 41 % of the
demo promeneurs who owed them.

Run after the demo network (:func:`pdn_frappe.network.demo.load`): ``bench --site SITE execute
pdn_frappe.evaluation.demo.load``, or the whole demo with ``bench --site SITE pdn-load-demo``.
Who answered and what they reported comes from :mod:`pdn_frappe.demo.evaluations`, seeded with
each promeneur's e-mail and the quarter; the questionnaires go in as normal documents, inserted and
submitted, so that every validation of ``PdN Evaluation`` runs, then get the day they were sent.

Only the demo network's promeneurs answer (matched by e-mail), never records made otherwise on the
same site. The demo promeneur login leaves the last quarter unanswered, so that the questionnaire
can be tried from its account. Idempotent: a promeneur who already has a questionnaire for a quarter
(draft or submitted) is left as they are, so a second run creates nothing.
"""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.demo import evaluations as plan
from pdn_frappe.demo import network as network_plan
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import quarter_value
from pdn_frappe.network.demo import loading
from pdn_frappe.roles import PROMENEUR_ROLE
from pdn_frappe.settings import get_settings

DOCTYPE = "PdN Evaluation"


def load(verbose: bool = True, commit: bool = True, today: str | None = None) -> dict:
	"""Insert and submit the missing demo questionnaires; return how many per quarter were created
	(``created``), were already there (``existing``) and were owed (``expected``)."""
	today = getdate(today or nowdate())
	counts: dict = {"created": {}, "existing": {}, "expected": {}}
	with loading(commit):
		names, promeneurs = demo_promeneurs()
		questionnaires = plan.build_demo_questionnaires(
			promeneurs,
			today,
			themes=frappe.get_all("PdN Theme", filters={"enabled": 1}, pluck="name", order_by="name"),
			default_networks=frappe.get_all(
				"PdN Social Network", filters={"enabled": 1}, pluck="name", order_by="name"
			),
			leave_open=[network_plan.login_for_role(PROMENEUR_ROLE).email],
			due_days=get_settings().evaluation_due_days,
		)
		for period in plan.demo_periods(today):
			for key in counts:
				counts[key][period.key] = 0
			counts["expected"][period.key] = sum(1 for p in promeneurs if p.is_expected(period))
		for questionnaire in questionnaires:
			outcome = ensure_questionnaire(names[questionnaire.promeneur], questionnaire)
			counts[outcome][questionnaire.period.key] += 1
	if verbose:
		print_summary(counts)
	return counts


def demo_promeneurs() -> tuple[dict[str, str], list[plan.Promeneur]]:
	"""The demo network's promeneurs as the site has them: their record names by e-mail, and what
	the demo needs to know about each of them (status and dates, mission, hours, networks)."""
	emails = [promeneur.email for promeneur in network_plan.build_demo_network().promeneurs]
	rows = frappe.get_all(
		"PdN Promeneur",
		filters={"email": ("in", emails)},
		fields=[
			"name",
			"email",
			"department",
			"status",
			"active_since",
			"ended_on",
			"mission",
			"weekly_hours",
		],
		order_by="email asc",
	)
	profile = frappe.qb.DocType("PdN Network Profile")
	networks: dict[str, list[str]] = {}
	if rows:
		for parent, network in (
			frappe.qb.from_(profile)
			.select(profile.parent, profile.social_network)
			.where(profile.parenttype == "PdN Promeneur")
			.where(profile.parent.isin([row.name for row in rows]))
			.orderby(profile.parent)
			.orderby(profile.idx)
			.run()
		):
			if network and network not in networks.setdefault(parent, []):
				networks[parent].append(network)
	names = {row.email: row.name for row in rows}
	promeneurs = [
		plan.Promeneur(
			key=row.email,
			department=row.department,
			status=row.status,
			active_since=getdate(row.active_since) if row.active_since else None,
			ended_on=getdate(row.ended_on) if row.ended_on else None,
			mission=row.mission or plan.YOUTH,
			weekly_hours=row.weekly_hours or 2,
			networks=tuple(networks.get(row.name, ())),
		)
		for row in rows
	]
	return names, promeneurs


def ensure_questionnaire(promeneur: str, questionnaire: plan.Questionnaire) -> str:
	"""Insert and submit ``questionnaire`` for the record ``promeneur`` unless they already have one
	for its period; return "created" or "existing"."""
	period = questionnaire.period
	if frappe.db.exists(DOCTYPE, {"promeneur": promeneur, "period": period.key, "docstatus": ("<", 2)}):
		return "existing"
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"promeneur": promeneur,
			"period_type": period.period_type,
			"year": period.year,
			"quarter": quarter_value(period.quarter),
			**questionnaire.values,
			"networks": [{"network": network} for network in questionnaire.networks],
			"themes": [{"theme": theme} for theme in questionnaire.themes],
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	doc.submit()
	# submitting stamps today: the demo questionnaire was sent around its due date
	doc.db_set("submitted_on", questionnaire.submitted_on, update_modified=False)
	return "created"


def print_summary(counts: dict) -> None:
	print("Questionnaires (quarter: answered / expected, created now):")
	for period_key, expected in counts["expected"].items():
		answered = counts["created"][period_key] + counts["existing"][period_key]
		share = rules.rate(answered, expected)
		print(
			f"  {period_key}: {answered:>3} / {expected:<3} ({share if share is not None else 0} %), "
			f"{counts['created'][period_key]} created"
		)
