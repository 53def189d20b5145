"""French for the parts of the app's web pages Frappe does not translate.

A web form page carries only the translations of its own fields (``WebForm.load_translations``):
the columns of its tables, the stored values its list shows and the words of Frappe's table and
buttons stay in English. :func:`update_website_context` (hook ``update_website_context``, run
after each page's own context) adds them for the app's web forms, and translates the page's
title, which Frappe sets in English on some of its own pages (``/login``).
"""

import json

import frappe
from frappe import _

#: what Frappe's web forms, their lists and tables show through __() without sending it
FRAPPE_MESSAGES = (
	"Edit",
	"Add Row",
	"Delete",
	"No Data",
	"Select All",
	"Sr",
	"No.:Title of the 'row number' column",
	"Editing Row",
	"Insert Above",
	"Insert Below",
	"Duplicate",
	"Move",
	"Attach",
	"Remove",
	"Upload",
	"My Device",
	"Link",
	"Camera",
	"Select",
	"Close",
	"Draft",
	"Submitted",
	"Cancelled",
	"Load More",
	"No more items to display",
	"Q{0} {1}",
	"Year {0}",
	"Filter on {0}",
	"Type to see suggestions.",
	"Type {0} characters or more to see suggestions.",
)


def web_form_messages(doctype: str) -> dict[str, str]:
	"""English -> French of what a web form on ``doctype`` shows beyond its own fields."""
	messages = list(FRAPPE_MESSAGES)
	meta = frappe.get_meta(doctype)
	for df in meta.fields:
		if df.fieldtype == "Select" and df.options:
			for option in df.options.split("\n"):
				messages.extend([option, f"{option}:{doctype}"])
	for table in meta.get_table_fields():
		child = frappe.get_meta(table.options)
		for df in child.fields:
			messages.extend([df.label, df.description])
			if df.fieldtype == "Select" and df.options:
				messages.extend(df.options.split("\n"))
	return {message: _(message) for message in messages if message}


def update_website_context(context):
	"""Hook: the app's web forms get the French of their tables, lists and buttons; every page its
	title in French."""
	values = {}
	if isinstance(context.get("title"), str) and context.title:
		values["title"] = _(context.title)
	web_form = context.get("web_form_doc") or {}
	doctype = web_form.get("doc_type") or ""
	if doctype.startswith("PdN ") and context.get("translated_messages"):
		try:
			messages = json.loads(context.translated_messages)
		except (TypeError, ValueError):
			messages = {}
		# "No.:Title..." keys come back untranslated as themselves: keep only real translations
		extra = {key: value for key, value in web_form_messages(doctype).items() if value != key}
		values["translated_messages"] = frappe.as_json({**extra, **messages})
	return values
