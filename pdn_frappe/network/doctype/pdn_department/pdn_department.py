# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from pdn_frappe.domain import departments, validation
from pdn_frappe.network import access
from pdn_frappe.network.utils import clean_field


class PdNDepartment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_department_member.pdn_department_member import PdNDepartmentMember

		caf_address: DF.SmallText | None
		caf_logo: DF.AttachImage | None
		caf_name: DF.Data
		code: DF.Data
		coordination_email: DF.Data | None
		coordination_phone: DF.Data | None
		coordinator_structure: DF.Link | None
		department_name: DF.Data
		members: DF.Table[PdNDepartmentMember]
		msa_address: DF.SmallText | None
		msa_name: DF.Data | None
		network_open: DF.Check
		region: DF.Data | None
		target_promeneurs: DF.Int
		website: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.validate_code()
		self.validate_contact_details()
		self.validate_members()

	def on_update(self):
		access.sync_department_members(self)

	def validate_code(self):
		code = departments.normalize_code(self.code or "")
		if not code:
			frappe.throw(
				_("{0} is not a French department code (01 to 95, 2A, 2B, 971 to 976).").format(
					frappe.bold(self.code)
				),
				title=_("Invalid value"),
			)
		self.code = code

	def validate_contact_details(self):
		clean_field(self, "coordination_email", validation.normalize_email)
		clean_field(self, "coordination_phone", validation.normalize_phone)
		clean_field(self, "website", validation.normalize_url)

	def validate_members(self):
		seen = set()
		for row in self.members:
			if row.user in seen:
				frappe.throw(
					_("Team, row {0}: {1} is listed twice.").format(row.idx, frappe.bold(row.user)),
					title=_("Duplicate member"),
				)
			seen.add(row.user)
		for user in access.changed_logins(self, "members"):
			access.check_linkable_login(user, _("Team"))
