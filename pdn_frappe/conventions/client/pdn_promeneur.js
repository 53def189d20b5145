// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt
// Added to the PdN Promeneur form by hooks.py (doctype_js): shows whether the promeneur can be
// active (signed charter, active convention of the structure) and offers to record the charter.

frappe.ui.form.on("PdN Promeneur", {
	refresh(frm) {
		if (frm.is_new()) return;
		frappe
			.call("pdn_frappe.conventions.activation.activation_state", { promeneur: frm.doc.name })
			.then(({ message: state }) => {
				if (!state) return;
				const charter = state.charter
					? __("Charter signed on {0}", [frappe.datetime.str_to_user(state.charter.signed_on)])
					: __("Charter not signed");
				const convention = state.convention
					? __("Active convention until {0}", [
							frappe.datetime.str_to_user(state.convention.end_date),
					  ])
					: __("No active convention for the structure");
				frm.dashboard.clear_headline();
				frm.dashboard.set_headline_alert(
					`<span class="indicator ${state.charter ? "green" : "orange"}">${charter}</span>
					&nbsp;&nbsp;
					<span class="indicator ${state.convention ? "green" : "orange"}">${convention}</span>`
				);
				if (!state.charter && frappe.model.can_create("PdN Charter Signature")) {
					frm.add_custom_button(__("Record the charter signature"), () => {
						frappe.new_doc("PdN Charter Signature", { promeneur: frm.doc.name });
					});
				}
			});
	},
});
