# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNPromeneurStatusChange(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		author: DF.Link | None
		changed_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.SmallText | None
		reason_code: DF.Data | None
		status_from: DF.Literal["", "Candidate", "Active", "Suspended", "Left", "Excluded"]
		status_to: DF.Literal["Candidate", "Active", "Suspended", "Left", "Excluded"]
	# end: auto-generated types

	pass
