"""The guide's four indicators in the questionnaire and the activity report: ratings only."""

from pdn_frappe.demo import evaluations as demo
from pdn_frappe.domain import evaluation as rules

RATED = {"interest_online_presence": 0.8, "interest_network": 1, "interest_trainings": 0.6}


def guide_rows(figures):
	return {row.code: row for row in rules.activity_rows(figures) if row.section == rules.SECTION_GUIDE}


def test_the_guide_section_on_data_computed_by_hand():
	questionnaires = [
		{"promeneur": "A", **RATED, "quality_of_contacts": 1, "partner_involvement": 0.4},
		{"promeneur": "B", **RATED, "quality_of_contacts": 0.6, "impact_on_youths": "0.8"},
		{"promeneur": "C", **RATED},
	]
	rows = guide_rows(rules.accumulate(questionnaires, expected=3))
	assert list(rows) == [rules.SECTION_GUIDE, *rules.GUIDE_RATING_FIELDS]
	# quality: (5 + 3) / 2 = 4.0 stars, rated in 2 of 3 questionnaires = 66.7 %
	assert (rows["quality_of_contacts"].value, rows["quality_of_contacts"].share) == (4.0, 66.7)
	assert (rows["partner_involvement"].value, rows["partner_involvement"].share) == (2.0, 33.3)
	assert (rows["impact_on_youths"].value, rows["impact_on_youths"].share) == (4.0, 33.3)
	assert (rows["channel_diversity"].value, rows["channel_diversity"].share) == (None, 0.0)
	interest = [
		row.code for row in rules.activity_rows(rules.accumulate(questionnaires)) if row.section == "interest"
	]
	assert interest == ["interest", *rules.INTEREST_FIELDS], "the guide's ratings are not interests"


def test_the_guide_indicators_are_optional_and_checked():
	assert rules.check_complete(RATED, ["Instagram"]) == []
	problems = rules.check_indicators({**RATED, "channel_diversity": 7, "impact_on_youths": "beaucoup"})
	assert [(p.code, p.fields) for p in problems] == [
		("invalid_rating", ("impact_on_youths",)),
		("invalid_rating", ("channel_diversity",)),
	]


def test_demo_questionnaires_rate_the_guide_indicators_from_their_own_figures():
	values = {
		"youths_contacted": 20,
		"youths_met_after_contact": 4,
		"projects_initiated": 1,
		"interactions_referral": 3,
		"interactions_simple_exchange": 27,
	}
	# quality 2 + 10 * 4 / 20 = 4 ; impact 2 + 1 = 3 ; partners 1 + 40 * 3 / 30 = 5 ; channels 1 + 2 = 3
	assert demo.guide_ratings(values, 2) == {
		"quality_of_contacts": 0.8,
		"impact_on_youths": 0.6,
		"partner_involvement": 1.0,
		"channel_diversity": 0.6,
	}
	nobody = demo.guide_ratings({"youths_contacted": 0}, 1)
	assert (nobody["quality_of_contacts"], nobody["impact_on_youths"]) == (0, 0)
