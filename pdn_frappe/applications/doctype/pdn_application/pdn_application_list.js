// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

const PDN_APPLICATION_COLORS = {
	Submitted: "blue",
	"Pre-selected": "purple",
	"Returned for correction": "orange",
	Accepted: "green",
	Rejected: "red",
	Withdrawn: "gray",
};

frappe.listview_settings["PdN Application"] = {
	add_fields: ["workflow_state", "department", "application_call", "submitted_on", "possible_duplicate_of"],
	get_indicator(doc) {
		const state = doc.workflow_state || "Submitted";
		return [__(state, null, "PdN Application"), PDN_APPLICATION_COLORS[state] || "gray", `workflow_state,=,${state}`];
	},
	onload(listview) {
		listview.page.add_inner_button(__("To review"), () => {
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([
					["PdN Application", "workflow_state", "in", ["Submitted", "Pre-selected", "Returned for correction"]],
				])
			);
		});
		listview.page.add_inner_button(__("Possible duplicates"), () => {
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([["PdN Application", "possible_duplicate_of", "is", "set"]])
			);
		});
		listview.page.add_inner_button(__("Follow-up report"), () =>
			frappe.set_route("query-report", "Applications Follow-up")
		);
	},
};
