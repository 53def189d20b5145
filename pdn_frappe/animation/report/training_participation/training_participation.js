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
		{
			fieldname: "kind",
			label: __("Kind"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Training", label: __("Training") },
				{ value: "Practice exchange", label: __("Practice exchange") },
				{ value: "Practice analysis", label: __("Practice analysis") },
				{ value: "Welcome meeting", label: __("Welcome meeting") },
				{ value: "Departmental meeting", label: __("Departmental meeting") },
			],
		},
	],
};
