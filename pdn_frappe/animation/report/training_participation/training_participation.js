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
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			default: frappe.datetime.add_months(frappe.datetime.get_today(), -12),
		},
		{
			fieldname: "to_date",
			label: __("To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "department",
			label: __("Department"),
			fieldtype: "Link",
			options: "PdN Department",
		},
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
