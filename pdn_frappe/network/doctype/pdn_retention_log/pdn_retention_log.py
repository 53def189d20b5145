# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""One row per run of the daily retention job (:mod:`pdn_frappe.network.retention`): counts only."""

from frappe.model.document import Document


class PdNRetentionLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		applications_erased: DF.Int
		applications_stripped: DF.Int
		promeneurs_anonymised: DF.Int
		run_on: DF.Datetime
	# end: auto-generated types
	pass
