"""The one error the rules raise: a stable ``code`` and the ``values`` its message shows.

Every rule of :mod:`pdn_frappe.domain` that refuses something raises a :class:`DomainError`; its
subclasses (``DomainValidationError``, ``PeriodError``, ``AnimationError``, ``ConventionRuleError``,
``LifecycleError``, ``RetentionError``) only say which family of rules refused, in ``kind``. Nothing
here is French: :mod:`pdn_frappe.errors` holds the one table from ``(kind, code)`` to the French
message and the app's exception class, and the one function that throws it.
"""

from __future__ import annotations


class DomainError(ValueError):
	"""A rule refused something: ``code`` names the rule, ``values`` are what the message shows."""

	#: the family of rules, first half of the key of the message table
	kind = "domain"

	def __init__(self, code: str, *values: object) -> None:
		super().__init__(code, *values)
		self.code = code
		self.values = values

	@property
	def value(self) -> object:
		"""The first value (the one most messages quote), or None."""
		return self.values[0] if self.values else None

	def __str__(self) -> str:
		return f"{self.code}: {self.values!r}"
