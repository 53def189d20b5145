// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Promeneurs Activity Report"] = {
	filters: [
		...pdn.report_filters.questionnaire_period(),
		pdn.report_filters.department(),
		pdn.report_filters.structure(),
		pdn.report_filters.select("mission", __("Mission"), ["", "Youth", "Parenting", "Youth and parenting"]),
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
	],
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
