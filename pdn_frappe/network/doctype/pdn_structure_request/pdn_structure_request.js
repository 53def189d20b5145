// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Structure Request", {
	setup(frm) {
		frm.set_query("promeneur", () => ({
			filters: { structure: frm.doc.structure || "", status: ["not in", ["Left", "Excluded"]] },
		}));
		frm.set_query("convention", () => ({ filters: { structure: frm.doc.structure || "" } }));
	},

	onload(frm) {
		// a manager of one structure files for it without choosing
		if (frm.is_new() && !frm.doc.structure) {
			frappe.db.get_list("PdN Structure", { fields: ["name"], limit: 2 }).then((rows) => {
				if (rows.length === 1) frm.set_value("structure", rows[0].name);
			});
		}
	},

	refresh(frm) {
		if (frm.doc.result) {
			frm.dashboard.set_headline_alert(frappe.utils.escape_html(frm.doc.result), "green");
		}
	},

	before_workflow_action(frm) {
		// refusing needs a reason: ask for it, save it, then refuse
		if (frm.selected_workflow_action !== "Refuse" || (frm.doc.refusal_reason || "").trim()) return;
		return new Promise((resolve, reject) => {
			frappe.prompt(
				[{ fieldname: "refusal_reason", fieldtype: "Small Text", label: __("Reason of the refusal"), reqd: 1 }],
				(values) => {
					frm.set_value("refusal_reason", values.refusal_reason);
					frm.save().then(resolve, reject);
				},
				__("Refuse the request"),
				__("Refuse")
			);
		});
	},
});
