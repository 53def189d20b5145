// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Charter Signature", {
	setup(frm) {
		frm.set_query("template", () => ({ filters: { document_kind: "Charter" } }));
	},

	refresh(frm) {
		add_download_buttons(frm);
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

function add_download_buttons(frm) {
	if (frm.is_new() || !frappe.model.can_print(frm.doctype, frm)) return;
	const download = (method) => {
		const args = new URLSearchParams({ doctype: frm.doctype, name: frm.doc.name });
		window.open(`/api/method/pdn_frappe.conventions.api.${method}?${args.toString()}`);
	};
	frm.add_custom_button(__("PDF"), () => download("download_pdf"), __("Download"));
	frm.add_custom_button(__("Word"), () => download("download_docx"), __("Download"));
}
