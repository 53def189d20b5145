// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Promeneurs Activity Report"] = {
	filters: activity_report_filters([
		{
			fieldname: "mission",
			label: __("Mission"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Youth", label: __("Youth") },
				{ value: "Parenting", label: __("Parenting") },
				{ value: "Youth and parenting", label: __("Youth and parenting") },
			],
		},
		{
			fieldname: "profession",
			label: __("Profession"),
			fieldtype: "Link",
			options: "PdN Profession",
		},
		{
			fieldname: "chart",
			label: __("Chart"),
			fieldtype: "Select",
			default: "ages",
			options: [
				{ value: "ages", label: __("Age of the young people") },
				{ value: "interactions", label: __("Types of interaction") },
				{ value: "themes", label: __("Themes addressed") },
				{ value: "networks", label: __("Networks used") },
			],
		},
	]),
	tree: true,
	initial_depth: 1,
	formatter(value, row, column, data, default_formatter) {
		if (data && column.fieldname === "value" && Number.isInteger(data.value)) {
			value = default_formatter(value, row, Object.assign({}, column, { fieldtype: "Int" }), data);
		} else {
			value = default_formatter(value, row, column, data);
		}
		return data && data.is_section ? `<b>${value}</b>` : value;
	},
};

function activity_report_filters(extra) {
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
	].concat(extra || []);
}
