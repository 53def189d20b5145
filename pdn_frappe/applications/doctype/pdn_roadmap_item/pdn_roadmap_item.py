# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import nowdate

from pdn_frappe import exceptions
from pdn_frappe.domain import committee as rules
from pdn_frappe.network import privacy

FREE_TEXT_FIELDS = ("title", "description")


class PdNRoadmapItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		department: DF.Link
		description: DF.SmallText | None
		done_on: DF.Date | None
		due_date: DF.Date | None
		naming_series: DF.Literal["PDN-FDR-.YYYY.-.###"]
		responsible: DF.Link | None
		status: DF.Literal["Open", "In progress", "Done", "Cancelled"]
		steering_meeting: DF.Link | None
		title: DF.Data
	# end: auto-generated types

	def validate(self):
		self.validate_responsible()
		self.validate_meeting()
		self.validate_free_texts()
		self.set_done_on()

	def validate_responsible(self):
		"""The person in charge is a member of the department's team (coordination or CAF)."""
		if not self.responsible:
			return
		if not frappe.db.exists(
			"PdN Department Member",
			{"parenttype": "PdN Department", "parent": self.department, "user": self.responsible},
		):
			frappe.throw(
				_("Responsible: {0} is not a member of the department's team.").format(
					frappe.bold(self.responsible)
				),
				exc=exceptions.CommitteeDecisionError,
				title=_("Invalid value"),
			)

	def validate_meeting(self):
		"""An item decided by a meeting stays in that meeting's department."""
		if not self.steering_meeting:
			return
		department = frappe.db.get_value("PdN Steering Meeting", self.steering_meeting, "department")
		if department != self.department:
			frappe.throw(
				_("The meeting {0} belongs to another department.").format(
					frappe.bold(self.steering_meeting)
				),
				exc=exceptions.CommitteeDecisionError,
				title=_("Invalid value"),
			)

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS)

	def set_done_on(self):
		if self.status == rules.DONE:
			self.done_on = self.done_on or nowdate()
		else:
			self.done_on = None
