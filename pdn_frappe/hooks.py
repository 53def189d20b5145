app_name = "pdn_frappe"
app_title = "Promeneurs du Net"
app_publisher = "pdn_frappe contributors"
app_description = "Promeneurs du Net: the departmental network of youth workers online"
app_email = "contact@pdn-frappe.fr"
app_license = "mit"

# (names starting with "_" are not hooks)
from pdn_frappe.domain import retention as _retention

# Apps
# ------------------

# required_apps = []

add_to_apps_screen = [
	{
		"name": "pdn_frappe",
		"logo": "/assets/pdn_frappe/images/logo.svg",
		"title": "Promeneurs du Net",
		"route": "/app/promeneurs-du-net",
	}
]

# Includes in <head>
# ------------------

# app_include_css = "/assets/pdn_frappe/css/pdn_frappe.css"
# the filters the reports share (pdn.report_filters), what several forms do (pdn.forms), and
# French where Frappe's interface leaves English
app_include_js = [
	"/assets/pdn_frappe/js/report_filters.js",
	"/assets/pdn_frappe/js/forms.js",
	"/assets/pdn_frappe/js/french.js",
]
# web_include_css = "/assets/pdn_frappe/css/pdn_frappe.css"
web_include_js = ["/assets/pdn_frappe/js/french.js"]
# the French of what the app's web forms show beyond their own fields, and of page titles
update_website_context = ["pdn_frappe.web_form_messages.update_website_context"]

# Website
# -------

# The public directory (/promeneurs, /promeneurs/departement/<code>, /promeneurs/<name>): each page at
# its own path, so that Frappe's page cache keeps one entry per page for guests.
page_renderer = ["pdn_frappe.network.directory_pages.DirectoryPageRenderer"]

# Fixtures
# --------
# Reference lists shipped with French defaults, and the app's roles.

fixtures = [
	{"dt": "Role", "filters": [["name", "like", "PdN %"]]},
	"PdN Social Network",
	"PdN Theme",
	"PdN Structure Type",
	"PdN Profession",
	"PdN Document Type",
	{"dt": "Workflow", "filters": [["name", "in", ["PdN Application Review"]]]},
	{
		"dt": "Workflow State",
		"filters": [
			["name", "in", ["Submitted", "Pre-selected", "Returned for correction", "Accepted", "Withdrawn"]]
		],
	},
	{
		"dt": "Workflow Action Master",
		"filters": [
			["name", "in", ["Pre-select", "Return for correction", "Accept", "Withdraw", "Resubmit"]]
		],
	},
]

# Installation
# ------------

after_install = [
	"pdn_frappe.install.after_install",
	"pdn_frappe.animation.setup.after_install",
	"pdn_frappe.network.desk.ensure_module_profile",
]
after_migrate = [
	"pdn_frappe.install.after_migrate",
	"pdn_frappe.animation.setup.after_migrate",
	"pdn_frappe.network.desk.sync_module_profiles",
]

# Testing
# -------

before_tests = "pdn_frappe.tests.utils.before_tests"

# Permissions
# -----------
# One scope module decides who sees and changes which record of a department
# (pdn_frappe.network.scope); it fails closed and checks every write before and
# after the change. This list must match scope.SCOPED_DOCTYPES (a test checks it).

_SCOPED_DOCTYPES = (
	"PdN Department",
	"PdN Structure",
	"PdN Promeneur",
	"PdN Convention",
	"PdN Convention Amendment",
	"PdN Charter Signature",
	"PdN Evaluation",
	"PdN Evaluation Reminder",
	"PdN Training",
	"PdN Training Feedback",
	"PdN Coordination Activity",
	"PdN Coordination Report",
	"PdN Practice Note",
	"PdN Resource Referent",
	"PdN Resource Proposal",
	"PdN Application",
	"PdN Application Call",
	"PdN Steering Meeting",
	"PdN Structure Request",
	"PdN Roadmap Item",
	"PdN Coordination Budget",
)

permission_query_conditions = {
	doctype: "pdn_frappe.network.scope.query_conditions" for doctype in _SCOPED_DOCTYPES
}
# A file attached to a scoped record is listed only to those who may read that record.
permission_query_conditions["File"] = "pdn_frappe.network.scope.file_query_conditions"

# A child table's rows are listed only to those who may read their parent record (Frappe checks the
# parent doctype's permission only). Every child doctype of the app is listed here (a test checks it).
_CHILD_DOCTYPES = (
	"PdN Application Call Department",
	"PdN Application Call Document",
	"PdN Application Network",
	"PdN Charter Signatory",
	"PdN Convention Alert",
	"PdN Convention Amendment Subsidy",
	"PdN Convention Document",
	"PdN Convention Inspection",
	"PdN Convention Recovery",
	"PdN Convention Subsidy",
	"PdN Convention Yearly Report",
	"PdN Coordination Co-funder",
	"PdN Department Member",
	"PdN Document Template Section",
	"PdN Evaluation Network",
	"PdN Evaluation Rollup Count",
	"PdN Meeting Attendee",
	"PdN Meeting Decision",
	"PdN Network Profile",
	"PdN Office Hour",
	"PdN Promeneur Status Change",
	"PdN Report Axis Row",
	"PdN Report Task Row",
	"PdN Report Theme Row",
	"PdN Structure Contact",
	"PdN Structure Document",
	"PdN Theme Row",
	"PdN Training Participant",
)
for _doctype in _CHILD_DOCTYPES:
	permission_query_conditions[_doctype] = "pdn_frappe.network.scope.child_query_conditions"

has_permission = {doctype: "pdn_frappe.network.scope.has_permission" for doctype in _SCOPED_DOCTYPES}
# Practice notes add their own rule (a promeneur changes only their own drafts); it only denies.
has_permission["PdN Practice Note"] = [
	"pdn_frappe.network.scope.has_permission",
	"pdn_frappe.animation.permissions.practice_note_has_permission",
]
# A proposal to the address book is its author's to change until the coordination decides.
has_permission["PdN Resource Proposal"] = [
	"pdn_frappe.network.scope.has_permission",
	"pdn_frappe.network.proposals.has_permission",
]

# A structure's draft request is its managers' to change.
has_permission["PdN Structure Request"] = [
	"pdn_frappe.network.scope.has_permission",
	"pdn_frappe.network.structure_requests.has_permission",
]

_SCOPE_GUARD = "pdn_frappe.network.scope.guard_write"
_SCOPE_EVENTS = ("before_save", "before_submit", "before_cancel", "before_update_after_submit")

# A structure's approved request is applied by the module that owns the change
# (pdn_frappe.network.structure_requests applies the registry's own changes).
pdn_structure_request_appliers = {
	"New promeneur": "pdn_frappe.applications.records.create_declared_promeneur",
	"Change of budget": "pdn_frappe.conventions.requests.apply_budget_request",
}

# Scheduled Tasks
# ---------------

scheduler_events = {
	"daily": [
		"pdn_frappe.evaluation.reminders.send_evaluation_reminders",
		"pdn_frappe.animation.tasks.send_report_reminders",
		"pdn_frappe.animation.tasks.send_referent_check_reminders",
		"pdn_frappe.conventions.alerts.daily",
		"pdn_frappe.applications.doctype.pdn_application_call.pdn_application_call.close_expired_calls",
		"pdn_frappe.network.retention.run_daily",
		# approved departures and changes of hours on their effective date
		"pdn_frappe.network.structure_requests.apply_due_requests",
		# a convention's end date passes: the registrations on the national site follow the directory
		"pdn_frappe.network.national.sync",
		# a convention comes into force or ends with the date alone: the directory's cached pages go
		"pdn_frappe.network.directory_pages.clear_cache",
	],
}

# Jinja
# -----

jinja = {"methods": ["pdn_frappe.conventions.documents.pdn_print_document"]}

# Document events
# ---------------

doc_events = {
	**{doctype: {event: _SCOPE_GUARD for event in _SCOPE_EVENTS} for doctype in _SCOPED_DOCTYPES},
	# Application attachments: private, PDF/JPEG/PNG, size limit.
	"File": {"validate": "pdn_frappe.applications.files.validate_application_file"},
}
# A promeneur becomes active only with a signed charter and an active convention.
doc_events["PdN Promeneur"]["validate"] = "pdn_frappe.conventions.activation.check_promeneur_activation"
# A promeneur whose mandate ends is excused from the trainings that have not started yet.
doc_events["PdN Promeneur"]["on_update"] = "pdn_frappe.animation.participation.cancel_upcoming_registrations"
# The promeneur's form lists the trainings and meetings they attended.
doc_events["PdN Promeneur"]["onload"] = "pdn_frappe.animation.participation.load_attended_trainings"
for _doctype in ("PdN Department", "PdN Structure", "PdN Promeneur"):
	# a deleted registry record takes its logins' roles and scope with it
	doc_events[_doctype]["after_delete"] = "pdn_frappe.network.access.sync_after_delete"

# The network's desk: logins holding only the app's roles see only its modules and workspaces
# and create no workspace of their own (pdn_frappe.network.desk).
doc_events["User"] = {"validate": "pdn_frappe.network.desk.apply_module_profile"}
doc_events["Workspace"] = {"before_insert": "pdn_frappe.network.desk.refuse_workspace_creation"}

# The standard web form endpoint hands the public "candidature" form to the app's own checks.
override_whitelisted_methods = {
	"frappe.website.doctype.web_form.web_form.accept": "pdn_frappe.applications.submission.accept",
	"frappe.desk.desktop.get_workspace_sidebar_items": "pdn_frappe.network.desk.get_workspace_sidebar_items",
	# Frappe's generic count ignores record permissions: the scoped doctypes count what one may list.
	"frappe.client.get_count": "pdn_frappe.network.scope.get_count",
	# count and sum cards read from the replica, like the reports (pdn_frappe.network.desk)
	"frappe.desk.doctype.number_card.number_card.get_result": "pdn_frappe.network.desk.number_card_result",
}

doctype_js = {
	"PdN Promeneur": ["conventions/client/pdn_promeneur.js", "animation/client/pdn_promeneur.js"],
	# the manager's checklist of the structure's convention
	"PdN Structure": "conventions/client/pdn_structure.js",
}

override_doctype_dashboards = {
	"PdN Structure": "pdn_frappe.conventions.dashboards.structure_dashboard",
	"PdN Promeneur": "pdn_frappe.conventions.dashboards.promeneur_dashboard",
}

# User Data Protection
# --------------------
# Frappe's Personal Data Download and Deletion Requests: the records of the app that name a person,
# matched on their e-mail address (child tables included: Frappe reads them like any doctype).
# Only plain text fields are redacted here; once a deletion is done, the retention module
# anonymises the person's promeneur records and applications the way the daily job does
# (photo, network profiles, office hours, attachments, copies of the name in other records).

user_data_fields = [
	{
		"doctype": "PdN Promeneur",
		"filter_by": "email",
		"redact_fields": ["first_name", "last_name", "full_name", "email", "phone", "job_title"],
	},
	{
		"doctype": "PdN Application",
		"filter_by": "candidate_email",
		"redact_fields": ["title", *_retention.APPLICATION_CANDIDATE_FIELDS],
	},
	{
		"doctype": "PdN Application",
		"filter_by": "legal_representative_email",
		"redact_fields": ["legal_representative", "legal_representative_title", "legal_representative_email"],
	},
	{
		"doctype": "PdN Structure",
		"filter_by": "legal_representative_email",
		"redact_fields": ["legal_representative", "legal_representative_title", "legal_representative_email"],
	},
	{
		"doctype": "PdN Structure Contact",
		"filter_by": "email",
		"redact_fields": ["contact_name", "function", "email", "phone"],
	},
	{
		"doctype": "PdN Resource Referent",
		"filter_by": "email",
		"redact_fields": ["full_name", "email", "phone"],
	},
	{
		"doctype": "PdN Resource Proposal",
		"filter_by": "email",
		"redact_fields": ["full_name", "email", "phone"],
	},
	{
		"doctype": "PdN Charter Signature",
		"filter_by": "promeneur_email",
		"redact_fields": ["promeneur_name", "promeneur_email"],
	},
	{
		"doctype": "PdN Evaluation",
		"filter_by": "promeneur_email",
		"redact_fields": ["promeneur_name", "promeneur_email"],
	},
	{
		"doctype": "PdN Application Call",
		"filter_by": "contact_email",
		"redact_fields": ["contact_name", "contact_email", "contact_phone"],
	},
	{
		"doctype": "PdN Structure Request",
		"filter_by": "email",
		"redact_fields": ["first_name", "last_name", "email", "phone"],
	},
	{
		"doctype": "PdN Structure Request",
		"filter_by": "legal_representative_email",
		"redact_fields": ["legal_representative", "legal_representative_title", "legal_representative_email"],
	},
	{"doctype": "PdN Department Member", "filter_by": "user", "redact_fields": ["full_name"]},
	{"doctype": "PdN Meeting Attendee", "filter_by": "user", "redact_fields": ["attendee_name"]},
	{"doctype": "PdN Meeting Attendee", "filter_by": "email", "redact_fields": ["attendee_name", "email"]},
]

# The promeneur's "mon-profil" web form saves their own record only, and never creates one.
doc_events["PdN Promeneur"]["before_validate"] = "pdn_frappe.network.profile.guard_web_form"

# The directory's cached pages are emptied when what they show may have changed.
for _doctype in (
	"PdN Promeneur",
	"PdN Structure",
	"PdN Convention",
	"PdN Department",
	"PdN Social Network",
	"PdN Settings",
):
	for _event in ("on_change", "on_trash"):
		_handlers = doc_events.setdefault(_doctype, {}).get(_event) or []
		doc_events[_doctype][_event] = [
			*([_handlers] if isinstance(_handlers, str) else _handlers),
			"pdn_frappe.network.directory_pages.clear_cache_on_change",
		]

# A convention that comes into force or ends moves its promeneurs' registration on the national site.
doc_events["PdN Convention"]["on_change"].append("pdn_frappe.network.national.sync_convention")

doc_events["Personal Data Deletion Request"] = {
	"on_change": "pdn_frappe.network.retention.after_personal_data_deletion"
}

# Translations
# ------------

# Automatically update python controller files with type annotations for this app.
export_python_type_annotations = True

# Default log clearing
# --------------------

# default_log_clearing_doctypes = {}
