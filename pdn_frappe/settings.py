"""PdN Settings, read in one place.

:func:`get_settings` returns every setting typed, with its default when it was never stored (a site
whose settings were saved before the field existed): ``get_settings().evaluation_due_days``. The
attributes are the fieldnames of the doctype; :data:`DEFAULTS` are the defaults of its JSON.
Reading goes to the database each time, so that a change is seen at once (by the scheduler too).
"""

from __future__ import annotations

import dataclasses

import frappe
from frappe.utils import cint

from pdn_frappe.domain import applications, company, retention
from pdn_frappe.domain.periods import QUARTER

DOCTYPE = "PdN Settings"


@dataclasses.dataclass(frozen=True)
class Settings:
	# the public directory
	directory_enabled: bool = True
	directory_page_size: int = 24
	# the questionnaires
	evaluation_due_days: int = 15
	evaluation_reminder_days: int = 7
	evaluation_period_type: str = QUARTER
	evaluation_reminders_enabled: bool = True
	evaluation_alert_coordination: bool = True
	# the coordination
	referent_check_months: int = 12
	report_reminder_days: int = 7
	# the application form
	guest_rate_limit: int = 5
	max_attachment_mb: int = 5
	# the company directory a SIRET is looked up in
	company_directory_url: str = company.DEFAULT_URL
	# personal data
	retention_enabled: bool = True
	retention_rejected_months: int = retention.DEFAULT_REJECTED_APPLICATION_MONTHS
	retention_accepted_months: int = retention.DEFAULT_ACCEPTED_APPLICATION_MONTHS
	retention_former_promeneur_months: int = retention.DEFAULT_FORMER_PROMENEUR_MONTHS

	@property
	def max_attachment_bytes(self) -> int:
		return applications.max_attachment_bytes(self.max_attachment_mb)


FIELDS = {field.name: field for field in dataclasses.fields(Settings)}
DEFAULTS = {name: field.default for name, field in FIELDS.items()}
#: settings for which zero means nothing sensible: a stored 0 gives the default
POSITIVE = frozenset({"directory_page_size", "referent_check_months", "max_attachment_mb"})


def get_settings() -> Settings:
	"""Every setting of PdN Settings, typed, with its default where nothing is stored."""
	stored = frappe.db.get_singles_dict(DOCTYPE)
	return Settings(**{name: _typed(name, stored.get(name)) for name in FIELDS})


def _typed(name: str, value):
	default = DEFAULTS[name]
	if value in (None, ""):
		return default
	if isinstance(default, bool):
		return bool(cint(value))
	if isinstance(default, int):
		number = cint(value)
		return default if name in POSITIVE and number <= 0 else number
	return value
