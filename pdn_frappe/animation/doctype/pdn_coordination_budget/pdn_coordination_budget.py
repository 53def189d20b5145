# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from pdn_frappe import errors, exceptions
from pdn_frappe.domain import coordination
from pdn_frappe.network import privacy

FREE_TEXT_FIELDS = ("note",)


class PdNCoordinationBudget(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.animation.doctype.pdn_coordination_co_funder.pdn_coordination_co_funder import (
			PdNCoordinationCofunder,
		)

		caf_funding: DF.Currency
		caf_share: DF.Percent
		co_funders: DF.Table[PdNCoordinationCofunder]
		co_funding: DF.Currency
		department: DF.Link
		fte: DF.Float
		funding_per_fte: DF.Currency
		note: DF.SmallText | None
		title: DF.Data | None
		total_budget: DF.Currency
		year: DF.Int
	# end: auto-generated types

	def validate(self):
		self.validate_year()
		self.validate_unique()
		self.set_totals()
		self.validate_free_texts()
		self.set_title()

	def validate_year(self):
		errors.checked(coordination.check_year, self.year)

	def validate_unique(self):
		"""One budget a department and a year (the name says so too)."""
		other = frappe.db.get_value(
			self.doctype,
			{
				"department": self.department,
				"year": self.year,
				# a new record already carries the name it would take
				"name": ("!=", "" if self.is_new() else self.name),
			},
			"name",
		)
		if other:
			frappe.throw(
				_("The coordination of this department already has a budget for {0}: {1}.").format(
					frappe.bold(self.year), frappe.bold(other)
				),
				exc=exceptions.DuplicateBudgetError,
				title=_("Budget already recorded"),
			)

	def set_totals(self):
		for row in self.co_funders:
			row.funder = " ".join((row.funder or "").split())
		totals = errors.checked(
			coordination.budget_totals,
			self.funding_per_fte,
			self.fte,
			[(row.funder, row.amount) for row in self.co_funders],
		)
		self.caf_funding = totals.caf_funding
		self.co_funding = totals.co_funding
		self.total_budget = totals.total
		self.caf_share = totals.caf_share or 0

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS)

	def set_title(self):
		name = frappe.db.get_value("PdN Department", self.department, "department_name") or self.department
		self.title = _("Coordination budget {0} – {1}").format(self.year, name)
