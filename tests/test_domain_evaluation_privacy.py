"""Tests for pdn_frappe.domain.privacy: no young person's contact details in free texts."""

from __future__ import annotations

import pytest

from pdn_frappe.domain import privacy


@pytest.mark.parametrize(
	("text", "kinds"),
	[
		("Écrire à lea.martin@gmail.com pour la suite", ["email"]),
		("Son numéro : 06 12 34 56 78", ["phone"]),
		("joignable au 0612345678", ["phone"]),
		("ou au +33 6 12 34 56 78", ["phone"]),
		("appel du 01.45.67.89.10", ["phone"]),
		("compte @lea_du_63 sur Instagram", ["handle"]),
		("voir https://www.instagram.com/lea.martin", ["profile_url"]),
		("snapchat.com/add/lea63", ["profile_url"]),
		("tiktok.com/@lea63 et lea@free.fr", ["email", "profile_url"]),
	],
)
def test_contact_details_are_found(text, kinds):
	assert privacy.contact_detail_kinds(text) == kinds


@pytest.mark.parametrize(
	"text",
	[
		None,
		"",
		"Beaucoup de questions sur le harcèlement, orientation vers le PIJ.",
		"Formation souhaitée sur Discord et les jeux en ligne (2 jours).",
		"Site ressource : www.filsantejeunes.com, 0 800 235 236 n'est pas un mobile",
		"Permanence le mardi de 17 h à 19 h, 15 jeunes en 2025.",
		"L'adresse générique de la structure est @ la mairie",
	],
)
def test_ordinary_texts_pass(text):
	assert privacy.find_contact_details(text) == []


def test_findings_keep_their_order_and_text():
	findings = privacy.find_contact_details("@lea63 puis lea@gmail.com puis 06 11 22 33 44")
	assert [(f.kind, f.text) for f in findings] == [
		("handle", "@lea63"),
		("email", "lea@gmail.com"),
		("phone", "06 11 22 33 44"),
	]


def test_an_email_is_not_also_a_handle():
	assert privacy.contact_detail_kinds("contact@centre-social.fr") == ["email"]
