# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from pdn_frappe import errors
from pdn_frappe.domain import applications as rules
from pdn_frappe.domain import validation
from pdn_frappe.network.utils import clean_field


class PdNApplicationCall(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.applications.doctype.pdn_application_call_department.pdn_application_call_department import (
			PdNApplicationCallDepartment,
		)
		from pdn_frappe.applications.doctype.pdn_application_call_document.pdn_application_call_document import (
			PdNApplicationCallDocument,
		)

		closing_date: DF.Date
		contact_email: DF.Data | None
		contact_name: DF.Data | None
		contact_phone: DF.Data | None
		department: DF.Link
		description: DF.TextEditor | None
		naming_series: DF.Literal["PDN-AAC-.YYYY.-.###"]
		opening_date: DF.Date
		other_departments: DF.TableMultiSelect[PdNApplicationCallDepartment]
		required_documents: DF.TableMultiSelect[PdNApplicationCallDocument]
		status: DF.Literal["Draft", "Open", "Closed"]
		title: DF.Data
	# end: auto-generated types

	def validate(self):
		self.validate_dates()
		self.validate_departments()
		self.validate_contact_details()

	def validate_dates(self):
		errors.checked(rules.check_call_dates, self.opening_date, self.closing_date)

	def validate_departments(self):
		"""The other departments never repeat the lead department nor each other."""
		seen = {self.department}
		rows = []
		for row in self.other_departments:
			if row.department and row.department not in seen:
				seen.add(row.department)
				rows.append(row)
		self.other_departments = rows

	def validate_contact_details(self):
		clean_field(self, "contact_email", validation.normalize_email)
		clean_field(self, "contact_phone", validation.normalize_phone)

	@property
	def departments(self) -> list[str]:
		return rules.call_departments(self.department, [row.department for row in self.other_departments])

	def is_open(self, today=None) -> bool:
		return rules.call_is_open(
			self.status, self.opening_date, self.closing_date, getdate(today or nowdate())
		)


def close_expired_calls() -> list[str]:
	"""Daily: an open call whose closing date has passed becomes closed."""
	names = frappe.get_all(
		"PdN Application Call", filters={"status": "Open", "closing_date": ("<", nowdate())}, pluck="name"
	)
	for name in names:
		frappe.db.set_value("PdN Application Call", name, "status", "Closed")
	return names
