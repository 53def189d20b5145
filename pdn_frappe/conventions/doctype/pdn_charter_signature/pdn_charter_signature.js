// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Charter Signature", {
	setup(frm) {
		frm.set_query("template", () => ({ filters: { document_kind: "Charter" } }));
	},

	refresh(frm) {
		pdn.forms.add_download_buttons(frm);
		const state = frm.doc.__onload && frm.doc.__onload.activation;
		if (!state || frm.is_new()) return;
		const charter = state.charter
			? __("Charter signed on {0}", [frappe.datetime.str_to_user(state.charter.signed_on)])
			: __("Charter not signed");
		const convention = state.convention
			? __("Active convention until {0}", [frappe.datetime.str_to_user(state.convention.end_date)])
			: __("No active convention for the structure");
		frm.dashboard.set_headline_alert(
			`<span class="indicator ${state.charter ? "green" : "orange"}">${charter}</span>
			&nbsp;&nbsp;<span class="indicator ${state.convention ? "green" : "orange"}">${convention}</span>
			&nbsp;&nbsp;<span class="indicator ${state.status === "Active" ? "green" : "gray"}">${__("Promeneur")}: ${__(state.status || "")}</span>`
		);
	},
});

