// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Practice Note", {
	onload(frm) {
		if (frm.is_new() && !frm.doc.department) {
			frappe.xcall("pdn_frappe.animation.utils.default_department").then((department) => {
				if (department && !frm.doc.department) frm.set_value("department", department);
			});
		}
	},
	refresh(frm) {
		frm.set_intro(""); // refresh runs again after saving: start from a clean headline
		if (frm.doc.anonymity_warnings && !frm.is_new()) {
			frm.set_intro(
				__("The author confirmed that these fragments identify no young person: {0}. Check them before publishing.", [
					frm.doc.anonymity_warnings.split("\n").join(", "),
				]),
				"orange"
			);
		} else if (frm.doc.workflow_state === "Draft" || frm.is_new()) {
			frm.set_intro(
				__("Describe the situation without anything that could identify a young person: no first name, handle, phone number, e-mail address or profile link."),
				"blue"
			);
		}
	},
	validate(frm) {
		// Ask before saving; the server refuses the save anyway when a fragment is not confirmed.
		if (frm.doc.anonymity_confirmed) return;
		return frappe
			.xcall("pdn_frappe.animation.doctype.pdn_practice_note.pdn_practice_note.check_anonymity", {
				name: frm.is_new() ? null : frm.doc.name,
				texts: ["title", "situation", "action_taken", "outcome", "tips"].map((field) => frm.doc[field] || ""),
			})
			.then((fragments) => {
				if (!fragments || !fragments.length) return;
				return new Promise((resolve) => {
					const dialog = frappe.confirm(
						__(
							"This text may identify somebody: {0}. Practice notes must stay anonymous. Do these fragments identify no young person (for example the public account of your structure)?",
							["<b>" + fragments.map(frappe.utils.escape_html).join("</b>, <b>") + "</b>"]
						),
						() => {
							frm.doc.anonymity_confirmed = 1;
							resolve();
						},
						() => {
							frappe.validated = false;
							frappe.show_alert({
								message: __("Remove these fragments, then save again."),
								indicator: "orange",
							});
							resolve();
						}
					);
					dialog.get_primary_btn().html(__("Yes, they identify no young person"));
				});
			});
	},
});
