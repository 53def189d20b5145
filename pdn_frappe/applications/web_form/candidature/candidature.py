from frappe import _

from pdn_frappe.applications import utils
from pdn_frappe.settings import get_settings


def get_context(context):
	"""The public application form speaks French and points to the list of open calls."""
	utils.use_site_language_for_guests()
	context.no_cache = 1
	page = utils.CALLS_PAGE
	context.introduction_text = "".join(
		[
			"<p>",
			_(
				"Youth and family workers: apply here to join the departmental network of the Promeneurs du Net. One form per candidate; the structure's legal representative must agree."
			),
			"</p><p>",
			_("Applications are open during the calls for applications of each department: {0}.").format(
				f'<a href="{page}">{_("see the open calls")}</a>'
			),
			" ",
			_("Attachments: PDF, JPEG or PNG files of {0} MB at most.").format(
				get_settings().max_attachment_mb
			),
			"</p>",
		]
	)
