"""A structure's identity from the company directory: reading its answers, legal forms, closed ones.

The answers are samples written in the shape of the directory's search API
(pdn_frappe/tests/samples/company_directory), the same ones the site tests' stub server sends.
"""

import json
from pathlib import Path

import pytest

from pdn_frappe.domain import company

APP = Path(__file__).resolve().parent.parent / "pdn_frappe"
SAMPLES = APP / "tests" / "samples" / "company_directory"


def sample(name: str) -> dict:
	return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def test_the_head_office_of_an_open_association():
	found = company.establishment_from_response(sample("association_open"), "77567227200017")
	assert found == company.Establishment(
		siret="77567227200017",
		siren="775672272",
		name="CENTRE SOCIAL LES TILLEULS",
		address_line1="12 RUE DES ECOLES",
		postcode="03200",
		city="VICHY",
		legal_form="9220",
		legal_status=company.ASSOCIATION,
		open=True,
	)
	assert found.form_values() == {
		"structure_name": "CENTRE SOCIAL LES TILLEULS",
		"address_line1": "12 RUE DES ECOLES",
		"postcode": "03200",
		"city": "VICHY",
		"legal_status": "Association",
	}


def test_a_secondary_establishment_gives_its_own_address():
	found = company.establishment_from_response(sample("association_open"), "77567227200025")
	assert found.address_line1 == "ESPACE JEUNES 4 BIS AVENUE DE LA GARE"
	assert (found.postcode, found.city) == ("03300", "CUSSET")
	assert found.name == "CENTRE SOCIAL LES TILLEULS", "the name is the legal unit's"
	assert found.open


def test_a_closed_establishment_is_flagged():
	found = company.establishment_from_response(sample("commune_closed"), "21030118000043")
	assert not found.open
	assert found.legal_status == company.LOCAL_AUTHORITY
	assert company.establishment_from_response(sample("commune_closed"), "21030118000035").open


def test_an_inter_municipal_body():
	found = company.establishment_from_response(sample("epci_open"), "20006963100014")
	assert found.legal_status == company.EPCI
	assert found.address_line1 == "9 PLACE CHARLES DE GAULLE"


def test_a_siret_the_answer_does_not_hold_is_not_found():
	assert company.establishment_from_response(sample("not_found"), "77567227200017") is None
	assert company.establishment_from_response(sample("association_open"), "77567227200033") is None


@pytest.mark.parametrize("payload", [None, [], "<html>", {"results": "none"}])
def test_what_is_not_an_answer_of_the_directory_is_refused(payload):
	with pytest.raises(ValueError):
		company.establishment_from_response(payload, "77567227200017")


def test_odd_values_are_cleaned():
	payload = {
		"results": [
			{
				"siren": 775672272,
				"nom_complet": "  CENTRE   SOCIAL \n " + "X" * 300,
				"nature_juridique": None,
				"siege": {
					"siret": "77567227200017",
					"adresse": None,
					"numero_voie": "12",
					"indice_repetition": "B",
					"type_voie": "RUE",
					"libelle_voie": "DES ECOLES",
					"code_postal": "3200",
					"libelle_commune": {"unexpected": True},
					"etat_administratif": "F",
				},
			}
		]
	}
	found = company.establishment_from_response(payload, "77567227200017")
	assert found.name.startswith("CENTRE SOCIAL X") and len(found.name) == company.MAX_TEXT
	assert found.address_line1 == "12 B RUE DES ECOLES"
	assert (found.postcode, found.city) == ("", "")
	assert found.legal_status is None
	assert found.form_values() == {"structure_name": found.name, "address_line1": "12 B RUE DES ECOLES"}
	assert not found.open


@pytest.mark.parametrize(
	"code, status",
	[
		("9220", company.ASSOCIATION),
		("9210", company.ASSOCIATION),
		("9230", company.ASSOCIATION),
		("9260", company.ASSOCIATION),
		("9300", company.FOUNDATION),
		("7210", company.LOCAL_AUTHORITY),
		("7220", company.LOCAL_AUTHORITY),
		("7230", company.LOCAL_AUTHORITY),
		("7346", company.EPCI),
		("7348", company.EPCI),
		("7343", company.EPCI),
		("7344", company.EPCI),
		("7353", company.EPCI),
		("7361", company.PUBLIC_ESTABLISHMENT),  # a CCAS
		("7366", company.PUBLIC_ESTABLISHMENT),
		("7389", company.PUBLIC_ESTABLISHMENT),
		("7410", company.PUBLIC_ESTABLISHMENT),  # a GIP
		("5710", company.COMPANY),
		("5499", company.COMPANY),
		("6540", company.COMPANY),
		("7113", company.OTHER),  # a ministry
		("8110", company.OTHER),
		("9900", company.OTHER),
		("1000", company.OTHER),
		(9220, company.ASSOCIATION),
		("", None),
		(None, None),
		("92", None),
		("ABCD", None),
	],
)
def test_legal_forms_map_to_the_apps_legal_statuses(code, status):
	assert company.legal_status(code) == status


def test_every_mapped_status_is_one_of_the_structure_form():
	for doctype in (
		"network/doctype/pdn_structure/pdn_structure.json",
		"applications/doctype/pdn_application/pdn_application.json",
	):
		options = next(
			field["options"].split("\n")
			for field in json.loads((APP / doctype).read_text(encoding="utf-8"))["fields"]
			if field["fieldname"] == "legal_status"
		)
		assert set(company.LEGAL_STATUSES) <= set(options), doctype
