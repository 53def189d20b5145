// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Training"] = {
	add_fields: ["status", "starts_on", "capacity", "seats_taken"],
	get_indicator(doc) {
		if (doc.status === "Cancelled") return [__("Cancelled"), "red", "status,=,Cancelled"];
		if (doc.status === "Held") return [__("Held"), "green", "status,=,Held"];
		if (doc.capacity && doc.seats_taken >= doc.capacity) return [__("Full"), "orange", "status,=,Planned"];
		return [__("Planned"), "blue", "status,=,Planned"];
	},
};
