"""Scoping on a real site: the role matrix, scope both ways, withdrawn access, moves across a
boundary, logins, national settings and every record method used from outside its scope."""

import inspect

import frappe
from frappe.utils import nowdate

from pdn_frappe import roles
from pdn_frappe.exceptions import LoginNotLinkableError, OutOfScopeError, SettingsBoundsError
from pdn_frappe.network import scope
from pdn_frappe.tests.utils import (
	PdnTestCase,
	add_department_member,
	make_promeneur,
	make_structure,
	make_user,
)

ROLE_OF = {
	"coordinator": roles.COORDINATOR,
	"caf": roles.CAF_AGENT,
	"manager": roles.STRUCTURE_MANAGER,
	"promeneur": roles.PROMENEUR_ROLE,
	"admin": roles.ADMINISTRATOR,
}
PTYPES = {"r": "read", "c": "create", "w": "write", "d": "delete", "s": "submit"}

# What each role may do on each doctype, before any scope: r(ead) c(reate) w(rite) d(elete) s(ubmit).
MATRIX = {
	"PdN Coordination Activity": {"coordinator": "rcwd", "caf": "r", "manager": "", "promeneur": "", "admin": ""},
	"PdN Coordination Report": {"coordinator": "rcwds", "caf": "r", "manager": "", "promeneur": "", "admin": ""},
	"PdN Practice Note": {"coordinator": "rcwd", "caf": "r", "manager": "", "promeneur": "rcwd", "admin": ""},
	"PdN Training": {"coordinator": "rcwd", "caf": "r", "manager": "r", "promeneur": "r", "admin": ""},
	# a promeneur also writes their own feedback (if_owner), which a check without a record cannot show
	"PdN Training Feedback": {"coordinator": "rd", "caf": "r", "manager": "", "promeneur": "rc", "admin": ""},
	"PdN Application": {"coordinator": "rcw", "caf": "rcw", "manager": "", "promeneur": "", "admin": ""},
	"PdN Application Call": {"coordinator": "rcw", "caf": "rcwd", "manager": "r", "promeneur": "", "admin": ""},
	"PdN Steering Meeting": {"coordinator": "rcw", "caf": "rcwd", "manager": "", "promeneur": "", "admin": ""},
	# the committee's roadmap for the coordination, and the coordination's yearly budget
	"PdN Roadmap Item": {"coordinator": "rcw", "caf": "rcwd", "manager": "", "promeneur": "", "admin": ""},
	"PdN Coordination Budget": {"coordinator": "rcw", "caf": "rcwd", "manager": "", "promeneur": "", "admin": ""},
	"PdN Charter Signature": {"coordinator": "rcws", "caf": "rcws", "manager": "r", "promeneur": "r", "admin": ""},
	"PdN Convention": {"coordinator": "rw", "caf": "rcwd", "manager": "rw", "promeneur": "", "admin": ""},
	# coordination and CAF prepare and record the amendments; the structure reads its own
	"PdN Convention Amendment": {"coordinator": "rcwds", "caf": "rcwds", "manager": "r", "promeneur": "", "admin": ""},
	"PdN Document Template": {"coordinator": "r", "caf": "r", "manager": "", "promeneur": "", "admin": "rcwd"},
	"PdN Evaluation": {"coordinator": "rcws", "caf": "r", "manager": "r", "promeneur": "rcws", "admin": ""},
	"PdN Evaluation Reminder": {"coordinator": "r", "caf": "r", "manager": "", "promeneur": "", "admin": ""},
	"PdN Evaluation Rollup": {"coordinator": "", "caf": "", "manager": "", "promeneur": "", "admin": ""},
	"PdN Department": {"coordinator": "rw", "caf": "rw", "manager": "r", "promeneur": "r", "admin": "rcwd"},
	"PdN Document Type": {"coordinator": "r", "caf": "r", "manager": "r", "promeneur": "r", "admin": "rcwd"},
	"PdN Profession": {"coordinator": "r", "caf": "r", "manager": "r", "promeneur": "r", "admin": "rcwd"},
	"PdN Promeneur": {"coordinator": "rcw", "caf": "rcw", "manager": "r", "promeneur": "rw", "admin": ""},
	"PdN Resource Referent": {"coordinator": "rcwd", "caf": "rcw", "manager": "r", "promeneur": "r", "admin": ""},
	# a promeneur proposes; the coordination decides (and may tidy up); nobody else sees proposals
	"PdN Resource Proposal": {"coordinator": "rwd", "caf": "", "manager": "", "promeneur": "rcw", "admin": ""},
	"PdN Retention Log": {"coordinator": "", "caf": "", "manager": "", "promeneur": "", "admin": "r"},
	"PdN Settings": {"coordinator": "r", "caf": "r", "manager": "", "promeneur": "", "admin": "rcw"},
	"PdN Social Network": {"coordinator": "r", "caf": "r", "manager": "r", "promeneur": "r", "admin": "rcwd"},
	"PdN Structure": {"coordinator": "rcw", "caf": "rcw", "manager": "rw", "promeneur": "r", "admin": ""},
	"PdN Structure Request": {"coordinator": "rw", "caf": "r", "manager": "rcw", "promeneur": "", "admin": ""},
	"PdN Structure Type": {"coordinator": "r", "caf": "r", "manager": "r", "promeneur": "r", "admin": "rcwd"},
	"PdN Theme": {"coordinator": "r", "caf": "r", "manager": "r", "promeneur": "r", "admin": "rcwd"},
}


def app_doctypes() -> list[str]:
	modules = frappe.get_all("Module Def", filters={"app_name": "pdn_frappe"}, pluck="name")
	return frappe.get_all("DocType", filters={"module": ("in", modules), "istable": 0}, pluck="name")


def set_manager(structure, user, is_manager=1):
	structure = frappe.get_doc("PdN Structure", structure)
	for row in structure.contacts:
		if row.user == user:
			row.is_manager = is_manager
			break
	else:
		structure.append("contacts", {"contact_name": "Responsable", "user": user, "is_manager": is_manager})
	structure.save(ignore_permissions=True)


def link_login(promeneur, user):
	doc = frappe.get_doc("PdN Promeneur", promeneur)
	doc.user = user
	doc.save(ignore_permissions=True)


class TestScope(PdnTestCase):
	def setUp(self):
		self.s03 = make_structure(department="03").name
		self.s03b = make_structure(department="03").name
		self.s63 = make_structure(department="63").name
		self.p03 = make_promeneur(structure=self.s03).name
		self.p03b = make_promeneur(structure=self.s03).name
		self.p63 = make_promeneur(structure=self.s63).name
		self.users = {
			"coordinator": add_department_member("03", roles.COORDINATOR),
			"caf": add_department_member("03", roles.CAF_AGENT),
			"manager": make_user(),
			"promeneur": make_user(),
			"admin": make_user(roles=(roles.ADMINISTRATOR,)),
		}
		set_manager(self.s03, self.users["manager"])
		link_login(self.p03, self.users["promeneur"])

	def as_(self, key):
		frappe.set_user(self.users[key])

	# ------------------------------------------------------------ the matrix

	def test_matrix_covers_every_app_doctype(self):
		self.assertEqual(sorted(MATRIX), sorted(app_doctypes()))

	def test_scope_module_and_hooks_list_the_same_doctypes(self):
		hooks = frappe.get_hooks("permission_query_conditions")
		self.assertEqual(
			sorted(doctype for doctype in hooks if doctype.startswith("PdN ")), sorted(scope.SCOPED_DOCTYPES)
		)
		for doctype in scope.SCOPED_DOCTYPES:
			self.assertIn("pdn_frappe.network.scope.has_permission", frappe.get_hooks("has_permission")[doctype])

	def test_role_matrix(self):
		for key, user in self.users.items():
			self.assertIn(ROLE_OF[key], frappe.get_roles(user))
			for doctype, cells in MATRIX.items():
				for letter, ptype in PTYPES.items():
					expected = letter in cells[key]
					with self.subTest(role=key, doctype=doctype, ptype=ptype):
						self.assertEqual(frappe.has_permission(doctype, ptype, user=user), expected)

	# ------------------------------------------------------------ scope both ways

	def readable(self, doctype, name, key):
		return frappe.has_permission(doctype, "read", doc=frappe.get_doc(doctype, name), user=self.users[key])

	def listed(self, doctype, key):
		self.as_(key)
		try:
			return set(frappe.get_list(doctype, pluck="name", limit_page_length=0))
		finally:
			frappe.set_user("Administrator")

	def test_department_staff_see_their_department_only(self):
		for key in ("coordinator", "caf"):
			self.assertTrue(self.readable("PdN Promeneur", self.p03, key))
			self.assertFalse(self.readable("PdN Promeneur", self.p63, key))
			self.assertTrue(self.readable("PdN Structure", self.s03, key))
			self.assertFalse(self.readable("PdN Structure", self.s63, key))
			listed = self.listed("PdN Promeneur", key)
			self.assertIn(self.p03, listed)
			self.assertNotIn(self.p63, listed)
			self.assertEqual(self.listed("PdN Department", key), {"03"})

	def test_manager_sees_their_structure_only(self):
		self.assertTrue(self.readable("PdN Structure", self.s03, "manager"))
		self.assertFalse(self.readable("PdN Structure", self.s03b, "manager"))
		self.assertFalse(self.readable("PdN Structure", self.s63, "manager"))
		self.assertEqual(self.listed("PdN Promeneur", "manager"), {self.p03, self.p03b})
		self.assertEqual(self.listed("PdN Structure", "manager"), {self.s03})

	def test_promeneur_sees_their_own_record(self):
		self.assertTrue(self.readable("PdN Promeneur", self.p03, "promeneur"))
		self.assertFalse(self.readable("PdN Promeneur", self.p03b, "promeneur"))
		self.assertFalse(self.readable("PdN Promeneur", self.p63, "promeneur"))
		self.assertEqual(self.listed("PdN Promeneur", "promeneur"), {self.p03})
		# their structure (the profile shows it), nothing else
		self.assertEqual(self.listed("PdN Structure", "promeneur"), {self.s03})

	def test_administrator_reads_reference_data_not_people(self):
		self.assertTrue(self.readable("PdN Department", "63", "admin"))
		self.assertFalse(frappe.has_permission("PdN Promeneur", "read", user=self.users["admin"]))
		self.assertFalse(self.readable("PdN Promeneur", self.p03, "admin"))

	def test_reports_read_the_same_scope(self):
		self.assertEqual(scope.allowed_departments(self.users["coordinator"]), {"03"})
		self.assertEqual(scope.allowed_departments(self.users["manager"]), {"03"})
		self.assertIsNone(scope.allowed_departments("Administrator"))
		table = frappe.qb.DocType("PdN Promeneur")
		for key, expected in (("coordinator", {self.p03, self.p03b}), ("manager", {self.p03, self.p03b})):
			rows = (
				frappe.qb.from_(table)
				.select(table.name)
				.where(table.name.isin([self.p03, self.p03b, self.p63]))
				.where(scope.criterion(table, "PdN Promeneur", self.users[key]))
				.run(pluck=True)
			)
			self.assertEqual(set(rows), expected)

	def test_files_and_counts_follow_the_scope(self):
		from frappe.utils.file_manager import save_file

		mine = save_file("statuts.pdf", b"%PDF-1.4 03", "PdN Structure", self.s03, is_private=1)
		theirs = save_file("rib.pdf", b"%PDF-1.4 63", "PdN Structure", self.s63, is_private=1)
		files = self.listed("File", "coordinator")
		self.assertIn(mine.name, files)
		self.assertNotIn(theirs.name, files)
		frappe.set_user(self.users["coordinator"])
		self.assertEqual(
			scope.get_count("PdN Promeneur", filters={"name": ("in", [self.p03, self.p03b, self.p63])}), 2
		)

	# ------------------------------------------------------------ withdrawn access

	def assert_sees_nothing(self, user):
		frappe.set_user(user)
		try:
			for doctype in scope.SCOPED_DOCTYPES:
				if frappe.has_permission(doctype, "read"):
					self.assertEqual(frappe.get_list(doctype, pluck="name", limit_page_length=5), [], doctype)
		finally:
			frappe.set_user("Administrator")

	def test_coordinator_removed_from_the_team(self):
		user = self.users["coordinator"]
		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != user]
		department.save(ignore_permissions=True)
		self.assertNotIn(roles.COORDINATOR, frappe.get_roles(user))
		self.assertFalse(frappe.db.exists("User Permission", {"user": user}))
		self.assert_sees_nothing(user)

	def test_manager_access_unticked(self):
		user = self.users["manager"]
		set_manager(self.s03, user, is_manager=0)
		self.assertNotIn(roles.STRUCTURE_MANAGER, frappe.get_roles(user))
		self.assert_sees_nothing(user)

	def test_promeneur_login_unlinked(self):
		user = self.users["promeneur"]
		link_login(self.p03, None)
		self.assertNotIn(roles.PROMENEUR_ROLE, frappe.get_roles(user))
		self.assert_sees_nothing(user)

	def test_role_without_reason_sees_nothing(self):
		"""A role given by hand, with no reason in the registry, opens nothing (fails closed)."""
		for role in roles.NETWORK_ROLES:
			user = make_user(roles=(role,))
			with self.subTest(role=role):
				self.assert_sees_nothing(user)
				frappe.set_user(user)
				self.assertFalse(frappe.has_permission("PdN Promeneur", "read", doc=frappe.get_doc("PdN Promeneur", self.p03)))
				frappe.set_user("Administrator")

	# ------------------------------------------------------------ no way across a boundary

	def assert_refused(self, action, exc=OutOfScopeError):
		self.assertRaises(exc, action)

	def test_promeneur_cannot_be_moved_to_another_department(self):
		self.as_("coordinator")
		doc = frappe.get_doc("PdN Promeneur", self.p03)
		doc.structure = self.s63
		self.assert_refused(doc.save)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", self.p03, "department"), "03")

	def test_out_of_scope_record_cannot_be_pulled_in(self):
		"""Sending a record of 63 with the department of 03 is checked against the stored record."""
		self.as_("coordinator")
		doc = frappe.get_doc("PdN Promeneur", self.p63)
		doc.structure = self.s03
		doc.department = "03"
		self.assertRaises(frappe.PermissionError, doc.save)

	def test_structure_cannot_move_department(self):
		for key in ("coordinator", "manager"):
			self.as_(key)
			doc = frappe.get_doc("PdN Structure", self.s03)
			doc.department = "63"
			doc.postcode = "63000"
			with self.subTest(role=key):
				self.assertRaises(frappe.PermissionError, doc.save)
			frappe.set_user("Administrator")

	def test_links_to_another_department_are_refused(self):
		from pdn_frappe.animation.testing import make_training

		training = make_training(department="03")
		self.as_("coordinator")
		training = frappe.get_doc("PdN Training", training.name)
		training.append("participants", {"promeneur": self.p63, "status": "Invited"})
		self.assert_refused(training.save)
		activity = frappe.get_doc(
			{
				"doctype": "PdN Coordination Activity",
				"department": "03",
				"kind": "Individual coaching",
				"mission_axis": "Network animation",
				"hours": 1,
				"activity_date": nowdate(),
				"promeneur": self.p63,
			}
		)
		self.assert_refused(activity.insert)

	def test_privileged_login_cannot_be_linked(self):
		manager = make_user(roles=("System Manager",))
		self.as_("coordinator")
		for login in ("Administrator", manager):
			doc = frappe.get_doc("PdN Promeneur", self.p03b)
			doc.user = login
			with self.subTest(login=login):
				self.assertRaises(LoginNotLinkableError, doc.save)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.get_value("PdN Promeneur", self.p03b, "user"))

	def test_settings_are_national(self):
		def attempt(**values):
			settings = frappe.get_doc("PdN Settings")
			settings.update(values)
			settings.save()

		self.as_("caf")
		self.assertRaises(frappe.PermissionError, attempt, guest_rate_limit=50)
		self.as_("admin")
		self.assertRaises(SettingsBoundsError, attempt, max_attachment_mb=500)
		self.assertRaises(SettingsBoundsError, attempt, guest_rate_limit=0)
		attempt(guest_rate_limit=10, max_attachment_mb=10)
		self.assertEqual(frappe.db.get_single_value("PdN Settings", "max_attachment_mb"), 10)

	def test_administrators_edit_the_email_texts(self):
		from pdn_frappe.install import let_administrators_edit_email_templates

		let_administrators_edit_email_templates()
		self.assertTrue(frappe.has_permission("Email Template", "write", user=self.users["admin"]))
		self.assertFalse(frappe.has_permission("Email Template", "write", user=self.users["coordinator"]))

	def test_masters_and_caf_details_are_national(self):
		self.as_("coordinator")
		theme = frappe.get_doc({"doctype": "PdN Theme", "theme_name": "Thème local"})
		self.assertRaises(frappe.PermissionError, theme.insert)
		department = frappe.get_doc("PdN Department", "03")
		caf_name = department.caf_name
		department.caf_name = "Autre Caf"
		self.assertRaises(frappe.PermissionError, department.save)
		# what department staff may change, they still can
		department = frappe.get_doc("PdN Department", "03")
		department.target_promeneurs = 42
		department.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("PdN Department", "03", ["caf_name", "target_promeneurs"]), (caf_name, 42))

	# ------------------------------------------------------------ record methods

	def out_of_scope_records(self) -> dict[str, str]:
		"""One record of the Puy-de-Dôme for each doctype that has a record method."""
		from pdn_frappe.animation.testing import make_training
		from pdn_frappe.conventions.testing import make_convention
		from pdn_frappe.evaluation.testing import make_evaluation

		referent = frappe.get_doc(
			{
				"doctype": "PdN Resource Referent",
				"full_name": "Claire Roux",
				"organisation": "Maison des adolescents",
				"department": "63",
				"themes": [{"theme": "Santé"}],
			}
		).insert(ignore_permissions=True)
		meeting = frappe.get_doc(
			{
				"doctype": "PdN Steering Meeting",
				"kind": "Steering committee (COPIL)",
				"department": "63",
				"meeting_date": nowdate(),
			}
		).insert(ignore_permissions=True)
		return {
			"PdN Promeneur": self.p63,
			"PdN Convention": make_convention(department="63").name,
			"PdN Training": make_training(department="63").name,
			"PdN Resource Referent": referent.name,
			"PdN Resource Proposal": self.proposal_63().name,
			"PdN Evaluation": make_evaluation(self.p63, submit=True).name,
			"PdN Steering Meeting": meeting.name,
		}

	def proposal_63(self):
		"""A proposal of a promeneur of the Puy-de-Dôme, made as that promeneur."""
		promeneur = frappe.get_doc("PdN Promeneur", self.p63)
		user = promeneur.create_login(send_welcome_email=False)
		frappe.set_user(user)
		try:
			return frappe.get_doc(
				{"doctype": "PdN Resource Proposal", "proposal_type": "New resource person", "full_name": "Léa Morel"}
			).insert()
		finally:
			frappe.set_user("Administrator")

	def record_methods(self):
		from frappe.model.base_document import get_controller

		for doctype in app_doctypes():
			controller = get_controller(doctype)
			for name, member in inspect.getmembers(controller, inspect.isfunction):
				if getattr(member, "pdn_record_method", None):
					yield doctype, name, member

	def test_every_record_method_is_refused_out_of_scope(self):
		records = self.out_of_scope_records()
		methods = list(self.record_methods())
		self.assertTrue(methods)
		for doctype, name, member in methods:
			if doctype in ("PdN Application", "PdN Document Template"):
				continue  # covered in their own modules' tests
			self.assertIn(doctype, records, f"no out-of-scope record to try {doctype}.{name} on")
			modified = frappe.db.get_value(doctype, records[doctype], "modified")
			frappe.set_user(self.users["coordinator"])
			doc = frappe.get_doc(doctype, records[doctype])
			parameters = list(inspect.signature(member).parameters.values())[1:]
			arguments = {p.name: "x" for p in parameters if p.default is inspect.Parameter.empty}
			with self.subTest(method=f"{doctype}.{name}"):
				self.assertRaises(frappe.PermissionError, getattr(doc, name), **arguments)
			frappe.set_user("Administrator")
			self.assertEqual(frappe.db.get_value(doctype, records[doctype], "modified"), modified)

	def test_state_changing_methods_accept_post_only(self):
		for doctype, name, member in self.record_methods():
			allowed = frappe.allowed_http_methods_for_whitelisted_func.get(member)
			with self.subTest(method=f"{doctype}.{name}"):
				if member.pdn_record_method == "read" and name.startswith("get_"):
					self.assertIn("GET", allowed)
				else:
					self.assertEqual(allowed, ["POST"])

	def test_record_method_ignores_values_sent_with_the_call(self):
		"""run_doc_method builds the document from the browser: the method works on the stored one."""
		self.as_("coordinator")
		sent = frappe.get_doc("PdN Promeneur", self.p63).as_dict()
		sent.update({"department": "03", "structure": self.s03})
		doc = frappe.get_doc(sent)
		self.assertRaises(frappe.PermissionError, doc.create_login)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.get_value("PdN Promeneur", self.p63, "user"))
