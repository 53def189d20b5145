// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt
// What several of the app's forms do the same way, in one place (loaded on every desk page by
// hooks.py, app_include_js).

frappe.provide("pdn.forms");

Object.assign(pdn.forms, {
	/** A new record starts in the department of the user's team, when they have one. */
	default_department(frm) {
		if (!frm.is_new() || frm.doc.department) return;
		frappe.xcall("pdn_frappe.animation.utils.default_department").then((department) => {
			if (department && !frm.doc.department) frm.set_value("department", department);
		});
	},

	/** "Download" buttons for the record's printed document, as PDF and as Word. */
	add_download_buttons(frm) {
		if (frm.is_new() || !frappe.model.can_print(frm.doctype, frm)) return;
		const download = (method) => {
			const args = new URLSearchParams({ doctype: frm.doctype, name: frm.doc.name });
			window.open(`/api/method/pdn_frappe.conventions.api.${method}?${args.toString()}`);
		};
		frm.add_custom_button(__("PDF"), () => download("download_pdf"), __("Download"));
		frm.add_custom_button(__("Word"), () => download("download_docx"), __("Download"));
	},
});
