# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""A practice-exchange sheet written by a promeneur or the coordinator.

Anonymity, how it protects: every save looks for text that may identify somebody (e-mail
addresses, profile links, @handles, phone numbers: :func:`pdn_frappe.domain.animation.find_identity_fragments`).
When it finds a fragment nobody confirmed yet, the server refuses the save, so nothing that may
identify a young person is ever stored, not even in a draft. The author (or the coordinator) may
confirm that the flagged fragments identify no young person (the public account of a structure,
a helpline...) by ticking ``anonymity_confirmed``: that tick covers the fragments present at that
save only, is cleared once saved, and the confirmed fragments are kept in ``anonymity_warnings``
(read from the database, never from the client) so that the coordinator sees them before
publishing. Any new fragment needs a new confirmation. The desk form asks the question before
saving (``pdn_practice_note.js``); the rule itself lives on the server and also applies to the
API, imports and the workflow's transitions.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html, nowdate

from pdn_frappe import exceptions
from pdn_frappe.animation.utils import promeneur_of
from pdn_frappe.domain import animation

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
		anonymity_warnings: DF.SmallText | None
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

	def identity_fragments(self) -> list[str]:
		return animation.find_identity_fragments(*(self.get(field) for field in TEXT_FIELDS))

	def validate_anonymity(self):
		fragments = self.identity_fragments()
		before = self.get_doc_before_save()
		confirmed = animation.split_lines(before.anonymity_warnings) if before else []
		if self.anonymity_confirmed:
			confirmed += fragments
		pending = animation.unconfirmed_fragments(fragments, confirmed)
		if pending:
			frappe.throw(
				_(
					"This text may identify somebody: {0}. Practice notes must stay anonymous: remove "
					"these fragments, or tick {1} if they identify no young person."
				).format(
					", ".join(frappe.bold(escape_html(fragment)) for fragment in pending),
					frappe.bold(_(self.meta.get_label("anonymity_confirmed"))),
				),
				exc=exceptions.IdentityInNoteError,
				title=_("Anonymity"),
			)
		self.anonymity_warnings = "\n".join(fragments)
		self.anonymity_confirmed = 0

	def set_published_on(self):
		if self.workflow_state == PUBLISHED and not self.published_on:
			self.published_on = nowdate()


@frappe.whitelist()
def check_anonymity(name: str | None = None, texts: list[str] | str | None = None) -> list[str]:
	"""Fragments of ``texts`` that may identify somebody and were not confirmed on ``name`` yet.

	Used by the desk form to ask the author before saving; the server checks again on save.
	"""
	texts = frappe.parse_json(texts) if isinstance(texts, str) else texts or []
	confirmed = []
	if name and frappe.db.exists("PdN Practice Note", name):
		frappe.has_permission("PdN Practice Note", "read", name, throw=True)
		confirmed = animation.split_lines(
			frappe.db.get_value("PdN Practice Note", name, "anonymity_warnings")
		)
	return animation.unconfirmed_fragments(animation.find_identity_fragments(*texts), confirmed)
