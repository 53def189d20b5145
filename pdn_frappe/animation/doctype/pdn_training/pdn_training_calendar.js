// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.views.calendar["PdN Training"] = {
	field_map: {
		start: "starts_on",
		end: "ends_on",
		id: "name",
		title: "title",
	},
	filters: ["kind", "department", "status"],
	gantt: false,
	get_events_method: "frappe.desk.calendar.get_events",
};
