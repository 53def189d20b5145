"""A call's welcome meetings become trainings of the "Welcome meeting" kind (existing sites).

They were rows of a child table of the call (PdN Welcome Meeting: date, times, place, optional
department), so nobody's attendance counted. Each row becomes a PdN Training linked to its call:
in the row's department (the call's lead department when it had none), from its start to its end
time (two hours when no end was given, 09:00 when no start), held when its day is over, planned
otherwise. Then the child doctype and its table go. Running it again creates nothing: the old table
is gone after the first run.
"""

import datetime

import frappe
from frappe.utils import get_datetime, getdate, nowdate

from pdn_frappe.mail import in_site_language
from pdn_frappe.queries import child_rows

OLD = "PdN Welcome Meeting"
CALL = "PdN Application Call"
DEFAULT_START = datetime.time(9, 0)
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def execute():
	if frappe.db.table_exists(OLD):
		with in_site_language():
			for row in old_rows():
				create_training(row)
		frappe.db.sql_ddl(f"drop table if exists `tab{OLD}`")
	frappe.delete_doc("DocType", OLD, force=True, ignore_missing=True, delete_permanently=True)


def old_rows() -> list[frappe._dict]:
	call, old, query = child_rows(CALL, OLD)
	meeting = (old[field] for field in ("meeting_date", "from_time", "to_time", "place", "department"))
	return (
		query.select(
			old.parent.as_("call"),
			*meeting,
			call.department.as_("lead_department"),
			call.title.as_("call_title"),
		)
		.orderby(old.parent)
		.orderby(old.idx)
		.run(as_dict=True)
	)


def as_time(value) -> datetime.time | None:
	if value in (None, ""):
		return None
	if isinstance(value, datetime.timedelta):  # MariaDB returns TIME columns as timedelta
		return (datetime.datetime.min + value).time()
	return get_datetime(f"2000-01-01 {value}").time()


def department_of(row) -> str:
	"""The row's department when the call covers it, else the call's lead department."""
	others = frappe.get_all(
		"PdN Application Call Department",
		filters={"parenttype": CALL, "parent": row.call},
		pluck="department",
	)
	return row.department if row.department in (row.lead_department, *others) else row.lead_department


def create_training(row) -> str:
	day = getdate(row.meeting_date)
	start = datetime.datetime.combine(day, as_time(row.from_time) or DEFAULT_START)
	end_time = as_time(row.to_time)
	end = datetime.datetime.combine(day, end_time) if end_time else None
	if not end or end <= start:
		end = start + DEFAULT_LENGTH
	doc = frappe.get_doc(
		{
			"doctype": "PdN Training",
			"title": frappe._("Welcome meeting – {0}").format(row.call_title or row.call)[:140],
			"kind": "Welcome meeting",
			"department": department_of(row),
			"application_call": row.call,
			"starts_on": start,
			"ends_on": end,
			"status": "Held" if day < getdate(nowdate()) else "Planned",
			"location_type": "In person",
			"place": row.place,
		}
	)
	doc.flags.ignore_permissions = True
	doc.flags.ignore_links = True
	doc.insert()
	return doc.name
