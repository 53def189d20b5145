"""One theme child table, PdN Theme Row, instead of three identical ones (existing sites).

Trainings, coordination activities and practice notes kept their themes in PdN Animation Theme,
questionnaires in PdN Evaluation Theme and resource referents in PdN Referent Theme. After the
model sync every table field points at PdN Theme Row: the rows are copied there with the same
parent, parent field, parent type, position and theme, then the old doctypes and their tables go.
"""

import frappe

NEW = "PdN Theme Row"
OLD = ("PdN Animation Theme", "PdN Evaluation Theme", "PdN Referent Theme")
COLUMNS = (
	"name",
	"creation",
	"modified",
	"modified_by",
	"owner",
	"docstatus",
	"idx",
	"parent",
	"parentfield",
	"parenttype",
	"theme",
)


def execute():
	for doctype in OLD:
		if frappe.db.table_exists(doctype):
			copy_rows(doctype)
			frappe.db.sql_ddl(f"drop table if exists `tab{doctype}`")
		frappe.delete_doc("DocType", doctype, force=True, ignore_missing=True, delete_permanently=True)


def copy_rows(doctype: str) -> None:
	old, new = frappe.qb.DocType(doctype), frappe.qb.DocType(NEW)
	columns = [old[column] for column in COLUMNS]
	taken = frappe.qb.from_(new).select(new.name)
	# a row whose name a row of another table already took (names are random: never seen) gets a new one
	clashes = frappe.qb.from_(old).select(*columns).where(old.name.isin(taken)).run(as_dict=True)
	frappe.qb.into(new).columns(*COLUMNS).from_(old).select(*columns).where(old.name.notin(taken)).run()
	for row in clashes:
		row.name = frappe.generate_hash(length=10)
		frappe.qb.into(new).columns(*COLUMNS).insert(*(row[column] for column in COLUMNS)).run()
