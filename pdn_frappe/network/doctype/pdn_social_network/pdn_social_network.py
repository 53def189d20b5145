# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document

from pdn_frappe.domain import validation
from pdn_frappe.network.utils import clean_field


class PdNSocialNetwork(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		enabled: DF.Check
		icon: DF.AttachImage | None
		network_name: DF.Data
		profile_url_prefix: DF.Data | None
	# end: auto-generated types
	def validate(self):
		clean_field(self, "profile_url_prefix", validation.normalize_url)
