# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNConventionDocument(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		document_type: DF.Link
		file: DF.Attach | None
		from_structure: DF.Check
		note: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		received_on: DF.Date | None
		stage: DF.Literal["First signature", "Renewal"]
		status: DF.Literal["Missing", "Received", "Expired", "Not required"]
		valid_until: DF.Date | None
	# end: auto-generated types
	pass
