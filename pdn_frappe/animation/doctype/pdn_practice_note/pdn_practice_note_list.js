// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Practice Note"] = {
	add_fields: ["workflow_state"],
	get_indicator(doc) {
		const colours = { Draft: "orange", "Under review": "blue", Published: "green", Archived: "gray" };
		const state = doc.workflow_state || "Draft";
		return [__(state), colours[state] || "gray", "workflow_state,=," + state];
	},
};
