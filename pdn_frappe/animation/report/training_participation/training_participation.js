// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Training Participation"] = {
	filters: [
		{
			fieldname: "group_by",
			label: __("View"),
			fieldtype: "Select",
			options: [
				{ value: "Training", label: __("Per training") },
				{ value: "Promeneur", label: __("Per promeneur") },
			],
			default: "Training",
			reqd: 1,
		},
		...pdn.report_filters.date_range(),
		pdn.report_filters.department(),
		pdn.report_filters.select("kind", __("Kind"), ["", "Training", "Practice exchange", "Practice analysis", "Welcome meeting", "Departmental meeting"]),
	],
};
