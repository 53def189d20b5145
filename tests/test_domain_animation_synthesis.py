"""The annual synthesis laid out like the activity report's table (pdn_frappe.domain.synthesis)."""

from pdn_frappe.domain import synthesis as s


def allier_2019() -> s.YearFigures:
	return s.YearFigures(
		promeneurs=23,
		active_at_year_end=19,
		professions=["Animateur enfance-jeunesse", "Informateur jeunesse"],
		structure_types=["Centre social", "Médiathèque", "Point ou bureau information jeunesse (PIJ/BIJ)"],
		individual_presentations=10,
		collective_presentations=5,
		public_workshops=5,
		practice_exchanges=1,
		welcome_meetings=1,
		departmental_meetings=1,
		training_days=1.5,
		trainings=[("La présence éducative sur Internet", 1.0), ("Optimiser les pratiques", 0.5)],
	)


def test_one_department_against_the_previous_year():
	rows = s.build_synthesis(
		["03"], {"03": allier_2019()}, {"03": s.YearFigures(promeneurs=4, professions=["A"])}
	)
	assert len(rows) == 1 + len(s.INDICATORS)
	header, *indicators = rows
	# the department's heading: no indicator and no figures
	empty = dict.fromkeys(("indicator", "value", "previous", "change"))
	assert header == {"department": "03", **empty, "details": [], "indent": 0}
	by_key = {row["indicator"]: row for row in indicators}
	assert [row["indicator"] for row in indicators] == list(s.INDICATORS)
	assert (
		by_key["promeneurs"]["value"],
		by_key["promeneurs"]["previous"],
		by_key["promeneurs"]["change"],
	) == (
		23,
		4,
		19,
	)
	assert by_key["profile_types"]["value"] == 2 and by_key["profile_types"]["change"] == 1
	assert by_key["structure_types"]["details"][0] == "Centre social"
	assert by_key["training_days"]["value"] == 1.5
	assert by_key["training_days"]["details"] == [
		("La présence éducative sur Internet", 1.0),
		("Optimiser les pratiques", 0.5),
	]
	assert all(row["indent"] == 1 for row in indicators)


def test_several_departments_end_with_a_total_block():
	puy = s.YearFigures(
		promeneurs=43,
		professions=["Animateur enfance-jeunesse", "Directeur de structure"],
		structure_types=["Centre social", "EPN"],
		individual_presentations=13,
		collective_presentations=8,
		training_days=1.5,
	)
	rows = s.build_synthesis(["63", "03"], {"63": puy, "03": allier_2019()}, {})
	assert [row["department"] for row in rows if row["indent"] == 0] == ["63", "03", s.TOTAL]
	total = {row["indicator"]: row for row in rows if row["department"] == s.TOTAL and row["indent"]}
	assert total["promeneurs"]["value"] == 66
	assert total["individual_presentations"]["value"] == 23
	assert total["collective_presentations"]["value"] == 13
	assert total["profile_types"]["value"] == 3  # the shared profession counts once
	assert total["structure_types"]["value"] == 4
	assert total["training_days"]["value"] == 3.0
	assert total["training_days"]["details"] == [
		("La présence éducative sur Internet", 1.0),
		("Optimiser les pratiques", 0.5),
	]
	assert total["promeneurs"]["previous"] == 0


def test_group_trainings_adds_up_sessions_of_the_same_title():
	rows = [
		{"title": "Optimiser les pratiques", "days": 0.5},
		{"title": "La présence éducative sur Internet", "days": 1},
		{"title": "Optimiser les pratiques ", "days": 0.5},
		{"title": "", "days": 3},
	]
	assert s.group_trainings(rows) == [
		("La présence éducative sur Internet", 1.0),
		("Optimiser les pratiques", 1.0),
	]


def test_chart_values_follow_the_chart_indicators():
	assert s.chart_values(allier_2019()) == [23, 10, 5, 5, 1, 1, 1.5]


def test_the_target_and_the_gap_follow_the_promeneurs():
	now = allier_2019()
	now.target = 25
	rows = s.build_synthesis(["03"], {"03": now}, {"03": s.YearFigures(promeneurs=4, active_at_year_end=4)})
	by_key = {row["indicator"]: row for row in rows if row["indent"]}
	assert [row["indicator"] for row in rows if row["indent"]][:3] == [s.PROMENEURS, s.TARGET, s.TARGET_GAP]
	# the target in force is known for the year chosen only
	assert (by_key[s.TARGET]["value"], by_key[s.TARGET]["previous"], by_key[s.TARGET]["change"]) == (
		25,
		None,
		None,
	)
	# 19 active on 31 December against 25: 6 short
	assert (by_key[s.TARGET_GAP]["value"], by_key[s.TARGET_GAP]["previous"]) == (-6, None)


def test_no_target_no_gap():
	rows = s.build_synthesis(["03"], {"03": allier_2019()}, {})
	by_key = {row["indicator"]: row for row in rows if row["indent"]}
	assert by_key[s.TARGET]["value"] is None and by_key[s.TARGET_GAP]["value"] is None
	assert s.target_gap(30, 25) == 5 and s.target_gap(30, None) is None and s.target_gap(0, 0) == 0


def test_several_departments_have_a_target_together_only_when_each_has_one():
	allier, puy = allier_2019(), s.YearFigures(promeneurs=43, active_at_year_end=40)
	allier.target, puy.target = 25, 45
	assert s.combine([allier, puy]).target == 70
	assert s.combine([allier, puy]).value(s.TARGET_GAP) == 59 - 70
	puy.target = None
	assert s.combine([allier, puy]).target is None
	assert s.combine([]).target is None
