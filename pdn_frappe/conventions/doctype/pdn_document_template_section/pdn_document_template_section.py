# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNDocumentTemplateSection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		body: DF.LongText | None
		page_break_before: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		section_style: DF.Literal["Text", "Signatures"]
		section_title: DF.Data | None
	# end: auto-generated types
	pass
