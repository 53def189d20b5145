// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Training Feedback", {
	setup(frm) {
		frm.set_query("training", () => ({ filters: { status: ["!=", "Cancelled"] } }));
	},
	refresh(frm) {
		frm.set_intro(""); // refresh runs again after saving: start from a clean headline
		if (frm.is_new()) {
			frm.set_intro(__("Only the promeneurs who attended a training can give feedback on it."), "blue");
		}
	},
});
