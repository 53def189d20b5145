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
		frm.set_query("promeneur", "decisions", () => ({
			filters: { department: frm.doc.department, status: ["in", ["Candidate", "Active", "Suspended"]] },
		}));
	},
	refresh(frm) {
		const applied = ["Application", "Promeneur suspension", "Promeneur exclusion", "Yearly target", "Roadmap item"];
		const pending = (frm.doc.decisions || []).filter(
			(row) =>
				applied.includes(row.kind) && !row.applied_on && (row.kind !== "Application" || row.decision)
		);
		if (!frm.is_new() && pending.length && !frm.is_dirty()) {
			frm.add_custom_button(__("Apply decisions"), () => {
				frappe.confirm(
					__(
						"Apply the {0} decision(s)? Applicants and the structures of the promeneurs concerned will be told by e-mail.",
						[pending.length]
					),
					() => frm.call("apply_decisions").then(() => frm.reload_doc())
				);
			}).addClass("btn-primary");
		}
		if (!frm.is_new() && (frm.doc.attendees || []).length && !frm.is_dirty()) {
			frm.add_custom_button(__("Send the minutes"), () => {
				frappe.confirm(__("Send the minutes as a PDF to the attendees by e-mail?"), () =>
					frm.call("send_minutes").then((r) => {
						if (r.message && r.message.length) {
							frappe.show_alert({
								message: __("Minutes sent to {0}", [r.message.join(", ")]),
								indicator: "green",
							});
						}
					})
				);
			});
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
