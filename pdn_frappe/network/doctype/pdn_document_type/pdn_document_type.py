# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNDocumentType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
		document_type_name: DF.Data
		enabled: DF.Check
		first_signature_association: DF.Check
		first_signature_public: DF.Check
		has_validity: DF.Check
		renewal_association: DF.Check
		renewal_public: DF.Check
		yearly_due: DF.Literal[
			"", "31 March of the year", "31 December of the year", "30 June of the following year"
		]
	# end: auto-generated types
	pass
