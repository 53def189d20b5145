"""Practice notes no longer keep the fragments their author confirmed (existing sites).

The privacy guard now compares a note with its stored texts and names only the kinds of contact
details it finds: the column that held copies of the fragments goes, with what it held, and so do
the copies the notes' change history kept.
"""

import json

import frappe

DOCTYPE = "PdN Practice Note"
COLUMN = "anonymity_warnings"


def execute():
	if frappe.db.has_column(DOCTYPE, COLUMN):
		frappe.db.sql_ddl(f"alter table `tab{DOCTYPE}` drop column `{COLUMN}`")
	scrub_versions()


def scrub_versions():
	for name, data in frappe.get_all(
		"Version", filters={"ref_doctype": DOCTYPE}, fields=["name", "data"], as_list=True
	):
		try:
			changes = json.loads(data or "{}")
		except ValueError:
			continue
		changed = changes.get("changed") or []
		kept = [row for row in changed if not (row and row[0] == COLUMN)]
		if len(kept) != len(changed):
			changes["changed"] = kept
			frappe.db.set_value("Version", name, "data", json.dumps(changes), update_modified=False)
