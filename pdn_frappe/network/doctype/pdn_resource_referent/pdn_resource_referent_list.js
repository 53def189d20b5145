// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Resource Referent"] = {
	add_fields: ["next_check_due", "visible_to_promeneurs"],
	onload(listview) {
		if (frappe.model.can_create("PdN Resource Proposal") && !frappe.model.can_create("PdN Resource Referent")) {
			// a promeneur proposes; the coordination validates before the address book shows it
			listview.page.add_inner_button(__("Propose a resource person"), () =>
				frappe.new_doc("PdN Resource Proposal", { proposal_type: "New resource person" })
			);
		}
	},
	get_indicator(doc) {
		if (doc.next_check_due && doc.next_check_due <= frappe.datetime.get_today()) {
			return [__("To check"), "orange", "next_check_due,<=," + frappe.datetime.get_today()];
		}
		if (!doc.visible_to_promeneurs) {
			return [__("Coordination only"), "gray", "visible_to_promeneurs,=,0"];
		}
		return [__("Checked"), "green", "next_check_due,>," + frappe.datetime.get_today()];
	},
};
