"""The evaluation reports read their sums from PdN Evaluation Rollup, and some of their counts from
new indexes of the questionnaires: make the indexes (model sync adds them only to doctypes whose
definition changed) and fill the rollup with the questionnaires already submitted (after the theme
rows moved to their one table)."""

from pdn_frappe.evaluation import rollup
from pdn_frappe.evaluation.doctype.pdn_evaluation import pdn_evaluation


def execute():
	pdn_evaluation.on_doctype_update()
	rollup.rebuild(verbose=False)
