"""A structure's identity from its SIRET, looked up in the public company directory.

:func:`lookup` is what the forms call when a valid SIRET is typed: the guest application form and
the PdN Structure form fill their empty fields from its answer and let the person correct them. The
directory's address is ``PdN Settings.company_directory_url`` (the State's ``recherche-entreprises``
search by default); it is asked with a short timeout, and what it answers is kept in the cache for a
while, so that a form typed twice or a busy call for applications asks it once. When it fails
(no answer in time, an error, an answer it cannot read), the lookup says so and the forms carry on
as before. Reading the answer is :mod:`pdn_frappe.domain.company`'s job.

Guests may look up a few SIRETs an hour per address, users more (Frappe's ``rate_limit``).
"""

from __future__ import annotations

import frappe
import requests
from frappe.rate_limiter import rate_limit

from pdn_frappe.domain import company
from pdn_frappe.domain.errors import DomainError
from pdn_frappe.domain.validation import normalize_siret
from pdn_frappe.settings import get_settings

#: seconds to connect to the directory and to get its answer
TIMEOUT = (3, 4)
#: how long an answer is kept (a SIRET not found is asked again sooner)
FOUND_SECONDS = 7 * 24 * 3600
NOT_FOUND_SECONDS = 3600
#: lookups per window and per address: guests (the public form) and logged-in users
WINDOW_SECONDS = 3600
GUEST_LOOKUPS = 20
USER_LOOKUPS = 200

FOUND = "found"
NOT_FOUND = "not_found"
INVALID = "invalid"
UNAVAILABLE = "unavailable"


def lookups_allowed() -> int:
	return GUEST_LOOKUPS if frappe.session.user == "Guest" else USER_LOOKUPS


@frappe.whitelist(allow_guest=True, methods=["GET", "POST"])
@rate_limit(limit=lookups_allowed, seconds=WINDOW_SECONDS)
def lookup(siret: str) -> dict:
	"""The establishment of ``siret`` in the company directory.

	Answers ``{"status": "found", "values": {...}, "open": bool, ...}`` with the values a structure's
	form may fill in (``structure_name``, ``address_line1``, ``postcode``, ``city``,
	``legal_status``), or only a status: ``not_found``, ``invalid`` (not a SIRET) or
	``unavailable`` (the directory did not answer, or not in a way that can be read).
	"""
	try:
		siret = normalize_siret(str(siret or ""))
	except DomainError:
		return {"status": INVALID}
	url = get_settings().company_directory_url
	key = f"pdn_company_directory|{url}|{siret}"
	cached = frappe.cache.get_value(key, expires=True)
	if cached:
		return cached
	answer = ask_directory(url, siret)
	if answer["status"] == FOUND:
		frappe.cache.set_value(key, answer, expires_in_sec=FOUND_SECONDS)
	elif answer["status"] == NOT_FOUND:
		frappe.cache.set_value(key, answer, expires_in_sec=NOT_FOUND_SECONDS)
	return answer


def ask_directory(url: str, siret: str) -> dict:
	"""One search of the directory for ``siret``; never raises."""
	try:
		response = requests.get(
			url,
			params={"q": siret},
			headers={"Accept": "application/json", "User-Agent": "pdn_frappe (Promeneurs du Net)"},
			timeout=TIMEOUT,
			allow_redirects=False,
		)
		response.raise_for_status()
		establishment = company.establishment_from_response(response.json(), siret)
	except (requests.RequestException, ValueError):
		return {"status": UNAVAILABLE}
	if establishment is None:
		return {"status": NOT_FOUND}
	return {
		"status": FOUND,
		"siret": siret,
		"values": establishment.form_values(),
		"open": establishment.open,
		"legal_form": establishment.legal_form,
	}
