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
	# after the questionnaires: the committee suspends and excludes two promeneurs of the Allier
	"pdn_frappe.applications.demo.load_committee",
	# last: the structures' requests hang on their promeneurs and conventions
	"pdn_frappe.network.request_demo.load",
	# after everything that moves a promeneur in or out of the directory: the national site follows it
	"pdn_frappe.network.address_book_demo.load",
]


@click.command("pdn-load-demo")
@click.option(
	"--smtp-host",
	help="Send the site's e-mails to this SMTP server (a mail catcher such as Mailpit): "
	"creates or updates the default outgoing Email Account, without authentication nor TLS.",
)
@click.option(
	"--smtp-port", type=click.IntRange(1, 65535), help="Port of --smtp-host (default 25; Mailpit: 1025)."
)
@pass_context
def load_demo(context, smtp_host=None, smtp_port=None):
	"""Load the demo network of the Allier (03) and the Puy-de-Dôme (63), with its demo logins.

	Completes the setup wizard in French if nobody did, then loads the network, conventions,
	trainings, an open call for applications and the questionnaires of the last four quarters.
	Safe to run twice: nothing is duplicated. For demonstration sites only: the demo logins share a
	password published in the README.
	"""
	if smtp_port and not smtp_host:
		raise click.UsageError("--smtp-port needs --smtp-host.")
	get_site(context)  # raises SiteNotSpecifiedError, reported by pass_context, without --site
	for site in context.sites:
		click.echo(f"Loading the Promeneurs du Net demo network into {site}...")
		frappe.init(site=site)
		frappe.connect()
		try:
			if smtp_host:
				set_demo_email_account(smtp_host, smtp_port or 25)
			for loader in DEMO_LOADERS:
				frappe.get_attr(loader)()
		finally:
			frappe.destroy()
		click.secho(
			"Done. The demo logins share a published password: never load the demo on a production site.",
			fg="yellow",
		)


def set_demo_email_account(host: str, port: int) -> None:
	"""Point the default outgoing Email Account at ``host``:``port`` first: a mail catcher that does
	not answer stops the command before the long part."""
	from pdn_frappe.network.demo import DEMO_EMAIL_ACCOUNT, DEMO_SENDER, ensure_outgoing_email_account

	try:
		outcome = ensure_outgoing_email_account(host, port)
	except frappe.ValidationError as error:
		frappe.db.rollback()
		raise click.ClickException(
			f"The outgoing e-mail account could not be set to {host}:{port} ({error}). "
			"Start the mail catcher first, or leave out --smtp-host."
		) from error
	frappe.db.commit()
	click.echo(
		f"Outgoing e-mail: account '{DEMO_EMAIL_ACCOUNT}' <{DEMO_SENDER}> sends through {host}:{port} "
		f"({outcome})."
	)


commands = [load_demo]
