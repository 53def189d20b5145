"""Charter signatures carry their promeneur's e-mail (fetched), so that a personal-data request
finds them: fill it in on the signatures recorded before."""

import frappe


def execute():
	signature = frappe.qb.DocType("PdN Charter Signature")
	promeneur = frappe.qb.DocType("PdN Promeneur")
	(
		frappe.qb.update(signature)
		.join(promeneur)
		.on(promeneur.name == signature.promeneur)
		.set(signature.promeneur_email, promeneur.email)
		.where(signature.promeneur_email.isnull() | (signature.promeneur_email == ""))
	).run()
