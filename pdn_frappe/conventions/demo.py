"""Demo conventions and charter signatures for the demo network (Allier and Puy-de-Dôme).

Run after :func:`pdn_frappe.network.demo.load` (``bench --site SITE execute
pdn_frappe.conventions.demo.load``). Idempotent: a structure that already has a convention, or a
promeneur who already signed the charter, is left as it is.

Each active demo structure gets a three-year convention (last year to next year), signed and
active, with last year's subsidy paid; the first structure of each department gets a convention
that ends in 60 days instead, so that the expiry alerts and the follow-up report have something
to show. Every active promeneur gets a signed charter. Then the life of the conventions after
their signature (:mod:`pdn_frappe.demo.conventions`): an on-site check with sums to recover, an
amendment, a termination with notice.
"""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_days, getdate, nowdate

from pdn_frappe.conventions.activation import signed_charter
from pdn_frappe.demo import conventions as demo_life
from pdn_frappe.demo.network import DEMO_EMAIL_DOMAIN, build_demo_network
from pdn_frappe.network.demo import loading

DEMO_DEPARTMENTS = ("03", "63")
CAF_REPRESENTATIVES = {"03": ("Hélène Garnier", "Directrice"), "63": ("Olivier Besson", "Directeur")}
#: a one-page PDF standing for a signed scan
SCAN = (
	b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
	b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def load(commit: bool = True) -> dict:
	counts = {"conventions": 0, "charters": 0, "amendments": 0, "terminations": 0, "checks": 0}
	with loading(commit):
		today = getdate(nowdate())
		# only the demo network's own structures, never records made otherwise on the same site
		demo_sirets = [structure.siret for structure in build_demo_network().structures]
		for department in DEMO_DEPARTMENTS:
			structures = frappe.get_all(
				"PdN Structure",
				filters={"department": department, "status": "Active", "siret": ("in", demo_sirets)},
				fields=["name", "structure_name"],
				order_by="structure_name asc",
			)
			for index, structure in enumerate(structures):
				if frappe.db.exists("PdN Convention", {"structure": structure.name}):
					continue
				ends_soon = index == 0
				make_demo_convention(
					structure.name, department, today, ends_soon, amount=4000 + 500 * (index % 4)
				)
				counts["conventions"] += 1
			for promeneur in frappe.get_all(
				"PdN Promeneur",
				filters={
					"department": department,
					"status": "Active",
					"structure": ("in", [structure.name for structure in structures] or [""]),
				},
				pluck="name",
			):
				if signed_charter(promeneur):
					continue
				make_demo_charter(promeneur)
				counts["charters"] += 1
			add_convention_life([structure.name for structure in structures], department, today, counts)
	print(
		f"Demo conventions: {counts['conventions']} created; charters: {counts['charters']} signed; "
		f"amendments: {counts['amendments']}; terminations with notice: {counts['terminations']}; "
		f"checks: {counts['checks']}."
	)
	return counts


def _scan(doc, file_name: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": file_name,
				"content": SCAN,
				"is_private": 1,
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
			}
		)
		.insert(ignore_permissions=True)
		.file_url
	)


def make_demo_convention(structure: str, department: str, today, ends_soon: bool, amount: float):
	start = datetime.date(today.year - 1, 1, 1)
	end = add_days(today, 60) if ends_soon else datetime.date(today.year + 1, 12, 31)
	representative, title = CAF_REPRESENTATIVES.get(department, ("", ""))
	convention = frappe.get_doc(
		{
			"doctype": "PdN Convention",
			"structure": structure,
			"start_date": start,
			"end_date": end,
			"signature_place": frappe.db.get_value("PdN Structure", structure, "city"),
			"caf_representative": representative,
			"caf_representative_title": title,
			"subsidies": [
				{
					"year": year,
					"amount": amount,
					"paid_on": datetime.date(year, 6, 15) if year < today.year else None,
				}
				for year in range(start.year, getdate(end).year + 1)
			],
		}
	)
	convention.insert(ignore_permissions=True)
	convention.mark_sent()
	convention.mark_signed(
		signed_on=str(add_days(start, -20)), signed_scan=_scan(convention, "convention-signee.pdf")
	)
	convention.reload()
	# the documents due so far came in, except the certificate of service of the convention ending soon
	for row in convention.yearly_reports:
		if getdate(row.due_date) < today and not (
			ends_soon and row.document_type == "Attestation de service fait"
		):
			row.received_on = row.due_date
	convention.save(ignore_permissions=True)
	return convention


def add_convention_life(structures: list[str], department: str, today, counts: dict) -> None:
	"""A check with sums to recover, an amendment and a termination with notice, once each."""
	conventions = []
	for structure in structures:
		name = frappe.db.get_value(
			"PdN Convention", {"structure": structure, "status": ("in", ("Signed", "Active"))}, "name"
		)
		conventions.append(name)
	if len(conventions) > demo_life.CHECKED and conventions[demo_life.CHECKED]:
		if add_demo_check(conventions[demo_life.CHECKED], today):
			counts["checks"] += 1
	if len(conventions) > demo_life.AMENDED and conventions[demo_life.AMENDED]:
		if add_demo_amendment(conventions[demo_life.AMENDED], department, today):
			counts["amendments"] += 1
	# the structures of the demo logins keep their convention: their promeneur stays active
	spared = set(
		frappe.get_all(
			"PdN Structure Contact",
			filters={"parenttype": "PdN Structure", "user": ("like", f"%@{DEMO_EMAIL_DOMAIN}")},
			pluck="parent",
		)
	) | set(
		frappe.get_all(
			"PdN Promeneur", filters={"user": ("like", f"%@{DEMO_EMAIL_DOMAIN}")}, pluck="structure"
		)
	)
	candidates = [
		name
		for structure, name in list(zip(structures, conventions, strict=True))[demo_life.TERMINATED :]
		if name and structure not in spared
	]
	if candidates and add_demo_termination(candidates[0], today):
		counts["terminations"] += 1


def add_demo_check(name: str, today) -> bool:
	convention = frappe.get_doc("PdN Convention", name)
	if convention.inspections or convention.recoveries:
		return False
	convention.append("inspections", {"checked_on": demo_life.check_date(today), **demo_life.CHECK})
	for amount, status, days, reason in demo_life.RECOVERIES:
		due = add_days(today, days)
		convention.append(
			"recoveries",
			{
				"amount": amount,
				"status": status,
				"due_date": due,
				"year": today.year - 1,
				"reason": reason,
				"recovered_on": due if status == "Recovered" else None,
			},
		)
	convention.save(ignore_permissions=True)
	return True


def add_demo_amendment(name: str, department: str, today) -> bool:
	if frappe.db.exists("PdN Convention Amendment", {"convention": name}):
		return False
	convention = frappe.get_doc("PdN Convention", name)
	current = {row.year: row.amount for row in convention.subsidies}
	if today.year not in current:
		return False
	amendment = frappe.get_doc(
		{
			"doctype": "PdN Convention Amendment",
			"convention": name,
			"effective_date": today,
			"signed_on": today,
			"reason": demo_life.AMENDMENT["reason"],
			"subsidies": [
				{"year": today.year, "amount": current[today.year] + demo_life.AMENDMENT["increase"]}
			],
			"new_caf_representative": demo_life.NEW_CAF_REPRESENTATIVES.get(department),
			"new_caf_representative_title": demo_life.AMENDMENT["new_caf_representative_title"],
		}
	)
	amendment.insert(ignore_permissions=True)
	amendment.submit()
	return True


def add_demo_termination(name: str, today) -> bool:
	convention = frappe.get_doc("PdN Convention", name)
	if convention.terminated_on:
		return False
	notice = demo_life.notice_date(getdate(convention.start_date), getdate(convention.end_date), today)
	if notice is None:
		return False
	convention.terminate(reason=demo_life.TERMINATION_REASON, notice_on=str(notice))
	return True


def make_demo_charter(promeneur: str):
	active_since = frappe.db.get_value("PdN Promeneur", promeneur, "active_since")
	signature = frappe.get_doc(
		{
			"doctype": "PdN Charter Signature",
			"promeneur": promeneur,
			"signed_on": active_since or nowdate(),
			"place": frappe.db.get_value(
				"PdN Structure", frappe.db.get_value("PdN Promeneur", promeneur, "structure"), "city"
			),
		}
	).insert(ignore_permissions=True)
	signature.signed_scan = _scan(signature, "charte-signee.pdf")
	signature.submit()
	return signature
