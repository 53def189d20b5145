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
