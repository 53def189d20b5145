# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""A practice-exchange sheet written by a promeneur or the coordinator.

Anonymity, how it protects: every save runs the privacy guard of free texts
(:func:`pdn_frappe.network.privacy.check_free_texts`: e-mail addresses, profile links, handles,
phone numbers). When a text holds contact details its stored version did not hold, the server
refuses the save, so nothing that may identify a young person is ever stored, not even in a
draft. The author (or the coordinator) may confirm that what was flagged identifies no young
person (the public account of a structure, a helpline...) by ticking ``anonymity_confirmed``:
that tick covers the texts of that save only and is cleared once saved; contact details already
in the stored texts do not warn again, and any new one needs a new confirmation. Messages name the
field and the kinds found, never the fragment, and nothing of it is copied into another field.
The desk form asks the question before saving (``pdn_practice_note.js``, through
:func:`check_anonymity`) and tells the coordinator which kinds of contact details a note holds
before publishing; the rule itself lives on the server and also applies to the API, imports and
the workflow's transitions.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import nowdate

from pdn_frappe import exceptions
from pdn_frappe.animation.utils import promeneur_of
from pdn_frappe.network import privacy

PUBLISHED = "Published"
TEXT_FIELDS = ("title", "situation", "action_taken", "outcome", "tips")


class PdNPracticeNote(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.animation.doctype.pdn_animation_theme.pdn_animation_theme import PdNAnimationTheme

		action_taken: DF.TextEditor | None
		anonymity_confirmed: DF.Check
		author_name: DF.Data | None
		author_promeneur: DF.Link | None
		department: DF.Link
		naming_series: DF.Literal["PDN-FIC-.YYYY.-.####"]
		outcome: DF.TextEditor | None
		public: DF.Literal["", "Youths aged 12 to 17", "Youths aged 18 to 25", "Parents", "Professionals"]
		published_on: DF.Date | None
		situation: DF.TextEditor
		social_network: DF.Link | None
		themes: DF.TableMultiSelect[PdNAnimationTheme]
		tips: DF.TextEditor | None
		title: DF.Data
		workflow_state: DF.Link | None

	# end: auto-generated types
	def onload(self):
		kinds = privacy.stored_kinds(self, TEXT_FIELDS)
		if kinds:
			self.set_onload("contact_details", privacy.kinds_text(kinds))

	def before_validate(self):
		self.set_author()

	def validate(self):
		self.validate_anonymity()
		self.set_published_on()

	def set_author(self):
		if not self.is_new():
			return
		user = self.owner or frappe.session.user
		promeneur = promeneur_of(user, throw=False)
		if promeneur:
			self.author_promeneur = promeneur
			values = frappe.db.get_value(
				"PdN Promeneur", promeneur, ["full_name", "department"], as_dict=True
			)
			self.author_name = values.full_name
			self.department = self.department or values.department
		else:
			self.author_name = frappe.utils.get_fullname(user)

	def validate_anonymity(self):
		confirmed, self.anonymity_confirmed = self.anonymity_confirmed, 0
		if confirmed:
			return  # the author checked what was flagged: it identifies no young person
		privacy.check_free_texts(
			self,
			TEXT_FIELDS,
			template=anonymity_template(),
			hint=anonymity_hint(self.meta),
			exc=exceptions.IdentityInNoteError,
		)

	def set_published_on(self):
		if self.workflow_state == PUBLISHED and not self.published_on:
			self.published_on = nowdate()


def anonymity_template() -> str:
	return _("{0} may identify somebody: it holds {1}.")


def anonymity_hint(meta) -> str:
	return _(
		"Practice notes must stay anonymous: remove them, or tick {0} if they identify no young person."
	).format(frappe.bold(_(meta.get_label("anonymity_confirmed"))))


@frappe.whitelist()
def check_anonymity(name: str | None = None, texts: dict | list | str | None = None) -> list[str]:
	"""One French line per field of ``texts`` (fieldname -> text, or texts in the order of
	``TEXT_FIELDS``) holding contact details that the stored note ``name`` does not hold yet: the
	field and the kinds found, never the fragments.

	Used by the desk form to ask the author before saving; the server checks again on save.
	"""
	texts = frappe.parse_json(texts) if isinstance(texts, str) else texts or {}
	if isinstance(texts, list):
		texts = dict(zip(TEXT_FIELDS, texts, strict=False))
	stored = None
	if name and frappe.db.exists("PdN Practice Note", name):
		frappe.has_permission("PdN Practice Note", "read", name, throw=True)
		stored = frappe.get_doc("PdN Practice Note", name)
	meta = frappe.get_meta("PdN Practice Note")
	values = {fieldname: texts.get(fieldname) for fieldname in TEXT_FIELDS}
	return [
		privacy.warning_line(warning, anonymity_template())
		for warning in privacy.field_warnings(meta, values, TEXT_FIELDS, stored)
	]
