"""Query pieces the modules share (``frappe.qb``)."""

from __future__ import annotations


def child_of(child, parent, parent_doctype: str, parentfield: str | None = None):
	"""The criterion that joins the rows of a child table to their parent record (of
	``parent_doctype``; only the rows of its table field ``parentfield`` when given)."""
	criterion = (child.parent == parent.name) & (child.parenttype == parent_doctype)
	if parentfield:
		criterion &= child.parentfield == parentfield
	return criterion
