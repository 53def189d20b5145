# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from pdn_frappe import errors, exceptions
from pdn_frappe.animation import participation
from pdn_frappe.animation.utils import promeneur_of
from pdn_frappe.domain import animation
from pdn_frappe.network import privacy

#: free texts about the promeneurs' work with young people
FREE_TEXT_FIELDS = ("comment",)


class PdNTrainingFeedback(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		comment: DF.SmallText | None
		department: DF.Link | None
		promeneur: DF.Link
		promeneur_name: DF.Data | None
		rating: DF.Rating
		training: DF.Link
		training_title: DF.Data | None

	# end: auto-generated types
	def before_validate(self):
		self.set_own_promeneur()

	def validate(self):
		self.validate_attendance()
		self.validate_unique()
		self.validate_free_texts()

	def on_update(self):
		participation.refresh_feedback_summary(self.training)

	def after_delete(self):
		participation.refresh_feedback_summary(self.training)

	def set_own_promeneur(self):
		"""A promeneur always gives feedback in their own name."""
		if self.is_new() and not self.promeneur:
			self.promeneur = promeneur_of(throw=False)

	def validate_attendance(self):
		status = frappe.db.get_value(
			"PdN Training Participant",
			{"parent": self.training, "parenttype": "PdN Training", "promeneur": self.promeneur},
			"status",
		)
		errors.checked(animation.check_feedback, status)

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS)

	def validate_unique(self):
		other = frappe.db.get_value(
			"PdN Training Feedback",
			{"training": self.training, "promeneur": self.promeneur, "name": ("!=", self.name)},
			"name",
		)
		if other:
			frappe.throw(
				_("{0} already gave feedback on this training: edit it instead.").format(
					frappe.bold(self.promeneur_name or self.promeneur)
				),
				exc=exceptions.DuplicateFeedbackError,
				title=_("Feedback already given"),
			)
