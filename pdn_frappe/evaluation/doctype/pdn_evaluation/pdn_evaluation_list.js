// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Evaluation"] = {
	add_fields: ["status", "docstatus", "due_date"],
	get_indicator(doc) {
		if (doc.docstatus === 1) return [__("Submitted"), "green", "docstatus,=,1"];
		if (doc.docstatus === 2) return [__("Cancelled"), "red", "docstatus,=,2"];
		if (doc.due_date && doc.due_date < frappe.datetime.get_today()) {
			return [__("Overdue"), "red", "docstatus,=,0"];
		}
		return [__("Draft"), "orange", "docstatus,=,0"];
	},
};
