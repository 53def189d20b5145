# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document

from pdn_frappe.domain import validation
from pdn_frappe.network.utils import clean_field


class PdNResourceReferent(Document):
	def validate(self):
		self.validate_contact_details()

	def validate_contact_details(self):
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)
