"""Tests for pdn_frappe.domain.departments."""

from __future__ import annotations

import dataclasses

import pytest

from pdn_frappe.domain.departments import (
	DEPARTMENTS,
	DEPARTMENTS_BY_CODE,
	Department,
	department_for_postcode,
	normalize_code,
)

EXPECTED_CODES = (
	[f"{number:02d}" for number in range(1, 20)]
	+ ["2A", "2B"]
	+ [f"{number:02d}" for number in range(21, 96)]
	+ ["971", "972", "973", "974", "976"]
)

REGIONS = {
	"Auvergne-Rhône-Alpes",
	"Bourgogne-Franche-Comté",
	"Bretagne",
	"Centre-Val de Loire",
	"Corse",
	"Grand Est",
	"Hauts-de-France",
	"Île-de-France",
	"Normandie",
	"Nouvelle-Aquitaine",
	"Occitanie",
	"Pays de la Loire",
	"Provence-Alpes-Côte d'Azur",
	"Guadeloupe",
	"Martinique",
	"Guyane",
	"La Réunion",
	"Mayotte",
}


def test_there_are_101_departments_in_insee_order() -> None:
	assert len(DEPARTMENTS) == 101
	assert [department.code for department in DEPARTMENTS] == EXPECTED_CODES


def test_codes_and_names_are_unique() -> None:
	assert len({department.code for department in DEPARTMENTS}) == 101
	assert len({department.name for department in DEPARTMENTS}) == 101
	assert len({department.caf_name for department in DEPARTMENTS}) == 101
	assert "20" not in DEPARTMENTS_BY_CODE


def test_by_code_index_matches_tuple() -> None:
	assert list(DEPARTMENTS_BY_CODE) == EXPECTED_CODES
	for department in DEPARTMENTS:
		assert DEPARTMENTS_BY_CODE[department.code] is department


def test_records_are_frozen() -> None:
	department = DEPARTMENTS_BY_CODE["03"]
	assert isinstance(department, Department)
	with pytest.raises(dataclasses.FrozenInstanceError):
		department.name = "Autre"  # type: ignore[misc]


def test_every_region_is_a_current_region() -> None:
	assert {department.region for department in DEPARTMENTS} == REGIONS


def test_every_caf_name_starts_with_caf_except_mayotte() -> None:
	for department in DEPARTMENTS:
		if department.code == "976":
			continue
		assert department.caf_name.startswith("Caf d"), department
		assert department.caf_name.replace("'", " ").split()[-1] in department.name.replace("'", " ")


@pytest.mark.parametrize(
	("code", "name", "caf_name", "region"),
	[
		("01", "Ain", "Caf de l'Ain", "Auvergne-Rhône-Alpes"),
		("03", "Allier", "Caf de l'Allier", "Auvergne-Rhône-Alpes"),
		("13", "Bouches-du-Rhône", "Caf des Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"),
		("22", "Côtes-d'Armor", "Caf des Côtes-d'Armor", "Bretagne"),
		("2A", "Corse-du-Sud", "Caf de la Corse-du-Sud", "Corse"),
		("2B", "Haute-Corse", "Caf de la Haute-Corse", "Corse"),
		("33", "Gironde", "Caf de la Gironde", "Nouvelle-Aquitaine"),
		("59", "Nord", "Caf du Nord", "Hauts-de-France"),
		("63", "Puy-de-Dôme", "Caf du Puy-de-Dôme", "Auvergne-Rhône-Alpes"),
		("75", "Paris", "Caf de Paris", "Île-de-France"),
		("78", "Yvelines", "Caf des Yvelines", "Île-de-France"),
		("90", "Territoire de Belfort", "Caf du Territoire de Belfort", "Bourgogne-Franche-Comté"),
		("973", "Guyane", "Caf de la Guyane", "Guyane"),
		("974", "La Réunion", "Caf de la Réunion", "La Réunion"),
		("976", "Mayotte", "Caisse de sécurité sociale de Mayotte", "Mayotte"),
	],
)
def test_specific_departments(code: str, name: str, caf_name: str, region: str) -> None:
	assert DEPARTMENTS_BY_CODE[code] == Department(code, name, caf_name, region)


@pytest.mark.parametrize(
	("value", "expected"),
	[
		("3", "03"),
		("03", "03"),
		(" 03 ", "03"),
		("63", "63"),
		("95", "95"),
		(" 2a ", "2A"),
		("2b", "2B"),
		("2A", "2A"),
		("971", "971"),
		("976", "976"),
	],
)
def test_normalize_code_known(value: str, expected: str) -> None:
	assert normalize_code(value) == expected


@pytest.mark.parametrize(
	"value",
	["", " ", "0", "00", "20", "96", "99", "100", "975", "977", "978", "2C", "003", "0971", "A", "³", None],
)
def test_normalize_code_unknown(value: str) -> None:
	assert normalize_code(value) is None


@pytest.mark.parametrize(
	("postcode", "expected"),
	[
		("01000", "01"),
		("03200", "03"),
		("03000", "03"),
		("63000", "63"),
		("75001", "75"),
		("75116", "75"),
		("95000", "95"),
		(" 33000 ", "33"),
		("20000", "2A"),
		("20090", "2A"),
		("20100", "2A"),
		("20190", "2A"),
		("20200", "2B"),
		("20250", "2B"),
		("20600", "2B"),
		("20620", "2B"),
		("97100", "971"),
		("97200", "972"),
		("97300", "973"),
		("97400", "974"),
		("97490", "974"),
		("97600", "976"),
		("97615", "976"),
	],
)
def test_department_for_postcode(postcode: str, expected: str) -> None:
	assert department_for_postcode(postcode) == expected


@pytest.mark.parametrize(
	"postcode",
	[
		"",
		"3200",
		"032000",
		"03 200",
		"0320A",
		"00100",
		"96000",
		"97133",  # Saint-Barthélemy
		"97150",  # Saint-Martin
		"97500",  # Saint-Pierre-et-Miquelon
		"97700",
		"97800",
		"98000",  # Monaco
		"98800",  # Nouvelle-Calédonie
		"99000",
		"０３２００",  # full-width digits
		None,
	],
)
def test_department_for_postcode_rejects(postcode: str) -> None:
	assert department_for_postcode(postcode) is None


def test_every_department_has_a_postcode_mapping_to_it() -> None:
	samples = {department.code: department.code.ljust(5, "0") for department in DEPARTMENTS}
	samples.update({"2A": "20000", "2B": "20200"})
	for code, postcode in samples.items():
		assert department_for_postcode(postcode) == code
