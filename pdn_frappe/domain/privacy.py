"""Keep young people's contact details out of free texts: the one guard every free text goes through.

The app never stores a young person's name, handle or contact details. Names cannot be told apart
from other words, but the rest can: e-mail addresses, phone numbers, ``@handles`` (and handles
given after a network's name, ``snap : lea_63``) and links to a profile or a conversation on a
social network or a messaging app (``instagram.com/...``, ``wa.me/...``, ``t.me/...``,
``discord.gg/...``).

* :func:`find_contact_details` spots them in one text and returns :class:`Finding` s: a kind and a
  position, in the order they appear;
* :func:`contact_detail_warnings` checks several fields at once and returns one
  :class:`ContactDetailWarning` per field: the field and the kinds found, never the fragment;
* :func:`warning_message` fills a message (French or any language: the caller gives the template
  and the labels) from a warning, so that what was found is never copied into a message, a log or
  another field.

A text that the author has already confirmed (a practice note that names a structure's public
account) can be compared with the text stored before: ``known_texts`` lets only new findings warn,
without keeping the fragments anywhere else.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

EMAIL = "email"
PHONE = "phone"
HANDLE = "handle"
PROFILE_URL = "profile_url"
#: every kind of contact detail, in the order messages list them
KINDS = (EMAIL, PHONE, HANDLE, PROFILE_URL)

#: stable code of a warning (the caller's table maps it to a message)
WARNING_CODE = "contact_details_in_text"

# --------------------------------------------------------------------------- patterns

_TAG_RE = re.compile(r"<[^>]+>")

#: lea.martin@gmail.com, and the spelled-out forms lea [at] gmail.com, lea(at)gmail.com, lea arobase gmail.com
_EMAIL_RE = re.compile(
	r"(?<![\w.%+-])[\w.%+-]+(?:@|\s?\[at\]\s?|\s?\(at\)\s?|\s+arobase\s+)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])",
	re.IGNORECASE,
)

#: networks and messaging apps whose links lead to a person (a profile, a chat, an invitation)
NETWORK_HOSTS = (
	"facebook.com",
	"fb.com",
	"fb.me",
	"m.me",
	"messenger.com",
	"instagram.com",
	"instagr.am",
	"snapchat.com",
	"tiktok.com",
	"twitter.com",
	"x.com",
	"threads.net",
	"bsky.app",
	"youtube.com",
	"youtu.be",
	"twitch.tv",
	"discord.gg",
	"discord.com",
	"linkedin.com",
	"wa.me",
	"whatsapp.com",
	"t.me",
	"telegram.me",
	"signal.me",
	"reddit.com",
)
_PROFILE_RE = re.compile(
	r"(?<![\w.@-])(?:https?://)?(?:[\w-]+\.)*(?:"
	+ "|".join(re.escape(host) for host in NETWORK_HOSTS)
	+ r")(?![\w-])/[^\s<>\"'()\[\]{},;]+",
	re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?"

#: separators inside a phone number: one kind per number (06 12 34 56 78, 06.12.34.56.78, 0612345678)
_SEP = r"[ \u00a0.\-]?"
_FRENCH_PHONE_RE = re.compile(
	r"(?<![\w+])(?:(?:\+|00)33" + _SEP + r"(?:\(0\)" + _SEP + r")?[1-9]|0[1-9])"
	r"(?P<sep>" + _SEP + r")\d{2}(?:(?P=sep)\d{2}){3}(?!\d)"
)
_INTL_PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ \u00a0.\-]?\d){7,12}(?!\d)")

#: @name, not inside an e-mail address; never ends with a dot (end of a sentence)
_HANDLE_RE = re.compile(r"(?<![\w@.])@\w(?:[\w.]{0,28}\w)?")
#: @14h, @9h30, @2025: times and numbers, not handles
_NOT_A_HANDLE_RE = re.compile(r"@(?:\d+|\d{1,2}h\d{0,2})")
#: a handle given after the network's name: "snap : lea_63", "insta: @lea.d63", "pseudo : lea63"; a
#: plain word ("Instagram : une story") is not one: a handle holds a digit, an underscore or a dot
_NAMED_HANDLE_RE = re.compile(
	r"\b(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|discord|telegram|whats\s?app|twitter|twitch|"
	r"facebook|messenger|threads|pseudo|identifiant)\s?:\s?@?(?P<handle>[^\W\d_][\w.]{1,29})(?![\w.])",
	re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
	"""Contact details found in a text: their kind and where they are (``text[start:end]``).

	``text`` holds the fragment for the caller that must point at it (a form highlighting the
	text it refuses); it is left out of ``repr`` so that a log line never shows it. Messages and
	stored fields use the kind only (:func:`contact_detail_warnings`).
	"""

	kind: str
	start: int
	end: int
	text: str = field(repr=False)


@dataclass(frozen=True)
class ContactDetailWarning:
	"""A field holds contact details of these kinds (in the order of :data:`KINDS`)."""

	field: str
	kinds: tuple[str, ...]
	code: str = WARNING_CODE


def plain_text(value: str | None) -> str:
	"""Text of an HTML fragment (Text Editor fields), tags removed and entities decoded."""
	return html.unescape(_TAG_RE.sub(" ", value or ""))


def find_contact_details(text: str | None, *, html: bool = False) -> list[Finding]:
	"""E-mail addresses, phone numbers, handles and profile or messaging links in ``text``, in order.

	With ``html``, the text is an HTML fragment: tags are dropped and entities decoded first, and
	positions refer to :func:`plain_text` of it. A fragment is found once, under the first kind
	that matches it (an e-mail address is not also a handle, a ``wa.me`` link is not also a phone).
	"""
	if not text:
		return []
	text = plain_text(text) if html else str(text)
	found: list[Finding] = []  # kept sorted by position; findings never overlap

	def add(kind: str, start: int, end: int) -> None:
		index = bisect.bisect_left(found, start, key=lambda finding: finding.start)
		if end <= start:
			return
		if index > 0 and found[index - 1].end > start:
			return
		if index < len(found) and found[index].start < end:
			return
		found.insert(index, Finding(kind, start, end, text[start:end]))

	for match in _EMAIL_RE.finditer(text):
		add(EMAIL, *match.span())
	for match in _PROFILE_RE.finditer(text):
		start, end = match.span()
		while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
			end -= 1
		add(PROFILE_URL, start, end)
	for regex in (_FRENCH_PHONE_RE, _INTL_PHONE_RE):
		for match in regex.finditer(text):
			add(PHONE, *match.span())
	for match in _HANDLE_RE.finditer(text):
		if not _NOT_A_HANDLE_RE.fullmatch(match.group(0)):
			add(HANDLE, *match.span())
	for match in _NAMED_HANDLE_RE.finditer(text):
		start, end = match.span("handle")
		while text[end - 1] == ".":
			end -= 1
		if any(char.isdigit() or char in "_." for char in text[start:end]):
			add(HANDLE, start, end)
	return found


def contact_detail_kinds(text: str | None, *, html: bool = False) -> list[str]:
	"""The kinds of contact details found in ``text``, each once, in the order of :data:`KINDS`."""
	return _kinds(find_contact_details(text, html=html))


def has_contact_details(text: str | None, *, html: bool = False) -> bool:
	return bool(find_contact_details(text, html=html))


def _kinds(findings: Iterable[Finding]) -> list[str]:
	kinds = {finding.kind for finding in findings}
	return [kind for kind in KINDS if kind in kinds]


def finding_key(finding: Finding) -> tuple[str, str]:
	"""What makes two findings the same contact detail, whatever its spelling.

	Phone numbers compare by their digits (``+33 6...`` is ``06...``), the rest without case,
	scheme, ``www.`` or trailing slash.
	"""
	value = finding.text
	if finding.kind == PHONE:
		digits = re.sub(r"\D", "", value.replace("(0)", ""))
		if digits.startswith("0033"):
			digits = digits[2:]
		if digits.startswith("33") and value.lstrip().startswith(("+", "00")) and len(digits) == 11:
			digits = "0" + digits[2:]
		return PHONE, digits
	value = value.lower()
	if finding.kind == PROFILE_URL:
		value = re.sub(r"^https?://", "", value)
		value = re.sub(r"^(?:www|m)\.", "", value).rstrip("/")
	elif finding.kind == HANDLE:
		value = value.lstrip("@")
	elif finding.kind == EMAIL:
		value = re.sub(r"\s*(?:\[at\]|\(at\)|\s+arobase\s+)\s*", "@", value)
	return finding.kind, value


def contact_detail_warnings(
	texts: Mapping[str, str | None],
	*,
	html: bool = False,
	known_texts: Iterable[str | None] = (),
) -> list[ContactDetailWarning]:
	"""One warning per field of ``texts`` (fieldname -> text) that holds contact details.

	``known_texts``: texts stored before and already accepted (the author confirmed that what
	they hold identifies no young person); contact details found there do not warn again, so
	nothing but the texts themselves needs to be stored.
	"""
	known = {finding_key(f) for text in known_texts for f in find_contact_details(text, html=html)}
	warnings = []
	for fieldname, text in texts.items():
		findings = [f for f in find_contact_details(text, html=html) if finding_key(f) not in known]
		if findings:
			warnings.append(ContactDetailWarning(fieldname, tuple(_kinds(findings))))
	return warnings


def warning_message(
	warning: ContactDetailWarning,
	template: str,
	*,
	field_label: str,
	kind_labels: Mapping[str, str],
	separator: str = ", ",
) -> str:
	"""``template`` filled with the field's label (``{0}``) and the labels of the kinds found (``{1}``).

	The message is made of the caller's labels only: the fragment found never enters it.
	"""
	kinds = separator.join(kind_labels[kind] for kind in warning.kinds)
	return template.format(field_label, kinds)
