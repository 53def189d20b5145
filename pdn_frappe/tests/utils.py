"""Shared factories and the ``before_tests`` hook of the bench test tier.

Factories build their records as Administrator, whoever the test is logged in as: they set the
scene, and the scene is not what a test checks the permissions of.
"""

import functools
from contextlib import contextmanager

import frappe
from frappe.tests.utils import FrappeTestCase

from pdn_frappe.domain.validation import luhn_complete
from pdn_frappe.network.setup import configure_for_france, sync_departments


def before_tests():
	"""Bring a fresh test site to the state the app expects."""
	frappe.clear_cache()
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

		setup_complete(
			{
				"language": "Français",
				"country": "France",
				"timezone": "Europe/Paris",
				"currency": "EUR",
				"full_name": "Test Administrator",
				"email": "test@example.com",
				"password": "admin",
			}
		)
	configure_for_france()
	sync_departments()
	frappe.db.commit()


# ---------------------------------------------------------------- factories


@contextmanager
def as_administrator():
	current = frappe.session.user
	if current != "Administrator":
		frappe.set_user("Administrator")
	try:
		yield
	finally:
		if frappe.session.user != current:
			frappe.set_user(current)


def factory(function):
	"""Run ``function`` as Administrator (see the module's docstring)."""

	@functools.wraps(function)
	def wrapper(*args, **kwargs):
		with as_administrator():
			return function(*args, **kwargs)

	return wrapper



def make_siret() -> str:
	"""A SIRET that passes the Luhn check and is not used yet."""
	while True:
		siret = luhn_complete(_random_digits(13))
		if not frappe.db.exists("PdN Structure", {"siret": siret}):
			return siret


def _random_digits(length: int) -> str:
	import random

	return "".join(random.choice("0123456789") for _ in range(length))


POSTCODES = {"03": "03200", "63": "63000", "75": "75011"}


@factory
def make_structure(**kwargs):
	department = kwargs.pop("department", "03")
	doc = frappe.get_doc(
		{
			"doctype": "PdN Structure",
			"structure_name": kwargs.pop("structure_name", f"Centre social {_random_digits(5)}"),
			"department": department,
			"siret": kwargs.pop("siret", make_siret()),
			"postcode": kwargs.pop("postcode", POSTCODES.get(department)),
			"city": kwargs.pop("city", "Vichy"),
			"status": "Active",
			**kwargs,
		}
	)
	return doc.insert(ignore_permissions=True)


@factory
def make_promeneur(structure=None, **kwargs):
	structure = structure or make_structure(department=kwargs.pop("department", "03")).name
	doc = frappe.get_doc(
		{
			"doctype": "PdN Promeneur",
			"first_name": kwargs.pop("first_name", "Camille"),
			"last_name": kwargs.pop("last_name", f"Test{_random_digits(6)}"),
			"structure": structure,
			"email": kwargs.pop("email", f"promeneur.{_random_digits(8)}@example.com"),
			"weekly_hours": kwargs.pop("weekly_hours", 3),
			"mission": "Youth",
			"status": kwargs.pop("status", "Active"),
			**kwargs,
		}
	)
	return doc.insert(ignore_permissions=True)


@factory
def make_user(email: str | None = None, roles: tuple[str, ...] = ()) -> str:
	email = email or f"user.{_random_digits(8)}@example.com"
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": "Test", "send_welcome_email": 0}
		)
		user.flags.ignore_permissions = True
		user.insert()
	if roles:
		frappe.get_doc("User", email).add_roles(*roles)
	return email


@factory
def add_department_member(department: str, role: str, user: str | None = None) -> str:
	"""Attach a (new) user to a department as coordinator or CAF agent."""
	user = user or make_user()
	doc = frappe.get_doc("PdN Department", department)
	doc.append("members", {"user": user, "role": role})
	doc.save(ignore_permissions=True)
	return user


def ensure_outgoing_email_account() -> None:
	"""An outgoing account, so that e-mails land in the Email Queue (never sent: tests do not flush it)."""
	if frappe.db.exists("Email Account", {"enable_outgoing": 1, "default_outgoing": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "PdN tests",
			"email_id": "pdn-tests@example.com",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "localhost",
			"no_smtp_authentication": 1,
		}
	).insert(ignore_permissions=True)
	frappe.local.outgoing_email_account = {}


class PdnTestCase(FrappeTestCase):
	"""Each test runs in a savepoint that is rolled back, and ends as Administrator.

	A test class that sends e-mails sets ``OUTGOING_EMAIL = True``: an outgoing account exists, so
	that its e-mails land in the Email Queue (never sent: tests do not flush it).
	"""

	SAVEPOINT = "pdn_test"
	OUTGOING_EMAIL = False

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		if cls.OUTGOING_EMAIL:
			ensure_outgoing_email_account()

	def run(self, result=None):
		frappe.db.savepoint(self.SAVEPOINT)
		try:
			return super().run(result)
		finally:
			frappe.set_user("Administrator")
			try:
				frappe.db.rollback(save_point=self.SAVEPOINT)
			except Exception:
				frappe.db.rollback()
			from pdn_frappe.network import scope

			scope.clear_cache()
