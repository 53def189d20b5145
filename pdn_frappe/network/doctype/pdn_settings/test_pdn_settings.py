# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe

from pdn_frappe.settings import DEFAULTS, get_settings
from pdn_frappe.tests.utils import PdnTestCase


class TestPdNSettings(PdnTestCase):
	def test_the_defaults_are_those_of_the_doctype(self):
		meta = frappe.get_meta("PdN Settings")
		for fieldname, default in DEFAULTS.items():
			field = meta.get_field(fieldname)
			self.assertIsNotNone(field, fieldname)
			expected = int(field.default) if isinstance(default, int) else field.default
			self.assertEqual(expected, default, fieldname)

	def test_a_setting_never_stored_takes_its_default(self):
		frappe.db.delete("Singles", {"doctype": "PdN Settings", "field": ("like", "evaluation_%")})
		settings = get_settings()
		self.assertEqual(settings.evaluation_due_days, 15)
		self.assertEqual(settings.evaluation_period_type, "Quarter")
		self.assertIs(settings.evaluation_reminders_enabled, True)

	def test_stored_values_are_typed(self):
		frappe.db.set_single_value(
			"PdN Settings",
			{"evaluation_due_days": 20, "directory_enabled": 0, "max_attachment_mb": 3, "directory_page_size": 0},
		)
		settings = get_settings()
		self.assertEqual(settings.evaluation_due_days, 20)
		self.assertIs(settings.directory_enabled, False)
		self.assertEqual(settings.max_attachment_bytes, 3 * 1024 * 1024)
		self.assertEqual(settings.directory_page_size, 24)  # zero means nothing: the default
