// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["National Directory"] = {
	filters: [
		pdn.report_filters.department(),
		{
			fieldname: "national_registration",
			label: __("Registration on the national site"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "To register", label: __("To register") },
				{ value: "Registered", label: __("Registered") },
				{ value: "To update", label: __("To update") },
				{ value: "To remove", label: __("To remove") },
			],
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "registration_label" && data && data.national_registration !== "Registered") {
			value = `<span class="text-warning">${value}</span>`;
		}
		return value;
	},
};
