"""The coordination's budget in the demo: each department's funding for the year the demo is loaded.

Made-up figures in the shape the guide recommends (a yearly lump sum per full-time equivalent of
coordinator, paid by the CAF, with co-funders beside it). Plain data (no frappe);
:func:`pdn_frappe.animation.demo.ensure_budget` records them.
"""

from __future__ import annotations

from dataclasses import dataclass

ALLIER = "03"
PUY_DE_DOME = "63"


@dataclass(frozen=True)
class DemoBudget:
	department: str
	year: int
	fte: float
	funding_per_fte: float
	co_funders: tuple[tuple[str, float], ...]
	note: str = ""


def budgets(year: int) -> list[DemoBudget]:
	return [
		DemoBudget(
			ALLIER,
			year,
			fte=0.8,
			funding_per_fte=30_000,
			co_funders=(("Conseil départemental de l'Allier", 6_000), ("MSA Auvergne", 1_500)),
			note="Coordination portée par la fédération des centres sociaux (démo).",
		),
		DemoBudget(
			PUY_DE_DOME,
			year,
			fte=1.5,
			funding_per_fte=28_000,
			co_funders=(
				("Conseil départemental du Puy-de-Dôme", 10_000),
				("Ville de Clermont-Ferrand", 2_500),
				("MSA Auvergne", 1_500),
			),
			note="Un poste et demi de coordination pour le département (démo).",
		),
	]
