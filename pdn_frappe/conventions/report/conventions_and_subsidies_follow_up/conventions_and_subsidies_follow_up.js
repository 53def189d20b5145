// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Conventions and Subsidies Follow-up"] = {
	filters: [
		pdn.report_filters.department(),
		pdn.report_filters.structure(),
		pdn.report_filters.select("status", __("Status"), ["", "Draft", "Sent", "Signed", "Active", "Expired", "Terminated"]),
		{ fieldname: "expiring_within", label: __("Expiring within (days)"), fieldtype: "Int" },
		{ fieldname: "year", label: __("Subsidy year"), fieldtype: "Int" },
		{ fieldname: "only_missing", label: __("Only with missing or late documents"), fieldtype: "Check" },
		pdn.report_filters.select("group_by", __("Group by"), ["Convention", "Structure", "Department"], {
			default: "Convention",
		}),
	],

	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (!data) return value;
		if (["missing_documents", "late_documents", "overdue_recovery"].includes(column.fieldname) && data[column.fieldname] > 0) {
			return `<span style="color: var(--red-600); font-weight: 600;">${value}</span>`;
		}
		if (column.fieldname === "days_left" && data.days_left !== null && data.days_left <= 90 && data.days_left >= 0) {
			return `<span style="color: var(--orange-600); font-weight: 600;">${value}</span>`;
		}
		return value;
	},
};
