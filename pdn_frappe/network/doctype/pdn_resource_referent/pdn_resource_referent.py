# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from pdn_frappe.domain import validation
from pdn_frappe.domain.periods import add_months
from pdn_frappe.network import scope
from pdn_frappe.network.utils import clean_field
from pdn_frappe.settings import get_settings


def check_months() -> int:
	"""How long a referent's details stay trusted before the coordination checks them again."""
	return get_settings().referent_check_months


class PdNResourceReferent(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_referent_theme.pdn_referent_theme import PdNReferentTheme

		ambassador_charter_signed_on: DF.Date | None
		check_reminder_sent_on: DF.Date | None
		checked_by: DF.Link | None
		department: DF.Link
		email: DF.Data | None
		full_name: DF.Data
		last_checked_on: DF.Date | None
		next_check_due: DF.Date | None
		notes: DF.SmallText | None
		organisation: DF.Data | None
		phone: DF.Data | None
		role_title: DF.Data | None
		theme_list: DF.SmallText | None
		themes: DF.TableMultiSelect[PdNReferentTheme]
		visible_to_promeneurs: DF.Check
		website: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.validate_contact_details()
		self.set_theme_list()
		self.set_next_check_due()

	def validate_contact_details(self):
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)
		clean_field(self, "website", validation.normalize_url)

	def set_theme_list(self):
		"""The themes as text, so that the address book can be searched and filtered by theme."""
		self.theme_list = ", ".join(row.theme for row in self.themes if row.theme)

	def set_next_check_due(self):
		"""A referent is checked again some months after the last check (or their creation)."""
		if self.has_value_changed("last_checked_on"):
			self.check_reminder_sent_on = None
			if self.last_checked_on:
				self.checked_by = frappe.session.user
		base = getdate(self.last_checked_on or self.creation or nowdate())
		self.next_check_due = add_months(base, check_months())

	@scope.record_method("write")
	def mark_checked(self) -> str:
		"""The coordination has just checked the referent's details."""
		self.check_permission("write")
		self.last_checked_on = nowdate()
		self.save()
		frappe.msgprint(
			_("Checked. Next check by {0}.").format(frappe.bold(frappe.format(self.next_check_due, "Date"))),
			indicator="green",
			alert=True,
		)
		return self.next_check_due
