// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Promeneur", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.user && frm.perm[1] && frm.perm[1].write) {
			frm.add_custom_button(__("Create login"), () => {
				frappe.confirm(
					__("Create a login for {0} and send the invitation to {1}?", [
						frm.doc.full_name,
						frm.doc.email,
					]),
					() => frm.call("create_login").then(() => frm.reload_doc())
				);
			});
		}
		if (frm.doc.user) {
			frm.set_intro(__("Login: {0}", [frm.doc.user]), "blue");
		}
		const national = frm.doc.national_registration;
		if (["To register", "To update", "To remove"].includes(national) && frm.perm[1] && frm.perm[1].write) {
			const label = national === "To remove" ? __("Removed from the national site") : __("Registered on the national site");
			frm.add_custom_button(
				label,
				() => frm.call("mark_national_registration_done").then(() => frm.reload_doc()),
				__("National site")
			);
		}
	},
});
