app_name = "pdn_frappe"
app_title = "Promeneurs du Net"
app_publisher = "pdn_frappe contributors"
app_description = "Promeneurs du Net: the departmental network of youth workers online"
app_email = "contact@pdn-frappe.fr"
app_license = "mit"

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
# app_include_js = "/assets/pdn_frappe/js/pdn_frappe.js"
# web_include_css = "/assets/pdn_frappe/css/pdn_frappe.css"

# Website
# -------

website_route_rules = [
	{"from_route": "/promeneurs/<name>", "to_route": "promeneurs/profile"},
]

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
]

# Installation
# ------------

after_install = "pdn_frappe.install.after_install"
after_migrate = "pdn_frappe.install.after_migrate"

# Testing
# -------

before_tests = "pdn_frappe.tests.utils.before_tests"

# Permissions
# -----------
# Scoping by department and structure relies on User Permissions, granted by
# pdn_frappe.network.access when a user is attached to a department, a
# structure or a promeneur. The hooks below add the rules user permissions
# cannot express.

permission_query_conditions = {
	"PdN Resource Referent": "pdn_frappe.network.permissions.resource_referent_query",
}

has_permission = {
	"PdN Resource Referent": "pdn_frappe.network.permissions.resource_referent_has_permission",
}

# Scheduled Tasks
# ---------------

# scheduler_events = {}

# Jinja
# -----

# jinja = {"methods": [], "filters": []}

# Translations
# ------------

# Automatically update python controller files with type annotations for this app.
export_python_type_annotations = True

# Default log clearing
# --------------------

# default_log_clearing_doctypes = {}
