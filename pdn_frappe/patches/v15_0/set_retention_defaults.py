"""Sites whose PdN Settings were saved before the retention settings existed get their defaults
(12, 12 and 24 months, job enabled) instead of empty values."""

import frappe

from pdn_frappe.network.doctype.pdn_settings.pdn_settings import RETENTION_DEFAULTS


def execute():
	stored = frappe.db.get_singles_dict("PdN Settings")
	missing = {
		fieldname: default
		for fieldname, default in RETENTION_DEFAULTS.items()
		if stored.get(fieldname) in (None, "")
	}
	if stored and missing:
		frappe.db.set_single_value("PdN Settings", missing)
