"""Regional settings a French network expects, and when to apply them."""

FRENCH_SETTINGS: dict[str, str] = {
	"language": "fr",
	"country": "France",
	"time_zone": "Europe/Paris",
	"currency": "EUR",
	"date_format": "dd-mm-yyyy",
	"time_format": "HH:mm",
	"number_format": "# ###,##",
	"first_day_of_the_week": "Monday",
}

# Values a site has before anybody configured it (Frappe's own defaults).
UNTOUCHED_VALUES: dict[str, frozenset] = {
	"language": frozenset({None, "", "en"}),
	"country": frozenset({None, ""}),
	"time_zone": frozenset({None, ""}),
	"currency": frozenset({None, ""}),
	"date_format": frozenset({None, "", "yyyy-mm-dd", "dd-mm-yyyy"}),
	"time_format": frozenset({None, "", "HH:mm:ss"}),
	"number_format": frozenset({None, "", "#,###.##"}),
	"first_day_of_the_week": frozenset({None, "", "Sunday"}),
}


def settings_to_apply(current: dict) -> dict[str, str]:
	"""Return the French settings to write over ``current`` System Settings values.

	A site whose country is already set to another country is left alone; on any
	other site, only the values nobody changed from the framework's defaults are
	set to their French value.
	"""
	country = current.get("country")
	if country not in UNTOUCHED_VALUES["country"] and country != FRENCH_SETTINGS["country"]:
		return {}
	return {
		key: value
		for key, value in FRENCH_SETTINGS.items()
		if current.get(key) in UNTOUCHED_VALUES[key] and current.get(key) != value
	}
