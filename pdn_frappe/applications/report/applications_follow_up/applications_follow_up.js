// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Applications Follow-up"] = {
	filters: [
		{
			fieldname: "application_call",
			label: __("Call for applications"),
			fieldtype: "Link",
			options: "PdN Application Call",
		},
		pdn.report_filters.department(),
		{
			fieldname: "workflow_state",
			label: __("Status"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Submitted", label: __("Submitted", null, "PdN Application") },
				{ value: "Pre-selected", label: __("Pre-selected") },
				{ value: "Returned for correction", label: __("Returned for correction") },
				{ value: "Accepted", label: __("Accepted") },
				{ value: "Rejected", label: __("Rejected") },
				{ value: "Withdrawn", label: __("Withdrawn") },
			],
		},
		...pdn.report_filters.date_range({
			months: 0,
			from_label: __("Submitted from"),
			to_label: __("Submitted until"),
		}),
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "oldest_pending_days" && data && data.oldest_pending_days > 30) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
