"""bench commands of pdn_frappe (bench finds them in the ``commands`` list of this module)."""

import click
import frappe
from frappe.commands import get_site, pass_context

# The registry first: the other modules' demo data hang on its structures and promeneurs.
DEMO_LOADERS = [
	"pdn_frappe.network.demo.load",
	"pdn_frappe.conventions.demo.load",
	"pdn_frappe.animation.demo.load",
	"pdn_frappe.applications.demo.load",
	"pdn_frappe.evaluation.demo.load",
]


@click.command("pdn-load-demo")
@pass_context
def load_demo(context):
	"""Load the demo network of the Allier (03) and the Puy-de-Dôme (63), with its demo logins.

	Completes the setup wizard in French if nobody did. Safe to run twice: nothing is duplicated.
	For demonstration sites only: the demo logins share a password published in the README.
	"""
	get_site(context)  # raises SiteNotSpecifiedError, reported by pass_context, without --site
	for site in context.sites:
		click.echo(f"Loading the Promeneurs du Net demo network into {site}...")
		frappe.init(site=site)
		frappe.connect()
		try:
			for loader in DEMO_LOADERS:
				frappe.get_attr(loader)()
		finally:
			frappe.destroy()
		click.secho(
			"Done. The demo logins share a published password: never load the demo on a production site.",
			fg="yellow",
		)


commands = [load_demo]
