"""Load the demo network of the Allier (03) and the Puy-de-Dôme (63) into the current site.

The data comes from :func:`pdn_frappe.demo.network.build_demo_network`; it goes in through normal
documents, so every validation of the doctypes runs and :mod:`pdn_frappe.network.access` grants the
roles and User Permissions of the demo logins.

Loading is idempotent: a second run creates nothing and changes nothing. Records are matched on
what identifies them: departments by code (the 101 departments exist already: only their demo
fields and team are set), structures by SIRET, promeneurs by e-mail, resource referents by full
name and department, users by e-mail.

Run with ``bench --site SITE pdn-load-demo`` (see :mod:`pdn_frappe.commands`) or
``bench --site SITE execute pdn_frappe.network.demo.load``. Meant for demonstration and test sites:
the demo logins share a password that is written in the README.
"""

from __future__ import annotations

from contextlib import contextmanager

import frappe
from frappe.utils import cint, now_datetime
from frappe.utils.password import check_password, update_password

from pdn_frappe.demo import network as demo
from pdn_frappe.domain.locale import FRENCH_SETTINGS
from pdn_frappe.network import access
from pdn_frappe.network.setup import configure_for_france, sync_departments
from pdn_frappe.roles import PROMENEUR_ROLE

CREATED = "created"
UPDATED = "updated"
EXISTING = "existing"
KINDS = ("users", "departments", "structures", "promeneurs", "referents")


@contextmanager
def loading(commit: bool = True):
	"""What every demo loader runs in: as Administrator, e-mails muted, ``frappe.flags.in_demo``
	set; committed at the end (unless ``commit`` is false), rolled back on an error; the user and
	the flags are put back afterwards."""
	previous_user = frappe.session.user if getattr(frappe.local, "session", None) else None
	previous_flags = {flag: frappe.flags.get(flag) for flag in ("in_demo", "mute_emails")}
	frappe.flags.in_demo = True
	frappe.flags.mute_emails = True
	try:
		if previous_user != "Administrator":
			frappe.set_user("Administrator")
		yield
		if commit:
			frappe.db.commit()
	except Exception:
		if commit:
			frappe.db.rollback()
		raise
	finally:
		frappe.flags.update(previous_flags)
		if previous_user and previous_user != "Administrator":
			frappe.set_user(previous_user)


def load(verbose: bool = True, commit: bool = True) -> dict:
	"""Insert (or complete) the demo network on the current site and commit (unless ``commit`` is false).

	Returns, for each kind of record, how many were created, updated or already as wanted, plus
	``setup_wizard_completed`` (the wizard was completed by this call) and ``passwords_set``
	(demo logins whose password had to be set).
	"""
	network = demo.build_demo_network()
	counts: dict = {kind: {CREATED: 0, UPDATED: 0, EXISTING: 0} for kind in KINDS}
	with loading(commit):
		counts["setup_wizard_completed"] = complete_setup_wizard()
		counts["jobs_released"] = release_scheduled_jobs()
		ensure_departments_exist(department.code for department in network.departments)

		for login in network.logins:
			counts["users"][ensure_user(login)] += 1

		structure_names: dict[str, str] = {}
		for structure in network.structures:
			name, outcome = ensure_structure(structure)
			structure_names[structure.siret] = name
			counts["structures"][outcome] += 1

		structure_by_key = {
			structure.key: structure_names[structure.siret] for structure in network.structures
		}
		for department in network.departments:
			coordinator_structure = (
				structure_by_key[department.coordinator_structure_key]
				if department.coordinator_structure_key
				else None
			)
			outcome = ensure_department(
				department, coordinator_structure, network.department_members(department.code)
			)
			counts["departments"][outcome] += 1

		logins_by_email = {login.email: login for login in network.logins if login.role == PROMENEUR_ROLE}
		for promeneur in network.promeneurs:
			login = logins_by_email.get(promeneur.email)
			outcome = ensure_promeneur(
				promeneur, structure_names[promeneur.structure_siret], login.email if login else None
			)
			counts["promeneurs"][outcome] += 1

		for referent in network.referents:
			counts["referents"][ensure_referent(referent)] += 1

		counts["passwords_set"] = sum(ensure_password(login.email) for login in network.logins)

	if verbose:
		print_summary(counts, network)
	return counts


# ---------------------------------------------------------------- site set-up


def complete_setup_wizard() -> bool:
	"""Complete the setup wizard with French settings when nobody did; return whether it ran."""
	if cint(frappe.db.get_single_value("System Settings", "setup_complete")):
		return False
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	language = frappe.db.get_value("Language", FRENCH_SETTINGS["language"], "language_name") or "Français"
	args = {
		# v15 reads the language name from "language" for System Settings and from "lang" for the
		# site's default language: give both.
		"language": language,
		"lang": language,
		"country": FRENCH_SETTINGS["country"],
		"timezone": FRENCH_SETTINGS["time_zone"],
		"currency": FRENCH_SETTINGS["currency"],
		# No "email": the wizard would create one more System Manager; Administrator stays the admin.
	}
	in_background = frappe.conf.get("trigger_site_setup_in_background")
	frappe.conf.trigger_site_setup_in_background = 0  # run the stages now, not in a worker
	try:
		result = setup_complete(args)
	finally:
		frappe.conf.trigger_site_setup_in_background = in_background
	if (result or {}).get("status") != "ok":
		raise RuntimeError(f"The setup wizard did not complete: {result!r}")
	configure_for_france()
	frappe.db.commit()
	return True


def release_scheduled_jobs() -> int:
	"""Let the scheduled jobs that look dated in the future run from now; return how many there were.

	Frappe installs a site in its default time zone (Asia/Kolkata) and dates its Scheduled Job Types
	then; once the site runs on Europe/Paris they look hours ahead and would wait that long before
	their first run: no e-mail would leave the queue, no reminder go out. Their clock starts now.
	"""
	now = now_datetime()
	job = frappe.qb.DocType("Scheduled Job Type")
	names = (
		frappe.qb.from_(job)
		.select(job.name)
		.where((job.last_execution.isnull() & (job.creation > now)) | (job.last_execution > now))
		.run(pluck=True)
	)
	for name in names:
		frappe.db.set_value("Scheduled Job Type", name, "last_execution", now, update_modified=False)
	return len(names)


def ensure_departments_exist(codes) -> None:
	"""The departments are installed with the app; install them again if some are missing."""
	if not all(frappe.db.exists("PdN Department", code) for code in codes):
		sync_departments()


# ---------------------------------------------------------------- outgoing e-mail

DEMO_EMAIL_ACCOUNT = "Promeneurs du Net (démo)"
DEMO_SENDER = f"noreply@{demo.DEMO_EMAIL_DOMAIN}"


def ensure_outgoing_email_account(host: str, port: int = 25) -> str:
	"""Make the demo's outgoing Email Account, the default one, send through ``host``:``port``.

	Meant for a local mail catcher (Mailpit, ``python -m aiosmtpd``): no authentication, no TLS.
	Every e-mail of the app (acknowledgements, correction links, decisions, reminders) then goes
	there once the scheduler flushes the Email Queue. Creates the account, or updates it when it
	points elsewhere; returns "created", "updated" or "existing".

	Frappe checks the connection on save when the host is ``localhost`` or ``127.0.0.1``: the
	catcher must be running then; other hosts (``mailpit`` in Docker) are not contacted.
	"""
	wanted = {
		"email_id": DEMO_SENDER,
		"enable_outgoing": 1,
		"default_outgoing": 1,
		"smtp_server": host,
		"smtp_port": str(int(port)),
		"no_smtp_authentication": 1,
		"use_tls": 0,
		"use_ssl_for_outgoing": 0,
		"awaiting_password": 0,
		"enable_incoming": 0,
		"domain": None,
		"service": "",
		"auth_method": "Basic",
		"login_id_is_different": 0,
	}
	outcome = UPDATED
	if frappe.db.exists("Email Account", DEMO_EMAIL_ACCOUNT):
		account = frappe.get_doc("Email Account", DEMO_EMAIL_ACCOUNT)
		if all((account.get(field) or None) == (value or None) for field, value in wanted.items()):
			return EXISTING
	else:
		account = frappe.new_doc("Email Account")
		account.email_account_name = DEMO_EMAIL_ACCOUNT
		outcome = CREATED
	account.update(wanted)
	account.flags.ignore_permissions = True
	account.save()
	frappe.local.outgoing_email_account = {}  # forget the default account cached by this process
	return outcome


# ---------------------------------------------------------------- users


def ensure_user(login: demo.DemoLogin) -> str:
	"""Create the enabled, French-speaking System User of a demo login, with its role."""
	if frappe.db.exists("User", login.email):
		if cint(frappe.db.get_value("User", login.email, "enabled")):
			return EXISTING
		user = frappe.get_doc("User", login.email)
		user.enabled = 1
		user.flags.ignore_permissions = True
		user.save()
		return UPDATED
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": login.email,
			"first_name": login.first_name,
			"last_name": login.last_name,
			"user_type": "System User",
			"language": FRENCH_SETTINGS["language"],
			"enabled": 1,
			"send_welcome_email": 0,
			"new_password": demo.DEMO_PASSWORD,
			# The role makes it a System User at once; access.* adds it too, and its scope.
			"roles": [{"role": login.role}],
		}
	)
	user.flags.ignore_permissions = True
	user.flags.ignore_password_policy = True
	user.flags.no_welcome_mail = True
	user.insert()
	return CREATED


def ensure_password(user: str) -> bool:
	"""Give ``user`` the demo password unless it already has it; return whether it was set."""
	try:
		check_password(user, demo.DEMO_PASSWORD, delete_tracker_cache=False)
		return False
	except frappe.AuthenticationError:
		update_password(user, demo.DEMO_PASSWORD)
		return True


# ---------------------------------------------------------------- network records


def ensure_structure(structure: demo.DemoStructure) -> tuple[str, str]:
	"""Insert the structure, or make sure an existing one lists the demo manager; return (name, outcome)."""
	name = frappe.db.get_value("PdN Structure", {"siret": structure.siret}, "name")
	if not name:
		doc = frappe.get_doc(structure.to_doc())
		doc.insert(ignore_permissions=True)
		return doc.name, CREATED

	doc = frappe.get_doc("PdN Structure", name)
	changed = False
	for contact in structure.contacts:
		if not contact.user:
			continue
		row = next((row for row in doc.contacts if row.user == contact.user), None)
		if row is None:
			doc.append("contacts", contact.to_row())
			changed = True
		elif contact.is_manager and not cint(row.is_manager):
			row.is_manager = 1
			changed = True
	if changed:
		doc.save(ignore_permissions=True)
		return name, UPDATED
	access.sync_structure_managers(doc)  # idempotent: restores a manager's scope if it was removed
	return name, EXISTING


def ensure_department(
	department: demo.DemoDepartment, coordinator_structure: str | None, members: tuple[demo.DemoLogin, ...]
) -> str:
	"""Set the demo fields and the team of an existing department."""
	doc = frappe.get_doc("PdN Department", department.code)
	wanted = department.to_fields()
	if coordinator_structure:
		wanted["coordinator_structure"] = coordinator_structure
	changed = False
	for fieldname, value in wanted.items():
		if doc.get(fieldname) != value:
			doc.set(fieldname, value)
			changed = True
	for login in members:
		row = next((row for row in doc.members if row.user == login.email), None)
		if row is None:
			doc.append("members", {"user": login.email, "role": login.role})
			changed = True
		elif row.role != login.role:
			row.role = login.role
			changed = True
	if changed:
		doc.flags.ignore_permissions = True
		doc.save()
		return UPDATED
	access.sync_department_members(doc)  # idempotent: restores the team's roles and scope
	return EXISTING


def ensure_promeneur(promeneur: demo.DemoPromeneur, structure: str, user: str | None) -> str:
	"""Insert the promeneur, linked to its login if it has one; link the login of an existing one."""
	name = frappe.db.get_value("PdN Promeneur", {"email": promeneur.email}, "name")
	if not name:
		doc = frappe.get_doc({**promeneur.to_doc(), "structure": structure, "user": user})
		doc.insert(ignore_permissions=True)  # on_update grants the login its role and scope
		return CREATED
	if not user:
		return EXISTING

	doc = frappe.get_doc("PdN Promeneur", name)
	if doc.user:
		if doc.user != user:
			print(f"Promeneur {name} ({promeneur.email}) already has the login {doc.user}: left as it is.")
		access.sync_promeneur_access(doc)
		return EXISTING
	if frappe.db.exists("PdN Promeneur", {"user": user, "name": ("!=", name)}):
		print(f"The login {user} belongs to another promeneur: not linked to {name}.")
		return EXISTING
	doc.user = user
	doc.flags.ignore_permissions = True
	doc.save()
	return UPDATED


def ensure_referent(referent: demo.DemoReferent) -> str:
	filters = {"full_name": referent.full_name, "department": referent.department}
	if frappe.db.exists("PdN Resource Referent", filters):
		return EXISTING
	frappe.get_doc(referent.to_doc()).insert(ignore_permissions=True)
	return CREATED


# ---------------------------------------------------------------- output


def print_summary(counts: dict, network: demo.DemoNetwork) -> None:
	if counts.get("setup_wizard_completed"):
		print("Setup wizard completed with French settings.")
	if counts.get("jobs_released"):
		print(f"Scheduled jobs dated ahead by the install's time zone: {counts['jobs_released']} start now.")
	for kind in KINDS:
		row = counts[kind]
		print(
			f"{kind:<12} {row[CREATED]:>3} created, {row[UPDATED]:>3} updated, {row[EXISTING]:>3} unchanged"
		)
	print(
		f"Demo logins (password {demo.DEMO_PASSWORD}, set on {counts.get('passwords_set', 0)} of them now):"
	)
	for login in network.logins:
		scope = login.department + (f", {login.structure_key}" if login.structure_key else "")
		print(f"  {login.email:<36} {login.role} ({scope})")
