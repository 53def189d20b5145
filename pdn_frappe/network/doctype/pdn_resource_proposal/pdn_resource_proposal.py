# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""A promeneur's proposal to the address book of resource people: a new person or a correction.

The rules are :mod:`pdn_frappe.domain.resources`, carried out by :mod:`pdn_frappe.network.proposals`.
"""

import frappe
from frappe import _
from frappe.model.document import Document

from pdn_frappe import errors
from pdn_frappe.domain import resources as rules
from pdn_frappe.domain import validation
from pdn_frappe.network import privacy, proposals, scope
from pdn_frappe.network.utils import clean_field

FREE_TEXT_FIELDS = ("notes", "comment")


class PdNResourceProposal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_theme_row.pdn_theme_row import PdNThemeRow

		comment: DF.SmallText | None
		decided_by: DF.Link | None
		decided_on: DF.Date | None
		department: DF.Link | None
		email: DF.Data | None
		full_name: DF.Data | None
		naming_series: DF.Literal["PDN-PROP-.YYYY.-"]
		notes: DF.SmallText | None
		organisation: DF.Data | None
		phone: DF.Data | None
		promeneur: DF.Link | None
		promeneur_name: DF.Data | None
		proposal_type: DF.Literal["New resource person", "Correction"]
		referent: DF.Link | None
		refusal_reason: DF.SmallText | None
		resulting_referent: DF.Link | None
		role_title: DF.Data | None
		status: DF.Literal["Proposed", "Validated", "Declined"]
		themes: DF.TableMultiSelect[PdNThemeRow]
		website: DF.Data | None

	# end: auto-generated types
	def before_insert(self):
		self.set_author()
		self.reset_decision()

	def validate(self):
		self.check_unchanged_decision()
		self.validate_proposal()
		self.validate_contact_details()
		self.check_free_texts()
		self.check_referent()

	def after_insert(self):
		proposals.notify_coordination(self)

	def set_author(self):
		proposals.set_author(self)

	def reset_decision(self):
		proposals.reset_decision(self)

	def check_unchanged_decision(self):
		proposals.check_unchanged_decision(self)

	def validate_proposal(self):
		if self.proposal_type == rules.NEW:
			self.referent = None
		elif self.referent and not (self.full_name or "").strip():
			# the title of a correction: the referent it corrects
			self.full_name = frappe.db.get_value("PdN Resource Referent", self.referent, "full_name")
		errors.checked(
			rules.check_proposal,
			self.proposal_type,
			self.referent,
			{**self.as_dict(), "themes": [row.theme for row in self.themes if row.theme]},
		)

	def validate_contact_details(self):
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)
		clean_field(self, "website", validation.normalize_url)

	def check_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS)

	def check_referent(self):
		proposals.check_referent(self)

	@scope.record_method("write")
	def validate_and_apply(self) -> str | None:
		"""The coordination validates the proposal: the address book takes it at once."""
		referent = proposals.decide(self, rules.VALIDATED)
		frappe.msgprint(
			_("Proposal validated: the address book is up to date."), indicator="green", alert=True
		)
		return referent

	@scope.record_method("write")
	def refuse(self, reason: str | None = None) -> None:
		"""The coordination refuses the proposal, with the reason the author will read."""
		privacy.check_text(reason, _("Reason for refusal"))
		proposals.decide(self, rules.REFUSED, reason)
		frappe.msgprint(_("Proposal refused: its author is told why."), indicator="orange", alert=True)
