// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Coordination Activity", {
	onload(frm) {
		if (frm.is_new() && !frm.doc.department) {
			frappe.xcall("pdn_frappe.animation.utils.default_department").then((department) => {
				if (department && !frm.doc.department) frm.set_value("department", department);
			});
		}
	},
	setup(frm) {
		frm.set_query("structure", () => ({ filters: { department: frm.doc.department } }));
		frm.set_query("promeneur", () => ({ filters: { department: frm.doc.department } }));
	},
	kind(frm) {
		frm.set_value("mission_axis", "");
	},
});
