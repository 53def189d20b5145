"""A structure's identity from its SIRET, as the public company directory gives it.

The directory is the State's search API over the SIRENE register (``recherche-entreprises``): a search
by SIRET answers the legal units it matches, each with its head office (``siege``) and the
establishments that match (``matching_etablissements``). :func:`establishment_from_response` reads
the establishment of one SIRET out of such an answer: its name, address, postcode, town, legal
form (mapped to the app's legal statuses by :func:`legal_status`) and whether it is still open.
Nothing here reaches the network: the caller sends the request and hands the decoded JSON over.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

DEFAULT_URL = "https://recherche-entreprises.api.gouv.fr/search"

# The legal statuses of PdN Structure (and of the application form).
ASSOCIATION = "Association"
LOCAL_AUTHORITY = "Local authority"
EPCI = "Inter-municipal body (EPCI)"
PUBLIC_ESTABLISHMENT = "Public establishment"
FOUNDATION = "Foundation"
COMPANY = "Company"
OTHER = "Other"
LEGAL_STATUSES = (ASSOCIATION, LOCAL_AUTHORITY, EPCI, PUBLIC_ESTABLISHMENT, FOUNDATION, COMPANY, OTHER)

#: INSEE legal categories (catégories juridiques, level III) of inter-municipal bodies: urban and
#: agglomeration communities, metropolises, communities of communes and of towns, districts, single
#: and multiple purpose syndicates, closed mixed syndicates and rural poles (PETR)
EPCI_CODES = frozenset(
	{"7341", "7342", "7343", "7344", "7345", "7346", "7347", "7348", "7353", "7354", "7357"}
)
FOUNDATION_CODES = frozenset({"9300"})

#: the directory's administrative state of an open establishment ("F": closed)
OPEN = "A"

MAX_TEXT = 140
_LEGAL_CODE_RE = re.compile(r"[0-9]{4}")
_POSTCODE_RE = re.compile(r"[0-9]{5}")
_BLANKS_RE = re.compile(r"\s+")


def legal_status(nature_juridique: object) -> str | None:
	"""The app's legal status for an INSEE legal category code ("9220": an association), or None
	when there is no code to read."""
	code = str(nature_juridique or "").strip()
	if not _LEGAL_CODE_RE.fullmatch(code):
		return None
	if code.startswith("92"):
		return ASSOCIATION
	if code in FOUNDATION_CODES:
		return FOUNDATION
	if code.startswith("72"):
		return LOCAL_AUTHORITY
	if code in EPCI_CODES:
		return EPCI
	if code.startswith(("73", "74")):
		return PUBLIC_ESTABLISHMENT
	if code.startswith(("5", "6")):
		return COMPANY
	return OTHER


@dataclass(frozen=True)
class Establishment:
	"""One establishment of the company directory, as a structure's form uses it."""

	siret: str
	siren: str
	name: str
	address_line1: str
	postcode: str
	city: str
	legal_form: str
	legal_status: str | None
	open: bool

	def form_values(self) -> dict[str, str]:
		"""The values a structure's form may fill in (only those the directory gave)."""
		values = {
			"structure_name": self.name,
			"address_line1": self.address_line1,
			"postcode": self.postcode,
			"city": self.city,
			"legal_status": self.legal_status or "",
		}
		return {fieldname: value for fieldname, value in values.items() if value}

	def as_dict(self) -> dict:
		return asdict(self)


def _text(value: object) -> str:
	if not isinstance(value, str | int | float) or isinstance(value, bool):
		return ""
	return _BLANKS_RE.sub(" ", str(value)).strip()[:MAX_TEXT]


def street_address(establishment: dict) -> str:
	"""The street part of an establishment's address: its ``adresse`` without the postcode and town
	that end it, or else the street from its parts (number, repetition, type and name of the way)."""
	full = _text(establishment.get("adresse"))
	tail = " ".join(
		part
		for part in (_text(establishment.get("code_postal")), _text(establishment.get("libelle_commune")))
		if part
	)
	if full and tail and full.upper().endswith(tail.upper()):
		full = full[: -len(tail)].strip(" ,")
	if full:
		return full
	parts = (
		establishment.get("complement_adresse"),
		establishment.get("numero_voie"),
		establishment.get("indice_repetition"),
		establishment.get("type_voie"),
		establishment.get("libelle_voie"),
	)
	return " ".join(text for text in map(_text, parts) if text)


def _results(payload: object) -> list[dict]:
	if not isinstance(payload, dict) or not isinstance(payload.get("results", []), list):
		raise ValueError("not an answer of the company directory")
	return [result for result in payload.get("results", []) if isinstance(result, dict)]


def establishment_from_response(payload: object, siret: str) -> Establishment | None:
	"""The establishment ``siret`` in a search answer of the company directory, or None when the
	answer does not hold it. Raises ValueError when ``payload`` is not such an answer."""
	for result in _results(payload):
		candidates = [row for row in result.get("matching_etablissements") or [] if isinstance(row, dict)]
		if isinstance(result.get("siege"), dict):
			candidates.append(result["siege"])
		for establishment in candidates:
			if _text(establishment.get("siret")) != siret:
				continue
			postcode = _text(establishment.get("code_postal"))
			state = establishment.get("etat_administratif") or result.get("etat_administratif")
			legal_form = _text(result.get("nature_juridique"))
			return Establishment(
				siret=siret,
				siren=_text(result.get("siren")) or siret[:9],
				name=_text(result.get("nom_complet") or result.get("nom_raison_sociale")),
				address_line1=street_address(establishment),
				postcode=postcode if _POSTCODE_RE.fullmatch(postcode) else "",
				city=_text(establishment.get("libelle_commune")),
				legal_form=legal_form,
				legal_status=legal_status(legal_form),
				open=state == OPEN,
			)
	return None
