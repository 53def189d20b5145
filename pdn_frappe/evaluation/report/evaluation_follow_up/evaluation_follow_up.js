// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Evaluation Follow-up"] = {
	filters: follow_up_filters(),
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

function follow_up_filters() {
	const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
	// the last quarter that is over: the one being answered
	const last = new Date(today.getFullYear(), today.getMonth() - 3, 1);
	return [
		{
			fieldname: "period_type",
			label: __("Questionnaires"),
			fieldtype: "Select",
			default: "Quarter",
			reqd: 1,
			options: [
				{ value: "Quarter", label: __("Quarterly questionnaires") },
				{ value: "Year", label: __("Annual questionnaires") },
			],
		},
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: last.getFullYear(),
			reqd: 1,
		},
		{
			fieldname: "quarter",
			label: __("Quarter"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Q1", label: __("Q1") },
				{ value: "Q2", label: __("Q2") },
				{ value: "Q3", label: __("Q3") },
				{ value: "Q4", label: __("Q4") },
			],
			default: "Q" + (Math.floor(last.getMonth() / 3) + 1),
			description: __("Leave empty for the whole year"),
		},
		{
			fieldname: "department",
			label: __("Department"),
			fieldtype: "Link",
			options: "PdN Department",
		},
		{
			fieldname: "structure",
			label: __("Structure"),
			fieldtype: "Link",
			options: "PdN Structure",
			get_query: () => {
				const department = frappe.query_report.get_filter_value("department");
				return department ? { filters: { department } } : {};
			},
		},
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Answered", label: __("Answered") },
				{ value: "Answered late", label: __("Answered late") },
				{ value: "In progress", label: __("In progress") },
				{ value: "Missing", label: __("Missing") },
				{ value: "Overdue", label: __("Overdue") },
			],
		},
	];
}
