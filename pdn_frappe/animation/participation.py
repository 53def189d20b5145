"""What the trainings say about each promeneur, and what the feedback says about each training.

Aggregates run as SQL (``frappe.qb``). The promeneur's record keeps two read-only summaries
(trainings attended, welcome meeting) refreshed whenever a training's participants change.
"""

from __future__ import annotations

from collections.abc import Iterable

import frappe
from frappe import _
from frappe.query_builder.functions import Avg, Count, Min
from frappe.utils import now_datetime

from pdn_frappe import exceptions, mail, queries
from pdn_frappe.animation import notices
from pdn_frappe.domain.animation import (
	ATTENDED,
	CANCELLED,
	EXCUSED,
	INVITED,
	PLANNED,
	REGISTERED,
	WELCOME_MEETING,
)


def sync_promeneurs(promeneurs: Iterable[str]) -> None:
	"""Refresh ``trainings_attended``, ``welcome_meeting_attended`` and ``welcome_meeting_on``."""
	promeneurs = sorted({name for name in promeneurs if name})
	if not promeneurs:
		return
	training, participant, query = queries.child_rows(
		"PdN Training", "PdN Training Participant", "participants"
	)
	base = (
		query.where(participant.promeneur.isin(promeneurs))
		.where(participant.status == ATTENDED)
		.where(training.status != CANCELLED)
		.groupby(participant.promeneur)
	)
	attended = dict(base.select(participant.promeneur, Count(training.name)).run())
	welcomed = dict(
		base.select(participant.promeneur, Min(training.starts_on))
		.where(training.kind == WELCOME_MEETING)
		.run()
	)
	for name in promeneurs:
		if not frappe.db.exists("PdN Promeneur", name):
			continue
		welcome = welcomed.get(name)
		frappe.db.set_value(
			"PdN Promeneur",
			name,
			{
				"trainings_attended": attended.get(name, 0),
				"welcome_meeting_attended": 1 if welcome else 0,
				"welcome_meeting_on": welcome.date() if welcome else None,
			},
			update_modified=False,
		)


def attended_trainings(promeneur: str) -> list[dict]:
	"""The trainings and network meetings a promeneur attended, latest first."""
	training, participant, query = queries.child_rows("PdN Training", "PdN Training Participant")
	return (
		query.select(training.name, training.title, training.kind, training.starts_on, training.days)
		.where(participant.promeneur == promeneur)
		.where(participant.status == ATTENDED)
		.where(training.status != CANCELLED)
		.orderby(training.starts_on, order=frappe.qb.desc)
		.run(as_dict=True)
	)


def refresh_feedback_summary(training: str) -> None:
	"""Store the number of feedbacks and their average rating on the training."""
	if not training or not frappe.db.exists("PdN Training", training):
		return
	feedback = frappe.qb.DocType("PdN Training Feedback")
	count, average = (
		frappe.qb.from_(feedback)
		.select(Count(feedback.name), Avg(feedback.rating))
		.where(feedback.training == training)
		.run()[0]
	)
	frappe.db.set_value(
		"PdN Training",
		training,
		{"feedback_count": count or 0, "average_rating": round(average or 0, 3)},
		update_modified=False,
	)


def load_attended_trainings(doc, method=None) -> None:
	"""``onload`` of PdN Promeneur: the trainings and meetings attended, for the form to list."""
	if not doc.is_new():
		doc.set_onload("attended_trainings", attended_trainings(doc.name))


def cancel_upcoming_registrations(doc, method=None) -> list[str]:
	"""``on_update`` of PdN Promeneur: a promeneur whose mandate ends is excused from every planned
	training that has not started yet (see :mod:`pdn_frappe.domain.lifecycle`). Returns the trainings."""
	move = doc.flags.status_transition
	if not move or not move.effects.cancel_upcoming_registrations:
		return []
	training, participant, query = queries.child_rows("PdN Training", "PdN Training Participant")
	names = (
		query.select(training.name)
		.distinct()
		.where(participant.promeneur == doc.name)
		.where(participant.status.isin([INVITED, REGISTERED]))
		.where(training.status == PLANNED)
		.where(training.starts_on > now_datetime())
	).run(pluck=True)
	for name in names:
		upcoming = frappe.get_doc("PdN Training", name)
		for row in upcoming.participants:
			if row.promeneur == doc.name and row.status in (INVITED, REGISTERED):
				row.status = EXCUSED
		upcoming.flags.ignore_permissions = True
		upcoming.save()
	return names


# ------------------------------------------------------------------ invitations


def invite(training, promeneurs: list[str] | None = None, resend: bool = False) -> int:
	"""Invite ``promeneurs`` to ``training`` (every active promeneur of its department when none is
	given) and e-mail the invitation, with its calendar file, to everyone who has not received it
	yet (to every invited or registered participant again when ``resend``). The caller checks the
	user's right first. Returns the number of e-mails sent.
	"""
	if training.status != PLANNED:
		frappe.throw(
			_("Only a planned training can be sent."),
			exc=exceptions.InvalidTrainingError,
			title=_("Not possible"),
		)
	if not promeneurs:
		promeneurs = frappe.get_all(
			"PdN Promeneur",
			filters={"department": training.department, "status": "Active"},
			pluck="name",
			order_by="full_name asc",
		)
	listed = {row.promeneur for row in training.participants}
	for name in promeneurs:
		if name not in listed:
			training.append("participants", {"promeneur": name, "status": INVITED})
			listed.add(name)
	rows = [
		row
		for row in training.participants
		if row.status in (INVITED, REGISTERED) and (resend or not row.invitation_sent_on)
	]
	emails = dict(
		frappe.get_all(
			"PdN Promeneur",
			filters={"name": ("in", [row.promeneur for row in rows] or [""])},
			fields=["name", "email"],
			as_list=True,
		)
	)
	# without an outgoing account the promeneurs are invited, but nobody is marked as e-mailed
	rows = [row for row in rows if emails.get(row.promeneur)] if mail.can_send() else []
	sent_on = now_datetime()
	for row in rows:
		row.invitation_sent_on = sent_on
	training.save()
	notices.send_invitations(training, [emails[row.promeneur] for row in rows], update=resend)
	return len(rows)
