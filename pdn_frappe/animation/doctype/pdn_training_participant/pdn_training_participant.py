# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNTrainingParticipant(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		invitation_sent_on: DF.Datetime | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		promeneur: DF.Link
		promeneur_name: DF.Data | None
		registered_on: DF.Datetime | None
		status: DF.Literal["Invited", "Registered", "Attended", "Excused"]
		structure: DF.Link | None
	# end: auto-generated types
	pass
