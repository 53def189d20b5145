"""The life of the demo conventions after their signature, as plain data.

In each demo department the loader (:mod:`pdn_frappe.conventions.demo`) takes the conventions in
the order of their structures' names:

* the first one (it ends soon) had an on-site check that found unjustified expenses: part of last
  year's subsidy is to be paid back, an earlier overpayment was already recovered;
* the second one is amended: this year's subsidy rises and the CAF has a new representative;
* the third one (the next one when its structure hosts a demo login) is ended by its structure
  with three months' notice, on the next anniversary of its start; it stays active until then.

Only professionals and organisations are named; nothing here is about a young person.
"""

from __future__ import annotations

import datetime

from pdn_frappe.domain.conventions import NOTICE_MONTHS, add_years
from pdn_frappe.domain.periods import add_months

#: index of each demo convention (structures sorted by name) in its department
CHECKED, AMENDED, TERMINATED = 0, 1, 2

AMENDMENT = {
	"reason": "Un deuxième professionnel de la structure rejoint la démarche : la subvention de l'année est revue à la hausse.",
	"increase": 1500,
	"new_caf_representative_title": "Directrice adjointe",
}
NEW_CAF_REPRESENTATIVES = {"03": "Sophie Lambert", "63": "Julien Moreau"}

TERMINATION_REASON = (
	"La structure réorganise son secteur jeunesse et ne peut plus dégager de temps de présence en ligne."
)

CHECK = {
	"check_kind": "On site",
	"checked_by": "Service contrôle de la Caf",
	"findings": "Dépenses de l'année précédente rapprochées des pièces comptables : une partie des frais "
	"de fonctionnement n'est pas justifiée.",
	"outcome": "Recovery of sums",
	"follow_up": "Titre de recette émis ; la structure a été informée par courrier.",
}

#: (amount, status, days from today to the due date, reason)
RECOVERIES = (
	(1500, "To recover", 45, "Frais de fonctionnement non justifiés lors du contrôle sur place"),
	(250, "Recovered", -120, "Trop-perçu sur le versement de l'année précédente"),
)


def check_date(today: datetime.date) -> datetime.date:
	return today - datetime.timedelta(days=30)


def notice_date(start: datetime.date, end: datetime.date, today: datetime.date) -> datetime.date | None:
	"""A notice that reaches the next anniversary still ahead: today when it is early enough, else
	the last day it could be given (a letter received then, recorded now). None when no anniversary
	of the period is ahead."""
	years = 1
	while (anniversary := add_years(start, years)) <= end:
		if anniversary > today:
			return min(today, add_months(anniversary, -NOTICE_MONTHS))
		years += 1
	return None
