"""A check of the animation tests (tier 2), next to the factories of pdn_frappe.animation.testing."""

from __future__ import annotations

import unittest

import frappe


def assert_lists_only(test: unittest.TestCase, doctype: str, shown: str, hidden: str) -> None:
	"""The signed-in user's list of ``doctype`` holds the record ``shown`` and not ``hidden``."""
	names = frappe.get_list(doctype, pluck="name")
	test.assertIn(shown, names)
	test.assertNotIn(hidden, names)
