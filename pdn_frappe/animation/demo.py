"""Load the network's life of the demo (trainings, meetings, coordination log, practice notes).

Run after the demo network (:func:`pdn_frappe.network.demo.load`), which creates the departments,
promeneurs and logins this data refers to: ``bench --site SITE execute
pdn_frappe.animation.demo.load``. The data comes from :mod:`pdn_frappe.demo.animation`.

Idempotent: trainings are recognised by department, title and kind (and day, for held sessions),
the coordination log by the "(démo)" mark of its notes, practice notes by department and title. A
second run on the same day creates nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import math

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe.animation.utils import department_team
from pdn_frappe.demo import animation as plan
from pdn_frappe.demo import budget as budget_plan
from pdn_frappe.domain import animation as a
from pdn_frappe.domain.periods import Period, last_ended_period
from pdn_frappe.network.demo import loading
from pdn_frappe.roles import COORDINATOR

DEMO_PROMENEUR_LOGIN = "promeneur@demo.pdn-frappe.fr"


def load(verbose: bool = True, commit: bool = True, today: str | None = None) -> dict:
	today = getdate(today or nowdate())
	data = plan.build_animation_demo(today)
	counts = {"trainings": 0, "activities": 0, "notes": 0, "budgets": 0}
	with loading(commit):
		promeneurs = _promeneurs()
		demo_promeneur = frappe.db.get_value("PdN Promeneur", {"user": DEMO_PROMENEUR_LOGIN}, "name")
		for training in data.trainings:
			counts["trainings"] += ensure_training(
				training, promeneurs.get(training.department, []), demo_promeneur
			)
		for period in (Period(2019), last_ended_period(today)):
			counts["activities"] += ensure_activities(
				[row for row in data.activities if period.contains(row.activity_date)], period
			)
		for note in data.notes:
			counts["notes"] += ensure_note(note)
		counts["budgets"] = sum(ensure_budget(row) for row in budget_plan.budgets(today.year))
	if verbose:
		print(
			"Network life: {trainings} trainings and meetings, {activities} coordination activities, "
			"{notes} practice notes, {budgets} coordination budgets created.".format(**counts)
		)
	return counts


def _promeneurs() -> dict[str, list[frappe._dict]]:
	rows = frappe.get_all(
		"PdN Promeneur",
		filters={"department": ("in", [plan.ALLIER, plan.PUY_DE_DOME])},
		fields=["name", "email", "department", "status", "candidate_since", "active_since", "ended_on"],
		order_by="email asc",
	)
	result: dict[str, list] = {}
	for row in rows:
		result.setdefault(row.department, []).append(row)
	return result


def _joined(row) -> datetime.date | None:
	day = row.candidate_since or row.active_since
	return getdate(day) if day else None


def _shuffled(rows, key: str) -> list:
	"""A stable order that differs from one training to the next."""
	return sorted(rows, key=lambda row: hashlib.sha1(f"{key}{row.email}".encode()).hexdigest())


def participants_for(training: plan.DemoTraining, promeneurs, demo_promeneur: str | None) -> list[dict]:
	day = training.starts_on.date()
	eligible = [
		row
		for row in promeneurs
		if _joined(row)
		and _joined(row) <= day
		and (not row.ended_on or getdate(row.ended_on) >= day)
		and row.name != demo_promeneur
		and (row.status != "Candidate" or training.kind == a.WELCOME_MEETING)
	]
	if training.newcomers_since:
		eligible = [row for row in eligible if _joined(row) >= training.newcomers_since]
	invited = _shuffled(eligible, training.title + training.department)
	invited = invited[: math.ceil(len(invited) * training.invited_share)]
	if training.status == a.HELD:
		attending = math.ceil(len(invited) * training.attended_share)
		if training.capacity:
			attending = min(attending, training.capacity - (1 if training.with_demo_promeneur else 0))
		rows = [
			(row.name, a.ATTENDED if index < attending else a.EXCUSED) for index, row in enumerate(invited)
		]
		if training.with_demo_promeneur and demo_promeneur:
			rows.insert(0, (demo_promeneur, a.ATTENDED))
	else:
		registering = len(invited) // 3
		if training.capacity:
			registering = min(registering, training.capacity - 2)
		rows = [
			(row.name, a.REGISTERED if index < registering else a.INVITED)
			for index, row in enumerate(invited)
		]
	return [{"promeneur": name, "status": status} for name, status in rows]


def ensure_training(training: plan.DemoTraining, promeneurs, demo_promeneur: str | None) -> int:
	filters = {"department": training.department, "title": training.title, "kind": training.kind}
	if training.status == a.HELD:
		filters["starts_on"] = (
			"between",
			[training.starts_on.date(), training.starts_on.date() + datetime.timedelta(days=1)],
		)
	else:
		filters["status"] = a.PLANNED
	if frappe.db.exists("PdN Training", filters):
		return 0
	doc = frappe.get_doc(
		{
			"doctype": "PdN Training",
			"title": training.title,
			"kind": training.kind,
			"department": training.department,
			"starts_on": training.starts_on,
			"ends_on": training.ends_on,
			"status": training.status,
			"location_type": "Online" if training.place == "En ligne" else "In person",
			"place": None if training.place == "En ligne" else training.place,
			"online_link": "https://visio.example.org/pdn" if training.place == "En ligne" else None,
			"trainer": training.trainer,
			"capacity": training.capacity,
			"registration_open": 1,
			"themes": [{"theme": theme} for theme in training.themes],
			"participants": participants_for(training, promeneurs, demo_promeneur),
		}
	)
	doc.insert(ignore_permissions=True)
	return 1


def ensure_activities(activities: list[plan.DemoActivity], period: Period) -> int:
	created = 0
	for department in sorted({row.department for row in activities}):
		exists = frappe.db.exists(
			"PdN Coordination Activity",
			{
				"department": department,
				"activity_date": ("between", [period.start, period.end]),
				"note": ("like", f"%{plan.DEMO_MARK}"),
			},
		)
		if exists:
			continue
		coordinators = department_team(department, COORDINATOR)
		for row in activities:
			if row.department != department:
				continue
			frappe.get_doc(
				{
					"doctype": "PdN Coordination Activity",
					"department": department,
					"coordinator": coordinators[0] if coordinators else "Administrator",
					"kind": row.kind,
					"activity_date": row.activity_date,
					"hours": row.hours,
					"note": row.note,
					"themes": [{"theme": theme} for theme in row.themes],
					"people_reached": row.people_reached,
					"audience": row.audience,
					"mission": row.mission,
					"parenting_hours": row.parenting_hours,
				}
			).insert(ignore_permissions=True)
			created += 1
	return created


def ensure_budget(budget: budget_plan.DemoBudget) -> int:
	"""The coordination's budget of a department and a year, once."""
	if frappe.db.exists("PdN Coordination Budget", {"department": budget.department, "year": budget.year}):
		return 0
	frappe.get_doc(
		{
			"doctype": "PdN Coordination Budget",
			"department": budget.department,
			"year": budget.year,
			"fte": budget.fte,
			"funding_per_fte": budget.funding_per_fte,
			"co_funders": [{"funder": name, "amount": amount} for name, amount in budget.co_funders],
			"note": budget.note,
		}
	).insert(ignore_permissions=True)
	return 1


def ensure_note(note: plan.DemoNote) -> int:
	if frappe.db.exists("PdN Practice Note", {"department": note.department, "title": note.title}):
		return 0
	author = DEMO_PROMENEUR_LOGIN if note.by_demo_promeneur else None
	if not author or not frappe.db.exists("User", author):
		coordinators = department_team(note.department, COORDINATOR)
		author = coordinators[0] if coordinators else "Administrator"
	frappe.set_user(author)
	try:
		doc = frappe.get_doc(
			{
				"doctype": "PdN Practice Note",
				"title": note.title,
				"department": note.department,
				"themes": [{"theme": theme} for theme in note.themes],
				"social_network": note.social_network,
				"public": note.public,
				"situation": note.situation,
				"action_taken": note.action_taken,
				"outcome": note.outcome,
				"tips": note.tips,
			}
		)
		doc.insert(ignore_permissions=True)
	finally:
		frappe.set_user("Administrator")
	if note.state != "Draft":
		doc.db_set("workflow_state", note.state, update_modified=False)
		if note.state in ("Published", "Archived"):
			doc.db_set("published_on", nowdate(), update_modified=False)
	return 1
