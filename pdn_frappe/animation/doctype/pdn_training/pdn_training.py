# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, now_datetime

from pdn_frappe import errors, exceptions
from pdn_frappe.animation import notices, participation, welcome
from pdn_frappe.animation.utils import promeneur_of
from pdn_frappe.domain import animation, validation
from pdn_frappe.network import scope
from pdn_frappe.network.utils import clean_field

CALENDAR_FIELDS = ("starts_on", "ends_on", "place", "online_link", "title")


class PdNTraining(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.animation.doctype.pdn_animation_theme.pdn_animation_theme import PdNAnimationTheme
		from pdn_frappe.animation.doctype.pdn_training_participant.pdn_training_participant import (
			PdNTrainingParticipant,
		)

		application_call: DF.Link | None
		attended_count: DF.Int
		average_rating: DF.Rating
		calendar_sequence: DF.Int
		capacity: DF.Int
		days: DF.Float
		department: DF.Link
		description: DF.TextEditor | None
		ends_on: DF.Datetime
		feedback_count: DF.Int
		hours: DF.Float
		kind: DF.Literal[
			"Training", "Practice exchange", "Practice analysis", "Welcome meeting", "Departmental meeting"
		]
		location_type: DF.Literal["In person", "Online", "In person and online"]
		naming_series: DF.Literal["PDN-FOR-.YYYY.-.####"]
		online_link: DF.Data | None
		participants: DF.Table[PdNTrainingParticipant]
		place: DF.SmallText | None
		registration_open: DF.Check
		seats_taken: DF.Int
		starts_on: DF.Datetime
		status: DF.Literal["Planned", "Held", "Cancelled"]
		themes: DF.TableMultiSelect[PdNAnimationTheme]
		title: DF.Data
		trainer: DF.Data | None
		trainer_organisation: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.validate_dates()
		self.validate_application_call()
		self.validate_online_link()
		self.set_hours_and_days()
		self.validate_participants()
		self.validate_capacity()
		self.set_counts()
		self.set_calendar_sequence()

	def on_update(self):
		self.sync_promeneurs()
		self.notify_status_change()

	def on_trash(self):
		self.flags.promeneurs_to_sync = {row.promeneur for row in self.participants}

	def after_delete(self):
		participation.sync_promeneurs(self.flags.promeneurs_to_sync or ())

	# ------------------------------------------------------------ validation

	def validate_application_call(self):
		"""Only a welcome meeting belongs to a call, and only to a call of its department."""
		if self.kind != animation.WELCOME_MEETING:
			self.application_call = None
		if not self.application_call:
			return
		welcome.check_call(self.application_call, self.department)

	def validate_online_link(self):
		clean_field(self, "online_link", validation.normalize_url)

	def validate_dates(self):
		if self.starts_on and self.ends_on:
			errors.checked(
				animation.check_training_dates, get_datetime(self.starts_on), get_datetime(self.ends_on)
			)

	def set_hours_and_days(self):
		starts_on, ends_on = get_datetime(self.starts_on), get_datetime(self.ends_on)
		if starts_on.date() == ends_on.date():
			self.hours = animation.session_hours(starts_on, ends_on)
		dates_changed = not self.is_new() and (
			self.has_value_changed("starts_on") or self.has_value_changed("ends_on")
		)
		if not self.days or dates_changed:
			self.days = animation.default_days(starts_on, ends_on)

	def validate_participants(self):
		seen = set()
		for row in self.participants:
			if row.promeneur in seen:
				frappe.throw(
					_("Participants, row {0}: {1} is already listed.").format(
						row.idx, frappe.bold(row.promeneur_name or row.promeneur)
					),
					exc=exceptions.InvalidTrainingError,
					title=_("Invalid value"),
				)
			seen.add(row.promeneur)
			if row.status == animation.REGISTERED and not row.registered_on:
				row.registered_on = now_datetime()

	def validate_capacity(self):
		errors.checked(animation.check_capacity, self.capacity, [row.status for row in self.participants])

	def set_counts(self):
		statuses = [row.status for row in self.participants]
		self.seats_taken = animation.seats_taken(statuses)
		self.attended_count = statuses.count(animation.ATTENDED)

	def set_calendar_sequence(self):
		"""Calendars replace an event when its sequence grows: bump it when what they show changes."""
		if not self.is_new() and any(self.has_value_changed(field) for field in CALENDAR_FIELDS):
			self.calendar_sequence = (self.calendar_sequence or 0) + 1

	# ------------------------------------------------------------ after saving

	def sync_promeneurs(self):
		before = self.get_doc_before_save()
		previous = {row.promeneur: row.status for row in before.participants} if before else {}
		current = {row.promeneur: row.status for row in self.participants}
		if before and (
			before.kind != self.kind or before.status != self.status or before.starts_on != self.starts_on
		):
			changed = set(previous) | set(current)
		else:
			changed = {
				name for name in set(previous) | set(current) if previous.get(name) != current.get(name)
			}
		participation.sync_promeneurs(changed)

	def notify_status_change(self):
		before = self.get_doc_before_save()
		if not before or before.status == self.status:
			return
		if self.status == animation.CANCELLED:
			notices.send_cancellation(
				self, self.emails_of(lambda row: row.status in (animation.INVITED, animation.REGISTERED))
			)
		elif self.status == animation.HELD:
			notices.send_feedback_requests(self, self.emails_of(lambda row: row.status == animation.ATTENDED))

	def emails_of(self, keep) -> list[str]:
		names = [row.promeneur for row in self.participants if keep(row)]
		if not names:
			return []
		return frappe.get_all(
			"PdN Promeneur", filters={"name": ("in", names), "email": ("is", "set")}, pluck="email"
		)

	# ------------------------------------------------------------ promeneurs' own actions

	def _lock(self):
		"""Lock the training's row until the end of the transaction, then read it again.

		Two promeneurs registering at the same time for the last seat are served one after the other.
		"""
		frappe.db.get_value("PdN Training", self.name, "name", for_update=True)
		self.reload()

	@scope.record_method("read")
	def register(self) -> str:
		"""The promeneur of the session registers for this training, within its capacity."""
		self.check_permission("read")
		promeneur = promeneur_of()
		self._lock()
		statuses = {row.promeneur: row.status for row in self.participants}
		errors.checked(
			animation.check_registration,
			training_status=self.status,
			registration_open=bool(self.registration_open),
			starts_on=get_datetime(self.starts_on),
			now=now_datetime(),
			capacity=self.capacity,
			participants=statuses,
			promeneur=promeneur,
		)
		row = next((row for row in self.participants if row.promeneur == promeneur), None)
		if not row:
			row = self.append("participants", {"promeneur": promeneur})
		row.status = animation.REGISTERED
		row.registered_on = now_datetime()
		self.flags.ignore_permissions = True
		self.save()
		email = frappe.db.get_value("PdN Promeneur", promeneur, "email")
		if email:
			notices.send_registration_confirmation(self, email)
		return row.status

	@scope.record_method("read")
	def unregister(self) -> str:
		"""The promeneur of the session cancels their registration (they are then excused)."""
		self.check_permission("read")
		promeneur = promeneur_of()
		self._lock()
		row = next((row for row in self.participants if row.promeneur == promeneur), None)
		errors.checked(
			animation.check_unregistration,
			training_status=self.status,
			starts_on=get_datetime(self.starts_on),
			now=now_datetime(),
			status=row.status if row else None,
		)
		row.status = animation.EXCUSED
		self.flags.ignore_permissions = True
		self.save()
		return row.status

	# ------------------------------------------------------------ coordination

	@scope.record_method("write")
	def invite(self, promeneurs: list[str] | str | None = None, resend: bool = False) -> int:
		"""Invite promeneurs (every active promeneur of the department when none is given) and
		e-mail the invitation, with its calendar file, to everyone who has not received it yet
		(to every invited or registered participant again when ``resend``).

		Returns the number of e-mails sent.
		"""
		self.check_permission("write")
		promeneurs = frappe.parse_json(promeneurs) if isinstance(promeneurs, str) else promeneurs
		return participation.invite(self, promeneurs, resend=frappe.utils.sbool(resend))

	@scope.record_method("write")
	def mark_held(self) -> None:
		"""Close the training: registered participants who were not marked otherwise attended."""
		self.check_permission("write")
		for row in self.participants:
			if row.status == animation.REGISTERED:
				row.status = animation.ATTENDED
		self.status = animation.HELD
		self.save()

	def onload(self):
		promeneur = promeneur_of(throw=False) if frappe.session.user != "Guest" else None
		if promeneur:
			row = next((row for row in self.participants if row.promeneur == promeneur), None)
			self.set_onload(
				"my_participation",
				{
					"promeneur": promeneur,
					"status": row.status if row else None,
					"feedback": frappe.db.get_value(
						"PdN Training Feedback", {"training": self.name, "promeneur": promeneur}, "name"
					),
				},
			)
