# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import datetime
import io

import frappe
from frappe.utils import getdate, nowdate

from pdn_frappe import exceptions
from pdn_frappe.conventions import api, documents
from pdn_frappe.conventions.testing import (
	ConventionsTestCase,
	complete_structure,
	make_active_convention,
	make_convention,
)
from pdn_frappe.roles import CAF_AGENT, COORDINATOR
from pdn_frappe.tests.utils import add_department_member, make_promeneur, make_user

AMENDMENT = "PdN Convention Amendment"


def this_year() -> int:
	return getdate(nowdate()).year


def make_amendment(convention, submit: bool = False, **kwargs):
	doc = frappe.get_doc(
		{
			"doctype": AMENDMENT,
			"convention": convention,
			"effective_date": kwargs.pop("effective_date", nowdate()),
			"signed_on": kwargs.pop("signed_on", nowdate()),
			"reason": kwargs.pop("reason", "Deuxième promeneur mandaté par la structure"),
			**kwargs,
		}
	)
	doc.insert()
	if submit:
		doc.submit()
	return doc


def listed(doctype: str) -> list[str]:
	"""What ``/api/resource/<doctype>`` lists for the session user (nothing when refused)."""
	try:
		return frappe.get_list(doctype, pluck="name")
	except frappe.PermissionError:
		return []


def docx_text(content: bytes) -> str:
	import docx

	word = docx.Document(io.BytesIO(content))
	cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
	return "\n".join([p.text for p in word.paragraphs] + cells)


class TestPdNConventionAmendment(ConventionsTestCase):
	def setUp(self):
		# three years from 1 January, 5 000 € a year, last year's... none paid yet
		self.convention = make_active_convention()

	# ------------------------------------------------------------ applied on submit

	def test_an_amendment_changes_the_subsidy_and_keeps_the_history(self):
		year = this_year()
		amendment = make_amendment(self.convention.name, subsidies=[{"year": year, "amount": 6500}])
		self.assertEqual(amendment.subsidies[0].previous_amount, 5000)
		self.assertEqual(amendment.department, "03")
		self.assertEqual(amendment.structure, self.convention.structure)
		self.assertEqual(
			frappe.db.get_value(
				"PdN Convention Subsidy", {"parent": self.convention.name, "year": year}, "amount"
			),
			5000,
			"a draft changes nothing",
		)
		amendment.submit()
		convention = frappe.get_doc("PdN Convention", self.convention.name)
		self.assertEqual({row.year: row.amount for row in convention.subsidies}[year], 6500)
		self.assertEqual(convention.total_amount, 16500)
		self.assertEqual(amendment.amendment_number, 1)
		self.assertIn(str(year), amendment.applied_changes)
		comments = frappe.get_all(
			"Comment",
			filters={
				"reference_doctype": "PdN Convention",
				"reference_name": convention.name,
				"comment_type": "Info",
			},
			pluck="content",
		)
		self.assertTrue(any(amendment.name in text for text in comments))
		self.assertTrue(
			frappe.db.exists("Version", {"ref_doctype": "PdN Convention", "docname": convention.name}),
			"the convention's own history records the change",
		)
		# the signed text of the convention itself does not change
		self.assertEqual(convention.rendered_snapshot, self.convention.rendered_snapshot)

	def test_period_and_representatives_and_numbering(self):
		year = this_year()
		first = make_amendment(
			self.convention.name, subsidies=[{"year": year + 1, "amount": 4000}], submit=True
		)
		new_end = datetime.date(year + 3, 12, 31)
		second = make_amendment(
			self.convention.name,
			new_end_date=new_end,
			subsidies=[{"year": year + 3, "amount": 3000}],
			new_caf_representative="Claire Roux",
			new_caf_representative_title="Directrice",
			submit=True,
		)
		self.assertEqual((first.amendment_number, second.amendment_number), (1, 2))
		convention = frappe.get_doc("PdN Convention", self.convention.name)
		self.assertEqual(getdate(convention.end_date), new_end)
		self.assertEqual(convention.caf_representative, "Claire Roux")
		self.assertEqual(convention.caf_representative_title, "Directrice")
		self.assertEqual(
			sorted((row.year, row.amount) for row in convention.subsidies),
			[(year, 5000), (year + 1, 4000), (year + 2, 5000), (year + 3, 3000)],
		)
		self.assertIn(year + 3, [row.year for row in convention.yearly_reports])
		self.assertEqual(getdate(second.previous_end_date), datetime.date(year + 2, 12, 31))

	def test_refusals_leave_the_convention_as_it_was(self):
		year = this_year()
		convention = frappe.get_doc("PdN Convention", self.convention.name)
		convention.subsidies[0].paid_on = nowdate()
		convention.save()
		with self.assertRaises(exceptions.SubsidyScheduleError) as caught:
			make_amendment(self.convention.name, subsidies=[{"year": year, "amount": 1}])
		self.assertIn("déjà versée", str(caught.exception))
		with self.assertRaises(exceptions.SubsidyScheduleError):
			make_amendment(self.convention.name, subsidies=[{"year": year + 9, "amount": 1000}])
		with self.assertRaises(exceptions.ConventionAmendmentError):
			make_amendment(self.convention.name)  # changes nothing
		with self.assertRaises(exceptions.ConventionPeriodError):
			make_amendment(self.convention.name, new_end_date=f"{year - 2}-12-31")
		with self.assertRaises(exceptions.ConventionAmendmentError):
			make_amendment(make_convention().name, new_end_date=f"{year + 4}-12-31")  # a draft convention
		with self.assertRaises(exceptions.ConventionAmendmentError):
			make_amendment(
				self.convention.name,
				subsidies=[{"year": year + 1, "amount": 1}],
				effective_date=f"{year + 5}-01-01",
			)
		with self.assertRaises(exceptions.PersonalDataError):
			make_amendment(
				self.convention.name,
				subsidies=[{"year": year + 1, "amount": 1}],
				reason="Demande de Léa, 06 12 34 56 78",
			)
		self.assertEqual(frappe.db.count(AMENDMENT, {"convention": self.convention.name}), 0)
		self.assertEqual(frappe.db.get_value("PdN Convention", self.convention.name, "total_amount"), 15000)

	def test_hostile_values_get_a_french_refusal(self):
		for subsidies in ([{"year": "abc", "amount": 100}], [{"year": this_year(), "amount": 1e30}]):
			with self.assertRaises(exceptions.SubsidyScheduleError):
				make_amendment(self.convention.name, subsidies=subsidies)
		with self.assertRaises(exceptions.ConventionAmendmentError):
			make_amendment(self.convention.name, new_end_date="9999-12-31")
		# what only the signature sets is never taken from the draft sent
		draft = make_amendment(
			self.convention.name,
			subsidies=[{"year": this_year(), "amount": 6000}],
			amendment_number=99,
			rendered_snapshot='{"title": "Faux"}',
			applied_changes="Faux",
		)
		self.assertEqual(
			(draft.amendment_number, draft.rendered_snapshot, draft.applied_changes), (0, None, None)
		)
		self.assertNotIn("Faux", documents.render(draft).plain_text())

	def test_a_signed_amendment_cannot_be_cancelled(self):
		amendment = make_amendment(
			self.convention.name, subsidies=[{"year": this_year(), "amount": 6000}], submit=True
		)
		with self.assertRaises(exceptions.ConventionAmendmentError):
			amendment.cancel()
		self.assertEqual(frappe.db.get_value(AMENDMENT, amendment.name, "docstatus"), 1)

	# ------------------------------------------------------------ printed

	def test_prints_as_pdf_and_docx_from_its_own_template(self):
		year = this_year()
		amendment = make_amendment(self.convention.name, subsidies=[{"year": year, "amount": 6500}])
		self.assertEqual(
			frappe.db.get_value("PdN Document Template", amendment.template, "document_kind"), "Amendment"
		)
		draft = documents.render(amendment).plain_text()
		self.assertIn("Avenant", draft)
		self.assertIn("6\xa0500,00", draft)
		self.assertIn("5\xa0000,00", draft)
		amendment.submit()
		api.download_docx(AMENDMENT, amendment.name)
		text = docx_text(frappe.local.response.filecontent)
		self.assertIn("Avenant n° 1", text)
		self.assertIn("6\xa0500,00", text)
		self.assertIn(self.convention.name, text)
		self.assertTrue(frappe.local.response.filename.endswith(".docx"))
		api.download_pdf(AMENDMENT, amendment.name)
		self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		self.assertTrue(frappe.db.get_value("PdN Document Template", amendment.template, "frozen"))
		# the text is frozen on submit: a later change of the convention does not rewrite it
		make_amendment(self.convention.name, subsidies=[{"year": year, "amount": 7000}], submit=True)
		self.assertIn("6\xa0500,00", documents.render(frappe.get_doc(AMENDMENT, amendment.name)).plain_text())

	# ------------------------------------------------------------ who may do what

	def structure_manager(self, structure: str) -> str:
		user = make_user()
		doc = frappe.get_doc("PdN Structure", structure)
		doc.append("contacts", {"contact_name": "Responsable", "user": user, "is_manager": 1})
		doc.save(ignore_permissions=True)
		return user

	def test_coordinator_and_caf_of_the_department_create_and_submit(self):
		year = this_year()
		for role in (COORDINATOR, CAF_AGENT):
			frappe.set_user(add_department_member("03", role))
			amendment = make_amendment(
				self.convention.name, subsidies=[{"year": year + 2, "amount": 4500 + len(role)}]
			)
			amendment.submit()
			self.assertEqual(amendment.docstatus, 1)
			self.assertIn(amendment.name, frappe.get_list(AMENDMENT, pluck="name"))
			frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value(
				"PdN Convention Subsidy", {"parent": self.convention.name, "year": year + 2}, "amount"
			),
			4500 + len(CAF_AGENT),
		)

	def test_others_are_refused(self):
		year = this_year()
		amendment = make_amendment(
			self.convention.name, subsidies=[{"year": year, "amount": 6000}], submit=True
		)
		draft = make_amendment(self.convention.name, subsidies=[{"year": year + 1, "amount": 6000}])
		mine = self.structure_manager(self.convention.structure)
		other_structure = self.structure_manager(make_convention().structure)
		other_coordinator = add_department_member("63", COORDINATOR)
		promeneur_user = make_user()
		make_promeneur(structure=self.convention.structure, user=promeneur_user)
		withdrawn = add_department_member("03", CAF_AGENT)
		department = frappe.get_doc("PdN Department", "03")
		department.members = [row for row in department.members if row.user != withdrawn]
		department.save(ignore_permissions=True)

		# the structure's manager reads and prints their own, changes nothing
		frappe.set_user(mine)
		self.assertEqual(
			sorted(frappe.get_list(AMENDMENT, pluck="name")), sorted([amendment.name, draft.name])
		)
		api.download_docx(AMENDMENT, amendment.name)
		with self.assertRaises(frappe.PermissionError):
			make_amendment(self.convention.name, subsidies=[{"year": year + 1, "amount": 9000}])
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(AMENDMENT, draft.name).submit()
		with self.assertRaises(frappe.PermissionError):
			frappe.client.set_value(AMENDMENT, draft.name, "reason", "Autre motif")

		for user in (other_structure, other_coordinator, promeneur_user, withdrawn):
			frappe.set_user(user)
			self.assertFalse({amendment.name, draft.name} & set(listed(AMENDMENT)), user)
			with self.assertRaises(frappe.PermissionError):
				frappe.client.get(AMENDMENT, amendment.name)
			with self.assertRaises(frappe.PermissionError):
				api.download_pdf(AMENDMENT, amendment.name)
			with self.assertRaises(frappe.PermissionError):
				make_amendment(self.convention.name, subsidies=[{"year": year + 1, "amount": 9000}])
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc(AMENDMENT, draft.name).submit()
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value(
				"PdN Convention Subsidy", {"parent": self.convention.name, "year": year + 1}, "amount"
			),
			5000,
		)
		# the manager whose contact is removed from the structure sees nothing any more
		structure = frappe.get_doc("PdN Structure", self.convention.structure)
		structure.contacts = [row for row in structure.contacts if row.user != mine]
		structure.save(ignore_permissions=True)
		frappe.set_user(mine)
		self.assertFalse({amendment.name, draft.name} & set(listed(AMENDMENT)))
		with self.assertRaises(frappe.PermissionError):
			api.download_docx(AMENDMENT, amendment.name)

	def test_a_coordinator_cannot_amend_another_departments_convention(self):
		other = make_active_convention(
			structure=complete_structure(department="63", postcode="63000", city="Clermont-Ferrand").name
		)
		frappe.set_user(add_department_member("03", COORDINATOR))
		with self.assertRaises(frappe.PermissionError):
			make_amendment(other.name, subsidies=[{"year": this_year(), "amount": 1}])
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count(AMENDMENT, {"convention": other.name}), 0)
