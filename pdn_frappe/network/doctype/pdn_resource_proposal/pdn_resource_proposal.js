// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Resource Proposal", {
	refresh(frm) {
		if (frm.is_new() && frm.doc.referent && !frm.doc.full_name) {
			frm.trigger("referent"); // opened from a referent: start from its details
		}
		if (frm.is_new() || frm.doc.status !== "Proposed") {
			return;
		}
		if (!frappe.user.has_role(["PdN Coordinator", "System Manager"])) {
			frm.set_intro(__("The coordination of your department will read your proposal."), "blue");
			return;
		}
		frm.add_custom_button(__("Validate"), () => {
			frappe.confirm(__("Validate this proposal and update the address book?"), () =>
				frm.call("validate_and_apply").then(() => frm.reload_doc())
			);
		});
		frm.add_custom_button(__("Refuse the proposal"), () => {
			frappe.prompt(
				{
					fieldname: "reason",
					fieldtype: "Small Text",
					label: __("Reason for refusal"),
					reqd: 1,
				},
				(values) => frm.call("refuse", { reason: values.reason }).then(() => frm.reload_doc()),
				__("Refuse the proposal"),
				__("Confirm the refusal")
			);
		});
	},
	referent(frm) {
		if (!frm.doc.referent || !frm.is_new()) {
			return;
		}
		frappe.db
			.get_value("PdN Resource Referent", frm.doc.referent, [
				"full_name",
				"organisation",
				"role_title",
				"email",
				"phone",
				"website",
			])
			.then(({ message }) => {
				if (!message) {
					return;
				}
				for (const [fieldname, value] of Object.entries(message)) {
					if (!frm.doc[fieldname]) {
						frm.set_value(fieldname, value);
					}
				}
			});
	},
});
