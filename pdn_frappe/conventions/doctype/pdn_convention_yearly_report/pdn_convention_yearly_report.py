# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNConventionYearlyReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		document_type: DF.Link
		due_date: DF.Date | None
		file: DF.Attach | None
		note: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		received_on: DF.Date | None
		status: DF.Literal["To come", "Late", "Received"]
		year: DF.Int
	# end: auto-generated types
	pass
