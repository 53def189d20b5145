"""A structure's requests on a real site: who files and decides them, what approval changes and
what a failed approval leaves (nothing)."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe import roles
from pdn_frappe.exceptions import (
	OutOfScopeError,
	PersonalDataError,
	StructureRequestApplyError,
	StructureRequestError,
)
from pdn_frappe.network.structure_requests import ensure_workflow
from pdn_frappe.tests.utils import (
	PdnTestCase,
	add_department_member,
	make_promeneur,
	make_structure,
	make_user,
)

DOCTYPE = "PdN Structure Request"


def set_manager(structure, user, is_manager=1):
	doc = frappe.get_doc("PdN Structure", structure)
	for row in doc.contacts:
		if row.user == user:
			row.is_manager = is_manager
			break
	else:
		doc.append("contacts", {"contact_name": "Responsable", "user": user, "is_manager": is_manager})
	doc.save(ignore_permissions=True)


def queued_to(recipient: str, reference: str) -> list:
	queue = frappe.qb.DocType("Email Queue")
	recipients = frappe.qb.DocType("Email Queue Recipient")
	return (
		frappe.qb.from_(queue)
		.join(recipients)
		.on(recipients.parent == queue.name)
		.select(queue.name, queue.message)
		.where((recipients.recipient == recipient) & (queue.reference_name == reference))
		.run(as_dict=True)
	)


class TestPdNStructureRequest(PdnTestCase):
	OUTGOING_EMAIL = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_workflow()

	def setUp(self):
		self.structure = make_structure(department="03", postcode="03200", city="Vichy").name
		self.other = make_structure(department="03").name
		self.s63 = make_structure(department="63").name
		self.promeneur = make_promeneur(structure=self.structure, weekly_hours=3).name
		self.manager = make_user()
		set_manager(self.structure, self.manager)
		self.coordinator = add_department_member("03", roles.COORDINATOR)
		self.caf = add_department_member("03", roles.CAF_AGENT)
		self.coordinator63 = add_department_member("63", roles.COORDINATOR)
		frappe.db.set_value("PdN Department", "03", "coordination_email", "coordination03@example.com")

	# ------------------------------------------------------------ helpers

	def values(self, **kwargs):
		values = {
			"doctype": DOCTYPE,
			"structure": self.structure,
			"request_kind": "Promeneur leaving",
			"promeneur": self.promeneur,
			"effective_date": nowdate(),
			"details": "Départ pour un autre poste",
		}
		values.update(kwargs)
		return values

	def file(self, **kwargs):
		"""A request the manager writes and sends to the coordination."""
		frappe.set_user(self.manager)
		try:
			doc = frappe.get_doc(self.values(**kwargs)).insert()
			return apply_workflow(doc, "Send to the coordination")
		finally:
			frappe.set_user("Administrator")

	def decide(self, doc, action, user=None, **values):
		frappe.set_user(user or self.coordinator)
		try:
			doc = frappe.get_doc(DOCTYPE, doc.name)
			if values:
				doc.update(values)
				doc.save()
			return apply_workflow(doc, action)
		finally:
			frappe.set_user("Administrator")

	# ------------------------------------------------------------ filing

	def test_manager_files_for_their_structure(self):
		doc = self.file()
		self.assertEqual(doc.workflow_state, "Submitted")
		self.assertEqual(doc.department, "03")
		self.assertEqual(doc.owner, self.manager)
		self.assertTrue(queued_to(self.coordinator, doc.name))
		self.assertTrue(queued_to("coordination03@example.com", doc.name))
		self.assertFalse(queued_to(self.coordinator63, doc.name))

	def test_manager_cannot_file_for_another_structure(self):
		frappe.set_user(self.manager)
		for structure in (self.other, self.s63):
			with self.subTest(structure=structure):
				values = self.values(structure=structure, request_kind="Change of address", promeneur=None)
				values.update(address_line1="1 rue Neuve", postcode="03200", city="Vichy")
				self.assertRaises(frappe.PermissionError, frappe.get_doc(values).insert)
				self.assertRaises(frappe.PermissionError, frappe.client.insert, values)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists(DOCTYPE, {"structure": ("in", [self.other, self.s63])}))

	def test_department_is_the_structures_whatever_is_sent(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc(self.values(department="63")).insert()
		self.assertEqual(doc.department, "03")

	def test_promeneur_must_belong_to_the_structure(self):
		elsewhere = make_promeneur(structure=self.other).name
		frappe.set_user(self.manager)
		# out of the manager's scope: the link itself is refused
		self.assertRaises(
			(StructureRequestError, OutOfScopeError), frappe.get_doc(self.values(promeneur=elsewhere)).insert
		)
		frappe.set_user("Administrator")
		self.assertRaises(StructureRequestError, frappe.get_doc(self.values(promeneur=elsewhere)).insert)

	def test_manager_removed_from_contacts_is_refused(self):
		doc = self.file()
		set_manager(self.structure, self.manager, is_manager=0)
		frappe.set_user(self.manager)
		self.assertRaises(frappe.PermissionError, frappe.get_doc(self.values()).insert)
		self.assertFalse(frappe.has_permission(DOCTYPE, "read", doc=doc.name))
		self.assertRaises(frappe.PermissionError, frappe.get_list, DOCTYPE)
		self.assertRaises(frappe.PermissionError, frappe.client.get, DOCTYPE, doc.name)

	def test_promeneur_cannot_file(self):
		from pdn_frappe.animation.testing import make_promeneur_with_login

		_promeneur, user = make_promeneur_with_login(structure=self.structure)
		frappe.set_user(user)
		self.assertRaises(frappe.PermissionError, frappe.get_doc(self.values()).insert)
		self.assertRaises(frappe.PermissionError, frappe.client.insert, self.values())

	def test_incomplete_request_is_refused_in_french(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc(self.values(request_kind="Change of legal representative", promeneur=None))
		self.assertRaises(StructureRequestError, doc.insert)
		self.assertFalse(frappe.db.exists(DOCTYPE, {"structure": self.structure}))

	def test_hostile_values_are_refused_or_made_harmless(self):
		frappe.set_user(self.manager)
		for values in (
			{"request_kind": "Change of address", "address_line1": "1 rue", "postcode": "63000", "city": "X"},
			{"request_kind": "Change of address", "address_line1": "1 rue", "postcode": "ABCDE", "city": "X"},
			{"request_kind": "Change of weekly hours or mission", "new_weekly_hours": -4},
			{"request_kind": "Change of weekly hours or mission", "new_weekly_hours": 1e9},
			{
				"request_kind": "New promeneur",
				"first_name": "A",
				"last_name": "B",
				"email": "not-an-email",
				"mission": "Youth",
				"new_weekly_hours": 3,
			},
			{"request_kind": "Dismiss the coordinator"},
			{"details": "Écrivez-lui au 06 12 34 56 78"},
		):
			with self.subTest(values=values):
				self.assertRaises(frappe.ValidationError, frappe.get_doc(self.values(**values)).insert)
		doc = frappe.get_doc(
			self.values(details="<script>alert(1)</script><img src=x onerror=alert(2)>")
		).insert()
		stored = frappe.db.get_value(DOCTYPE, doc.name, "details")
		self.assertNotIn("<script", stored)
		self.assertNotIn("onerror", stored)
		markup = frappe.get_doc(
			self.values(
				request_kind="Change of legal representative",
				promeneur=None,
				legal_representative="<b>Anne</b> <script>x</script>Vidal",
				legal_representative_title="<i>Présidente</i>",
			)
		).insert()
		self.assertEqual(
			(markup.legal_representative, markup.legal_representative_title), ("Anne xVidal", "Présidente")
		)
		frappe.set_user("Administrator")
		from pdn_frappe import mail
		from pdn_frappe.network.structure_requests import notice_context

		doc.details = "<script>alert(1)</script>"
		_subject, body = mail.render("PdN Structure Request Filed", notice_context(doc))
		self.assertNotIn("<script>", body)
		self.assertIn("&lt;script&gt;", body)

	def test_far_dates_and_other_records_files_are_refused(self):
		from pdn_frappe.conventions.testing import attach_file

		frappe.set_user(self.manager)
		self.assertRaises(
			StructureRequestError, frappe.get_doc(self.values(effective_date="2099-01-01")).insert
		)
		frappe.set_user("Administrator")
		secret = attach_file(frappe.get_doc("PdN Structure", self.s63), "statuts-63.pdf")
		frappe.set_user(self.manager)
		values = self.values(documents=[{"document_type": "Statuts", "file": secret}])
		self.assertRaises(StructureRequestError, frappe.get_doc(values).insert)
		doc = frappe.get_doc(self.values()).insert()
		own = attach_file(doc, "pv.pdf")
		doc.append("documents", {"document_type": "Statuts", "file": own})
		doc.save()
		self.assertEqual([row.file for row in doc.documents], [own])

	# ------------------------------------------------------------ deciding

	def test_coordinator_of_another_department_cannot_decide(self):
		doc = self.file()
		frappe.set_user(self.coordinator63)
		self.assertFalse(frappe.has_permission(DOCTYPE, "read", doc=doc.name))
		frappe.set_user("Administrator")
		for action in ("Approve", "Refuse"):
			with self.subTest(action=action):
				self.assertRaises(
					frappe.PermissionError, self.decide, doc, action, self.coordinator63, refusal_reason="Non"
				)
		self.assertEqual(frappe.db.get_value(DOCTYPE, doc.name, "workflow_state"), "Submitted")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", self.promeneur, "status"), "Active")

	def test_manager_and_caf_cannot_approve(self):
		doc = self.file()
		for user in (self.manager, self.caf):
			with self.subTest(user=user):
				self.assertRaises(
					(frappe.PermissionError, frappe.ValidationError), self.decide, doc, "Approve", user
				)
			frappe.set_user(user)
			self.assertRaises(
				(frappe.PermissionError, frappe.ValidationError),
				frappe.client.set_value,
				DOCTYPE,
				doc.name,
				"workflow_state",
				"Approved",
			)
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(DOCTYPE, doc.name, "workflow_state"), "Submitted")
		frappe.set_user(self.caf)
		self.assertTrue(frappe.has_permission(DOCTYPE, "read", doc=doc.name))

	def test_a_draft_is_the_managers_to_change(self):
		frappe.set_user(self.manager)
		draft = frappe.get_doc(self.values()).insert()
		draft.details = "Départ confirmé"
		draft.save()
		frappe.set_user(self.coordinator)
		stored = frappe.get_doc(DOCTYPE, draft.name)
		self.assertTrue(frappe.has_permission(DOCTYPE, "read", doc=stored))
		stored.details = "Changé par la coordination"
		self.assertRaises(frappe.PermissionError, stored.save)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(DOCTYPE, draft.name, "details"), "Départ confirmé")

	def test_filed_request_cannot_change(self):
		doc = self.file()
		other = make_promeneur(structure=self.structure).name
		for user in (self.manager, self.coordinator):
			frappe.set_user(user)
			with self.subTest(user=user):
				stored = frappe.get_doc(DOCTYPE, doc.name)
				stored.promeneur = other
				self.assertRaises((StructureRequestError, frappe.PermissionError), stored.save)
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(DOCTYPE, doc.name, "promeneur"), self.promeneur)

	def test_approved_departure_goes_through_the_lifecycle(self):
		from pdn_frappe.animation.testing import make_promeneur_with_login

		promeneur, user = make_promeneur_with_login(structure=self.structure)
		day = add_days(nowdate(), -3)
		doc = self.file(promeneur=promeneur.name, effective_date=day)
		doc = self.decide(doc, "Approve")
		self.assertEqual(doc.workflow_state, "Approved")
		promeneur.reload()
		self.assertEqual(promeneur.status, "Left")
		self.assertEqual(getdate(promeneur.ended_on), getdate(day))
		last = promeneur.status_history[-1]
		self.assertEqual((last.status_from, last.status_to), ("Active", "Left"))
		self.assertEqual(last.reason, "Départ pour un autre poste")
		self.assertEqual(last.author, self.coordinator)
		self.assertFalse(frappe.db.get_value("User", user, "enabled"))
		stored = frappe.get_doc(DOCTYPE, doc.name)
		self.assertTrue(stored.applied_on)
		self.assertEqual(stored.decided_by, self.coordinator)
		self.assertTrue(queued_to(self.manager, doc.name))
		# decided: nothing changes any more
		frappe.set_user(self.coordinator)
		stored.refusal_reason = "Trop tard"
		self.assertRaises(StructureRequestError, stored.save)

	def test_a_departure_to_come_waits_for_its_date(self):
		from pdn_frappe.animation.testing import make_promeneur_with_login
		from pdn_frappe.network.structure_requests import apply_due_requests

		promeneur, user = make_promeneur_with_login(structure=self.structure)
		day = add_days(nowdate(), 10)
		doc = self.decide(self.file(promeneur=promeneur.name, effective_date=day), "Approve")
		stored = frappe.get_doc(DOCTYPE, doc.name)
		self.assertEqual(stored.workflow_state, "Approved")
		self.assertFalse(stored.applied_on)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", promeneur.name, "status"), "Active")
		self.assertTrue(frappe.db.get_value("User", user, "enabled"))
		self.assertEqual(apply_due_requests(add_days(day, -1)), [])
		self.assertEqual(apply_due_requests(day), [doc.name])
		self.assertEqual(
			frappe.db.get_value("PdN Promeneur", promeneur.name, ["status", "ended_on"]),
			("Left", getdate(day)),
		)
		self.assertFalse(frappe.db.get_value("User", user, "enabled"))
		self.assertTrue(frappe.db.get_value(DOCTYPE, doc.name, "applied_on"))
		self.assertEqual(apply_due_requests(day), [])

	def test_refusal_needs_a_reason(self):
		doc = self.file()
		self.assertRaises(StructureRequestError, self.decide, doc, "Refuse")
		self.assertEqual(frappe.db.get_value(DOCTYPE, doc.name, "workflow_state"), "Submitted")
		doc = self.decide(doc, "Refuse", refusal_reason="Le départ n'est pas confirmé par la direction.")
		self.assertEqual(doc.workflow_state, "Refused")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", self.promeneur, "status"), "Active")
		sent = queued_to(self.manager, doc.name)
		self.assertTrue(sent)

	def test_change_of_hours_and_mission_is_traced(self):
		doc = self.file(
			request_kind="Change of weekly hours or mission",
			new_weekly_hours=5,
			mission="Youth and parenting",
		)
		self.decide(doc, "Approve")
		promeneur = frappe.get_doc("PdN Promeneur", self.promeneur)
		self.assertEqual((promeneur.weekly_hours, promeneur.mission), (5, "Youth and parenting"))
		self.assertTrue(
			frappe.db.exists(
				"Comment", {"reference_name": self.promeneur, "content": ("like", f"%{doc.name}%")}
			)
		)

	def test_change_of_address_updates_the_structure(self):
		doc = self.file(
			request_kind="Change of address",
			promeneur=None,
			address_line1="12  rue des Écoles",
			postcode="03300",
			city="Cusset",
		)
		self.assertIsNone(doc.promeneur)
		self.decide(doc, "Approve")
		structure = frappe.get_doc("PdN Structure", self.structure)
		self.assertEqual(
			(structure.address_line1, structure.postcode, structure.city),
			("12 rue des Écoles", "03300", "Cusset"),
		)

	def test_new_promeneur_is_created_as_an_accepted_application_does(self):
		doc = self.file(
			request_kind="New promeneur",
			promeneur=None,
			first_name="Inès",
			last_name="Marchand",
			email="ines.marchand@example.com",
			mission="Youth",
			new_weekly_hours=4.5,
			details="",
		)
		doc = self.decide(doc, "Approve")
		created = frappe.get_doc(DOCTYPE, doc.name).result_promeneur
		promeneur = frappe.get_doc("PdN Promeneur", created)
		self.assertEqual(
			(promeneur.status, promeneur.structure, promeneur.weekly_hours, promeneur.email),
			("Candidate", self.structure, 4.5, "ines.marchand@example.com"),
		)
		self.assertTrue(promeneur.user)
		self.assertIn(roles.PROMENEUR_ROLE, frappe.get_roles(promeneur.user))

	def test_failed_approval_leaves_everything_as_it_was(self):
		taken = make_promeneur(structure=self.other, email="deja.inscrit@example.com").name
		doc = self.file(
			request_kind="New promeneur",
			promeneur=None,
			first_name="Déjà",
			last_name="Inscrit",
			email="deja.inscrit@example.com",
			mission="Youth",
			new_weekly_hours=3,
		)
		count = frappe.db.count("PdN Promeneur")
		self.assertRaises(StructureRequestApplyError, self.decide, doc, "Approve")
		stored = frappe.get_doc(DOCTYPE, doc.name)
		self.assertEqual(stored.workflow_state, "Submitted")
		self.assertFalse(stored.applied_on or stored.decided_by)
		self.assertEqual(frappe.db.count("PdN Promeneur"), count)
		self.assertEqual(frappe.db.get_value("PdN Promeneur", taken, "structure"), self.other)

	def test_a_promeneur_who_moved_since_the_request_is_not_touched(self):
		doc = self.file(request_kind="Change of weekly hours or mission", new_weekly_hours=5)
		frappe.db.set_value("PdN Promeneur", self.promeneur, "structure", self.other)
		self.assertRaises(StructureRequestApplyError, self.decide, doc, "Approve")
		self.assertEqual(frappe.db.get_value("PdN Promeneur", self.promeneur, "weekly_hours"), 3)
		self.assertEqual(frappe.db.get_value(DOCTYPE, doc.name, "workflow_state"), "Submitted")

	def test_budget_of_a_draft_convention_and_not_of_a_signed_one(self):
		from pdn_frappe.conventions.testing import make_active_convention, make_convention

		year = getdate(nowdate()).year
		draft = make_convention(structure=self.structure, amount=5000)
		doc = self.file(
			request_kind="Change of budget",
			promeneur=None,
			convention=draft.name,
			budget_year=year,
			budget_amount=6500,
		)
		self.decide(doc, "Approve")
		draft.reload()
		self.assertEqual([row.amount for row in draft.subsidies if row.year == year], [6500])

		signed = make_active_convention(department="03")
		set_manager(signed.structure, self.manager)
		doc = self.file(
			structure=signed.structure,
			request_kind="Change of budget",
			promeneur=None,
			convention=signed.name,
			budget_year=year,
			budget_amount=9999,
		)
		self.assertRaises(StructureRequestApplyError, self.decide, doc, "Approve")
		self.assertEqual(frappe.db.get_value(DOCTYPE, doc.name, "workflow_state"), "Submitted")

	# ------------------------------------------------------------ lists

	def test_lists_follow_the_scope(self):
		mine = self.file()
		other_manager = make_user()
		set_manager(self.other, other_manager)
		frappe.set_user(other_manager)
		theirs = frappe.get_doc(
			self.values(
				structure=self.other,
				request_kind="Change of address",
				promeneur=None,
				address_line1="1 rue",
				postcode="03200",
				city="Vichy",
			)
		).insert()
		for user, expected in (
			(self.manager, {mine.name}),
			(other_manager, {theirs.name}),
			(self.coordinator, {mine.name, theirs.name}),
			(self.caf, {mine.name, theirs.name}),
			(self.coordinator63, set()),
		):
			frappe.set_user(user)
			ours = {"name": ("in", [mine.name, theirs.name])}  # the site may hold other requests
			with self.subTest(user=user):
				self.assertEqual(set(frappe.get_list(DOCTYPE, filters=ours, pluck="name")), expected)
				listed = frappe.client.get_list(DOCTYPE, fields=["name"], filters=ours, limit_page_length=0)
				self.assertEqual({row.name for row in listed}, expected)
