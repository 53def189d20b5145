"""Errors sent to visitors and users no longer carry the server's traceback (existing sites)."""

from pdn_frappe.network.setup import hide_error_tracebacks


def execute():
	hide_error_tracebacks()
