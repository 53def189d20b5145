// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Coordination Activity"] = {
	add_fields: ["mission_axis", "hours"],
	get_indicator(doc) {
		const colours = {
			"Growth and development of the network": "blue",
			"Network animation": "green",
			"Tools administration": "purple",
			Funding: "orange",
			"Self-training": "gray",
		};
		return [__(doc.mission_axis), colours[doc.mission_axis] || "gray", "mission_axis,=," + doc.mission_axis];
	},
};
