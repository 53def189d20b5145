"""Domain errors in French: the one table from error codes to messages and exception classes.

The rules of :mod:`pdn_frappe.domain` report what they refuse with a stable ``code`` and the
``values`` a message shows: a raised :class:`~pdn_frappe.domain.errors.DomainError`, or the listed
problems of a form (the application form's ``FieldError``, the questionnaire's ``Problem``).
:data:`MESSAGES` maps each ``(kind, code)`` to its French sentence (a source string of
``locale/fr.po``), the exception class the app raises (:mod:`pdn_frappe.exceptions`, so that tests
can assert it) and how each placeholder is filled. :func:`throw` is the one bridge every module
calls, :func:`checked` runs a rule through it and :func:`message` gives the sentence alone (for
the lists of a form)::

        try:
            doc.set(fieldname, validation.normalize_email(value))
        except DomainError as error:
            errors.throw(error, label=_(doc.meta.get_label(fieldname)))

Values quoted in a message are escaped (``escape_html``) and bold; ``context`` brings what only the
caller knows (the label of the field, the name of the department...). Every module may import this
one: it depends only on Frappe, :mod:`pdn_frappe.exceptions` and the domain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import NoReturn

import frappe
from frappe import _, _lt
from frappe.utils import escape_html, format_date, format_datetime

from pdn_frappe import exceptions
from pdn_frappe.domain.errors import DomainError
from pdn_frappe.domain.retention import MAX_MONTHS

#: fills one placeholder of a message from the error's values and the caller's context
Arg = Callable[[tuple, Mapping], object]

#: the kinds of :class:`DomainError` (its ``kind``) and of listed problems
VALIDATION = "validation"
FORM = "form"
PERIOD = "period"
QUESTIONNAIRE = "questionnaire"
ANIMATION = "animation"
CONVENTION = "convention"
LIFECYCLE = "lifecycle"
RETENTION = "retention"
RESOURCE_PROPOSAL = "resource_proposal"
NATIONAL_REGISTRATION = "national_registration"
COMMITTEE = "committee"
COORDINATION = "coordination"
STRUCTURE_REQUEST = "structure_request"

#: kinds that fall back on another one for the codes they do not name (the application form
#: reports the same invalid e-mail addresses or SIRETs as the desk)
FALLBACK = {FORM: VALIDATION}

#: the code of the message a kind shows for a code it does not know
OTHER = "*"


# ---------------------------------------------------------------- placeholders

#: where a placeholder reads its value: the error's values by position, the caller's context by name
Source = int | str


def _pick(values: tuple, context: Mapping, source: Source) -> object:
	if isinstance(source, str):
		return context.get(source)
	return values[source] if source < len(values) else None


def _bold(found: object) -> str:
	if found is None or found == "":
		return ""
	return frappe.bold(escape_html(str(found)))


def value(source: Source = 0, bold: bool = True) -> Arg:
	"""The value, escaped, bold unless told ("" when there is none)."""

	def fill(values: tuple, context: Mapping) -> str:
		found = _pick(values, context, source)
		if not bold:
			return escape_html(str(found if found is not None else ""))
		return _bold(found)

	return fill


def translated(source: Source = 0) -> Arg:
	"""A status or another Select value: translated, escaped and bold."""

	def fill(values: tuple, context: Mapping) -> str:
		found = _pick(values, context, source)
		return _bold(_(found) if isinstance(found, str) else found)

	return fill


def date(source: Source = 0, bold: bool = True) -> Arg:
	"""A date, formatted the user's way."""

	def fill(values: tuple, context: Mapping) -> str:
		text = format_date(_pick(values, context, source))
		return frappe.bold(text) if bold else text

	return fill


def moment(source: Source = 0) -> Arg:
	"""A date and time, formatted the user's way, bold."""
	return lambda values, context: frappe.bold(format_datetime(_pick(values, context, source)))


def number(source: Source = 0) -> Arg:
	"""A figure: whole numbers without decimals, others rounded to two, bold."""

	def fill(values: tuple, context: Mapping) -> str:
		found = _pick(values, context, source)
		try:
			figure = float(str(found).replace(",", ".").strip()) if found not in (None, "") else 0.0
		except (TypeError, ValueError):
			return _bold(found)
		return frappe.bold(int(figure) if figure.is_integer() else round(figure, 2))

	return fill


def megabytes(source: Source = 0) -> Arg:
	"""A size in bytes, shown in megabytes with one decimal."""

	def fill(values: tuple, context: Mapping) -> str:
		size = int(_pick(values, context, source) or 0)
		return frappe.format_value(size / (1024 * 1024), {"fieldtype": "Float", "precision": 1})

	return fill


def safe(name: str) -> Arg:
	"""Text of the caller's context that is already safe HTML: a translated label, a link built by
	the app, the list of the kinds of contact details found."""
	return lambda values, context: context.get(name, "")


def fixed(text: object, bold: bool = True) -> Arg:
	"""A constant of the message: a number, or a label given as ``_lt("...")``."""
	return lambda values, context: frappe.bold(str(text)) if bold else str(text)


#: the label of the field the message is about, as the caller translated it
LABEL = safe("label")


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Message:
	"""One message of the table: its source string, the exception raised and its placeholders."""

	text: object
	exc: type[Exception] = exceptions.PdnValidationError
	args: tuple[Arg, ...] = ()
	title: object | None = None


#: the title of the dialog of each kind of raised error, unless the message names its own
TITLES = {
	VALIDATION: _lt("Invalid value"),
	PERIOD: _lt("Invalid period"),
	ANIMATION: _lt("Not possible"),
	CONVENTION: _lt("Invalid convention"),
	LIFECYCLE: _lt("Change of status"),
	COMMITTEE: _lt("Invalid decision"),
	COORDINATION: _lt("Invalid value"),
	RETENTION: _lt("Invalid value"),
	RESOURCE_PROPOSAL: _lt("Proposal to the address book"),
	NATIONAL_REGISTRATION: _lt("National site"),
	STRUCTURE_REQUEST: _lt("Structure request"),
}

NO_OPEN_CALL = _lt("No open call for applications")
ATTACHMENT_REFUSED = _lt("Attachment refused")
REASON_REQUIRED = _lt("Reason required")

MESSAGES: dict[tuple[str, str], Message] = {
	# values of fields (desk and forms); ``label`` names the field
	(VALIDATION, "invalid_siret"): Message(
		_lt("{0}: {1} is not a valid SIRET number. A SIRET has 14 digits and its check digit must be right."),
		exceptions.InvalidSiretError,
		(LABEL, value()),
	),
	(VALIDATION, "invalid_email"): Message(
		_lt("{0}: {1} is not a valid e-mail address."), exceptions.InvalidEmailError, (LABEL, value())
	),
	(VALIDATION, "invalid_phone"): Message(
		_lt("{0}: {1} is not a valid French phone number (10 digits, such as 04 70 12 34 56)."),
		exceptions.InvalidPhoneError,
		(LABEL, value()),
	),
	(VALIDATION, "invalid_postcode"): Message(
		_lt("{0}: {1} is not a valid French postcode (5 digits)."),
		exceptions.InvalidPostcodeError,
		(LABEL, value()),
	),
	(VALIDATION, "postcode_department_mismatch"): Message(
		_lt("Postcode {0} is not in the department {1}. Check the postcode or the department."),
		exceptions.PostcodeDepartmentMismatchError,
		(value(), value("department")),
	),
	(VALIDATION, "weekly_hours_too_low"): Message(
		_lt("{0}: a promeneur commits to at least 2 hours online a week, not {1}."),
		exceptions.WeeklyHoursError,
		(LABEL, value()),
	),
	(VALIDATION, "invalid_weekly_hours"): Message(
		_lt("{0}: {1} is not a possible number of weekly hours."),
		exceptions.WeeklyHoursError,
		(LABEL, value()),
	),
	(VALIDATION, "invalid_url"): Message(
		_lt("{0}: {1} is not a web address starting with https:// or http://."),
		exceptions.InvalidUrlError,
		(LABEL, value()),
	),
	(VALIDATION, "attachment_type"): Message(
		_lt("{0}: the file {1} is not accepted. Attach a PDF, JPEG or PNG file."),
		exceptions.InvalidAttachmentError,
		(LABEL, value()),
		ATTACHMENT_REFUSED,
	),
	(VALIDATION, "attachment_too_large"): Message(
		_lt("{0}: the file is too large ({1} MB); the limit is {2} MB."),
		exceptions.InvalidAttachmentError,
		(LABEL, megabytes(), value("max_mb", bold=False)),
		ATTACHMENT_REFUSED,
	),
	(VALIDATION, "attachment_empty"): Message(
		_lt("{0}: the file {1} could not be read. Attach it again."),
		exceptions.InvalidAttachmentError,
		(LABEL, value()),
		ATTACHMENT_REFUSED,
	),
	(VALIDATION, "attachment_unreadable"): Message(
		_lt("{0}: the file {1} could not be read. Attach it again."),
		exceptions.InvalidAttachmentError,
		(LABEL, value()),
		ATTACHMENT_REFUSED,
	),
	(VALIDATION, OTHER): Message(
		_lt("{0}: invalid value {1}."), exceptions.PdnValidationError, (LABEL, value())
	),
	# calls for applications and their review
	(VALIDATION, "closing_before_opening"): Message(
		_lt("The closing date {0} cannot come before the opening date {1}."),
		exceptions.InvalidCallDatesError,
		(date(0), date(1)),
	),
	(VALIDATION, "no_open_call"): Message(
		_lt("No call for applications is open in the department {0} today. See the open calls on {1}."),
		exceptions.ApplicationCallClosedError,
		(value("department"), safe("calls_page")),
		NO_OPEN_CALL,
	),
	(VALIDATION, "call_closed"): Message(
		_lt(
			"The call for applications {0} does not accept applications any more: it was open from {1} to {2}. See the open calls on {3}."
		),
		exceptions.ApplicationCallClosedError,
		(value("call"), date("opening", bold=False), date("closing", bold=False), safe("calls_page")),
		NO_OPEN_CALL,
	),
	(VALIDATION, "call_not_for_department"): Message(
		_lt("The call for applications {0} does not cover the department {1}."),
		exceptions.ApplicationCallClosedError,
		(value("call"), value("department")),
		NO_OPEN_CALL,
	),
	(VALIDATION, "rejection_reason_required"): Message(
		_lt("To refuse an application, write the reason in {0}: it is sent to the applicant."),
		exceptions.DecisionReasonRequiredError,
		(fixed(_lt("Reason for the refusal")),),
		REASON_REQUIRED,
	),
	(VALIDATION, "correction_request_required"): Message(
		_lt("To return an application for correction, write what to correct in {0}."),
		exceptions.DecisionReasonRequiredError,
		(fixed(_lt("Corrections requested")),),
		REASON_REQUIRED,
	),
	# answers of the public application form (other codes: VALIDATION's)
	(FORM, "required"): Message(
		_lt("{0}: this field is required."), exceptions.InvalidApplicationError, (LABEL,)
	),
	(FORM, "postcode_department_mismatch"): Message(
		_lt("{0}: {1} is not in the chosen department. Check the postcode or the department."),
		exceptions.InvalidApplicationError,
		(LABEL, value()),
	),
	(FORM, "too_long"): Message(
		_lt("{0}: the text is too long ({1} characters at most)."),
		exceptions.InvalidApplicationError,
		(LABEL, value(bold=False)),
	),
	(FORM, "invalid_choice"): Message(
		_lt("{0}: {1} is not one of the proposed choices."),
		exceptions.InvalidApplicationError,
		(LABEL, value()),
	),
	(FORM, "no_network"): Message(
		_lt("{0}: choose at least one social network, or describe another one."),
		exceptions.InvalidApplicationError,
		(LABEL,),
	),
	(FORM, "no_public"): Message(
		_lt("{0}: tick at least one public."), exceptions.InvalidApplicationError, (LABEL,)
	),
	(FORM, "other_text_missing"): Message(
		_lt("{0}: please specify."), exceptions.InvalidApplicationError, (LABEL,)
	),
	(FORM, "charter_not_acknowledged"): Message(
		_lt("{0}: tick this box; the charter must be read and accepted."),
		exceptions.InvalidApplicationError,
		(LABEL,),
	),
	(FORM, "attachment_required"): Message(
		_lt("{0}: attach this document (PDF, JPEG or PNG)."), exceptions.InvalidApplicationError, (LABEL,)
	),
	(FORM, "contact_details_in_text"): Message(
		_lt(
			"{0}: write no young person's contact details or network handle here; this text holds {1}. Your own contact details go in the contact fields."
		),
		exceptions.PersonalDataError,
		(LABEL, safe("kinds")),
	),
	# periods of the questionnaire
	(PERIOD, "invalid_quarter"): Message(
		_lt("Choose the quarter of the questionnaire (1 to 4)."), exceptions.InvalidEvaluationPeriodError
	),
	(PERIOD, "invalid_year"): Message(
		_lt("{0} is not a possible year for a questionnaire."),
		exceptions.InvalidEvaluationPeriodError,
		(value(),),
	),
	(PERIOD, OTHER): Message(
		_lt("{0} is not a possible period type."), exceptions.InvalidEvaluationPeriodError, (value(),)
	),
	# figures of the questionnaire; ``label`` names the field, ``other`` the field compared with
	(QUESTIONNAIRE, "negative"): Message(
		_lt("{0} cannot be negative ({1})."), exceptions.InconsistentEvaluationError, (LABEL, number())
	),
	(QUESTIONNAIRE, "not_whole"): Message(
		_lt("{0} must be a whole number, not {1}."), exceptions.InconsistentEvaluationError, (LABEL, number())
	),
	(QUESTIONNAIRE, "not_a_number"): Message(
		_lt("{0}: {1} is not a number."), exceptions.InconsistentEvaluationError, (LABEL, value())
	),
	(QUESTIONNAIRE, "hours_exceed_period"): Message(
		_lt("{0}: {1} hours is more than the {2} hours the whole period lasts."),
		exceptions.InconsistentEvaluationError,
		(LABEL, number(0), number(1)),
	),
	(QUESTIONNAIRE, "part_exceeds_total"): Message(
		_lt("{0} ({1}) cannot be more than {2} ({3})."),
		exceptions.InconsistentEvaluationError,
		(LABEL, number(0), safe("other"), number(1)),
	),
	(QUESTIONNAIRE, "age_bands_exceed_total"): Message(
		_lt("The age bands add up to {0} young people, more than the {1} young people you exchanged with."),
		exceptions.InconsistentEvaluationError,
		(number(0), number(1)),
	),
	(QUESTIONNAIRE, "activity_without_contacts"): Message(
		_lt("You report exchanges or projects but nobody you exchanged with: fill in {0} or {1}."),
		exceptions.InconsistentEvaluationError,
		(safe("youths"), safe("parents")),
	),
	(QUESTIONNAIRE, "invalid_rating"): Message(
		_lt("{0}: give a rating from 1 to 5 stars."), exceptions.InconsistentEvaluationError, (LABEL,)
	),
	(QUESTIONNAIRE, "no_network"): Message(
		_lt("Choose at least one network used during the period."), exceptions.IncompleteEvaluationError
	),
	(QUESTIONNAIRE, "missing_rating"): Message(
		_lt("{0}: give a rating from 1 to 5 stars."), exceptions.IncompleteEvaluationError, (LABEL,)
	),
	(QUESTIONNAIRE, OTHER): Message(
		_lt("{0}: invalid value."), exceptions.InconsistentEvaluationError, (LABEL,)
	),
	# the network's life: trainings, feedback, coordination activities
	(ANIMATION, "training_full"): Message(
		_lt("This training is full: its {0} seats are taken."), exceptions.TrainingFullError, (value(),)
	),
	(ANIMATION, "training_started"): Message(
		_lt("Registration is no longer possible: the training started on {0}."),
		exceptions.RegistrationError,
		(moment(),),
	),
	(ANIMATION, "over_capacity"): Message(
		_lt("{0} participants are registered or attended, but the training has {1} seats."),
		exceptions.TrainingFullError,
		(value(0), value(1)),
	),
	(ANIMATION, "invalid_hours"): Message(
		_lt("Hours: {0} is not possible for one activity (more than 0 and at most 24)."),
		exceptions.InvalidActivityError,
		(value(),),
	),
	(ANIMATION, "training_cancelled"): Message(
		_lt("This training was cancelled."), exceptions.RegistrationError
	),
	(ANIMATION, "registration_closed"): Message(
		_lt("Registration for this training is closed."), exceptions.RegistrationError
	),
	(ANIMATION, "already_registered"): Message(
		_lt("You are already registered for this training."), exceptions.RegistrationError
	),
	(ANIMATION, "not_registered"): Message(
		_lt("You are not registered for this training."), exceptions.RegistrationError
	),
	(ANIMATION, "ends_before_start"): Message(
		_lt("The end of the training must come after its start."), exceptions.InvalidTrainingError
	),
	(ANIMATION, "not_an_attendee"): Message(
		_lt("Only the promeneurs who attended a training can give feedback on it."),
		exceptions.NotAnAttendeeError,
	),
	# conventions
	(CONVENTION, "invalid_status"): Message(
		_lt("{0} is not a status of a convention."), exceptions.ConventionStatusError, (value(),)
	),
	(CONVENTION, "invalid_transition"): Message(
		_lt("A convention cannot go from {0} to {1}."),
		exceptions.ConventionStatusError,
		(translated(0), translated(1)),
	),
	(CONVENTION, "end_before_start"): Message(
		_lt("The convention must end after it starts: {0} is not after {1}."),
		exceptions.ConventionPeriodError,
		(date(1), date(0)),
	),
	(CONVENTION, "subsidy_year_outside_period"): Message(
		_lt("Subsidy schedule, row {0}: {1} is not a year of the convention ({2} to {3})."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1), value(2, bold=False), value(3, bold=False)),
	),
	(CONVENTION, "subsidy_year_twice"): Message(
		_lt("Subsidy schedule, row {0}: the year {1} is already planned."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	(CONVENTION, "subsidy_amount_not_positive"): Message(
		_lt("Subsidy schedule, row {0}: enter the amount of the subsidy for {1}."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	(CONVENTION, "subsidy_paid_too_early"): Message(
		_lt("Subsidy schedule, row {0}: the payment date is too early for the subsidy of {1}."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	# termination (model convention, article 7)
	(CONVENTION, "notice_too_short"): Message(
		_lt(
			"The notice is too short: a convention ends on an anniversary of its start, with three months' notice. With a notice given on {2}, the earliest end allowed is {1}, not {0}. The CAF may end it at once (immediate termination), giving the reason."
		),
		exceptions.ConventionTerminationError,
		(date(0), date(1), date(2)),
	),
	(CONVENTION, "termination_not_on_anniversary"): Message(
		_lt(
			"A convention ends with notice on an anniversary of its start only; {0} is not one. The earliest end allowed is {1}."
		),
		exceptions.ConventionTerminationError,
		(date(0), date(1)),
	),
	(CONVENTION, "notice_after_last_anniversary"): Message(
		_lt(
			"With a notice given on {1}, no anniversary of the convention is three months away before its end on {0}: it ends on that date, or the CAF ends it at once (immediate termination)."
		),
		exceptions.ConventionTerminationError,
		(date(0), date(1)),
	),
	(CONVENTION, "notice_in_future"): Message(
		_lt("The notice cannot be dated after today ({0})."), exceptions.ConventionTerminationError, (date(0),)
	),
	(CONVENTION, "termination_after_end"): Message(
		_lt("The convention ends on {1} anyway: it cannot be terminated on {0}."),
		exceptions.ConventionTerminationError,
		(date(0), date(1)),
	),
	(CONVENTION, "termination_before_start"): Message(
		_lt("A convention cannot end on {0}, before {1}."),
		exceptions.ConventionTerminationError,
		(date(0), date(1)),
	),
	(CONVENTION, "termination_reason_required"): Message(
		_lt("Give the reason for the termination."), exceptions.ConventionTerminationError
	),
	# amendments (model convention, article 6)
	(CONVENTION, "amendment_status"): Message(
		_lt("Only a signed or active convention can be amended; this one is {0}."),
		exceptions.ConventionAmendmentError,
		(translated(0),),
	),
	(CONVENTION, "amendment_empty"): Message(
		_lt("The amendment changes nothing: give new subsidies, a new end date or new representatives."),
		exceptions.ConventionAmendmentError,
	),
	(CONVENTION, "amendment_effective_outside"): Message(
		_lt("The amendment must take effect during the convention, from {1} to {2}; {0} is outside."),
		exceptions.ConventionAmendmentError,
		(date(0), date(1), date(2)),
	),
	(CONVENTION, "amendment_end_too_far"): Message(
		_lt("An amended convention lasts {1} years at most from its start: {0} is too far."),
		exceptions.ConventionAmendmentError,
		(date(0), value(1, bold=False)),
	),
	(CONVENTION, "amount_too_large"): Message(
		_lt("Row {0}: an amount cannot exceed {1} euros."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), number(1)),
	),
	(CONVENTION, "amendment_year_twice"): Message(
		_lt("New subsidies, row {0}: the year {1} is already given."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	(CONVENTION, "amendment_amount_negative"): Message(
		_lt("New subsidies, row {0}: the amount for {1} cannot be negative (0 removes the year)."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	(CONVENTION, "amendment_paid_year"): Message(
		_lt("New subsidies, row {0}: the subsidy of {1} is already paid and can no longer change."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	(CONVENTION, "amendment_removes_nothing"): Message(
		_lt("New subsidies, row {0}: the convention has no subsidy for {1} to remove."),
		exceptions.SubsidyScheduleError,
		(value(0, bold=False), value(1)),
	),
	# recoveries of unjustified sums and checks (model convention, article 5)
	(CONVENTION, "recovery_amount_not_positive"): Message(
		_lt("Sums to recover, row {0}: enter an amount above zero."),
		exceptions.ConventionRecoveryError,
		(value(0, bold=False),),
	),
	(CONVENTION, "recovery_reason_required"): Message(
		_lt("Sums to recover, row {0}: give the reason."), exceptions.ConventionRecoveryError, (value(0, bold=False),)
	),
	(CONVENTION, "recovery_due_date_required"): Message(
		_lt("Sums to recover, row {0}: enter the due date."),
		exceptions.ConventionRecoveryError,
		(value(0, bold=False),),
	),
	(CONVENTION, "invalid_recovery_status"): Message(
		_lt("Sums to recover, row {0}: {1} is not a status of a recovery."),
		exceptions.ConventionRecoveryError,
		(value(0, bold=False), value(1)),
	),
	(CONVENTION, "recovery_date_required"): Message(
		_lt("Sums to recover, row {0}: enter the date the sum was recovered."),
		exceptions.ConventionRecoveryError,
		(value(0, bold=False),),
	),
	(CONVENTION, "recovery_date_in_future"): Message(
		_lt("Sums to recover, row {0}: the date of recovery cannot be after today."),
		exceptions.ConventionRecoveryError,
		(value(0, bold=False),),
	),
	(CONVENTION, "check_date_required"): Message(
		_lt("Checks, row {0}: enter the date of the check."), exceptions.ConventionCheckError, (value(0, bold=False),)
	),
	(CONVENTION, "check_date_in_future"): Message(
		_lt("Checks, row {0}: the date of the check cannot be after today."),
		exceptions.ConventionCheckError,
		(value(0, bold=False),),
	),
	(CONVENTION, "check_by_required"): Message(
		_lt("Checks, row {0}: say who made the check."), exceptions.ConventionCheckError, (value(0, bold=False),)
	),
	(CONVENTION, "invalid_check_kind"): Message(
		_lt("Checks, row {0}: choose whether the check was on site or on documents."),
		exceptions.ConventionCheckError,
		(value(0, bold=False),),
	),
	(CONVENTION, "invalid_check_outcome"): Message(
		_lt("Checks, row {0}: choose an outcome from the list."),
		exceptions.ConventionCheckError,
		(value(0, bold=False),),
	),
	# the promeneur's lifecycle
	(LIFECYCLE, "invalid_transition"): Message(
		_lt("A promeneur cannot go from {0} to {1}."),
		exceptions.StatusChangeError,
		(translated(0), translated(1)),
	),
	(LIFECYCLE, "reason_required"): Message(
		_lt("Give the reason why the promeneur becomes {0}."), exceptions.StatusChangeError, (translated(0),)
	),
	(LIFECYCLE, "same_status"): Message(
		_lt("The promeneur already has the status {0}."), exceptions.StatusChangeError, (translated(0),)
	),
	(LIFECYCLE, OTHER): Message(_lt("This change of status is not possible."), exceptions.StatusChangeError),
	# proposals to the address book of resource people
	(RESOURCE_PROPOSAL, "author_cannot_propose"): Message(
		_lt("A promeneur whose status is {0} cannot propose anything to the address book."),
		exceptions.ResourceProposalError,
		(translated(0),),
	),
	(RESOURCE_PROPOSAL, "invalid_kind"): Message(
		_lt("{0} is not a kind of proposal."), exceptions.ResourceProposalError, (value(),)
	),
	(RESOURCE_PROPOSAL, "referent_with_new_person"): Message(
		_lt("A new resource person corrects no referent: leave the referent to correct empty."),
		exceptions.ResourceProposalError,
	),
	(RESOURCE_PROPOSAL, "name_required"): Message(
		_lt("Give the name of the resource person."), exceptions.ResourceProposalError
	),
	(RESOURCE_PROPOSAL, "referent_required"): Message(
		_lt("Choose the referent of the address book to correct."), exceptions.ResourceProposalError
	),
	(RESOURCE_PROPOSAL, "empty_correction"): Message(
		_lt("Say what to correct: change a field or write a message to the coordination."),
		exceptions.ResourceProposalError,
	),
	(RESOURCE_PROPOSAL, "invalid_decision"): Message(
		_lt("{0} is not a decision on a proposal."), exceptions.ResourceProposalError, (value(),)
	),
	(RESOURCE_PROPOSAL, "already_decided"): Message(
		_lt("This proposal has already been decided: {0}."),
		exceptions.ResourceProposalError,
		(translated(0),),
	),
	(RESOURCE_PROPOSAL, "refusal_reason_required"): Message(
		_lt("Give the reason for the refusal: the author of the proposal will read it."),
		exceptions.ResourceProposalError,
		(),
		REASON_REQUIRED,
	),
	# the registration of each promeneur on the national site
	(NATIONAL_REGISTRATION, "invalid_status"): Message(
		_lt("{0} is not a status of the registration on the national site."),
		exceptions.NationalRegistrationError,
		(value(),),
	),
	(NATIONAL_REGISTRATION, "nothing_to_do"): Message(
		_lt("There is nothing to do on the national site for this promeneur (registration: {0})."),
		exceptions.NationalRegistrationError,
		(translated(0),),
	),
	# retention of personal data; ``settings`` names the settings
	(RETENTION, "invalid_delay"): Message(
		_lt("The retention periods of {0} must lie between {1} and {2} months."),
		exceptions.SettingsBoundsError,
		(safe("settings"), fixed(1, bold=False), fixed(MAX_MONTHS, bold=False)),
	),
	# a structure's requests; ``labels`` are the translated labels of the fields concerned
	(STRUCTURE_REQUEST, "invalid_kind"): Message(
		_lt("{0} is not a kind of request."), exceptions.StructureRequestError, (value(),)
	),
	(STRUCTURE_REQUEST, "missing_fields"): Message(
		_lt("Fill in what this request needs: {0}."), exceptions.StructureRequestError, (safe("labels"),)
	),
	(STRUCTURE_REQUEST, "nothing_to_change"): Message(
		_lt("Give the new weekly hours or the new mission of the promeneur."), exceptions.StructureRequestError
	),
	(STRUCTURE_REQUEST, "invalid_budget"): Message(
		_lt("The subsidy requested must be an amount above zero and up to 1,000,000 euros, not {0}."),
		exceptions.StructureRequestError,
		(value(),),
	),
	(STRUCTURE_REQUEST, "invalid_year"): Message(
		_lt("{0} is not a possible year for a budget."), exceptions.StructureRequestError, (value(),)
	),
	(STRUCTURE_REQUEST, "invalid_hours"): Message(
		_lt("{0} hours a week is not a possible commitment (2 hours at least)."),
		exceptions.StructureRequestError,
		(value(),),
	),
	(STRUCTURE_REQUEST, "promeneur_other_structure"): Message(
		_lt("The promeneur of a request must work for the structure that files it."),
		exceptions.StructureRequestError,
	),
	(STRUCTURE_REQUEST, "promeneur_ended"): Message(
		_lt("This promeneur's mandate has already ended ({0})."),
		exceptions.StructureRequestError,
		(translated(0),),
	),
	(STRUCTURE_REQUEST, "effective_date_out_of_range"): Message(
		_lt("The effective date {0} is too far away: a change takes effect within a year of its request."),
		exceptions.StructureRequestError,
		(date(),),
	),
	(STRUCTURE_REQUEST, "convention_other_structure"): Message(
		_lt("The convention of a budget request must be the structure's own."), exceptions.StructureRequestError
	),
	(STRUCTURE_REQUEST, "already_decided"): Message(
		_lt("This request is {0}: it can no longer change. File a new request."),
		exceptions.StructureRequestError,
		(translated(0),),
	),
	(STRUCTURE_REQUEST, "filed_request_locked"): Message(
		_lt("This request has been sent to the coordination: {0} can no longer change. The coordination approves or refuses it."),
		exceptions.StructureRequestError,
		(safe("labels"),),
	),
	(STRUCTURE_REQUEST, "refusal_reason_required"): Message(
		_lt("Write the reason of the refusal: the structure reads it in the e-mail."),
		exceptions.StructureRequestError,
		(),
		REASON_REQUIRED,
	),
	# the steering committee's decisions beyond applications; ``row`` is the decision's row number
	(COMMITTEE, "invalid_kind"): Message(
		_lt("Decisions, row {0}: {1} is not a kind of decision."),
		exceptions.CommitteeDecisionError,
		(safe("row"), value()),
	),
	(COMMITTEE, "promeneur_required"): Message(
		_lt("Decisions, row {0}: choose the promeneur the decision is about."),
		exceptions.CommitteeDecisionError,
		(safe("row"),),
	),
	(COMMITTEE, "promeneur_other_department"): Message(
		_lt("Decisions, row {0}: the promeneur {1} belongs to another department than the meeting's."),
		exceptions.CommitteeDecisionError,
		(safe("row"), value()),
	),
	(COMMITTEE, "reason_required"): Message(
		_lt("Decisions, row {0}: write the reason of the decision in the note; it is sent to the structure."),
		exceptions.DecisionReasonRequiredError,
		(safe("row"),),
		REASON_REQUIRED,
	),
	(COMMITTEE, "promeneur_cannot_move"): Message(
		_lt("Decisions, row {0}: a promeneur cannot go from {1} to {2}."),
		exceptions.CommitteeDecisionError,
		(safe("row"), translated(0), translated(1)),
	),
	(COMMITTEE, "invalid_year"): Message(
		_lt("Decisions, row {0}: {1} is not a possible year for a target."),
		exceptions.CommitteeDecisionError,
		(safe("row"), value()),
	),
	(COMMITTEE, "past_year"): Message(
		_lt("Decisions, row {0}: the year {1} is over; a target is set for this year or a later one."),
		exceptions.CommitteeDecisionError,
		(safe("row"), value()),
	),
	(COMMITTEE, "invalid_target"): Message(
		_lt("Decisions, row {0}: the target must be a whole number of promeneurs from 1 to 10000, not {1}."),
		exceptions.CommitteeDecisionError,
		(safe("row"), value()),
	),
	(COMMITTEE, "subject_required"): Message(
		_lt("Decisions, row {0}: write the subject of the roadmap item."),
		exceptions.CommitteeDecisionError,
		(safe("row"),),
	),
	(COMMITTEE, "subject_too_long"): Message(
		_lt("Decisions, row {0}: the subject is too long ({1} characters at most)."),
		exceptions.CommitteeDecisionError,
		(safe("row"), value(bold=False)),
	),
	# the coordination's budget and its time by mission
	(COORDINATION, "invalid_mission"): Message(
		_lt("Mission: {0} is not one of the proposed choices."), exceptions.InvalidActivityError, (translated(),)
	),
	(COORDINATION, "invalid_parenting_hours"): Message(
		_lt("Of which hours for parenting: {0} is not possible; give from 0 to the {1} hours of the activity."),
		exceptions.InvalidActivityError,
		(value(), number(1)),
	),
	(COORDINATION, "invalid_year"): Message(
		_lt("{0} is not a possible year for a budget."), exceptions.CoordinationBudgetError, (value(),)
	),
	(COORDINATION, "invalid_fte"): Message(
		_lt("Full-time equivalents: give a number above 0 and at most 10, not {0}."),
		exceptions.CoordinationBudgetError,
		(value(),),
	),
	(COORDINATION, "invalid_amount"): Message(
		_lt("CAF funding per full-time equivalent: {0} is not a possible amount."),
		exceptions.CoordinationBudgetError,
		(value(),),
	),
	(COORDINATION, "funder_required"): Message(
		_lt("Co-funders, row {0}: give the name of the co-funder."),
		exceptions.CoordinationBudgetError,
		(value(bold=False),),
	),
	(COORDINATION, "funder_too_long"): Message(
		_lt("Co-funders, row {0}: the name is too long (140 characters at most)."),
		exceptions.CoordinationBudgetError,
		(value(bold=False),),
	),
	(COORDINATION, "funder_twice"): Message(
		_lt("Co-funders: {0} is listed twice."), exceptions.CoordinationBudgetError, (value(),)
	),
	(COORDINATION, "invalid_funder_amount"): Message(
		_lt("Co-funders, row {0}: give an amount above 0 and up to 10,000,000 euros, not {1}."),
		exceptions.CoordinationBudgetError,
		(value(0, bold=False), value(1)),
	),
}


# ---------------------------------------------------------------- the bridge


def lookup(kind: str, code: str) -> Message:
	"""The message of ``code`` for ``kind`` (or for the kind it falls back on), else the message of
	that kind for the codes it does not name, else a generic one naming the code."""
	fallback = FALLBACK.get(kind)
	for key in ((kind, code), (fallback, code), (kind, OTHER), (fallback, OTHER)):
		if key in MESSAGES:
			return MESSAGES[key]
	return Message(_lt("This is not possible ({0})."), exceptions.PdnValidationError, (fixed(code),))


def message(kind: str, code: str, values: Iterable = (), **context) -> str:
	"""The French sentence for ``code`` of ``kind``, its placeholders filled from ``values`` and
	``context``."""
	entry = lookup(kind, code)
	values = tuple(values)
	return str(entry.text).format(*(fill(values, context) for fill in entry.args))


def error_message(error: DomainError, **context) -> str:
	return message(error.kind, error.code, error.values, **context)


def throw(
	error: DomainError, *, title: str | None = None, exc: type[Exception] | None = None, **context
) -> NoReturn:
	"""Raise ``error`` as the app's exception class, with its French message (``frappe.throw``)."""
	entry = lookup(error.kind, error.code)
	frappe.throw(
		error_message(error, **context),
		exc=exc or entry.exc,
		title=title or str(entry.title or TITLES.get(error.kind) or _("Not possible")),
	)


def checked(rule: Callable, *args, **kwargs):
	"""``rule(*args, **kwargs)``; a :class:`DomainError` it raises is thrown in French."""
	try:
		return rule(*args, **kwargs)
	except DomainError as error:
		throw(error)
