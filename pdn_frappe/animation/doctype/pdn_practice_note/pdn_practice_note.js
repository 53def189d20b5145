// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Practice Note", {
	onload(frm) {
		pdn.forms.default_department(frm);
	},
	refresh(frm) {
		frm.set_intro(""); // refresh runs again after saving: start from a clean headline
		const contact_details = !frm.is_new() && frm.doc.__onload && frm.doc.__onload.contact_details;
		if (contact_details) {
			frm.set_intro(
				__("The author confirmed that what this note holds ({0}) identifies no young person. Check it before publishing.", [
					contact_details,
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
				texts: Object.fromEntries(
					["title", "situation", "action_taken", "outcome", "tips"].map((field) => [field, frm.doc[field] || ""])
				),
			})
			.then((lines) => {
				// each line names a field and the kinds found (never the fragment itself)
				if (!lines || !lines.length) return;
				return new Promise((resolve) => {
					const dialog = frappe.confirm(
						__(
							"{0} Practice notes must stay anonymous. Does what was flagged identify no young person (for example the public account of your structure)?",
							[lines.join("<br>") + "<br>"]
						),
						() => {
							frm.doc.anonymity_confirmed = 1;
							resolve();
						},
						() => {
							frappe.validated = false;
							frappe.show_alert({
								message: __("Remove what was flagged, then save again."),
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
