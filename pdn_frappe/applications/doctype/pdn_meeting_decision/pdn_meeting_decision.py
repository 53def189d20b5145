# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNMeetingDecision(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		application: DF.Link | None
		applied_on: DF.Datetime | None
		candidate: DF.Data | None
		decision: DF.Literal["", "Pre-select", "Accept", "Reject", "Return for correction", "Postpone"]
		kind: DF.Literal["Application", "Other"]
		note: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		result: DF.Data | None
		subject: DF.Data | None
	# end: auto-generated types
	pass
