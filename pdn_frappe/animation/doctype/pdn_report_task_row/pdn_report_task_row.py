# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PdNReportTaskRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

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
		task: DF.Literal[
			"Individual presentation",
			"Collective presentation",
			"Public workshop",
			"Prospecting",
			"Application processing",
			"Onboarding of a promeneur",
			"Communication",
			"Individual coaching",
			"Exchange with a promeneur",
			"Meeting or training preparation",
			"Steering committee preparation",
			"Departmental or regional event",
			"Evaluation of the promeneurs",
			"Resource people network",
			"Website and directory administration",
			"Collaborative space and social media",
			"Digital watch",
			"Funding search",
			"Self-training",
			"Other",
			"Training",
			"Practice exchange",
			"Practice analysis",
			"Welcome meeting",
			"Departmental meeting",
		]
		task_count: DF.Int
	# end: auto-generated types
	pass
