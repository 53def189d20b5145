// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Annual Synthesis"] = {
	filters: [pdn.report_filters.year(), pdn.report_filters.department()],
	tree: true,
	initial_depth: 1,
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.indent === 0 && column.fieldname === "label") {
			value = `<b>${value}</b>`;
		}
		if (data && column.fieldname === "change_text" && data.change) {
			value = `<span class="${data.change > 0 ? "text-success" : "text-danger"}">${value}</span>`;
		}
		return value;
	},
};
