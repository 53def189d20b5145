// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Coordination Report", {
	onload(frm) {
		pdn.forms.default_department(frm);
		if (frm.is_new() && !frm.doc.year) {
			// by default, the last quarter that has ended
			const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
			let quarter = Math.floor(today.getMonth() / 3);
			let year = today.getFullYear();
			if (quarter === 0) {
				quarter = 4;
				year -= 1;
			}
			frm.set_value("year", year);
			frm.set_value("quarter", "Q" + quarter);
		}
	},
	refresh(frm) {
		frm.set_intro(""); // refresh runs again after saving: start from a clean headline
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Count again"), () => frm.save());
			const due = frm.doc.due_date && frappe.datetime.str_to_obj(frm.doc.due_date);
			if (due) {
				const late = due < frappe.datetime.str_to_obj(frappe.datetime.get_today());
				frm.set_intro(
					late
						? __("This report was due to the CAF on {0}.", [frappe.datetime.str_to_user(frm.doc.due_date)])
						: __("Due to the CAF on {0}. Complete your comments, then submit it to send it.", [
								frappe.datetime.str_to_user(frm.doc.due_date),
						  ]),
					late ? "red" : "blue"
				);
			}
		}
		if (frm.doc.docstatus === 1 && frm.doc.submitted_on) {
			frm.set_intro(
				__("Sent to the CAF on {0}.", [frappe.datetime.str_to_user(frm.doc.submitted_on)]),
				"green"
			);
		}
	},
});
