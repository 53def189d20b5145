"""Which logins get the network's desk (only the app's workspaces): pdn_frappe.roles.is_network_only."""

from pdn_frappe import roles


def test_a_login_with_network_roles_only_gets_the_networks_desk():
	assert roles.is_network_only({roles.COORDINATOR})
	assert roles.is_network_only({roles.PROMENEUR_ROLE, "All", "Guest", "Desk User"})
	assert roles.is_network_only([roles.ADMINISTRATOR, roles.CAF_AGENT])


def test_any_other_role_keeps_frappes_desk():
	assert not roles.is_network_only({roles.COORDINATOR, "System Manager"})
	assert not roles.is_network_only({roles.STRUCTURE_MANAGER, "Workspace Manager"})
	assert not roles.is_network_only({"System Manager"})


def test_a_login_without_any_role_of_the_app_is_left_alone():
	assert not roles.is_network_only(set())
	assert not roles.is_network_only({"All", "Guest", "Desk User"})
