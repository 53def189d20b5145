"""French messages for the convention rules of :mod:`pdn_frappe.domain.conventions`."""

from __future__ import annotations

import frappe
from frappe import _

from pdn_frappe import exceptions
from pdn_frappe.domain.conventions import ConventionRuleError

_ERRORS = {
	"invalid_status": exceptions.ConventionStatusError,
	"invalid_transition": exceptions.ConventionStatusError,
	"end_before_start": exceptions.ConventionPeriodError,
	"subsidy_year_outside_period": exceptions.SubsidyScheduleError,
	"subsidy_year_twice": exceptions.SubsidyScheduleError,
	"subsidy_amount_not_positive": exceptions.SubsidyScheduleError,
	"subsidy_paid_too_early": exceptions.SubsidyScheduleError,
}


def _message(error: ConventionRuleError) -> str:
	values = error.values
	if error.code == "invalid_status":
		return _("{0} is not a status of a convention.").format(frappe.bold(values[0]))
	if error.code == "invalid_transition":
		return _("A convention cannot go from {0} to {1}.").format(
			frappe.bold(_(values[0])), frappe.bold(_(values[1]))
		)
	if error.code == "end_before_start":
		return _("The convention must end after it starts: {0} is not after {1}.").format(
			frappe.bold(frappe.format(values[1], "Date")), frappe.bold(frappe.format(values[0], "Date"))
		)
	if error.code == "subsidy_year_outside_period":
		return _("Subsidy schedule, row {0}: {1} is not a year of the convention ({2} to {3}).").format(
			values[0], frappe.bold(values[1]), values[2], values[3]
		)
	if error.code == "subsidy_year_twice":
		return _("Subsidy schedule, row {0}: the year {1} is already planned.").format(
			values[0], frappe.bold(values[1])
		)
	if error.code == "subsidy_amount_not_positive":
		return _("Subsidy schedule, row {0}: enter the amount of the subsidy for {1}.").format(
			values[0], frappe.bold(values[1])
		)
	if error.code == "subsidy_paid_too_early":
		return _("Subsidy schedule, row {0}: the payment date is too early for the subsidy of {1}.").format(
			values[0], frappe.bold(values[1])
		)
	return str(error)


def throw_rule(error: ConventionRuleError) -> None:
	frappe.throw(
		_message(error),
		exc=_ERRORS.get(error.code, exceptions.PdnValidationError),
		title=_("Invalid convention"),
	)


def apply_rule(rule, *args):
	"""Call a domain rule; turn its error into a French message."""
	try:
		return rule(*args)
	except ConventionRuleError as error:
		throw_rule(error)
