"""The promeneur's questionnaire web form (/evaluation).

The web form runs with the promeneur's own permissions ("apply document permissions"): their User
Permission on their own PdN Promeneur record limits the list and every questionnaire they open to
their own. A new questionnaire is prefilled with the period to answer and the promeneur's
networks; an existing one for the same period is opened instead of creating a duplicate. Once
submitted, a questionnaire is read-only.
"""

import frappe
from frappe import _
from frappe.utils import cint

from pdn_frappe.domain.periods import QUARTER, PeriodError, make_period, quarter_value
from pdn_frappe.evaluation import api

ROUTE = "evaluation"

#: strings of evaluation.js, translated here because a web form only loads its own labels
JS_MESSAGES = (
	"Submit the questionnaire",
	"Once submitted, your questionnaire can no longer be changed. Submit it now?",
	"Questionnaire submitted",
	"Submitted on {0}: this questionnaire can no longer be changed.",
	"Reopened by the coordination: {0}",
	"Your login is not linked to a promeneur: ask your coordination to create your access.",
)


def get_context(context):
	name = frappe.form_dict.name
	evaluation = {"messages": {message: _(message) for message in JS_MESSAGES}}
	if name:
		# another promeneur's questionnaire: not even its state is shown
		if frappe.db.exists(api.DOCTYPE, name) and not frappe.has_permission(api.DOCTYPE, "read", doc=name):
			raise frappe.PermissionError
		values = frappe.db.get_value(
			api.DOCTYPE, name, ["docstatus", "submitted_on", "reopen_reason"], as_dict=True
		)
		if values and values.docstatus:
			if frappe.form_dict.is_edit:
				frappe.redirect(f"/{ROUTE}/{name}")
			context.allow_edit = 0
			context.web_form_doc.allow_edit = 0
		if values:
			evaluation.update(
				docstatus=values.docstatus,
				submitted_on=str(values.submitted_on or ""),
				reopen_reason=values.reopen_reason,
			)
	elif frappe.form_dict.is_new:
		evaluation["defaults"] = new_questionnaire_defaults()
	context.pdn_evaluation = evaluation
	if frappe.form_dict.is_new:
		# Frappe writes "New {0}" around the form's English title
		context.title = _("New activity questionnaire")
	return context


def new_questionnaire_defaults() -> dict:
	"""Prefill values of a new questionnaire; opens the existing one of the period asked for, if any."""
	promeneur = api.own_promeneur()
	if not promeneur:
		return {"no_promeneur": 1}
	defaults = api.new_evaluation_defaults(promeneur)
	asked = frappe.form_dict
	if asked.get("year"):
		try:
			period = make_period(
				asked.get("period_type") or QUARTER, cint(asked.get("year")), asked.get("quarter")
			)
		except PeriodError:
			period = None
		if period:
			existing = frappe.db.get_value(
				api.DOCTYPE,
				{"promeneur": promeneur, "period": period.key, "docstatus": ("<", 2)},
				["name", "docstatus"],
				as_dict=True,
			)
			if existing:
				frappe.redirect(f"/{ROUTE}/{existing.name}" + ("" if existing.docstatus else "/edit"))
			defaults.update(
				period_type=period.period_type, year=period.year, quarter=quarter_value(period.quarter)
			)
	return defaults


def get_list_context(context):
	"""The list shows the questionnaires the user may read, cancelled ones left out."""
	context.filters = {"docstatus": ("<", 2)}
	return context
