# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe.utils import add_days, nowdate

from pdn_frappe import exceptions, roles
from pdn_frappe.network import scope
from pdn_frappe.tests.utils import PdnTestCase, add_department_member, make_promeneur, make_user

ITEM = "PdN Roadmap Item"


def make_item(user="Administrator", **kwargs):
	current = frappe.session.user
	frappe.set_user(user)
	try:
		return frappe.get_doc(
			{
				"doctype": ITEM,
				"title": kwargs.pop("title", "Préparer la journée départementale"),
				"department": kwargs.pop("department", "03"),
				"due_date": kwargs.pop("due_date", add_days(nowdate(), 20)),
				**kwargs,
			}
		).insert()
	finally:
		frappe.set_user(current)


class TestPdNRoadmapItem(PdnTestCase):
	def setUp(self):
		self.coordinator = add_department_member("03", roles.COORDINATOR)
		self.caf_agent = add_department_member("03", roles.CAF_AGENT)
		self.other = add_department_member("63", roles.COORDINATOR)

	def test_the_department_team_reads_and_changes_its_items_only(self):
		mine = make_item(user=self.coordinator, responsible=self.caf_agent)
		theirs = make_item(user=self.other, department="63")
		for user in (self.coordinator, self.caf_agent):
			frappe.set_user(user)
			self.assertEqual(set(frappe.get_list(ITEM, pluck="name")) & {mine.name, theirs.name}, {mine.name})
			self.assertEqual(scope.get_count(ITEM, filters={"name": theirs.name}), 0)
			self.assertRaises(frappe.PermissionError, frappe.client.get, ITEM, theirs.name)
			doc = frappe.get_doc(ITEM, mine.name)
			doc.status = "In progress"
			doc.save()
		frappe.set_user(self.coordinator)
		doc = frappe.get_doc(ITEM, theirs.name)
		doc.status = "Done"
		self.assertRaises(frappe.PermissionError, doc.save)
		# moved to another department: refused before and after the change
		doc = frappe.get_doc(ITEM, mine.name)
		doc.department = "63"
		self.assertRaises(frappe.PermissionError, doc.save)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(ITEM, theirs.name, "status"), "Open")
		self.assertEqual(frappe.db.get_value(ITEM, mine.name, "department"), "03")

	def test_structure_managers_promeneurs_and_withdrawn_users_see_nothing(self):
		item = make_item()
		promeneur = make_promeneur(department="03")
		login = promeneur.create_login(send_welcome_email=False)
		manager = make_user(roles=(roles.STRUCTURE_MANAGER,))
		for user in (login, manager):
			frappe.set_user(user)
			self.assertRaises(frappe.PermissionError, frappe.client.get, ITEM, item.name)
			self.assertRaises(frappe.PermissionError, make_item, user=user)
			frappe.set_user("Administrator")
		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != self.coordinator]
		department.save(ignore_permissions=True)
		frappe.set_user(self.coordinator)
		self.assertNotIn(roles.COORDINATOR, frappe.get_roles(self.coordinator), "the role follows the team")
		self.assertRaises(frappe.PermissionError, frappe.get_list, ITEM)
		self.assertRaises(frappe.PermissionError, frappe.client.get, ITEM, item.name)
		self.assertRaises(frappe.PermissionError, make_item, user=self.coordinator)

	def test_the_responsible_is_of_the_team_and_the_meeting_of_the_department(self):
		with self.assertRaises(exceptions.CommitteeDecisionError):
			make_item(user=self.coordinator, responsible=self.other)
		meeting = frappe.get_doc(
			{
				"doctype": "PdN Steering Meeting",
				"department": "63",
				"meeting_date": nowdate(),
			}
		).insert()
		with self.assertRaises((exceptions.CommitteeDecisionError, frappe.PermissionError)):
			make_item(user=self.coordinator, steering_meeting=meeting.name)
		with self.assertRaises(exceptions.CommitteeDecisionError):
			make_item(steering_meeting=meeting.name)  # even for a System Manager
		with self.assertRaises(exceptions.PersonalDataError):
			make_item(user=self.coordinator, description="Rappeler lea.martin@example.com")

	def test_done_is_dated_and_the_overdue_card_counts_open_items_past_due(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		card = frappe.get_doc("Number Card", "Roadmap items overdue").as_dict()
		filters = [
			*frappe.parse_json(card.filters_json),
			["PdN Roadmap Item", "due_date", "<", nowdate()],
		]

		def count():
			frappe.set_user(self.coordinator)
			try:
				return get_result(card, filters)
			finally:
				frappe.set_user("Administrator")

		before = count()
		overdue = make_item(user=self.coordinator, due_date=add_days(nowdate(), -3))
		make_item(user=self.coordinator, due_date=add_days(nowdate(), -3), status="In progress")
		make_item(user=self.coordinator, due_date=add_days(nowdate(), -3), status="Cancelled")
		make_item(user=self.coordinator, due_date=add_days(nowdate(), 3))
		make_item(user=self.other, department="63", due_date=add_days(nowdate(), -3))
		self.assertEqual(count(), before + 2)

		frappe.set_user(self.coordinator)
		doc = frappe.get_doc(ITEM, overdue.name)
		doc.status = "Done"
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(str(doc.done_on), nowdate())
		self.assertEqual(count(), before + 1)
