// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Coordination Report"] = {
	add_fields: ["due_date", "docstatus"],
	get_indicator(doc) {
		if (doc.docstatus === 1) return [__("Sent"), "green", "docstatus,=,1"];
		if (doc.docstatus === 2) return [__("Cancelled"), "red", "docstatus,=,2"];
		if (doc.due_date && doc.due_date < frappe.datetime.get_today()) {
			return [__("Late"), "red", "docstatus,=,0"];
		}
		return [__("Draft"), "orange", "docstatus,=,0"];
	},
};
