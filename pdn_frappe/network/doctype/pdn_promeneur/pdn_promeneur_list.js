// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.listview_settings["PdN Promeneur"] = {
	onload(listview) {
		if (!frappe.user.has_role(["PdN Coordinator", "PdN CAF Agent", "System Manager"])) {
			return;
		}
		// the coordination did on the national site what the chosen promeneurs' registration asked
		listview.page.add_actions_menu_item(__("Done on the national site"), () => {
			const names = listview.get_checked_items(true);
			if (!names.length) {
				frappe.msgprint(__("Choose the promeneurs to mark."));
				return;
			}
			frappe.confirm(
				__("Mark the registration on the national site of {0} promeneurs as done?", [names.length]),
				() =>
					frappe
						.xcall("pdn_frappe.network.national.mark_done_for", { names })
						.then(() => listview.refresh())
			);
		});
	},
};
