"""Default document templates shipped with the app, created on install and migrate.

The texts live in ``default_templates/*.txt`` (see
:func:`pdn_frappe.domain.documents.parse_template_source`). A shipped version is created once;
an existing record is never overwritten. A newer shipped version is put in use only when the
version in use is an earlier shipped text that nobody edited.
"""

from __future__ import annotations

from pathlib import Path

import frappe

from pdn_frappe.domain import documents

TEMPLATE = "PdN Document Template"
FOLDER = Path(__file__).parent / "default_templates"


def shipped_templates() -> list[dict]:
	return [
		documents.parse_template_source(path.read_text(encoding="utf-8"))
		for path in sorted(FOLDER.glob("*.txt"))
	]


def _is_untouched_shipped(name: str) -> bool:
	template = frappe.get_doc(TEMPLATE, name)
	return bool(template.shipped_key) and template.shipped_hash == documents.fingerprint(template.as_dict())


def sync_document_templates() -> list[str]:
	"""Create the shipped templates that are missing; return the names created."""
	created = []
	for data in shipped_templates():
		if not data["shipped_key"] or frappe.db.exists(TEMPLATE, {"shipped_key": data["shipped_key"]}):
			continue
		kind = data["document_kind"]
		in_use = frappe.get_all(
			TEMPLATE,
			filters={"document_kind": kind, "department": ("is", "not set"), "is_active": 1},
			pluck="name",
		)
		template = frappe.get_doc({"doctype": TEMPLATE, **data})
		template.shipped_hash = documents.fingerprint(data)
		template.is_active = 1 if not in_use or all(_is_untouched_shipped(name) for name in in_use) else 0
		template.flags.ignore_permissions = True
		template.insert()
		created.append(template.name)
	return created
