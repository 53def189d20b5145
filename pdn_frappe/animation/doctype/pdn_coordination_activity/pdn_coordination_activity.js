// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Coordination Activity", {
	onload(frm) {
		pdn.forms.default_department(frm);
	},
	setup(frm) {
		frm.set_query("structure", () => ({ filters: { department: frm.doc.department } }));
		frm.set_query("promeneur", () => ({ filters: { department: frm.doc.department } }));
	},
	kind(frm) {
		frm.set_value("mission_axis", "");
	},
});
