# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from pdn_frappe import errors
from pdn_frappe.domain import retention, validation
from pdn_frappe.domain.errors import DomainError
from pdn_frappe.exceptions import SettingsBoundsError
from pdn_frappe.settings import DEFAULTS

# (lowest, highest) accepted for the bounded settings: a guest may always apply at least once an
# hour, no attachment exceeds 20 MB, and personal data is kept from one month to ten years
# (the rule of pdn_frappe.domain.retention.check_months).
BOUNDS = {
	"guest_rate_limit": (1, 100),
	"max_attachment_mb": (1, 20),
	"directory_page_size": (6, 100),
	"retention_rejected_months": (1, retention.MAX_MONTHS),
	"retention_accepted_months": (1, retention.MAX_MONTHS),
	"retention_former_promeneur_months": (1, retention.MAX_MONTHS),
}

# The retention settings and their defaults (pdn_frappe.settings), for a site whose settings were
# saved before they existed.
RETENTION_DEFAULTS = {
	fieldname: cint(default) for fieldname, default in DEFAULTS.items() if fieldname.startswith("retention_")
}


class PdNSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		company_directory_url: DF.Data
		directory_enabled: DF.Check
		directory_page_size: DF.Int
		evaluation_alert_coordination: DF.Check
		evaluation_due_days: DF.Int
		evaluation_period_type: DF.Literal["Quarter", "Year"]
		evaluation_reminder_days: DF.Int
		evaluation_reminders_enabled: DF.Check
		guest_rate_limit: DF.Int
		max_attachment_mb: DF.Int
		referent_check_months: DF.Int
		report_reminder_days: DF.Int
		retention_accepted_months: DF.Int
		retention_enabled: DF.Check
		retention_former_promeneur_months: DF.Int
		retention_rejected_months: DF.Int
	# end: auto-generated types
	def validate(self):
		self.set_missing_retention_values()
		self.validate_bounds()
		self.validate_company_directory_url()

	def set_missing_retention_values(self):
		"""A retention setting never stored yet (the form shows it empty) takes its default."""
		stored = frappe.db.get_singles_dict(self.doctype)
		for fieldname, default in RETENTION_DEFAULTS.items():
			if stored.get(fieldname) in (None, "") and not self.get(fieldname):
				self.set(fieldname, default)

	def validate_bounds(self):
		for fieldname, (low, high) in BOUNDS.items():
			value = cint(self.get(fieldname))
			if not low <= value <= high:
				frappe.throw(
					_("{0} must lie between {1} and {2}.").format(
						frappe.bold(_(self.meta.get_label(fieldname))), low, high
					),
					exc=SettingsBoundsError,
					title=_("Invalid value"),
				)

	def validate_company_directory_url(self):
		"""The company directory is reached by its http(s) address only."""
		if not self.company_directory_url:
			return
		try:
			self.company_directory_url = validation.normalize_url(self.company_directory_url)
		except DomainError as error:
			errors.throw(error, label=_(self.meta.get_label("company_directory_url")))
