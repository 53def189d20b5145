// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Steering Meeting", {
	setup(frm) {
		frm.set_query("application", "decisions", () => ({
			filters: {
				department: frm.doc.department,
				workflow_state: ["in", ["Submitted", "Pre-selected", "Returned for correction"]],
			},
		}));
	},
	refresh(frm) {
		const pending = (frm.doc.decisions || []).filter(
			(row) => row.kind === "Application" && row.decision && !row.applied_on
		);
		if (!frm.is_new() && pending.length && !frm.is_dirty()) {
			frm.add_custom_button(__("Apply decisions"), () => {
				frappe.confirm(
					__("Apply the {0} decision(s) to the applications? The applicants will be told by e-mail.", [
						pending.length,
					]),
					() => frm.call("apply_decisions").then(() => frm.reload_doc())
				);
			}).addClass("btn-primary");
		}
		if (!frm.is_new() && frm.doc.department) {
			frm.add_custom_button(__("Add pre-selected applications"), () => {
				frappe.db
					.get_list("PdN Application", {
						filters: { department: frm.doc.department, workflow_state: "Pre-selected" },
						fields: ["name"],
						limit: 200,
					})
					.then((rows) => {
						const listed = new Set((frm.doc.decisions || []).map((row) => row.application));
						rows.filter((row) => !listed.has(row.name)).forEach((row) =>
							frm.add_child("decisions", { kind: "Application", application: row.name })
						);
						frm.refresh_field("decisions");
						frm.dirty();
					});
			});
		}
	},
});
