# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from pdn_frappe import errors, exceptions
from pdn_frappe.domain import animation, coordination
from pdn_frappe.network import privacy

#: free texts about the coordination's work with promeneurs and young people
FREE_TEXT_FIELDS = ("note",)


class PdNCoordinationActivity(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.animation.doctype.pdn_animation_theme.pdn_animation_theme import PdNAnimationTheme

		activity_date: DF.Date
		audience: DF.Literal["", "Youths", "Parents", "Professionals", "Mixed"]
		coordinator: DF.Link | None
		department: DF.Link
		hours: DF.Float
		kind: DF.Literal[
			"Individual presentation",
			"Collective presentation",
			"Public workshop",
			"Prospecting",
			"Application processing",
			"Onboarding of a promeneur",
			"Communication",
			"Individual coaching",
			"Exchange with a promeneur",
			"Meeting or training preparation",
			"Steering committee preparation",
			"Departmental or regional event",
			"Evaluation of the promeneurs",
			"Resource people network",
			"Website and directory administration",
			"Collaborative space and social media",
			"Digital watch",
			"Funding search",
			"Self-training",
			"Other",
		]
		mission: DF.Literal["Youth", "Parenting", "Youth and parenting"]
		mission_axis: DF.Literal[
			"",
			"Growth and development of the network",
			"Network animation",
			"Tools administration",
			"Funding",
			"Self-training",
		]
		naming_series: DF.Literal["PDN-ACT-.YYYY.-.#####"]
		note: DF.SmallText | None
		parenting_hours: DF.Float
		people_reached: DF.Int
		promeneur: DF.Link | None
		structure: DF.Link | None
		themes: DF.TableMultiSelect[PdNAnimationTheme]

	# end: auto-generated types
	def validate(self):
		self.set_mission_axis()
		self.validate_hours()
		self.validate_mission()
		self.clear_unrelated_fields()
		self.validate_free_texts()

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS)

	def set_mission_axis(self):
		if not self.mission_axis:
			self.mission_axis = animation.default_axis(self.kind)
		if not self.mission_axis:
			frappe.throw(
				_("Choose the mission axis of this activity: its kind {0} does not tell it.").format(
					frappe.bold(_(self.kind))
				),
				exc=exceptions.InvalidActivityError,
				title=_("Missing value"),
			)

	def validate_hours(self):
		self.hours = errors.checked(animation.check_activity_hours, self.hours)

	def validate_mission(self):
		"""The mission the time served; for both missions, the part of the hours that went to parenting."""
		if self.mission != coordination.BOTH:
			self.parenting_hours = 0
		errors.checked(coordination.split_hours, self.mission, self.hours, self.parenting_hours)

	def clear_unrelated_fields(self):
		"""Keep only the details that make sense for the kind (hidden fields keep no stale value)."""
		if self.kind not in (
			animation.INDIVIDUAL_COACHING,
			animation.PROMENEUR_EXCHANGE,
			animation.ONBOARDING,
		):
			self.promeneur = None
		if self.kind not in (animation.COLLECTIVE_PRESENTATION, animation.PUBLIC_WORKSHOP, animation.EVENT):
			self.people_reached = 0
			self.audience = None
