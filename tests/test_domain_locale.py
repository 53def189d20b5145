from pdn_frappe.domain.locale import FRENCH_SETTINGS, settings_to_apply


def test_fresh_site_gets_every_french_setting():
	fresh = {
		"language": "en",
		"country": None,
		"time_zone": None,
		"currency": None,
		"date_format": "yyyy-mm-dd",
		"time_format": "HH:mm:ss",
		"number_format": None,
		"first_day_of_the_week": "Sunday",
	}
	assert settings_to_apply(fresh) == FRENCH_SETTINGS


def test_site_of_another_country_is_left_alone():
	belgian = {"language": "en", "country": "Belgium", "time_zone": "Europe/Brussels", "currency": "EUR"}
	assert settings_to_apply(belgian) == {}


def test_values_chosen_by_an_administrator_are_kept():
	current = {
		"language": "en",
		"country": "France",
		"time_zone": "Indian/Reunion",
		"date_format": "dd/mm/yyyy",
	}
	changes = settings_to_apply(current)
	assert "time_zone" not in changes
	assert "date_format" not in changes
	assert changes["language"] == "fr"
	assert changes["currency"] == "EUR"


def test_already_french_site_needs_nothing():
	assert settings_to_apply(dict(FRENCH_SETTINGS)) == {}
