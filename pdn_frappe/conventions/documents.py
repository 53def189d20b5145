"""Printed documents of the network: from records to the merge context, then HTML, PDF and DOCX.

The rendering itself is pure (:mod:`pdn_frappe.domain.documents`); this module gathers the data
of a convention or a charter signature into a plain context, picks the template version, keeps
the signed text of signed documents, and turns rendering problems into French messages.
"""

from __future__ import annotations

import base64
import mimetypes
import re
import unicodedata

import frappe
from frappe import _
from frappe.utils import escape_html, flt, getdate, nowdate

from pdn_frappe import exceptions
from pdn_frappe.domain import conventions as rules
from pdn_frappe.domain import departments
from pdn_frappe.domain import documents

CONVENTION = "PdN Convention"
CHARTER = "PdN Charter Signature"
AMENDMENT = "PdN Convention Amendment"
TEMPLATE = "PdN Document Template"

#: document -> kind of template it prints
KIND_OF = {CONVENTION: "Convention", CHARTER: "Charter", AMENDMENT: "Amendment"}
#: language of the printed documents: the values merged into the texts are written in it
DOCUMENT_LANGUAGE = "fr"

#: document -> its standard print format
PRINT_FORMATS = {
	CONVENTION: "PdN Convention",
	CHARTER: "PdN Charter",
	AMENDMENT: "PdN Convention Amendment",
}


# ---------------------------------------------------------------- merge fields


def merge_field_labels() -> dict[str, str]:
	"""What each merge field holds, in the user's language (shown in messages and in the help)."""
	return {
		"convention.reference": _("Reference of the convention"),
		"convention.status": _("Status of the convention"),
		"structure.name": _("Name of the structure to print on the convention"),
		"structure.legal_status": _("Legal status of the structure"),
		"structure.address": _("Address of the structure"),
		"structure.siret": _("SIRET of the structure"),
		"structure.representative.name": _("Name of the structure's representative"),
		"structure.representative.title": _("Title of the structure's representative"),
		"caf.name": _("Name of the CAF"),
		"caf.address": _("Address of the CAF"),
		"caf.representative.name": _("Name of the CAF's representative"),
		"caf.representative.title": _("Title of the CAF's representative"),
		"msa.name": _("Name of the MSA"),
		"msa.address": _("Address of the MSA"),
		"msa.representative.name": _("Name of the MSA's representative"),
		"msa.representative.title": _("Title of the MSA's representative"),
		"department.code": _("Code of the department"),
		"department.name": _("Name of the department"),
		"period.start": _("Start date of the convention"),
		"period.end": _("End date of the convention"),
		"period.years": _("Years of the convention"),
		"period.duration": _("Duration of the convention in years"),
		"subsidies": _("Subsidy schedule"),
		"subsidies.year": _("Year of a subsidy"),
		"subsidies.amount": _("Amount of a subsidy"),
		"subsidy_total": _("Total of the subsidies"),
		"promeneurs": _("Promeneurs of the structure"),
		"promeneurs.full_name": _("Name of a promeneur"),
		"promeneurs.job": _("Job of a promeneur"),
		"promeneurs.weekly_hours": _("Weekly hours online of a promeneur"),
		"checklist": _("Supporting documents for the signature"),
		"checklist.document": _("Name of a supporting document"),
		"yearly_documents": _("Supporting documents for each yearly payment"),
		"yearly_documents.document": _("Name of a yearly document"),
		"yearly_documents.due": _("Due date of a yearly document"),
		"previous.reference": _("Reference of the renewed convention"),
		"previous.end": _("End date of the renewed convention"),
		"promeneur.full_name": _("Name of the promeneur"),
		"promeneur.first_name": _("First name of the promeneur"),
		"promeneur.last_name": _("Last name of the promeneur"),
		"promeneur.job": _("Job of the promeneur"),
		"promeneur.weekly_hours": _("Weekly hours online of the promeneur"),
		"promeneur.mission": _("Mission of the promeneur"),
		"signatories": _("Signatories"),
		"signatories.party": _("Party a signatory signs for"),
		"signatories.name": _("Name of a signatory"),
		"signatories.title": _("Function of a signatory"),
		"signature.place": _("Place of signature"),
		"signature.date": _("Date of signature"),
		"coordination.structure": _("Coordinating structure of the department"),
		"coordination.email": _("E-mail of the coordination"),
		"coordination.phone": _("Phone of the coordination"),
		"amendment.number": _("Number of the amendment"),
		"amendment.reference": _("Reference of the amendment"),
		"amendment.effective_date": _("Date the amendment takes effect"),
		"amendment.reason": _("Reason for the amendment"),
		"convention.signed_on": _("Date the convention was signed"),
		"changes.subsidies": _("Subsidies changed by the amendment"),
		"changes.subsidies.previous": _("Amount of a subsidy before the amendment"),
		"changes.end": _("New end date of the convention"),
		"changes.previous_end": _("End date of the convention before the amendment"),
		"changes.representatives": _("Representatives changed by the amendment"),
		"today": _("Date of printing"),
	}


#: merge fields each kind of document offers
KIND_FIELDS = {
	"Convention": (
		"convention.",
		"structure.",
		"caf.",
		"msa.",
		"department.",
		"period.",
		"subsidies",
		"subsidy_total",
		"promeneurs",
		"checklist",
		"yearly_documents",
		"previous.",
		"signature.",
		"coordination.",
		"today",
	),
	"Amendment": (
		"amendment.",
		"convention.",
		"changes.",
		"structure.",
		"caf.",
		"msa.",
		"department.",
		"period.",
		"subsidies",
		"subsidy_total",
		"signature.",
		"coordination.",
		"today",
	),
	"Charter": (
		"promeneur.",
		"structure.",
		"caf.",
		"department.",
		"signatories",
		"signature.",
		"coordination.",
		"today",
	),
}


def merge_fields(kind: str | None = None) -> list[dict]:
	"""[{"field", "label"}] of the merge fields a kind of document offers (all when None)."""
	prefixes = KIND_FIELDS.get(kind or "")
	return [
		{"field": field, "label": label}
		for field, label in merge_field_labels().items()
		if not prefixes or field.startswith(prefixes)
	]


def missing_fields_message(paths) -> str:
	labels = merge_field_labels()
	names = []
	for path in paths:
		row = re.search(r"\[(\d+)\]", path)
		generic = re.sub(r"\[\d+\]", "", path)
		label = labels.get(generic)
		if label is None:
			label = _("merge field {0}").format(escape_html(generic))  # a name typed in the template
		if row:
			label = _("{0} (row {1})").format(label, row.group(1))
		names.append(frappe.bold(label))
	return _("The document cannot be produced yet. Missing information: {0}.").format(", ".join(names))


# ---------------------------------------------------------------- templates


def active_template(kind: str, department: str | None = None) -> str | None:
	"""The version in use of a kind of template: the department's own first, else the national one."""
	filters = [{"department": department}] if department else []
	filters.append({"department": ("is", "not set")})
	for scope in filters:
		name = frappe.db.get_value(
			TEMPLATE, {"document_kind": kind, "is_active": 1, **scope}, "name", order_by="version desc"
		)
		if name:
			return name
	return None


def template_of(doc) -> str:
	name = doc.get("template") or active_template(KIND_OF[doc.doctype], doc.get("department"))
	if not name:
		frappe.throw(
			_("No template is in use for this kind of document. Tick In use on a {0}.").format(_(TEMPLATE)),
			exc=exceptions.DocumentTemplateError,
			title=_("Missing template"),
		)
	return name


def lock_template(name: str | None) -> None:
	"""A template version used by a signed document never changes again."""
	if name and not frappe.db.get_value(TEMPLATE, name, "frozen"):
		frappe.db.set_value(TEMPLATE, name, "frozen", 1, update_modified=False)


# ---------------------------------------------------------------- contexts


def _address(*parts) -> str | None:
	lines = []
	for part in parts:
		for line in (part or "").splitlines():
			if line.strip():
				lines.append(line.strip())
	return ", ".join(lines) or None


def _structure(name: str, convention_name: bool = True) -> dict:
	structure = frappe.get_doc("PdN Structure", name)
	return {
		"name": (structure.convention_name if convention_name else None) or structure.structure_name,
		"legal_status": _(structure.legal_status, lang=DOCUMENT_LANGUAGE) if structure.legal_status else None,
		"address": _address(
			structure.address_line1,
			structure.address_line2,
			" ".join(filter(None, [structure.postcode, structure.city])),
		),
		"siret": structure.siret,
		"representative": {
			"name": structure.legal_representative,
			"title": structure.legal_representative_title,
		},
		"city": structure.city,
	}


def _department(code: str) -> tuple[dict, dict, dict]:
	department = frappe.get_doc("PdN Department", code)
	coordination = {
		"structure": frappe.db.get_value("PdN Structure", department.coordinator_structure, "structure_name")
		if department.coordinator_structure
		else None,
		"email": department.coordination_email,
		"phone": department.coordination_phone,
	}
	return (
		{
			"code": department.code,
			"name": department.department_name,
			# "de l'Allier", "du Puy-de-Dôme": the name as a French sentence needs it after "de"
			"of_name": departments.of_department(department.department_name, department.code),
		},
		{"name": department.caf_name, "address": department.caf_address},
		coordination,
	)


def _yearly_due_labels() -> dict[str, str]:
	return {
		"31 March of the year": _("31 March of the year", lang=DOCUMENT_LANGUAGE),
		"31 December of the year": _("31 December of the year", lang=DOCUMENT_LANGUAGE),
		"30 June of the following year": _("30 June of the following year", lang=DOCUMENT_LANGUAGE),
	}


def convention_context(doc) -> dict:
	structure = _structure(doc.structure)
	structure["representative"] = {
		"name": doc.structure_representative,
		"title": doc.structure_representative_title,
	}
	department, caf, coordination = _department(doc.department)
	caf["representative"] = {"name": doc.caf_representative, "title": doc.caf_representative_title}
	msa = None
	if doc.include_msa:
		msa_name, msa_address = frappe.db.get_value(
			"PdN Department", doc.department, ["msa_name", "msa_address"]
		)
		msa = {
			"name": msa_name,
			"address": msa_address,
			"representative": {"name": doc.msa_representative, "title": doc.msa_representative_title},
		}
	start = getdate(doc.start_date) if doc.start_date else None
	end = getdate(doc.end_date) if doc.end_date else None
	subsidies = sorted(
		({"year": row.year, "amount": flt(row.amount)} for row in doc.subsidies), key=lambda r: r["year"]
	)
	promeneurs = frappe.get_all(
		"PdN Promeneur",
		filters={"structure": doc.structure, "status": ("in", ("Candidate", "Active"))},
		fields=["full_name", "job_title", "profession", "weekly_hours"],
		order_by="last_name asc, first_name asc",
	)
	due_rules = dict(frappe.get_all("PdN Document Type", fields=["name", "yearly_due"], as_list=True))
	due_labels = _yearly_due_labels()
	yearly = []
	for document_type in dict.fromkeys(row.document_type for row in doc.yearly_reports):
		yearly.append({"document": document_type, "due": due_labels.get(due_rules.get(document_type) or "")})
	previous = None
	if doc.renewal_of:
		previous = {
			"reference": doc.renewal_of,
			"end": frappe.db.get_value(CONVENTION, doc.renewal_of, "end_date"),
		}
	return {
		"convention": {
			"reference": None if doc.is_new() else doc.name,
			"status": _(doc.status, lang=DOCUMENT_LANGUAGE),
		},
		"structure": structure,
		"caf": caf,
		"msa": msa,
		"department": department,
		"period": {
			"start": start,
			"end": end,
			"years": rules.period_years(start, end) if start and end else None,
			"duration": (end.year - start.year + 1) if start and end else None,
		},
		"subsidies": subsidies or None,
		"subsidy_total": sum(row["amount"] for row in subsidies) if subsidies else None,
		"promeneurs": [
			{
				"full_name": row.full_name,
				"job": row.job_title or row.profession,
				"weekly_hours": row.weekly_hours,
			}
			for row in promeneurs
		],
		"checklist": [
			{"document": row.document_type, "stage": _(row.stage, lang=DOCUMENT_LANGUAGE)}
			for row in doc.supporting_documents
			if row.status != rules.NOT_REQUIRED
		],
		"yearly_documents": yearly,
		"previous": previous,
		"signature": {"place": doc.signature_place, "date": doc.signed_on},
		"coordination": coordination,
		"today": getdate(nowdate()),
	}


def charter_context(doc) -> dict:
	promeneur = frappe.get_doc("PdN Promeneur", doc.promeneur)
	structure = _structure(doc.structure or promeneur.structure)
	department, caf, coordination = _department(doc.department or promeneur.department)
	return {
		"promeneur": {
			"full_name": promeneur.full_name,
			"first_name": promeneur.first_name,
			"last_name": promeneur.last_name,
			"job": promeneur.job_title or promeneur.profession,
			"weekly_hours": promeneur.weekly_hours,
			"mission": _(promeneur.mission, lang=DOCUMENT_LANGUAGE) if promeneur.mission else None,
		},
		"structure": structure,
		"caf": caf,
		"department": department,
		"signatories": [
			{
				"party": _(row.party, lang=DOCUMENT_LANGUAGE),
				"name": row.signatory_name,
				"title": row.signatory_title,
			}
			for row in doc.signatories
		]
		or None,
		"signature": {"place": doc.place, "date": doc.signed_on},
		"coordination": coordination,
		"today": getdate(nowdate()),
	}


def amendment_context(doc) -> dict:
	"""What an amendment prints: the convention's parties, then what changes, then the schedule as
	amended. A submitted amendment reads the values it changed from the convention's history kept
	on itself (previous amounts and end date), not from the convention as it stands today."""
	convention = frappe.get_doc(CONVENTION, doc.convention)
	context = convention_context(convention)
	schedule = {row["year"]: row["amount"] for row in context["subsidies"] or ()}
	# not applied yet (a draft, or the text frozen on submit): the convention still has its old terms
	pending = doc.docstatus == 0 or not doc.applied_changes
	changed = []
	for row in sorted(doc.subsidies, key=lambda r: int(r.year or 0)):
		year = int(row.year or 0)
		changed.append(
			{"year": year, "amount": flt(row.amount) or None, "previous": flt(row.previous_amount) or None}
		)
		if pending:
			if flt(row.amount):
				schedule[year] = flt(row.amount)
			else:
				schedule.pop(year, None)
	subsidies = [{"year": year, "amount": schedule[year]} for year in sorted(schedule)]
	end = getdate(doc.new_end_date) if doc.new_end_date else getdate(convention.end_date)
	start = getdate(convention.start_date)
	representatives = []
	labels = {
		"new_structure_representative": _("Representative of the structure", lang=DOCUMENT_LANGUAGE),
		"new_caf_representative": _("Representative of the CAF", lang=DOCUMENT_LANGUAGE),
		"new_msa_representative": _("Representative of the MSA", lang=DOCUMENT_LANGUAGE),
	}
	for field, label in labels.items():
		if doc.get(field):
			representatives.append(
				{"role": label, "name": doc.get(field), "title": doc.get(f"{field}_title")}
			)
			party = field.removeprefix("new_").removesuffix("_representative")
			target = context.get(party)
			if target and pending:
				target["representative"] = {
					"name": doc.get(field),
					"title": doc.get(f"{field}_title") or target["representative"].get("title"),
				}
	context.update(
		{
			"amendment": {
				"number": doc.amendment_number or None,
				"reference": None if doc.is_new() else doc.name,
				"effective_date": getdate(doc.effective_date) if doc.effective_date else None,
				"reason": doc.reason,
			},
			"convention": {
				**context["convention"],
				"reference": convention.name,
				"signed_on": getdate(convention.signed_on) if convention.signed_on else None,
			},
			"changes": {
				"subsidies": changed or None,
				"end": getdate(doc.new_end_date) if doc.new_end_date else None,
				"previous_end": getdate(doc.previous_end_date or convention.end_date),
				"representatives": representatives or None,
			},
			"period": {
				"start": start,
				"end": end,
				"years": rules.period_years(start, end),
				"duration": end.year - start.year + 1,
			},
			"subsidies": subsidies or None,
			"subsidy_total": sum(row["amount"] for row in subsidies) if subsidies else None,
			"signature": {"place": convention.signature_place, "date": doc.signed_on},
		}
	)
	return context


CONTEXTS = {CONVENTION: convention_context, CHARTER: charter_context, AMENDMENT: amendment_context}


# ---------------------------------------------------------------- rendering


def template_record(name: str) -> dict:
	template = frappe.get_doc(TEMPLATE, name)
	return template.as_dict()


def render(doc, template: str | None = None) -> documents.RenderedDocument:
	"""The document's text: its signed snapshot, or the template merged with today's data."""
	if doc.get("rendered_snapshot") and not template:
		return documents.from_snapshot(doc.rendered_snapshot)
	name = template or template_of(doc)
	try:
		return documents.render_document(
			documents.template_from_record(template_record(name)), CONTEXTS[doc.doctype](doc)
		)
	except documents.MissingMergeFieldsError as error:
		frappe.throw(
			missing_fields_message(error.paths),
			exc=exceptions.MissingMergeFieldError,
			title=_("Missing information"),
		)
	except documents.TemplateSyntaxProblem as error:
		frappe.throw(
			_("The template {0} cannot be used: section {1} cannot be read ({2}).").format(
				frappe.bold(escape_html(name)),
				frappe.bold(escape_html(error.section)),
				escape_html(error.details),
			),
			exc=exceptions.DocumentTemplateError,
			title=_("Invalid template"),
		)


def snapshot(doc) -> str:
	return documents.snapshot(render(doc, template=template_of(doc)))


def is_draft(doc) -> bool:
	if doc.doctype == CONVENTION:
		return doc.status in (rules.DRAFT, rules.SENT)
	return doc.docstatus == 0


def funder_of(doc) -> tuple[str, str | None]:
	"""The CAF's name and logo URL for the header of a document."""
	department = doc.get("department") or frappe.db.get_value(
		"PdN Promeneur", doc.get("promeneur"), "department"
	)
	return frappe.db.get_value("PdN Department", department, ["caf_name", "caf_logo"]) or ("", None)


def file_bytes(file_url: str | None) -> bytes | None:
	"""Content of an attached file (public or private), or None."""
	if not file_url:
		return None
	name = frappe.db.get_value("File", {"file_url": file_url}, "name")
	if not name:
		return None
	try:
		content = frappe.get_doc("File", name).get_content()
	except Exception:
		return None
	return content.encode() if isinstance(content, str) else content


def logo_data_uri(file_url: str | None) -> str | None:
	content = file_bytes(file_url)
	mime = mimetypes.guess_type(file_url or "")[0]
	if not content or not mime or not mime.startswith("image/"):
		return None
	return f"data:{mime};base64,{base64.b64encode(content).decode()}"


def page_label() -> str:
	return _("Page {0} of {1}")


def print_document(doc) -> dict:
	"""What the print formats show: the HTML body, the CAF's logo and name, the draft mark."""
	rendered = render(doc)
	caf_name, caf_logo = funder_of(doc)
	return {
		"html": documents.to_html(rendered),
		"title": rendered.title,
		"caf_name": caf_name,
		"logo": logo_data_uri(caf_logo),
		"draft": is_draft(doc),
		"reference": None if doc.is_new() else doc.name,
	}


def docx_file(doc) -> tuple[str, bytes]:
	rendered = render(doc)
	caf_name, caf_logo = funder_of(doc)
	label = page_label().format("{page}", "{total}")
	content = documents.to_docx(
		rendered,
		documents.DocxOptions(
			header_text=caf_name or "",
			logo=file_bytes(caf_logo),
			page_label=label,
			draft_label=_("Draft") if is_draft(doc) else "",
			keywords=[doc.name],
		),
	)
	return f"{file_stem(doc)}.docx", content


def file_stem(doc) -> str:
	if doc.doctype == CONVENTION:
		period = "-".join(str(getdate(day).year) for day in (doc.start_date, doc.end_date) if day)
		stem = f"{_('Convention')} {doc.structure_name or doc.structure} {period}"
	elif doc.doctype == AMENDMENT:
		number = f" {doc.amendment_number}" if doc.amendment_number else ""
		stem = f"{_('Amendment')}{number} {doc.structure_name or doc.structure} {doc.convention}"
	else:
		stem = f"{_('Charter')} {doc.promeneur_name or doc.promeneur}"
	# ASCII only: browsers and Frappe's download response keep such names intact
	stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
	stem = re.sub(r"[^\w\- ]+", "", stem).strip()
	return re.sub(r"\s+", " ", stem) or doc.name


def pdn_print_document(doc) -> dict:
	"""Jinja method of the print formats ``PdN Convention``, ``PdN Convention Amendment`` and
	``PdN Charter``."""
	return print_document(doc)
