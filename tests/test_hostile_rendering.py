"""Hostile input on every surface that shows user data: public pages, print formats, e-mails.

Each template of the package is rendered the way Frappe renders it (a sandboxed Jinja environment
that does not escape by default, ``_`` and a few ``frappe`` helpers stubbed), with hostile values in
every field a user controls. The output must hold nothing executable: no script element, no event
handler attribute, no ``javascript:`` (or ``data:``) link, and each hostile value must come out as
plain text, exactly as typed. A last test reads every ``{{ ... }}`` of every template and checks
that it is escaped.
"""

from __future__ import annotations

import datetime
import json
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from jinja2 import ChoiceLoader, DictLoader, FileSystemLoader, StrictUndefined, nodes
from jinja2.sandbox import SandboxedEnvironment

from pdn_frappe.domain import applications, directory
from pdn_frappe.domain import documents as d
from pdn_frappe.domain.validation import safe_url

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pdn_frappe"
DEFAULT_TEMPLATES = PACKAGE / "conventions" / "default_templates"

#: a value typed by a user that tries every way out of text: tags, attributes, quotes, links
HOSTILE = (
	"Zoé\"><script>alert('s')</script><img src=x onerror=alert('i')>"
	"' onmouseover='alert(1)\" onfocus=\"alert(2) </textarea><svg onload=alert('v')> &amp; fin"
)
HOSTILE_URLS = (
	"javascript:alert('u')",
	" JaVaScRiPt:alert('u')",
	"java\tscript:alert('u')",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"https://example.org/\" onmouseover=\"alert('u')",
	"//evil.example/x",
	"https://bank.example@evil.example/",
)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


# --------------------------------------------------------------------------- what Frappe provides


#: Frappe's templates/web.html, in short; its breadcrumbs write the page title unescaped, as Frappe's do
WEB_HTML = """<!DOCTYPE html>
<html><head><title>{% block title %}{{ title | striptags }}{% endblock %}</title></head>
<body><div class="page-breadcrumbs">{% block breadcrumbs %}
{%- if (no_breadcrumbs is not defined or not no_breadcrumbs) and parents is defined and parents -%}
<ol>{% for parent in parents %}<li><a href="/{{ parent.route }}">{{ parent.title }}</a></li>{% endfor %}
<li>{{ _(title) }}</li></ol>
{%- endif -%}
{% endblock %}</div>
<header>{% block header %}{% endblock %}</header>
<main>{% block page_content %}{% endblock %}</main></body></html>"""


def translate(text, *args, **kwargs):
	"""Frappe's ``_``: the identity here (every source string is English)."""
	return text


def frappe_stub(values: dict | None = None) -> SimpleNamespace:
	"""The ``frappe`` object templates use; ``db.get_value`` answers hostile values."""
	values = values or {}
	return SimpleNamespace(
		format_date=lambda value, *args, **kwargs: str(value or ""),
		utils=SimpleNamespace(format_time=lambda value, *args, **kwargs: str(value or "")[:5]),
		db=SimpleNamespace(
			get_value=lambda doctype, name, field, *a, **k: values.get((doctype, field), HOSTILE)
		),
	)


def environment(**globals_) -> SandboxedEnvironment:
	"""Like ``frappe.utils.jinja.get_jenv``: sandboxed, no autoescape, app templates by path."""
	env = SandboxedEnvironment(
		loader=ChoiceLoader(
			[
				DictLoader({"templates/web.html": WEB_HTML}),
				FileSystemLoader([str(PACKAGE), str(ROOT)]),
			]
		),
		undefined=StrictUndefined,
		extensions=["jinja2.ext.do"],
	)
	env.globals.update(_=translate, frappe=frappe_stub(), **globals_)
	return env


def render(path: str, context: dict, **globals_) -> str:
	return environment(**globals_).get_template(path).render(context)


# --------------------------------------------------------------------------- what a browser sees


class Page(HTMLParser):
	"""Elements, attributes (unescaped, as a browser reads them) and text of an HTML output."""

	def __init__(self, source: str) -> None:
		super().__init__(convert_charrefs=True)
		self.elements: list[tuple[str, dict[str, str]]] = []
		self.text: list[str] = []
		self.feed(source)
		self.close()

	def handle_starttag(self, tag, attrs):
		self.elements.append((tag, {name: value or "" for name, value in attrs}))

	handle_startendtag = handle_starttag

	def handle_data(self, data):
		self.text.append(data)

	@property
	def all_text(self) -> str:
		return "".join(self.text)

	def attribute_values(self) -> list[str]:
		return [value for _, attrs in self.elements for value in attrs.values()]

	def links(self) -> list[tuple[str, str, str]]:
		return [
			(tag, name, value)
			for tag, attrs in self.elements
			for name, value in attrs.items()
			if name in ("href", "src", "action", "formaction", "srcset", "background", "poster")
		]


def assert_harmless(output: str, allowed_data_images: bool = False) -> Page:
	"""Nothing executable in ``output``."""
	page = Page(output)
	tags = [tag for tag, _ in page.elements]
	assert "script" not in tags, "a script element was written"
	assert not {"svg", "iframe", "object", "embed"} & set(tags), tags
	for tag, attrs in page.elements:
		handlers = [name for name in attrs if name.startswith("on")]
		# the calls page submits its department filter on change: the template's own code
		handlers = [n for n in handlers if not (tag == "select" and attrs[n] == "this.form.submit()")]
		assert not handlers, f"event handler attribute on <{tag}>: {attrs}"
		if tag == "img":
			assert attrs.get("src", "") != "x", attrs
	for tag, name, value in page.links():
		link = "".join(value.split()).lower()
		if allowed_data_images and tag == "img" and link.startswith("data:image/png;base64,"):
			continue
		assert not link.startswith(DANGEROUS_SCHEMES), f"<{tag} {name}={value!r}>"
		assert not link.startswith("//"), f"<{tag} {name}={value!r}>"
	return page


def assert_shown_as_text(page: Page, value: str = HOSTILE, times: int = 1) -> None:
	"""The hostile value reached the page, as the very text that was typed (escaped, not dropped)."""
	assert page.all_text.count(value) >= times, "the value is not shown as typed"


# --------------------------------------------------------------------------- the public directory


def hostile_profile(name: str = "PDN-PRM-00001") -> directory.PublicProfile:
	row = {
		"name": name,
		"first_name": HOSTILE,
		"photo": "/files/x\" onerror=\"alert('p')",
		"structure_name": HOSTILE,
		"city": HOSTILE,
		"department": "03",
		"department_name": HOSTILE,
		"mission": "Youth and parenting",
		"profession": HOSTILE,
		"structure_phone": "04 70 12 34 56",
		"structure_website": "https://cs.example.org/?a=1&b=2",
		"public_12_17": 1,
		"public_parents": 1,
	}
	networks = [
		{"social_network": HOSTILE, "profile_name": HOSTILE, "profile_url": url} for url in HOSTILE_URLS
	] + [
		{
			"social_network": "Instagram",
			"profile_name": HOSTILE,
			"profile_url": "https://www.instagram.com/pdn",
		}
	]
	hours = [{"weekday": "Monday", "from_time": "14:00:00", "to_time": "16:00:00"}]
	return directory.public_profile(row, networks, hours)


def directory_context(query: str = HOSTILE) -> dict:
	filters = directory.parse_filters({"q": query, "page": "2"}, departments={"03"}, networks={HOSTILE})
	return {
		"title": "Directory of the Promeneurs du Net",
		"options": {"departments": [{"name": "03", "department_name": HOSTILE}], "networks": [HOSTILE]},
		"filters": filters,
		"publics": directory.PUBLICS,
		"profiles": [hostile_profile(), hostile_profile("PDN-PRM-00002")],
		"total": 2,
		"pages": 2,
		"page_links": [
			(
				number,
				"/promeneurs?" + urlencode({**filters.as_query_args(), "page": number}) if number else None,
			)
			for number in directory.page_numbers(2, 9)
		],
		"department_links": [("/promeneurs/departement/03", "03", HOSTILE)],
		"department": None,
		"report_link": None,
	}


def department_context() -> dict:
	context = directory_context("")
	context.update(
		title=HOSTILE,
		department={
			"name": "03",
			"department_name": HOSTILE,
			"coordination_phone": HOSTILE,
			"coordination_email": HOSTILE,
		},
		report_link=directory.report_link("coordination@caf.example.fr", HOSTILE, HOSTILE),
		parents=[{"route": "promeneurs", "title": "Directory of the Promeneurs du Net"}],
	)
	return context


def test_directory_search_from_the_url_is_written_as_text():
	query = '"><script>alert(document.cookie)</script>'
	output = render("www/promeneurs/index.html", directory_context(query))
	page = assert_harmless(output)
	(search,) = [attrs for tag, attrs in page.elements if tag == "input" and attrs.get("name") == "q"]
	assert search["value"] == query, "the search box shows what was typed, inside its attribute"
	assert "<script>alert(document.cookie)" not in output


def test_directory_page_escapes_every_profile_value():
	page = assert_harmless(render("www/promeneurs/index.html", directory_context()))
	assert_shown_as_text(page, times=6)  # first names, structures, towns, networks, profile names
	assert [value for tag, attrs in page.elements for value in attrs.values() if value == HOSTILE], (
		"the first name is the photo's alt text or the filter's option value, kept whole"
	)


def test_department_page_escapes_the_department_and_its_report_link():
	page = assert_harmless(render("www/promeneurs/index.html", department_context()))
	assert_shown_as_text(page, times=3)  # title, coordination phone, breadcrumb
	(report,) = [value for tag, name, value in page.links() if value.startswith("mailto:")]
	assert report.startswith("mailto:coordination@caf.example.fr?subject=Zo%C3%A9%22%3E%3Cscript%3E")
	assert "<" not in report and '"' not in report and " " not in report


def test_profile_page_escapes_every_value_and_links_only_http():
	profile = hostile_profile()
	output = render(
		"www/promeneurs/profile.html",
		{
			"p": profile,
			"department_of": "de " + profile.department_name,
			"title": translate("{0}, Promeneur du Net").format(profile.first_name),
			"parents": [{"route": "promeneurs", "title": "Directory of the Promeneurs du Net"}],
			"report_link": directory.report_link("coordination@caf.example.fr", HOSTILE, HOSTILE),
		},
	)
	page = assert_harmless(output)
	assert_shown_as_text(page, times=4)
	links = [value for tag, name, value in page.links() if tag == "a" and value.startswith("http")]
	assert sorted(links) == [
		"https://cs.example.org/?a=1&b=2",
		"https://www.instagram.com/pdn",
	], "only the well-formed http(s) profile and the structure's website are links"
	assert [value for tag, name, value in page.links() if value.startswith("tel:")] == ["tel:0470123456"] * 2
	assert not [value for tag, name, value in page.links() if tag == "img"], "a doubtful photo is left out"


def test_my_profile_summary_escapes_every_value():
	summary = {
		"no_promeneur": False,
		"listed": True,
		"listing_message": HOSTILE,
		"public_url": "https://pdn.example.org/promeneurs/PDN-PRM-00001",
		"warnings": [HOSTILE],
		"preview": hostile_profile(),
		"private_photo": True,
	}
	page = assert_harmless(render("templates/includes/pdn_my_profile.html", {"summary": summary}))
	assert_shown_as_text(page, times=3)
	page = assert_harmless(
		render("templates/includes/pdn_my_profile.html", {"summary": {"no_promeneur": 1, "message": HOSTILE}})
	)
	assert_shown_as_text(page)


def test_directory_keeps_only_http_links_and_public_photos():
	profile = hostile_profile()
	assert [n["url"] for n in profile.networks] == [None] * len(HOSTILE_URLS) + [
		"https://www.instagram.com/pdn"
	]
	assert profile.photo is None
	assert directory.public_file("/files/photo camille.jpg") == "/files/photo camille.jpg"
	assert directory.public_file("/files/../private/files/rib.pdf") is None
	assert directory.public_file("/private/files/photo.jpg") is None


@pytest.mark.parametrize(
	"value",
	[
		"https://www.instagram.com/pdn03",
		"http://exemple.fr/page?x=1&y=2#haut",
		"https://www.tiktok.com/@promeneur.allier",
		"  https://exemple.fr  ",
		"https://café.example/été",
		"https://[2001:db8::1]:8443/",
	],
)
def test_safe_url_keeps_well_formed_http_links(value):
	assert safe_url(value) == value.strip()


@pytest.mark.parametrize(
	"value",
	[
		*HOSTILE_URLS,
		None,
		"",
		42,
		"ftp://exemple.fr/",
		"/files/photo.png",
		"exemple.fr",
		"https://",
		"https:///chemin",
		"http:\\\\evil.example",
		"https://exemple.fr/<script>",
		"https://exemple.fr/'",
		"https://exemple.fr:99999/",
		"https://-exemple.fr/",
		"https://exemple..fr/",
		"https://exemple.fr/\nx",
	],
)
def test_safe_url_refuses_everything_else(value):
	assert safe_url(value) is None


# --------------------------------------------------------------------------- calls for applications


def test_calls_page_escapes_every_value():
	call = {
		"name": 'APP-CALL-"><script>',
		"title": HOSTILE,
		"opening_date": datetime.date(2026, 1, 5),
		"closing_date": datetime.date(2026, 2, 5),
		"department_labels": [f"03 – {HOSTILE}", f"63 – {HOSTILE}"],
		# the presentation is sanitized by the page's controller (Frappe's sanitize_html)
		"description": "<p>Présentation <strong>de l'appel</strong></p>",
		"documents": [HOSTILE],
		"meetings": [
			{
				"department": None,
				"meeting_date": datetime.date(2026, 3, 1),
				"from_time": "10:00:00",
				"to_time": "12:00:00",
				"place": HOSTILE,
			}
		],
		"contact_name": HOSTILE,
		"contact_email": 'x@example.org" onmouseover="alert(1)',
		"contact_phone": HOSTILE,
	}
	output = render(
		"www/appels-a-candidatures.html",
		{
			"title": "Calls for applications",
			"departments": [{"code": "03", "name": HOSTILE, "calls": [call]}],
			"upcoming": [call],
			"all_departments": [("03", HOSTILE)],
			"wanted": "03",
			"form_route": "/candidature/new",
		},
	)
	page = assert_harmless(output)
	assert_shown_as_text(page, times=8)
	assert "<strong>de l'appel</strong>" in output, "the sanitized presentation keeps its formatting"
	(apply,) = {value for tag, name, value in page.links() if value.startswith("/candidature/new")}
	assert apply == "/candidature/new?department=03&application_call=APP-CALL-%22%3E%3Cscript%3E"


# --------------------------------------------------------------------------- print formats


def hostile_application() -> SimpleNamespace:
	answers = (
		*applications.CANDIDATE_FIELDS,
		*applications.STRUCTURE_FIELDS,
		*applications.ENGAGEMENT_FIELDS,
		*applications.TEXT_FIELDS,
	)
	# every typed answer (not the tick boxes nor the networks table, set below) and the reviewers' texts
	fields = {
		name: HOSTILE
		for name in (
			*(name for name in answers if name not in applications.CHECK_FIELDS and name != "networks"),
			"rejection_reason",
			"correction_request",
		)
	}
	return SimpleNamespace(
		name="PDN-CAND-2026-00001",
		workflow_state="Rejected",
		submitted_on=datetime.date(2026, 1, 5),
		creation=datetime.date(2026, 1, 5),
		application_call="APP-CALL-0001",
		department="03",
		networks=[SimpleNamespace(social_network=HOSTILE)],
		network_other=1,
		public_12_17=1,
		public_18_25=0,
		public_parents=1,
		public_other=1,
		prefecture_receipt="/private/files/x.pdf",
		siret_certificate=None,
		statutes=None,
		bank_details="/private/files/rib.pdf",
		charter_ack_candidate=1,
		charter_ack_representative=1,
		preselected_on=datetime.date(2026, 1, 10),
		decided_on=datetime.date(2026, 1, 20),
		**fields,
	)


def test_application_summary_print_format_escapes_every_answer():
	output = render("templates/print_formats/application_summary.html", {"doc": hostile_application()})
	page = assert_harmless(output)
	# every answer, the call's title and the department's name from the database
	assert_shown_as_text(page, times=20)


def hostile_values(value):
	"""Every text of a merge context replaced by a hostile value; dates and numbers kept."""
	if isinstance(value, dict):
		return {key: hostile_values(item) for key, item in value.items()}
	if isinstance(value, list):
		return [hostile_values(item) for item in value]
	if isinstance(value, str):
		return HOSTILE
	return value


def hostile_document_context() -> dict:
	address = {"name": HOSTILE, "address": HOSTILE, "representative": {"name": HOSTILE, "title": HOSTILE}}
	return {
		"convention": {"reference": HOSTILE, "status": HOSTILE},
		"structure": {**address, "legal_status": HOSTILE, "siret": HOSTILE, "city": HOSTILE},
		"caf": address,
		"msa": address,
		"department": {"code": HOSTILE, "name": HOSTILE, "of_name": HOSTILE},
		"period": {
			"start": datetime.date(2026, 1, 1),
			"end": datetime.date(2028, 12, 31),
			"years": [2026, 2027, 2028],
			"duration": 3,
		},
		"subsidies": [{"year": 2026, "amount": 5000}],
		"subsidy_total": 5000,
		"promeneurs": [{"full_name": HOSTILE, "job": HOSTILE, "weekly_hours": 3}],
		"checklist": [{"document": HOSTILE, "stage": HOSTILE}],
		"yearly_documents": [{"document": HOSTILE, "due": HOSTILE}],
		"previous": {"reference": HOSTILE, "end": datetime.date(2025, 12, 31)},
		"promeneur": {
			"full_name": HOSTILE,
			"first_name": HOSTILE,
			"last_name": HOSTILE,
			"job": HOSTILE,
			"weekly_hours": 3,
			"mission": HOSTILE,
		},
		"signatories": [{"party": HOSTILE, "name": HOSTILE, "title": HOSTILE}],
		"signature": {"place": HOSTILE, "date": datetime.date(2026, 2, 3)},
		"coordination": {"structure": HOSTILE, "email": HOSTILE, "phone": HOSTILE},
		"today": datetime.date(2026, 1, 5),
	}


def shipped(name: str) -> d.DocumentTemplate:
	return d.template_from_record(
		d.parse_template_source((DEFAULT_TEMPLATES / f"{name}.txt").read_text(encoding="utf-8"))
	)


def printed_document(template: d.DocumentTemplate) -> dict:
	"""What ``pdn_frappe.conventions.documents.print_document`` gives the print formats."""
	rendered = d.render_document(template, hostile_document_context())
	return {
		"html": d.to_html(rendered),
		"title": rendered.title,
		"caf_name": HOSTILE,
		"logo": "data:image/png;base64,iVBORw0KGgo=",
		"draft": True,
		"reference": HOSTILE,
	}


@pytest.mark.parametrize(
	"print_format, template",
	[
		("conventions/print_format/pdn_convention/pdn_convention.html", "convention"),
		("conventions/print_format/pdn_charter/pdn_charter.html", "charter"),
	],
)
def test_convention_and_charter_print_formats_escape_every_merged_value(print_format, template):
	printed = printed_document(shipped(template))
	output = render(
		print_format, {"doc": SimpleNamespace(name="PDN-CONV-0001")}, pdn_print_document=lambda doc: printed
	)
	page = assert_harmless(output, allowed_data_images=True)
	assert_shown_as_text(page, times=3)
	(logo,) = [attrs for tag, attrs in page.elements if tag == "img"]
	assert logo["alt"] == HOSTILE
	assert '<span class="page"></span>' in output, "the page numbers of the PDF footer stay markup"


def test_document_templates_never_turn_merged_values_or_their_own_text_into_markup():
	template = d.DocumentTemplate(
		title="{{ structure.name }}",
		subtitle="<b onmouseover=\"alert('t')\">{{ caf.name }}</b>",
		sections=(
			d.SectionTemplate(
				title="<script>alert('s')</script>{{ department.name }}",
				body="**{{ structure.name }}** *{{ caf.name }}*\n\n- {{ promeneur.full_name }}\n\n"
				'| {{ structure.siret }} | <a href="javascript:alert(1)">x</a> |\n|---|---|\n| a | b |',
			),
			d.SectionTemplate(
				title="Signatures", body="| {{ signature.place }} |", style=d.SECTION_SIGNATURES
			),
		),
	)
	output = d.to_html(d.render_document(template, hostile_document_context()))
	page = assert_harmless(output)
	assert_shown_as_text(page, times=6)
	assert not page.links(), "a link typed in a template is text"


def test_docx_of_a_hostile_document_is_built():
	content = d.to_docx(d.render_document(shipped("convention"), hostile_document_context()))
	assert content[:2] == b"PK"


# --------------------------------------------------------------------------- e-mails


#: Email Templates shipped by pdn_frappe.mail: name, subject and body file of each
EMAIL_TEMPLATES = json.loads((PACKAGE / "templates" / "emails" / "email_templates.json").read_text())
SITE = "https://pdn.example.org"
#: hostile values for every field the e-mail templates write; links are the app's own
HOSTILE_NOTICE = {
	**{
		key: HOSTILE
		for key in (
			"candidate candidate_email structure department call coordination_email coordination_phone "
			"correction_request rejection_reason title starts_on ends_on place online_link trainer "
			"due_date convention end_date status first_name period_label "
			"promeneur meeting meeting_date reason department_of"
		).split()
	},
	"reference": "PDN-CAND-2026-00001",
	"correction_url": f"{SITE}/candidature/new?correction=0123abcd",
	"meetings": [{"day": HOSTILE, "from_time": "10:00", "to_time": "12:00", "place": HOSTILE}],
	"online_url": "",
	"training_url": f"{SITE}/app/pdn-training/PDN-FORM-0001",
	"feedback_url": f"{SITE}/app/pdn-training-feedback/new?training=PDN-FORM-0001",
	"update": True,
	"report_url": f"{SITE}/app/pdn-coordination-report/R-1",
	"reports_url": f"{SITE}/app/pdn-coordination-report",
	"year": 2026,
	"quarter": 3,
	"referents": [
		{"full_name": HOSTILE, "organisation": HOSTILE, "url": f"{SITE}/app/pdn-resource-referent/1"}
	],
	"convention_url": f"{SITE}/app/pdn-convention/CONV-1",
	"days_left": 90,
	"documents": [{"document_type": HOSTILE, "year": 2026, "due_date": HOSTILE}],
	"promeneurs": [HOSTILE],
	"form_url": f"{SITE}/evaluation/new?year=2026&quarter=1",
	"missing": 1,
	"departments": [
		{"code": "03", "name": HOSTILE, "promeneurs": [{"full_name": HOSTILE, "structure_name": HOSTILE}]}
	],
	"follow_up_url": f"{SITE}/app/query-report/Evaluation Follow-up?year=2026",
	# a structure's requests
	**{key: HOSTILE for key in ("kind", "promeneur", "effective_date", "details", "refusal_reason", "result")},
	# proposals to the address book
	**{key: HOSTILE for key in ("proposal_type", "full_name", "promeneur_name", "reason")},
	"url": f"{SITE}/app/pdn-resource-proposal/PDN-PROP-2026-00001",
	"excluded": True,
	"promeneur_url": f"{SITE}/app/pdn-promeneur/PDN-PROM-0001",
}


@pytest.mark.parametrize("shipped", EMAIL_TEMPLATES, ids=lambda shipped: shipped["name"])
def test_shipped_e_mails_escape_every_value(shipped):
	"""Rendered as pdn_frappe.mail.render does: the body under autoescape, the subject as text."""
	env = environment()
	body = (PACKAGE / "templates" / "emails" / shipped["body"]).read_text(encoding="utf-8")
	page = assert_harmless(
		env.from_string("{% autoescape true %}" + body + "{% endautoescape %}").render(HOSTILE_NOTICE)
	)
	assert_shown_as_text(page)
	assert all(value.startswith(SITE) for tag, name, value in page.links())
	subject = env.from_string(shipped["subject"]).render(HOSTILE_NOTICE)
	assert "\n" not in subject and len(shipped["subject"]) <= 140  # Email Template.subject is a Data field


def test_the_correction_link_is_a_link_of_the_site():
	body = (PACKAGE / "templates" / "emails" / "application_returned.html").read_text(encoding="utf-8")
	page = Page(environment().from_string(body).render(HOSTILE_NOTICE))
	assert ("a", "href", HOSTILE_NOTICE["correction_url"]) in page.links()


def hostile_user() -> SimpleNamespace:
	return SimpleNamespace(
		first_name=HOSTILE, full_name=HOSTILE, promeneur_name=HOSTILE, reopen_reason=HOSTILE
	)


@pytest.mark.parametrize(
	"template, context",
	[
		(
			"evaluation/notification/evaluation_reopened/evaluation_reopened.html",
			{
				"doc": hostile_user(),
				"period_label": HOSTILE,
				"form_url": "https://pdn.example.org/evaluation/EVAL-1/edit",
			},
		),
	],
)
def test_evaluation_e_mails_escape_every_value(template, context):
	page = assert_harmless(render(template, context))
	assert_shown_as_text(page, times=3)
	assert all(value.startswith("https://pdn.example.org/") for tag, name, value in page.links())


# --------------------------------------------------------------------------- every {{ ... }} is escaped

#: ``| safe`` is allowed on these values only: HTML the app built and escaped (or sanitized) itself
TRUSTED_MARKUP = {
	"printed.html",  # pdn_frappe.domain.documents.to_html
	"call.description",  # sanitize_html in www/appels_a_candidatures.py
	"agenda_html",  # frappe.sanitize_html in the minutes print format
	"minutes_html",  # frappe.sanitize_html in the minutes print format
}
ESCAPING_FILTERS = {"e", "escape", "urlencode", "int", "float", "length", "count"}


def template_files() -> list[Path]:
	return sorted(
		path
		for pattern in ("*.html", "*.jinja", "*.j2")
		for path in PACKAGE.rglob(pattern)
		if "node_modules" not in path.parts and "public" not in path.parts
	)


def source_of(node: nodes.Node) -> str:
	if isinstance(node, nodes.Name):
		return node.name
	if isinstance(node, nodes.Getattr):
		return f"{source_of(node.node)}.{node.attr}"
	return type(node).__name__


def is_escaped(node: nodes.Node, autoescape: bool) -> bool:
	"""Whether what ``node`` writes is escaped (or harmless) where it is written."""
	for inner in [node, *node.find_all(nodes.Filter)]:
		if isinstance(inner, nodes.Filter) and inner.name == "safe":
			trusted = source_of(inner.node) in TRUSTED_MARKUP or isinstance(inner.node, nodes.Const)
			if not trusted:
				return False
	if autoescape:
		return True
	if isinstance(node, nodes.Const):
		return True
	if isinstance(node, nodes.Filter):
		return node.name in ESCAPING_FILTERS
	if isinstance(node, nodes.Concat):
		return all(is_escaped(part, autoescape) for part in node.nodes)
	if isinstance(node, nodes.CondExpr):
		return is_escaped(node.expr1, autoescape) and (
			node.expr2 is None or is_escaped(node.expr2, autoescape)
		)
	if isinstance(node, nodes.Call):
		function = node.node
		if isinstance(function, nodes.Name) and function.name == "_":
			return all(isinstance(arg, nodes.Const) for arg in node.args)  # a translated literal
		if isinstance(function, nodes.Getattr) and function.attr == "format":
			return is_escaped(function.node, autoescape) and all(
				is_escaped(arg, autoescape) for arg in node.args
			)
	return False


def unescaped_outputs(path: Path) -> list[str]:
	env = environment()
	tree = env.parse(path.read_text(encoding="utf-8"))
	problems: list[str] = []

	def visit(node: nodes.Node, autoescape: bool) -> None:
		if isinstance(node, nodes.ScopedEvalContextModifier):
			for option in node.options:
				if option.key == "autoescape":
					autoescape = bool(option.value.as_const())
		if isinstance(node, nodes.Output):
			for child in node.nodes:
				if isinstance(child, nodes.TemplateData):
					continue
				if not is_escaped(child, autoescape):
					problems.append(f"{path.name}:{child.lineno}: {source_of(child)}")
				visit(child, autoescape)
			return
		for child in node.iter_child_nodes():
			visit(child, autoescape)

	visit(tree, False)
	return problems


def test_there_are_templates_to_check():
	names = {path.name for path in template_files()}
	assert {"index.html", "profile.html", "application_summary.html", "application_received.html"} <= names


@pytest.mark.parametrize("path", template_files(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_every_value_written_by_a_template_is_escaped(path):
	assert unescaped_outputs(path) == []


def test_the_escape_check_catches_a_raw_value(tmp_path):
	raw = tmp_path / "raw.html"
	raw.write_text("<p>{{ doc.name }}</p>{% autoescape true %}{{ doc.title | safe }}{% endautoescape %}")
	assert len(unescaped_outputs(raw)) == 2
