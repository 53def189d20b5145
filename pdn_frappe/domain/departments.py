"""French departments, their family allowance fund (Caf) and region, and postcode lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass

ARA = "Auvergne-Rhône-Alpes"
BFC = "Bourgogne-Franche-Comté"
BRE = "Bretagne"
CVL = "Centre-Val de Loire"
COR = "Corse"
GES = "Grand Est"
HDF = "Hauts-de-France"
IDF = "Île-de-France"
NOR = "Normandie"
NAQ = "Nouvelle-Aquitaine"
OCC = "Occitanie"
PDL = "Pays de la Loire"
PAC = "Provence-Alpes-Côte d'Azur"


@dataclass(frozen=True)
class Department:
	"""A French department with the name of its Caf and of its region."""

	code: str
	name: str
	caf_name: str
	region: str


_ROWS: tuple[tuple[str, str, str, str], ...] = (
	("01", "Ain", "Caf de l'Ain", ARA),
	("02", "Aisne", "Caf de l'Aisne", HDF),
	("03", "Allier", "Caf de l'Allier", ARA),
	("04", "Alpes-de-Haute-Provence", "Caf des Alpes-de-Haute-Provence", PAC),
	("05", "Hautes-Alpes", "Caf des Hautes-Alpes", PAC),
	("06", "Alpes-Maritimes", "Caf des Alpes-Maritimes", PAC),
	("07", "Ardèche", "Caf de l'Ardèche", ARA),
	("08", "Ardennes", "Caf des Ardennes", GES),
	("09", "Ariège", "Caf de l'Ariège", OCC),
	("10", "Aube", "Caf de l'Aube", GES),
	("11", "Aude", "Caf de l'Aude", OCC),
	("12", "Aveyron", "Caf de l'Aveyron", OCC),
	("13", "Bouches-du-Rhône", "Caf des Bouches-du-Rhône", PAC),
	("14", "Calvados", "Caf du Calvados", NOR),
	("15", "Cantal", "Caf du Cantal", ARA),
	("16", "Charente", "Caf de la Charente", NAQ),
	("17", "Charente-Maritime", "Caf de la Charente-Maritime", NAQ),
	("18", "Cher", "Caf du Cher", CVL),
	("19", "Corrèze", "Caf de la Corrèze", NAQ),
	("2A", "Corse-du-Sud", "Caf de la Corse-du-Sud", COR),
	("2B", "Haute-Corse", "Caf de la Haute-Corse", COR),
	("21", "Côte-d'Or", "Caf de la Côte-d'Or", BFC),
	("22", "Côtes-d'Armor", "Caf des Côtes-d'Armor", BRE),
	("23", "Creuse", "Caf de la Creuse", NAQ),
	("24", "Dordogne", "Caf de la Dordogne", NAQ),
	("25", "Doubs", "Caf du Doubs", BFC),
	("26", "Drôme", "Caf de la Drôme", ARA),
	("27", "Eure", "Caf de l'Eure", NOR),
	("28", "Eure-et-Loir", "Caf d'Eure-et-Loir", CVL),
	("29", "Finistère", "Caf du Finistère", BRE),
	("30", "Gard", "Caf du Gard", OCC),
	("31", "Haute-Garonne", "Caf de la Haute-Garonne", OCC),
	("32", "Gers", "Caf du Gers", OCC),
	("33", "Gironde", "Caf de la Gironde", NAQ),
	("34", "Hérault", "Caf de l'Hérault", OCC),
	("35", "Ille-et-Vilaine", "Caf d'Ille-et-Vilaine", BRE),
	("36", "Indre", "Caf de l'Indre", CVL),
	("37", "Indre-et-Loire", "Caf d'Indre-et-Loire", CVL),
	("38", "Isère", "Caf de l'Isère", ARA),
	("39", "Jura", "Caf du Jura", BFC),
	("40", "Landes", "Caf des Landes", NAQ),
	("41", "Loir-et-Cher", "Caf de Loir-et-Cher", CVL),
	("42", "Loire", "Caf de la Loire", ARA),
	("43", "Haute-Loire", "Caf de la Haute-Loire", ARA),
	("44", "Loire-Atlantique", "Caf de la Loire-Atlantique", PDL),
	("45", "Loiret", "Caf du Loiret", CVL),
	("46", "Lot", "Caf du Lot", OCC),
	("47", "Lot-et-Garonne", "Caf de Lot-et-Garonne", NAQ),
	("48", "Lozère", "Caf de la Lozère", OCC),
	("49", "Maine-et-Loire", "Caf de Maine-et-Loire", PDL),
	("50", "Manche", "Caf de la Manche", NOR),
	("51", "Marne", "Caf de la Marne", GES),
	("52", "Haute-Marne", "Caf de la Haute-Marne", GES),
	("53", "Mayenne", "Caf de la Mayenne", PDL),
	("54", "Meurthe-et-Moselle", "Caf de Meurthe-et-Moselle", GES),
	("55", "Meuse", "Caf de la Meuse", GES),
	("56", "Morbihan", "Caf du Morbihan", BRE),
	("57", "Moselle", "Caf de la Moselle", GES),
	("58", "Nièvre", "Caf de la Nièvre", BFC),
	("59", "Nord", "Caf du Nord", HDF),
	("60", "Oise", "Caf de l'Oise", HDF),
	("61", "Orne", "Caf de l'Orne", NOR),
	("62", "Pas-de-Calais", "Caf du Pas-de-Calais", HDF),
	("63", "Puy-de-Dôme", "Caf du Puy-de-Dôme", ARA),
	("64", "Pyrénées-Atlantiques", "Caf des Pyrénées-Atlantiques", NAQ),
	("65", "Hautes-Pyrénées", "Caf des Hautes-Pyrénées", OCC),
	("66", "Pyrénées-Orientales", "Caf des Pyrénées-Orientales", OCC),
	("67", "Bas-Rhin", "Caf du Bas-Rhin", GES),
	("68", "Haut-Rhin", "Caf du Haut-Rhin", GES),
	("69", "Rhône", "Caf du Rhône", ARA),
	("70", "Haute-Saône", "Caf de la Haute-Saône", BFC),
	("71", "Saône-et-Loire", "Caf de Saône-et-Loire", BFC),
	("72", "Sarthe", "Caf de la Sarthe", PDL),
	("73", "Savoie", "Caf de la Savoie", ARA),
	("74", "Haute-Savoie", "Caf de la Haute-Savoie", ARA),
	("75", "Paris", "Caf de Paris", IDF),
	("76", "Seine-Maritime", "Caf de la Seine-Maritime", NOR),
	("77", "Seine-et-Marne", "Caf de Seine-et-Marne", IDF),
	("78", "Yvelines", "Caf des Yvelines", IDF),
	("79", "Deux-Sèvres", "Caf des Deux-Sèvres", NAQ),
	("80", "Somme", "Caf de la Somme", HDF),
	("81", "Tarn", "Caf du Tarn", OCC),
	("82", "Tarn-et-Garonne", "Caf de Tarn-et-Garonne", OCC),
	("83", "Var", "Caf du Var", PAC),
	("84", "Vaucluse", "Caf de Vaucluse", PAC),
	("85", "Vendée", "Caf de la Vendée", PDL),
	("86", "Vienne", "Caf de la Vienne", NAQ),
	("87", "Haute-Vienne", "Caf de la Haute-Vienne", NAQ),
	("88", "Vosges", "Caf des Vosges", GES),
	("89", "Yonne", "Caf de l'Yonne", BFC),
	("90", "Territoire de Belfort", "Caf du Territoire de Belfort", BFC),
	("91", "Essonne", "Caf de l'Essonne", IDF),
	("92", "Hauts-de-Seine", "Caf des Hauts-de-Seine", IDF),
	("93", "Seine-Saint-Denis", "Caf de la Seine-Saint-Denis", IDF),
	("94", "Val-de-Marne", "Caf du Val-de-Marne", IDF),
	("95", "Val-d'Oise", "Caf du Val-d'Oise", IDF),
	("971", "Guadeloupe", "Caf de la Guadeloupe", "Guadeloupe"),
	("972", "Martinique", "Caf de la Martinique", "Martinique"),
	("973", "Guyane", "Caf de la Guyane", "Guyane"),
	("974", "La Réunion", "Caf de la Réunion", "La Réunion"),
	("976", "Mayotte", "Caisse de sécurité sociale de Mayotte", "Mayotte"),
)

DEPARTMENTS: tuple[Department, ...] = tuple(Department(*row) for row in _ROWS)
"""All 101 departments, in INSEE order (01..19, 2A, 2B, 21..95, 971..976)."""

DEPARTMENTS_BY_CODE: dict[str, Department] = {department.code: department for department in DEPARTMENTS}

# Overseas postcode prefixes that belong to a department; 975 (Saint-Pierre-et-Miquelon),
# 977 (Saint-Barthélemy), 978 (Saint-Martin) and 98x (Monaco, Pacific) do not.
_OVERSEAS_PREFIXES = frozenset({"971", "972", "973", "974", "976"})

# Saint-Barthélemy and Saint-Martin use Guadeloupe-looking postcodes but are not departments.
_NON_DEPARTMENT_POSTCODES = frozenset({"97133", "97150"})

_POSTCODE_RE = re.compile(r"[0-9]{5}")


def normalize_code(value: str) -> str | None:
	"""Return the canonical department code for "3", "03", " 2a ", "971"..., or None if unknown."""
	if not isinstance(value, str):
		return None
	code = value.strip().upper()
	if len(code) == 1 and code in "123456789":
		code = "0" + code
	return code if code in DEPARTMENTS_BY_CODE else None


def department_for_postcode(postcode: str) -> str | None:
	"""Return the department code of a 5-digit French postcode, or None if malformed or not a department."""
	if not isinstance(postcode, str):
		return None
	postcode = postcode.strip()
	if not _POSTCODE_RE.fullmatch(postcode):
		return None
	if postcode.startswith("97"):
		if postcode in _NON_DEPARTMENT_POSTCODES:
			return None
		prefix = postcode[:3]
		return prefix if prefix in _OVERSEAS_PREFIXES else None
	if postcode.startswith("20"):
		# Corsica: 200xx and 201xx are Corse-du-Sud, 202xx and above are Haute-Corse.
		return "2A" if postcode[2] in "01" else "2B"
	prefix = postcode[:2]
	return prefix if prefix in DEPARTMENTS_BY_CODE else None


_BY_NAME: dict[str, Department] = {department.name: department for department in DEPARTMENTS}
_CAF = "Caf "


def of_department(name: str, code: str | None = None) -> str:
	"""The department's name as French writes it after "de": "de l'Allier", "du Puy-de-Dôme",
	"de la Somme", "des Bouches-du-Rhône", "de Paris", "d'Eure-et-Loir".

	The article of each department is the one in the name of its Caf ("Caf de l'Allier"). A name
	the list does not know (a department renamed by an administrator) gets "de", or "d'" before a
	vowel.
	"""
	name = (name or "").strip()
	if not name:
		return ""
	department = DEPARTMENTS_BY_CODE.get(normalize_code(code) or "") if code else None
	if department is None or department.name != name:
		department = _BY_NAME.get(name)
	if department and department.caf_name.startswith(_CAF) and department.caf_name.endswith(name):
		return department.caf_name[len(_CAF) :]
	if name[0].lower() in "aeiouyhàâéèêîôû":
		return "d'" + name
	return "de " + name
