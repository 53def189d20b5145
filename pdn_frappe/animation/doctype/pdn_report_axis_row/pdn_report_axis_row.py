# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNReportAxisRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		activity_count: DF.Int
		hours: DF.Float
		mission_axis: DF.Literal[
			"Growth and development of the network",
			"Network animation",
			"Tools administration",
			"Funding",
			"Self-training",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		share: DF.Percent
	# end: auto-generated types
	pass
