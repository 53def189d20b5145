"""Tests for pdn_frappe.domain.privacy: the one guard against young people's contact details in free texts."""

from __future__ import annotations

import time

import pytest

from pdn_frappe.domain import animation, privacy
from pdn_frappe.domain.privacy import EMAIL, HANDLE, PHONE, PROFILE_URL

# ---------------------------------------------------------------- what is found


@pytest.mark.parametrize(
	("text", "kind", "fragment"),
	[
		# e-mail addresses, written out or spelled to dodge a filter
		("écrire à lea.martin@gmail.com demain", EMAIL, "lea.martin@gmail.com"),
		("mail : Lea_63+snap@Laposte.NET", EMAIL, "Lea_63+snap@Laposte.NET"),
		("lea.martin [at] gmail.com", EMAIL, "lea.martin [at] gmail.com"),
		("lea(at)free.fr", EMAIL, "lea(at)free.fr"),
		("lea63 arobase orange.fr", EMAIL, "lea63 arobase orange.fr"),
		# French phone numbers: spaces, dots, dashes, none, +33 and 0033, (0)
		("au 06 12 34 56 78 le soir", PHONE, "06 12 34 56 78"),
		("au 06.12.34.56.78", PHONE, "06.12.34.56.78"),
		("au 06-12-34-56-78", PHONE, "06-12-34-56-78"),
		("au 0612345678", PHONE, "0612345678"),
		("au +33 6 12 34 56 78", PHONE, "+33 6 12 34 56 78"),
		("au +33612345678", PHONE, "+33612345678"),
		("au 0033 7 12 34 56 78", PHONE, "0033 7 12 34 56 78"),
		("au +33 (0)6 12 34 56 78", PHONE, "+33 (0)6 12 34 56 78"),
		("fixe 04.70.12.34.56", PHONE, "04.70.12.34.56"),
		("belge +32 470 12 34 56", PHONE, "+32 470 12 34 56"),
		# handles
		("son compte @lea_du_63 !", HANDLE, "@lea_du_63"),
		("c'est @lea.d63.", HANDLE, "@lea.d63"),
		("(@élodie)", HANDLE, "@élodie"),
		("son snap : lea_63.", HANDLE, "lea_63"),
		("Insta: @lea.d63", HANDLE, "@lea.d63"),
		("pseudo : kevin2009", HANDLE, "kevin2009"),
		# links to a profile or a conversation
		("https://www.instagram.com/lea.d63/", PROFILE_URL, "https://www.instagram.com/lea.d63/"),
		("voir instagram.com/lea.d63.", PROFILE_URL, "instagram.com/lea.d63"),
		("snapchat.com/add/lea63", PROFILE_URL, "snapchat.com/add/lea63"),
		("https://wa.me/33612345678", PROFILE_URL, "https://wa.me/33612345678"),
		("rejoins t.me/lea63", PROFILE_URL, "t.me/lea63"),
		("serveur discord.gg/AbCdEf", PROFILE_URL, "discord.gg/AbCdEf"),
		("vm.tiktok.com/ZMabc123/", PROFILE_URL, "vm.tiktok.com/ZMabc123/"),
		("https://m.facebook.com/lea.martin", PROFILE_URL, "https://m.facebook.com/lea.martin"),
		("x.com/lea63", PROFILE_URL, "x.com/lea63"),
	],
)
def test_each_kind_is_found_with_its_position(text, kind, fragment):
	findings = privacy.find_contact_details(text)
	assert [(f.kind, f.text) for f in findings] == [(kind, fragment)]
	(finding,) = findings
	assert text[finding.start : finding.end] == fragment


@pytest.mark.parametrize(
	"text",
	[
		None,
		"",
		"Rendez-vous à 12h30, puis 14 h 45 au PIJ.",
		"Séance du 12/03/2026 et du 01.02.2026 12 jeunes présents",
		"Le 03.04.2026 à 10h, 25 participants.",
		"Prix : 1 250,00 € ; 35 € par séance ; 0,50 € la copie",
		"Code postal 03200, SIRET 03456789012345, 15 jeunes en 2025.",
		"Appeler le 3018 ou le 119 ; le 0 800 235 236 est gratuit.",
		"Nous nous retrouvons @ la mairie, RDV @14h ou @9h30, promo @2025.",
		"Formation sur Discord et Instagram : une story par semaine.",
		"Instagram : 3 publications ; Snapchat : pas de compte ; pseudo : kevin.",
		"Site ressource : www.filsantejeunes.com, https://www.jeunes.gouv.fr/actualites",
		"Une page sur netflix.com/browse ou inbox.com/mail n'est pas un réseau.",
		"Ratio 50 % ; 2 heures ; version 1.2.3 ; article L. 227-4.",
	],
)
def test_ordinary_texts_pass(text):
	assert privacy.find_contact_details(text) == []
	assert not privacy.has_contact_details(text)


def test_findings_come_in_text_order_each_once():
	text = "@lea63 puis lea@gmail.com puis 06 11 22 33 44 et instagram.com/lea63"
	assert [(f.kind, f.start) for f in privacy.find_contact_details(text)] == [
		(HANDLE, 0),
		(EMAIL, 12),
		(PHONE, 31),
		(PROFILE_URL, 49),
	]


def test_a_fragment_counts_under_one_kind_only():
	assert privacy.contact_detail_kinds("contact@centre-social.fr") == [EMAIL]
	assert privacy.contact_detail_kinds("https://wa.me/33612345678") == [PROFILE_URL]
	assert privacy.contact_detail_kinds("tiktok.com/@lea63") == [PROFILE_URL]


def test_kinds_come_in_a_fixed_order():
	assert privacy.contact_detail_kinds("tiktok.com/@lea63, @lea, 06 12 34 56 78, lea@free.fr") == [
		EMAIL,
		PHONE,
		HANDLE,
		PROFILE_URL,
	]


def test_html_is_read_as_text():
	text = "<p>contact&nbsp;: jeune&#64;example.com</p><p>@lea<b>63</b></p>"
	assert privacy.contact_detail_kinds(text, html=True) == [EMAIL, HANDLE]
	plain = privacy.plain_text(text)
	(email, handle) = privacy.find_contact_details(text, html=True)
	assert plain[email.start : email.end] == "jeune@example.com"
	assert handle.text == "@lea"


def test_a_finding_never_shows_its_fragment_in_its_repr():
	(finding,) = privacy.find_contact_details("06 12 34 56 78")
	assert "06" not in repr(finding)
	assert "phone" in repr(finding)


@pytest.mark.parametrize(
	"text",
	[
		"a" * 200_000,
		"snap: " + "a" * 200_000,
		"a." * 100_000,
		"06 " * 60_000,
		"@ab " * 50_000,
		"x@" + "a-" * 100_000,
	],
)
def test_long_texts_are_read_in_linear_time(text):
	started = time.perf_counter()
	privacy.find_contact_details(text)
	assert time.perf_counter() - started < 2


# ---------------------------------------------------------------- warnings


def test_warnings_name_the_field_and_kinds_only():
	warnings = privacy.contact_detail_warnings(
		{"difficulties": "Lea (06 12 34 56 78, @lea63)", "training_needs": "Discord", "other": None}
	)
	assert warnings == [privacy.ContactDetailWarning("difficulties", (PHONE, HANDLE))]
	assert warnings[0].code == privacy.WARNING_CODE


def test_a_warning_message_never_copies_the_fragment():
	(warning,) = privacy.contact_detail_warnings({"notes": "écrire à lea.martin@gmail.com ou 0612345678"})
	message = privacy.warning_message(
		warning,
		"{0}: this text holds {1}.",
		field_label="Notes",
		kind_labels={EMAIL: "an e-mail address", PHONE: "a phone number", HANDLE: "h", PROFILE_URL: "l"},
	)
	assert message == "Notes: this text holds an e-mail address, a phone number."
	assert "lea" not in message and "0612" not in message
	assert "lea" not in repr(warning) and "0612" not in repr(warning)


def test_known_texts_keep_confirmed_details_from_warning_again():
	before = "<p>Compte de la structure : @pij_vichy, 04 70 12 34 56</p>"
	after = "<p>Compte de la structure : @PIJ_Vichy, +33 4 70 12 34 56, et @lea63</p>"
	assert privacy.contact_detail_warnings({"situation": after}, html=True, known_texts=[before]) == [
		privacy.ContactDetailWarning("situation", (HANDLE,))
	]
	assert privacy.contact_detail_warnings({"situation": before}, html=True, known_texts=[before]) == []


def test_same_contact_detail_whatever_its_spelling():
	def key(text):
		(finding,) = privacy.find_contact_details(text)
		return privacy.finding_key(finding)

	assert key("06 12 34 56 78") == key("+33 6 12 34 56 78") == key("0033612345678") == key("06.12.34.56.78")
	assert key("https://www.instagram.com/lea/") == key("instagram.com/lea")
	assert key("lea [at] free.fr") == key("Lea@Free.fr")
	assert key("06 12 34 56 78") != key("06 12 34 56 79")


# ---------------------------------------------------------------- the practice notes use the same guard


def test_practice_notes_use_the_same_detector():
	text = "voir discord.gg/AbCdEf ou t.me/lea63, snap : lea_63"
	assert animation.find_identity_fragments(text) == [f.text for f in privacy.find_contact_details(text)]
	assert animation.plain_text is privacy.plain_text
