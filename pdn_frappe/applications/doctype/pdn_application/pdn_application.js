// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

const REASON_FIELDS = {
	Reject: ["rejection_reason", "Reason for the refusal"],
	"Return for correction": ["correction_request", "Corrections requested"],
};

frappe.ui.form.on("PdN Application", {
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		if (frm.doc.possible_duplicate_of) {
			frm.dashboard.add_comment(
				__("Possible duplicate of {0} ({1}): same candidate e-mail in the same call.", [
					`<a href="/app/pdn-application/${encodeURIComponent(frm.doc.possible_duplicate_of)}">${frappe.utils.escape_html(
						frm.doc.possible_duplicate_of
					)}</a>`,
					__(frm.doc.duplicate_kind || ""),
				]),
				"orange",
				true
			);
		}
		frm.call("get_review_context").then(({ message }) => {
			if (!message) {
				return;
			}
			if (message.promeneur && !frm.doc.promeneur) {
				frm.dashboard.add_comment(
					__("A promeneur with this e-mail already exists: {0}. Accepting will link it, not create another one.", [
						`<a href="/app/pdn-promeneur/${message.promeneur}">${message.promeneur}</a>`,
					]),
					"yellow",
					true
				);
			}
			if (message.structure && !frm.doc.structure) {
				frm.dashboard.add_comment(
					__("The structure with this SIRET is already registered: {0}.", [
						`<a href="/app/pdn-structure/${message.structure}">${message.structure}</a>`,
					]),
					"blue",
					true
				);
			}
		});
		if (frm.doc.workflow_state === "Accepted" && !frm.doc.promeneur && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Create structure and promeneur"), () =>
				frm.call("create_records").then(() => frm.reload_doc())
			);
		}
		if (frm.doc.structure) {
			frm.add_custom_button(__("Structure"), () => frappe.set_route("Form", "PdN Structure", frm.doc.structure), __("View"));
		}
		if (frm.doc.promeneur) {
			frm.add_custom_button(__("Promeneur"), () => frappe.set_route("Form", "PdN Promeneur", frm.doc.promeneur), __("View"));
		}
	},

	before_workflow_action(frm) {
		const reason = REASON_FIELDS[frm.selected_workflow_action];
		if (!reason || (frm.doc[reason[0]] || "").trim()) {
			return;
		}
		frappe.dom.unfreeze();
		return new Promise((resolve, reject) => {
			let confirmed = false;
			const dialog = new frappe.ui.Dialog({
				title: __(frm.selected_workflow_action),
				fields: [{ fieldname: "text", fieldtype: "Small Text", label: __(reason[1]), reqd: 1 }],
				primary_action_label: __(frm.selected_workflow_action),
				primary_action({ text }) {
					confirmed = true;
					dialog.hide();
					frm.set_value(reason[0], text)
						.then(() => frm.save())
						.then(() => {
							frappe.dom.freeze();
							resolve();
						})
						.catch((error) => {
							frappe.dom.unfreeze();
							reject(error);
						});
				},
			});
			dialog.onhide = () => {
				if (!confirmed) {
					reject(new Error("cancelled"));
				}
			};
			dialog.show();
		});
	},
});
