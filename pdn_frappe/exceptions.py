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
