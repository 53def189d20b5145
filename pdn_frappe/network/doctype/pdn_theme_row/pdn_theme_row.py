# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class PdNThemeRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		theme: DF.Link
	# end: auto-generated types
	pass


def on_doctype_update():
	"""The reports count the themes of one kind of record: the index answers them without the rows."""
	frappe.db.add_index("PdN Theme Row", ["parent", "parenttype", "parentfield", "theme"])
