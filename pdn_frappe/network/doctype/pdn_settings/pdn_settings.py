# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

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
	# end: auto-generated types
	pass
