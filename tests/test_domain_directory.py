import datetime

from pdn_frappe.domain import directory


def test_filters_keep_known_values_only():
	filters = directory.parse_filters(
		{
			"department": "03",
			"network": "Instagram",
			"public": "12-17",
			"mission": "youth",
			"q": "  Julie   G ",
			"page": "2",
		},
		departments={"03", "63"},
		networks={"Instagram"},
	)
	assert filters == directory.DirectoryFilters("03", "Instagram", "12-17", "youth", "Julie G", 2)
	assert filters.as_query_args() == {
		"department": "03",
		"network": "Instagram",
		"public": "12-17",
		"mission": "youth",
		"q": "Julie G",
	}


def test_unknown_or_hostile_values_are_ignored():
	filters = directory.parse_filters(
		{"department": "99' OR 1=1", "network": "<script>", "public": "adults", "mission": "x", "page": "-4"},
		departments={"03"},
		networks={"Instagram"},
	)
	assert filters == directory.DirectoryFilters(page=1)
	assert directory.parse_filters({"page": "abc"}, set(), set()).page == 1
	assert len(directory.parse_filters({"q": "x" * 500}, set(), set()).query) == directory.MAX_QUERY_LENGTH


def test_only_active_consenting_promeneurs_are_listed():
	assert directory.is_listed("Active", 1)
	assert not directory.is_listed("Active", 0)
	assert not directory.is_listed("Suspended", 1)
	assert not directory.is_listed("Candidate", True)


def test_times_are_written_the_french_way():
	assert directory.format_time("14:00:00") == "14h"
	assert directory.format_time("09:30:00") == "9h30"
	assert directory.format_time(datetime.timedelta(hours=17, minutes=5)) == "17h05"
	assert directory.format_time(datetime.time(8, 0)) == "8h"
	assert directory.format_time(None) == ""


def test_office_hours_are_sorted_by_weekday_then_time():
	rows = [
		{"weekday": "Friday", "from_time": "14:00:00", "to_time": "16:00:00"},
		{"weekday": "Monday", "from_time": "18:00:00", "to_time": "19:30:00"},
		{"weekday": "Monday", "from_time": "10:00:00", "to_time": "11:00:00"},
		{"weekday": "Holiday", "from_time": "10:00:00", "to_time": "11:00:00"},
	]
	assert directory.office_hours(rows) == [
		{"weekday": "Monday", "from": "10h", "to": "11h"},
		{"weekday": "Monday", "from": "18h", "to": "19h30"},
		{"weekday": "Friday", "from": "14h", "to": "16h"},
	]


def test_public_profile_shows_first_name_and_no_contact_details():
	row = {
		"name": "PDN-PRM-00001",
		"first_name": " Julie ",
		"last_name": "Chabrol",
		"email": "julie@example.com",
		"phone": "06 39 98 00 00",
		"photo": "/private/files/julie.png",
		"structure_name": "Centre social de Gannat",
		"city": "Gannat",
		"department": "03",
		"department_name": "Allier",
		"mission": "Youth",
		"public_12_17": 1,
		"public_18_25": 0,
		"public_parents": 1,
	}
	networks = [
		{
			"social_network": "Instagram",
			"profile_name": "Julie CS Gannat",
			"profile_url": "https://www.instagram.com/julie",
		},
		{"social_network": "Snapchat", "profile_name": "julie.gannat", "profile_url": "javascript:alert(1)"},
	]
	profile = directory.public_profile(row, networks, [])
	assert profile.first_name == "Julie"
	assert profile.photo is None, "a private photo is never published"
	assert profile.publics == ["12-17", "parents"]
	assert profile.networks[0]["url"] == "https://www.instagram.com/julie"
	assert profile.networks[1]["url"] is None
	published = repr(profile)
	for secret in ("Chabrol", "julie@example.com", "06 39 98"):
		assert secret not in published


def test_page_count():
	assert directory.page_count(0, 24) == 1
	assert directory.page_count(24, 24) == 1
	assert directory.page_count(25, 24) == 2


def test_public_profile_shows_profession_parenting_and_the_structures_contact():
	row = {
		"name": "PDN-PRM-00002",
		"first_name": "Karim",
		"profession": "Éducateur spécialisé",
		"mission": "Youth and parenting",
		"structure_name": "Centre social Les Tilleuls",
		"structure_phone": "04.70.12.34.56",
		"structure_website": "https://cs-tilleuls.example.org",
		"phone": "06 39 98 00 00",
	}
	profile = directory.public_profile(row, [], [])
	assert profile.profession == "Éducateur spécialisé"
	assert profile.parenting
	assert profile.structure_phone == ("04 70 12 34 56", "tel:0470123456")
	assert profile.structure_website == "https://cs-tilleuls.example.org"
	assert "06 39 98" not in repr(profile), "the promeneur's own phone is never published"


def test_the_job_title_stands_in_for_a_missing_profession():
	profile = directory.public_profile({"name": "P", "job_title": " Animatrice "}, [], [])
	assert profile.profession == "Animatrice"
	assert not profile.parenting


def test_a_doubtful_structure_contact_is_not_published():
	row = {"name": "P", "structure_phone": "12", "structure_website": "javascript:alert(1)"}
	profile = directory.public_profile(row, [], [])
	assert profile.structure_phone is None
	assert profile.structure_website is None


def test_only_parenting_missions_carry_the_parentalite_mention():
	assert directory.has_parenting_mission("Parenting")
	assert directory.has_parenting_mission("Youth and parenting")
	assert not directory.has_parenting_mission("Youth")
	assert not directory.has_parenting_mission(None)


def test_report_link_is_a_mailto_with_its_subject_encoded():
	link = directory.report_link("coordination-03@caf.example.fr", "Signalement : Zoé & co?", "Page : /x")
	assert link == (
		"mailto:coordination-03@caf.example.fr?subject=Signalement%20%3A%20Zo%C3%A9%20%26%20co%3F"
		"&body=Page%20%3A%20%2Fx"
	)


def test_report_link_adds_no_recipient_or_header():
	link = directory.report_link("c@caf.example.fr", "x\r\nBcc: evil@example.org&cc=evil@example.org")
	assert "\n" not in link and "&cc=" not in link and "Bcc:" not in link
	assert directory.report_link("not an address", "x") is None
	assert directory.report_link("c@caf.example.fr?cc=evil@example.org", "x") is None
	assert directory.report_link(None, "x") is None


def test_directory_paths():
	assert directory.directory_page("promeneurs") == directory.DirectoryPage("promeneurs/index")
	assert directory.directory_page("/promeneurs/departement/03/") == directory.DirectoryPage(
		"promeneurs/index", department="03"
	)
	assert directory.directory_page("promeneurs/departement/2A").department == "2A"
	assert directory.directory_page("promeneurs/departement/976").department == "976"
	assert directory.directory_page("promeneurs/PDN-PRM-00001") == directory.DirectoryPage(
		"promeneurs/profile", promeneur="PDN-PRM-00001"
	)
	for path in (
		"promeneur",
		"promeneurs/departement/03' or 1=1",
		"promeneurs/departement",
		"promeneurs/a/b",
		"promeneurs/<script>",
		"appels-a-candidatures",
		"",
	):
		page = directory.directory_page(path)
		assert page is None or page.promeneur == "departement", path
	assert directory.department_route("03") == "promeneurs/departement/03"
	assert directory.profile_route("PDN-PRM-00001") == "promeneurs/PDN-PRM-00001"


def test_pager_shows_the_ends_and_the_pages_around_the_current_one():
	assert directory.page_numbers(1, 1) == [1]
	assert directory.page_numbers(1, 4) == [1, 2, 3, 4]
	assert directory.page_numbers(1, 164) == [1, 2, 3, None, 164]
	assert directory.page_numbers(80, 164) == [1, None, 78, 79, 80, 81, 82, None, 164]
	assert directory.page_numbers(164, 164) == [1, None, 162, 163, 164]
	assert directory.page_numbers(4, 164) == [1, 2, 3, 4, 5, 6, None, 164]


# --------------------------------------------------------------------------- identification rule


def test_a_profile_name_with_first_name_and_structure_follows_the_charter():
	for profile_name in (
		"Julie PdN Centre social Les Tilleuls",
		"julie - centre social les tilleuls",
		"Julie CS Les Tilleuls",
		"Promeneuse Julie (Tilleuls)",
		"JULIE CSLT",
	):
		assert directory.identification_problems("Julie", "Centre social Les Tilleuls", profile_name) == (), (
			profile_name
		)


def test_accents_case_and_compound_first_names_do_not_matter():
	assert (
		directory.identification_problems("Zoé", "Mission locale de Vichy", "zoe mission locale vichy") == ()
	)
	assert directory.identification_problems("Jean-Pierre", "MJC de Cusset", "Jean Pierre MJC Cusset") == ()
	assert directory.identification_problems("Inès", "Ville d'Yzeure", "Ines PdN Yzeure") == ()


def test_a_profile_name_missing_the_first_name_or_the_structure_is_flagged():
	rule = directory.identification_problems
	assert rule("Julie", "Centre social Les Tilleuls", "CS Les Tilleuls") == (directory.MISSING_FIRST_NAME,)
	assert rule("Julie", "Centre social Les Tilleuls", "Julie Promeneuse") == (directory.MISSING_STRUCTURE,)
	assert rule("Julie", "Centre social Les Tilleuls", "Julie centre social") == (
		directory.MISSING_STRUCTURE,
	), "generic words do not tell which structure it is"
	assert rule("Julie", "Centre social Les Tilleuls", "julietilleuls") == (
		directory.MISSING_FIRST_NAME,
		directory.MISSING_STRUCTURE,
	)
	assert rule("Julie", "Centre social Les Tilleuls", "  ") == (directory.MISSING_PROFILE_NAME,)
	assert rule("Léa", "Centre social", "Léa Centre social") == ()
	assert rule("Léa", "Centre social", "Léa Social") == (directory.MISSING_STRUCTURE,)


def test_identification_warnings_name_the_rows_that_break_the_rule():
	profiles = [
		{"social_network": "Instagram", "profile_name": "Julie CS Tilleuls"},
		{"social_network": "Snapchat", "profile_name": "juju03"},
		{"social_network": "Discord", "profile_name": ""},
	]
	warnings = directory.identification_warnings("Julie", "Centre social Les Tilleuls", profiles)
	assert warnings == [
		{
			"idx": 2,
			"network": "Snapchat",
			"profile_name": "juju03",
			"missing": (directory.MISSING_FIRST_NAME, directory.MISSING_STRUCTURE),
		},
		{"idx": 3, "network": "Discord", "profile_name": "", "missing": (directory.MISSING_PROFILE_NAME,)},
	]
	assert directory.identification_warnings("Julie", "Centre social Les Tilleuls", []) == []


def test_not_listed_reason_follows_the_listing_rule():
	from pdn_frappe.domain import lifecycle

	for status in ("Active", "Candidate", "Suspended", "Left"):
		for consent in (0, 1):
			for in_force in (False, True):
				reason = directory.not_listed_reason(status, consent, in_force)
				assert (reason is None) == lifecycle.is_listed(status, consent, in_force)
	assert directory.not_listed_reason("Suspended", 0, False) == directory.NOT_LISTED_STATUS
	assert directory.not_listed_reason("Active", 0, True) == directory.NOT_LISTED_CONSENT
	assert directory.not_listed_reason("Active", 1, False) == directory.NOT_LISTED_CONVENTION
