"""The promeneur's own directory profile (/mon-profil).

Frappe's web form opens ``/mon-profil/new`` for a user without a record of their own; this page
sends the promeneur to their own record instead, and tells anyone else that the page is not for
them. A record that is not the user's own is never shown here, even to a user who may read it
elsewhere (a coordinator uses the desk). Above the form: the card the directory shows, whether it is
published and its link, and the identification warnings (:mod:`pdn_frappe.network.profile`).
"""

import frappe
from frappe import _

from pdn_frappe.network import profile

ROUTE = profile.ROUTE


def get_context(context):
	own = profile.own_promeneur()
	name = frappe.form_dict.name
	if name and name != own:
		# someone else's record: not even the form; a promeneur goes back to their own
		if own:
			frappe.redirect(f"/{ROUTE}/{own}/edit")
		frappe.throw(profile.no_promeneur_message(), frappe.PermissionError)
	if not name:
		if own:
			frappe.redirect(f"/{ROUTE}/{own}/edit")
		summary = {"no_promeneur": 1, "message": profile.no_promeneur_message()}
	else:
		summary = profile.profile_summary(own)
	context.title = _("My directory profile")
	context.introduction_text = profile.render_summary(summary)
	context.pdn_profile = {"no_promeneur": bool(summary.get("no_promeneur"))}
	return context
