"""Errors raised by pdn_frappe, so that callers and tests can tell them apart."""

import frappe


class PdnValidationError(frappe.ValidationError):
	"""Base class of every business-rule violation of the app."""


class InvalidSiretError(PdnValidationError):
	pass


class InvalidEmailError(PdnValidationError):
	pass


class InvalidPhoneError(PdnValidationError):
	pass


class InvalidPostcodeError(PdnValidationError):
	pass


class InvalidUrlError(PdnValidationError):
	pass


class StatusChangeError(PdnValidationError):
	"""A change of a promeneur's status that the lifecycle does not allow."""


class PostcodeDepartmentMismatchError(PdnValidationError):
	pass


class WeeklyHoursError(PdnValidationError):
	pass


class DuplicatePromeneurError(PdnValidationError):
	pass


class StructureHasPromeneursError(PdnValidationError):
	pass


class InvalidOfficeHourError(PdnValidationError):
	pass


class InvalidDocumentDatesError(PdnValidationError):
	pass


# Network life (animation): trainings, feedback, coordination reports, practice notes


class InvalidTrainingError(PdnValidationError):
	pass


class RegistrationError(PdnValidationError):
	pass


class TrainingFullError(RegistrationError):
	pass


class NotAPromeneurError(PdnValidationError):
	pass


class NotAnAttendeeError(PdnValidationError):
	pass


class DuplicateFeedbackError(PdnValidationError):
	pass


class InvalidActivityError(PdnValidationError):
	pass


class InvalidReportPeriodError(PdnValidationError):
	pass


class DuplicateReportError(PdnValidationError):
	pass


# evaluation: the promeneurs' periodic questionnaire


class InvalidEvaluationPeriodError(PdnValidationError):
	pass


class DuplicateEvaluationError(PdnValidationError):
	pass


class InconsistentEvaluationError(PdnValidationError):
	pass


class IncompleteEvaluationError(PdnValidationError):
	pass


class PersonalDataError(PdnValidationError):
	"""A free text holds a young person's contact details (e-mail, phone, handle, profile link)."""


class IdentityInNoteError(PersonalDataError):
	"""A practice note holds contact details that its author did not confirm as nobody's."""


class EvaluationReopenError(PdnValidationError):
	pass


# applications: calls, the public application form and its review


class InvalidApplicationError(PdnValidationError):
	"""One or more answers of an application form are missing or wrong."""


class ApplicationCallClosedError(PdnValidationError):
	"""No open call for applications accepts this application."""


class InvalidAttachmentError(PdnValidationError):
	pass


class SpamSubmissionError(PdnValidationError):
	pass


class DecisionReasonRequiredError(PdnValidationError):
	pass


class InvalidCorrectionLinkError(PdnValidationError):
	pass


class InvalidCallDatesError(PdnValidationError):
	pass


# conventions, charters and printed documents


class ConventionStatusError(PdnValidationError):
	pass


class ConventionPeriodError(PdnValidationError):
	pass


class SubsidyScheduleError(PdnValidationError):
	pass


class SignedConventionError(PdnValidationError):
	pass


class ConventionRenewalError(PdnValidationError):
	pass


class DocumentTemplateError(PdnValidationError):
	pass


class MissingMergeFieldError(DocumentTemplateError):
	pass


class TemplateLockedError(PdnValidationError):
	pass


class CharterSignatureError(PdnValidationError):
	pass


class PromeneurActivationError(PdnValidationError):
	pass


# The address book and the national site


class ResourceProposalError(PdnValidationError):
	"""A proposal to the address book that cannot be recorded or decided as it stands."""


class NationalRegistrationError(PdnValidationError):
	"""A change of a promeneur's registration on the national site that is not possible."""


class ConventionTerminationError(ConventionStatusError):
	"""A termination the model convention does not allow (notice too short, not an anniversary)."""


class ConventionAmendmentError(PdnValidationError):
	pass


class ConventionRecoveryError(PdnValidationError):
	pass


class ConventionCheckError(PdnValidationError):
	pass


# Trust: scope and logins


class OutOfScopeError(frappe.PermissionError):
	"""A record, or a record it links to, lies outside the user's department, structure or record."""


class LoginNotLinkableError(PdnValidationError):
	"""A login holding roles beyond the network's cannot be linked to a promeneur or a contact."""


class SettingsBoundsError(PdnValidationError):
	pass


class RecordInOtherDepartmentError(PdnValidationError):
	"""An accepted application matches a structure or a promeneur of another department."""


class CommitteeDecisionError(PdnValidationError):
	"""A steering committee's decision that cannot be recorded or applied as it stands."""


# A structure's requests


class StructureRequestError(PdnValidationError):
	"""A structure's request that is incomplete, out of its structure, or already decided."""


class StructureRequestApplyError(PdnValidationError):
	"""An approved request whose change the registry refused: the request stays as it was."""


class DuplicateBudgetError(PdnValidationError):
	"""A department's coordination has one budget a year."""


class CoordinationBudgetError(PdnValidationError):
	"""A figure of the coordination's budget or of its time by mission is not possible."""
