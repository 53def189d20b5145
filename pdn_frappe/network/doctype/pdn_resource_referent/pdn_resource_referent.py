# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document

from pdn_frappe.domain import validation
from pdn_frappe.network.utils import clean_field


class PdNResourceReferent(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_referent_theme.pdn_referent_theme import PdNReferentTheme

		ambassador_charter_signed_on: DF.Date | None
		department: DF.Link
		email: DF.Data | None
		full_name: DF.Data
		last_checked_on: DF.Date | None
		notes: DF.SmallText | None
		organisation: DF.Data | None
		phone: DF.Data | None
		role_title: DF.Data | None
		themes: DF.TableMultiSelect[PdNReferentTheme]
		visible_to_promeneurs: DF.Check
		website: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.validate_contact_details()

	def validate_contact_details(self):
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)
