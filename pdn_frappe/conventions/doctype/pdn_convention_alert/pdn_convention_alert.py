# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNConventionAlert(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		alert_key: DF.Data | None
		alert_kind: DF.Literal["Expiry", "Late documents"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		recipients: DF.SmallText | None
		sent_on: DF.Datetime | None
	# end: auto-generated types
	pass
