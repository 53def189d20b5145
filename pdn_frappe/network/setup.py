"""The network's own installation steps: French regional settings and the list of departments.

Called from :mod:`pdn_frappe.install` (``after_install``, ``after_migrate``), by the demo loader and
by the ``before_tests`` hook; idempotent.
"""

import frappe

from pdn_frappe.domain.departments import DEPARTMENTS
from pdn_frappe.domain.locale import FRENCH_SETTINGS, settings_to_apply


def configure_for_france():
	"""Set the site to French regional settings, unless it is already configured otherwise.

	Whatever the country, errors never show the server's traceback to visitors and users.
	"""
	hide_error_tracebacks()
	settings = frappe.get_single("System Settings")
	changes = settings_to_apply({key: settings.get(key) for key in FRENCH_SETTINGS})
	if not changes:
		return
	settings.update(changes)
	settings.flags.ignore_mandatory = True
	settings.flags.ignore_permissions = True
	settings.save()
	if "currency" in changes:
		frappe.db.set_default("currency", changes["currency"])
	if "language" in changes:
		frappe.db.set_default("lang", changes["language"])
		set_guest_language(changes["language"])


def hide_error_tracebacks():
	"""An error answered to a browser or an API client carries a message, never a traceback.

	Frappe adds the full Python traceback to error responses while ``allow_error_traceback`` is on
	(its default); the traceback stays in the Error Log for administrators.
	"""
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)


def set_guest_language(language: str) -> None:
	"""Visitors who are not logged in (directory, public forms) get the site's language.

	Frappe picks a guest's language from the request, then from the site's ``lang`` config
	key; without that key the public pages fall back to English.
	"""
	from frappe.installer import update_site_config

	if not frappe.conf.get("lang"):
		update_site_config("lang", language)


def sync_departments():
	"""Create the French departments that are missing; never overwrite what users edited."""
	existing = set(frappe.get_all("PdN Department", pluck="name"))
	for department in DEPARTMENTS:
		if department.code in existing:
			continue
		frappe.get_doc(
			{
				"doctype": "PdN Department",
				"code": department.code,
				"department_name": department.name,
				"region": department.region,
				"caf_name": department.caf_name,
			}
		).insert(ignore_permissions=True)
