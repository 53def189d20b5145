"""Connections shown on structures and promeneurs (``override_doctype_dashboards`` in hooks.py)."""

from __future__ import annotations

import frappe


def _add(data, label: str, links: dict[str, str]) -> dict:
	data = frappe._dict(data)
	data.transactions = list(data.transactions or [])
	data.non_standard_fieldnames = dict(data.non_standard_fieldnames or {})
	for doctype, fieldname in links.items():
		if not data.fieldname:
			data.fieldname = fieldname
		if data.fieldname != fieldname:
			data.non_standard_fieldnames[doctype] = fieldname
	group = next((g for g in data.transactions if g.get("label") == label), None)
	if group is None:
		group = {"label": label, "items": []}
		data.transactions.append(group)
	group["items"] = list(dict.fromkeys([*group.get("items", []), *links]))
	return data


def structure_dashboard(data):
	return _add(data, "Conventions", {"PdN Convention": "structure", "PdN Charter Signature": "structure"})


def promeneur_dashboard(data):
	return _add(data, "Conventions", {"PdN Charter Signature": "promeneur"})
