"""Questionnaire titles read "Camille Martin · T1 2026", no longer "Camille Martin · 2026-Q1".

Display only: the stored period key (``period``) and the names of the records do not change.
"""

import frappe

from pdn_frappe.domain.periods import PeriodError, parse_period_key
from pdn_frappe.evaluation import utils


def execute():
	frappe.local.lang = frappe.db.get_single_value("System Settings", "language") or "fr"
	rows = frappe.get_all("PdN Evaluation", fields=["name", "promeneur", "promeneur_name", "period", "title"])
	for row in rows:
		try:
			period = parse_period_key(row.period)
		except PeriodError:
			continue
		title = f"{row.promeneur_name or row.promeneur} · {utils.period_label(period)}"
		if title != row.title:
			frappe.db.set_value("PdN Evaluation", row.name, "title", title, update_modified=False)
