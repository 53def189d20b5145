# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class PdNEvaluationRollupCount(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		link_doctype: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		questionnaires: DF.Int
		value: DF.DynamicLink | None
	# end: auto-generated types
	pass


def on_doctype_update():
	"""The reports add the counts of a year's rows up from this index alone."""
	frappe.db.add_index("PdN Evaluation Rollup Count", ["parent", "link_doctype", "value", "questionnaires"])
