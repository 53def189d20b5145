// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Commitments Follow-up"] = {
	filters: [
		...pdn.report_filters.questionnaire_period(),
		pdn.report_filters.department(),
		pdn.report_filters.structure(),
		{
			fieldname: "shortfall",
			label: __("Shortfall"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "any", label: __("Any shortfall") },
				{ value: "weekly_hours_below_minimum", label: __("Weekly hours below the minimum") },
				{ value: "no_questionnaire", label: __("Questionnaire not submitted") },
				{ value: "hours_below_commitment", label: __("Hours online below the commitment") },
				{ value: "few_collective_times", label: __("Too few collective times") },
				{ value: "no_welcome_meeting", label: __("No welcome meeting") },
				{ value: "no_charter", label: __("Charter not signed") },
				{ value: "outdated_charter", label: __("Charter outdated") },
			],
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (!data) {
			return value;
		}
		if (column.fieldname === "shortfall_count") {
			const colour = data.shortfall_count ? "red" : "green";
			return `<span class="indicator-pill ${colour}">${value}</span>`;
		}
		const reported = data.hours_online;
		if (column.fieldname === "hours_online" && typeof reported === "number") {
			if (reported < data.committed_hours) {
				return `<span class="text-danger">${value}</span>`;
			}
		}
		return value;
	},
};
