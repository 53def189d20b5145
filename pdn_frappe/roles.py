"""The app's role names, in one place.

No frappe import: hooks, domain adapters and tests all read the names from here.
"""

COORDINATOR = "PdN Coordinator"
CAF_AGENT = "PdN CAF Agent"
STRUCTURE_MANAGER = "PdN Structure Manager"
PROMENEUR_ROLE = "PdN Promeneur"
ADMINISTRATOR = "PdN Administrator"

# The roles the registry grants and withdraws by itself (department teams, structure contacts,
# promeneur logins).
NETWORK_ROLES = (COORDINATOR, CAF_AGENT, STRUCTURE_MANAGER, PROMENEUR_ROLE)
# Department staff: scoped to the departments whose team lists them.
DEPARTMENT_STAFF = (COORDINATOR, CAF_AGENT)
# Every role of the app (PdN Administrator is granted by hand, never by the registry).
APP_ROLES = (*NETWORK_ROLES, ADMINISTRATOR)
# Roles that are never scoped: they see every department.
UNRESTRICTED_ROLES = ("System Manager",)
# Roles a login may hold besides the network's when it is linked to a promeneur or a contact.
BASIC_ROLES = ("All", "Guest", "Desk User")


def is_network_only(held) -> bool:
	"""Whether a login's roles are the app's alone (besides the ones Frappe gives every login).

	Such a login gets the network's desk: only the app's workspaces, no workspace of its own.
	"""
	own = set(held) - set(BASIC_ROLES)
	return bool(own) and own <= set(APP_ROLES)
