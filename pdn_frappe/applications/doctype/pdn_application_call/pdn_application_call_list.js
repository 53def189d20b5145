// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Application Call"] = {
	add_fields: ["status", "opening_date", "closing_date"],
	get_indicator(doc) {
		const today = frappe.datetime.get_today();
		if (doc.status === "Open" && doc.opening_date <= today && today <= doc.closing_date) {
			return [__("Open"), "green", "status,=,Open"];
		}
		if (doc.status === "Open" && today < doc.opening_date) {
			return [__("Opens soon"), "blue", "status,=,Open"];
		}
		if (doc.status === "Draft") {
			return [__("Draft"), "gray", "status,=,Draft"];
		}
		return [__("Closed"), "darkgrey", "status,=,Closed"];
	},
};
