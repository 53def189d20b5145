"""Context of the message sent to a promeneur whose questionnaire was reopened."""

from frappe import _
from frappe.utils import get_url

from pdn_frappe.domain.periods import parse_period_key
from pdn_frappe.evaluation import utils


def get_context(context):
	doc = context["doc"]
	label = utils.period_label(parse_period_key(doc.period))
	context["period_label"] = label
	context["form_url"] = get_url(f"/evaluation/{doc.name}/edit")
	context["reopened_subject"] = _("Promeneurs du Net: your questionnaire for {0} was reopened").format(
		label
	)
	return context
