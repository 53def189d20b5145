# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNConventionInspection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		check_kind: DF.Literal["On site", "On documents"]
		checked_by: DF.Data
		checked_on: DF.Date
		findings: DF.SmallText | None
		follow_up: DF.SmallText | None
		outcome: DF.Literal["", "Compliant", "Regularisation", "Recovery of sums", "Additional payment"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
