# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class PdNEvaluationReminder(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		audience: DF.Literal["Promeneur", "Coordination"]
		department: DF.Link
		missing_count: DF.Int
		period: DF.Data
		promeneur: DF.Link | None
		recipients: DF.SmallText | None
		sent_on: DF.Date | None
	# end: auto-generated types
	pass


def on_doctype_update():
	frappe.db.add_index("PdN Evaluation Reminder", ["audience", "period", "promeneur"])
	frappe.db.add_index("PdN Evaluation Reminder", ["audience", "period", "department"])
