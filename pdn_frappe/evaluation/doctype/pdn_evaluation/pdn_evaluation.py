# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_fullname, get_link_to_form, getdate, nowdate

from pdn_frappe import exceptions
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period, quarter_value
from pdn_frappe.evaluation import rollup, utils
from pdn_frappe.network import privacy, scope

#: fields copied from the promeneur while the questionnaire is a draft
PROMENEUR_FIELDS = {
	"promeneur_name": "full_name",
	"promeneur_email": "email",
	"structure": "structure",
	"department": "department",
	"mission": "mission",
	"profession": "profession",
}
STATUSES = {0: "Draft", 1: "Submitted", 2: "Cancelled"}


class PdNEvaluation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.evaluation.doctype.pdn_evaluation_network.pdn_evaluation_network import (
			PdNEvaluationNetwork,
		)
		from pdn_frappe.evaluation.doctype.pdn_evaluation_theme.pdn_evaluation_theme import PdNEvaluationTheme

		age_12_14: DF.Int
		age_15_17: DF.Int
		age_18_20: DF.Int
		age_21_25: DF.Int
		age_under_12: DF.Int
		amended_from: DF.Link | None
		channel_diversity: DF.Rating
		department: DF.Link | None
		device_computer: DF.Check
		device_console: DF.Check
		device_smartphone: DF.Check
		device_tablet: DF.Check
		difficulties: DF.SmallText | None
		due_date: DF.Date | None
		exchanges_per_week: DF.Int
		hours_online: DF.Float
		impact_on_youths: DF.Rating
		interactions_information: DF.Int
		interactions_listening: DF.Int
		interactions_prevention: DF.Int
		interactions_project_support: DF.Int
		interactions_referral: DF.Int
		interactions_simple_exchange: DF.Int
		interest_network: DF.Rating
		interest_online_presence: DF.Rating
		interest_trainings: DF.Rating
		mission: DF.Literal["Youth", "Parenting", "Youth and parenting"]
		networks: DF.TableMultiSelect[PdNEvaluationNetwork]
		new_youths_contacted: DF.Int
		parents_contacted: DF.Int
		partner_involvement: DF.Rating
		period: DF.Data | None
		period_end: DF.Date | None
		period_start: DF.Date | None
		period_type: DF.Literal["Quarter", "Year"]
		profession: DF.Link | None
		projects_initiated: DF.Int
		promeneur: DF.Link
		promeneur_email: DF.Data | None
		promeneur_name: DF.Data | None
		published_institutional_info: DF.Check
		published_local_news: DF.Check
		published_other: DF.Check
		published_other_text: DF.Data | None
		published_prevention: DF.Check
		published_structure_info: DF.Check
		published_youth_articles: DF.Check
		quality_of_contacts: DF.Rating
		quarter: DF.Literal["", "Q1", "Q2", "Q3", "Q4"]
		remarks: DF.SmallText | None
		reopen_reason: DF.SmallText | None
		short_contacts: DF.Int
		status: DF.Literal["Draft", "Submitted", "Cancelled"]
		structure: DF.Link | None
		submitted_on: DF.Date | None
		themes: DF.TableMultiSelect[PdNEvaluationTheme]
		title: DF.Data | None
		training_needs: DF.SmallText | None
		year: DF.Int
		young_friends: DF.Int
		youths_contacted: DF.Int
		youths_met_after_contact: DF.Int
	# end: auto-generated types

	def autoname(self):
		self.set_period()
		self.name = evaluation_name(self.promeneur, self.period)

	def validate(self):
		self.apply_web_form_permissions()
		self.set_promeneur_details()
		self.set_period()
		self.validate_period_started()
		self.validate_unique_period()
		self.set_title()
		self.set_status()
		self.clean_multiselects()
		self.validate_figures()
		self.validate_free_texts()

	def before_submit(self):
		self.validate_complete()
		self.submitted_on = nowdate()
		self.set_status()

	def on_submit(self):
		rollup.add(self)

	def on_cancel(self):
		self.db_set("status", STATUSES[2])
		rollup.remove(self)

	# ------------------------------------------------------------ validate

	def apply_web_form_permissions(self):
		"""The web form inserts with ``ignore_permissions``: check the logged-in user's own rights."""
		if (
			frappe.flags.in_web_form
			and self.is_new()
			and not frappe.has_permission(self.doctype, "create", self)
		):
			self.raise_no_permission_to("create")

	def set_promeneur_details(self):
		if not self.promeneur:
			self.promeneur = frappe.db.get_value("PdN Promeneur", {"user": frappe.session.user}, "name")
		if not self.promeneur:
			frappe.throw(
				_("Choose the promeneur who answers the questionnaire."),
				exc=frappe.MandatoryError,
				title=_("Missing value"),
			)
		if self.docstatus == 0:
			values = frappe.db.get_value(
				"PdN Promeneur", self.promeneur, list(PROMENEUR_FIELDS.values()), as_dict=True
			)
			for fieldname, source in PROMENEUR_FIELDS.items():
				self.set(fieldname, values.get(source))

	def get_period(self) -> Period:
		return utils.period_of(self)

	def set_period(self):
		period = self.get_period()
		self.quarter = quarter_value(period.quarter)
		self.period = period.key
		self.period_start = period.start
		self.period_end = period.end
		if self.docstatus == 0 or not self.due_date:
			self.due_date = utils.due_date_of(period)

	def validate_period_started(self):
		period = self.get_period()
		if not rules.is_started(period, getdate(nowdate())):
			frappe.throw(
				_("The period {0} has not started yet: its questionnaire can be filled from {1}.").format(
					frappe.bold(utils.period_label(period)), frappe.bold(utils.format_day(period.start))
				),
				exc=exceptions.InvalidEvaluationPeriodError,
				title=_("Invalid period"),
			)

	def validate_unique_period(self):
		other = frappe.db.get_value(
			"PdN Evaluation",
			{
				"promeneur": self.promeneur,
				"period": self.period,
				"docstatus": ("<", 2),
				"name": ("!=", self.name or ""),
			},
			"name",
		)
		if other:
			frappe.throw(
				_(
					"{0} already has a questionnaire for {1}: {2}. Open it instead of creating another one."
				).format(
					frappe.bold(self.promeneur_name or self.promeneur),
					frappe.bold(utils.period_label(self.get_period())),
					get_link_to_form("PdN Evaluation", other),
				),
				exc=exceptions.DuplicateEvaluationError,
				title=_("Questionnaire already exists"),
			)

	def set_title(self):
		""" "Camille Martin · T1 2026": the period as users read it (the key stays in ``period``)."""
		self.title = f"{self.promeneur_name or self.promeneur} · {utils.period_label(self.get_period())}"

	def set_status(self):
		self.status = STATUSES[int(self.docstatus or 0)]

	def clean_multiselects(self):
		"""Each network and theme once."""
		for tablefield, linkfield in (("networks", "network"), ("themes", "theme")):
			seen = set()
			rows = []
			for row in self.get(tablefield):
				value = row.get(linkfield)
				if value and value not in seen:
					seen.add(value)
					rows.append(row)
			self.set(tablefield, rows)

	def validate_figures(self):
		problems = rules.check_indicators(self.as_dict(), self.get_period())
		utils.throw_problems(
			problems, self.meta, exceptions.InconsistentEvaluationError, _("Inconsistent figures")
		)

	def validate_free_texts(self):
		privacy.check_free_texts(self, rules.FREE_TEXT_FIELDS)

	def validate_complete(self):
		networks = [row.network for row in self.networks]
		problems = rules.check_complete(self.as_dict(), networks)
		utils.throw_problems(
			problems, self.meta, exceptions.IncompleteEvaluationError, _("Questionnaire incomplete")
		)

	# ------------------------------------------------------------ reopening

	@scope.record_method("write")
	def reopen(self, reason: str) -> str:
		"""Cancel this submitted questionnaire and give the promeneur an amended draft to correct.

		Only users who may cancel and amend it (the coordination and the CAF of its department) can;
		the reason goes to the timeline of both questionnaires and is shown to the promeneur.
		"""
		self.check_permission("cancel")
		self.check_permission("amend")
		if self.docstatus != 1:
			frappe.throw(
				_("Only a submitted questionnaire can be reopened."),
				exc=exceptions.EvaluationReopenError,
				title=_("Cannot reopen"),
			)
		reason = (reason or "").strip()
		if not reason:
			frappe.throw(
				_("Give the reason for reopening: the promeneur will read it."),
				exc=exceptions.EvaluationReopenError,
				title=_("Reason missing"),
			)
		privacy.check_text(reason, _("Reason for reopening"))

		self.cancel()
		draft = frappe.copy_doc(self)
		draft.docstatus = 0
		draft.amended_from = self.name
		draft.reopen_reason = reason
		draft.flags.ignore_permissions = True  # the CAF may reopen without being allowed to fill in
		draft.insert()

		comment = _("Reopened by {0}: {1}").format(get_fullname(frappe.session.user), reason)
		self.add_comment("Comment", comment)
		draft.add_comment("Comment", comment)
		return draft.name


def evaluation_name(promeneur: str, period_key: str) -> str:
	"""EVAL-<promeneur>-<period>, with a -1, -2... suffix for the drafts of reopened questionnaires."""
	base = f"EVAL-{promeneur}-{period_key}"
	name, suffix = base, 0
	while frappe.db.exists("PdN Evaluation", name):
		suffix += 1
		name = f"{base}-{suffix}"
	return name


def on_doctype_update():
	"""Composite indexes of the reports and of the one-questionnaire-per-period check."""
	frappe.db.add_index("PdN Evaluation", ["period_type", "year", "quarter", "docstatus"])
	frappe.db.add_index("PdN Evaluation", ["department", "period_type", "year", "docstatus"])
	# the one-questionnaire-per-period check, and each promeneur's questionnaires in the reports
	frappe.db.add_index("PdN Evaluation", ["promeneur", "period", "docstatus", "submitted_on"])
	# every column the count of promeneurs who answered reads (pdn_frappe.evaluation.aggregates)
	frappe.db.add_index(
		"PdN Evaluation", ["docstatus", "period_type", "year", "department", "period", "promeneur"]
	)
	# a structure's questionnaires (its manager's reports are added up from them)
	frappe.db.add_index("PdN Evaluation", ["structure", "period_type", "year", "docstatus"])
	frappe.db.add_index("PdN Evaluation Network", ["parent", "parenttype", "parentfield", "network"])
