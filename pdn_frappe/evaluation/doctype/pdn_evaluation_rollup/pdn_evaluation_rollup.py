# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt
"""The submitted questionnaires added up per department and period: written by
:mod:`pdn_frappe.evaluation.rollup` only, read by the evaluation reports."""

import frappe
from frappe.model.document import Document


class PdNEvaluationRollup(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.evaluation.doctype.pdn_evaluation_rollup_count.pdn_evaluation_rollup_count import (
			PdNEvaluationRollupCount,
		)

		age_12_14: DF.Int
		age_15_17: DF.Int
		age_18_20: DF.Int
		age_21_25: DF.Int
		age_under_12: DF.Int
		answered: DF.Int
		channel_diversity_rated: DF.Int
		channel_diversity_stars: DF.Int
		counts: DF.Table[PdNEvaluationRollupCount]
		department: DF.Link | None
		device_computer: DF.Int
		device_console: DF.Int
		device_smartphone: DF.Int
		device_tablet: DF.Int
		exchanges_per_week: DF.Int
		hours_online: DF.Float
		impact_on_youths_rated: DF.Int
		impact_on_youths_stars: DF.Int
		interactions_information: DF.Int
		interactions_listening: DF.Int
		interactions_prevention: DF.Int
		interactions_project_support: DF.Int
		interactions_referral: DF.Int
		interactions_simple_exchange: DF.Int
		interest_network_rated: DF.Int
		interest_network_stars: DF.Int
		interest_online_presence_rated: DF.Int
		interest_online_presence_stars: DF.Int
		interest_trainings_rated: DF.Int
		interest_trainings_stars: DF.Int
		new_youths_contacted: DF.Int
		parents_contacted: DF.Int
		partner_involvement_rated: DF.Int
		partner_involvement_stars: DF.Int
		period: DF.Data | None
		period_type: DF.Literal["Quarter", "Year"]
		projects_initiated: DF.Int
		published_institutional_info: DF.Int
		published_local_news: DF.Int
		published_other: DF.Int
		published_prevention: DF.Int
		published_structure_info: DF.Int
		published_youth_articles: DF.Int
		quality_of_contacts_rated: DF.Int
		quality_of_contacts_stars: DF.Int
		quarter: DF.Literal["", "Q1", "Q2", "Q3", "Q4"]
		short_contacts: DF.Int
		year: DF.Int
		young_friends: DF.Int
		youths_contacted: DF.Int
		youths_met_after_contact: DF.Int
	# end: auto-generated types
	pass


def on_doctype_update():
	"""The reports read the rows of a year (of a department) through this index."""
	frappe.db.add_index("PdN Evaluation Rollup", ["period_type", "year", "department"])
