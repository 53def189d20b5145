// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Evaluation Follow-up"] = {
	filters: [
		...pdn.report_filters.questionnaire_period(),
		pdn.report_filters.department(),
		pdn.report_filters.structure(),
		pdn.report_filters.select("status", __("Status"), [
			"", "Answered", "Answered late", "In progress", "Missing", "Overdue",
		]),
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "status" && data && data.status_code) {
			const colours = {
				Answered: "green",
				"Answered late": "blue",
				"In progress": "orange",
				Missing: "yellow",
				Overdue: "red",
			};
			return `<span class="indicator-pill ${colours[data.status_code] || "gray"}">${value}</span>`;
		}
		return value;
	},
};
