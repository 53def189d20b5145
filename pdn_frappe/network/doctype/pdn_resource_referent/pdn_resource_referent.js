// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Resource Referent", {
	refresh(frm) {
		frm.set_intro(""); // refresh runs again after saving: start from a clean headline
		if (frm.is_new()) return;
		const due = frm.doc.next_check_due && frm.doc.next_check_due <= frappe.datetime.get_today();
		if (frm.perm[0] && frm.perm[0].write) {
			if (due) {
				frm.set_intro(__("These details are due for a check: are they still right?"), "orange");
			}
			frm.add_custom_button(__("Mark as checked"), () => frm.call("mark_checked").then(() => frm.reload_doc()));
		}
		if (frappe.model.can_create("PdN Resource Proposal") && !(frm.perm[0] && frm.perm[0].write)) {
			// a promeneur: the coordination checks a correction before the address book takes it
			frm.add_custom_button(__("Propose a correction"), () =>
				frappe.new_doc("PdN Resource Proposal", {
					proposal_type: "Correction",
					referent: frm.doc.name,
				})
			);
		}
	},
});
