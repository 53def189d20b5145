"""Query pieces the modules share (``frappe.qb``)."""

from __future__ import annotations

import frappe


def child_of(child, parent, parent_doctype: str, parentfield: str | None = None):
	"""The criterion that joins the rows of a child table to their parent record (of
	``parent_doctype``; only the rows of its table field ``parentfield`` when given)."""
	criterion = (child.parent == parent.name) & (child.parenttype == parent_doctype)
	if parentfield:
		criterion &= child.parentfield == parentfield
	return criterion


def child_rows(parent_doctype: str, child_doctype: str, parentfield: str | None = None, left: bool = False):
	"""``(parent, child, query)``: the two tables and a query over the child rows joined to their
	parent records; with ``left``, over the parent records, with their rows when they have some."""
	parent, child = frappe.qb.DocType(parent_doctype), frappe.qb.DocType(child_doctype)
	if left:
		query = frappe.qb.from_(parent).left_join(child)
	else:
		query = frappe.qb.from_(child).join(parent)
	return parent, child, query.on(child_of(child, parent, parent_doctype, parentfield))
