"""Keep young people's contact details out of free texts.

The app never stores a young person's name, handle or contact details. Names cannot be told apart
from other words, but the rest can: e-mail addresses, phone numbers, ``@handles`` and links to a
profile on a social network. :func:`find_contact_details` spots them in a text so that the form can
refuse it before anything is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = "email"
PHONE = "phone"
HANDLE = "handle"
PROFILE_URL = "profile_url"
KINDS = (EMAIL, PHONE, HANDLE, PROFILE_URL)

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
#: French numbers (0X XX XX XX XX, +33 X XX XX XX XX) and other long international numbers
_PHONE_RE = re.compile(
	r"(?<![\d\w])(?:(?:\+|00)33[\s.-]?(?:\(0\))?[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)"
)
_INTL_PHONE_RE = re.compile(r"(?<![\d\w])\+\d{1,3}(?:[\s.-]?\d){8,12}(?!\d)")
#: @name not preceded by a word character (which would make it an e-mail address)
_HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,}")
_NETWORK_HOSTS = (
	"facebook.com",
	"fb.com",
	"instagram.com",
	"snapchat.com",
	"tiktok.com",
	"twitter.com",
	"x.com",
	"youtube.com",
	"discord.gg",
	"discord.com",
	"twitch.tv",
	"linkedin.com",
	"wa.me",
	"t.me",
	"threads.net",
)
_PROFILE_RE = re.compile(
	r"(?:https?://)?(?:[\w-]+\.)?(?:" + "|".join(re.escape(h) for h in _NETWORK_HOSTS) + r")/[^\s,;]+",
	re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
	kind: str
	text: str


def find_contact_details(text: str | None) -> list[Finding]:
	"""E-mail addresses, phone numbers, handles and profile links found in ``text``, in order."""
	if not text:
		return []
	text = str(text)
	found: list[tuple[int, Finding]] = []
	taken: list[tuple[int, int]] = []

	def add(regex: re.Pattern, kind: str) -> None:
		for match in regex.finditer(text):
			span = match.span()
			if any(start < span[1] and span[0] < end for start, end in taken):
				continue
			taken.append(span)
			found.append((span[0], Finding(kind, match.group(0))))

	add(_EMAIL_RE, EMAIL)
	add(_PROFILE_RE, PROFILE_URL)
	add(_PHONE_RE, PHONE)
	add(_INTL_PHONE_RE, PHONE)
	add(_HANDLE_RE, HANDLE)
	return [finding for _, finding in sorted(found, key=lambda item: item[0])]


def contact_detail_kinds(text: str | None) -> list[str]:
	"""The kinds of contact details found in ``text``, each once, in the order of :data:`KINDS`."""
	kinds = {finding.kind for finding in find_contact_details(text)}
	return [kind for kind in KINDS if kind in kinds]
