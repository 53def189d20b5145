// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Convention Amendment", {
	setup(frm) {
		frm.set_query("template", () => ({ filters: { document_kind: "Amendment" } }));
		frm.set_query("convention", () => ({ filters: { status: ["in", ["Signed", "Active"]] } }));
	},

	refresh(frm) {
		if (!frm.is_new() && frappe.model.can_print(frm.doctype, frm)) {
			const download = (method) => {
				const args = new URLSearchParams({ doctype: frm.doctype, name: frm.doc.name });
				window.open(`/api/method/pdn_frappe.conventions.api.${method}?${args.toString()}`);
			};
			frm.add_custom_button(__("PDF"), () => download("download_pdf"), __("Download"));
			frm.add_custom_button(__("Word"), () => download("download_docx"), __("Download"));
		}
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.set_intro(__("Submit the amendment once all parties have signed it: it then applies to the convention."), "blue");
		}
		if (frm.doc.docstatus === 1 && frm.doc.applied_changes) {
			frm.set_intro(__("Applied to the convention {0}.", [frm.doc.convention]), "green");
		}
	},
});
