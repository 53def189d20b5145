// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Evaluation", {
	refresh(frm) {
		if (frm.doc.docstatus === 1 && frm.perm[0] && frm.perm[0].cancel) {
			frm.add_custom_button(__("Reopen"), () => reopen(frm));
		}
		if (frm.doc.reopen_reason && frm.doc.docstatus === 0) {
			frm.dashboard.set_headline_alert(
				__("Reopened by the coordination: {0}", [frappe.utils.escape_html(frm.doc.reopen_reason)]),
				"orange"
			);
		}
	},

	onload(frm) {
		if (frm.is_new() && !frm.doc.amended_from) {
			prefill(frm, frm.doc.promeneur);
		}
	},

	promeneur(frm) {
		if (frm.is_new() && !frm.doc.amended_from) {
			prefill(frm, frm.doc.promeneur);
		}
	},
});

function prefill(frm, promeneur) {
	if (!promeneur) return;
	frappe
		.xcall("pdn_frappe.evaluation.api.get_new_evaluation_defaults", { promeneur })
		.then((values) => {
			if (!values || !values.year) return;
			if (!frm.doc.year) {
				frm.set_value({
					period_type: values.period_type,
					year: values.year,
					quarter: values.quarter,
				});
			}
			if (!(frm.doc.networks || []).length && values.networks.length) {
				frm.set_value("networks", values.networks);
			}
		});
}

function reopen(frm) {
	frappe.prompt(
		{
			fieldname: "reason",
			fieldtype: "Small Text",
			label: __("Reason for reopening"),
			description: __("The promeneur will read it. Never write a young person's name, handle or contact details."),
			reqd: 1,
		},
		(values) => {
			frm.call("reopen", { reason: values.reason }).then((r) => {
				if (r.message) frappe.set_route("Form", "PdN Evaluation", r.message);
			});
		},
		__("Reopen the questionnaire"),
		__("Reopen")
	);
}
