"""The department's name with its French article, as in "le département de l'Allier"."""

import pytest

from pdn_frappe.domain.departments import DEPARTMENTS, of_department


@pytest.mark.parametrize(
	"name, expected",
	[
		("Allier", "de l'Allier"),
		("Puy-de-Dôme", "du Puy-de-Dôme"),
		("Somme", "de la Somme"),
		("Bouches-du-Rhône", "des Bouches-du-Rhône"),
		("Paris", "de Paris"),
		("Eure-et-Loir", "d'Eure-et-Loir"),
		("Hauts-de-Seine", "des Hauts-de-Seine"),
		("Nord", "du Nord"),
		("La Réunion", "de La Réunion"),
		("Mayotte", "de Mayotte"),
	],
)
def test_known_departments_take_their_article(name, expected):
	assert of_department(name) == expected


def test_the_code_decides_when_given():
	assert of_department("Allier", "03") == "de l'Allier"
	assert of_department("Allier", "3") == "de l'Allier"


def test_every_department_gets_a_preposition():
	for department in DEPARTMENTS:
		phrase = of_department(department.name, department.code)
		assert phrase.endswith(department.name)
		assert phrase.split(department.name)[0] in ("de ", "du ", "des ", "de la ", "de l'", "d'")


def test_unknown_names_fall_back_to_de_or_d():
	assert of_department("Val-de-Loire-Nord") == "de Val-de-Loire-Nord"
	assert of_department("Ardenne du Nord") == "d'Ardenne du Nord"
	assert of_department("") == ""
	assert of_department(None) == ""
