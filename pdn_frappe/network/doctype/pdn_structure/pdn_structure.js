// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

// A valid SIRET fills the structure's empty identity fields from the company directory
// (pdn_frappe.network.company.lookup); the person checks and corrects them. When the directory
// does not answer, the form works as before.

const PDN_COMPANY_FIELDS = ["structure_name", "address_line1", "postcode", "city", "legal_status"];

frappe.ui.form.on("PdN Structure", {
	siret(frm) {
		const siret = String(frm.doc.siret || "").replace(/[\s.\-]/g, "");
		if (!/^[0-9]{14}$/.test(siret) || frm.__pdn_siret_looked_up === siret) {
			return;
		}
		frm.__pdn_siret_looked_up = siret;
		frappe
			.call({ method: "pdn_frappe.network.company.lookup", args: { siret }, type: "GET" })
			.then((r) => pdn_fill_from_company_directory(frm, r.message || {}));
	},
});

function pdn_fill_from_company_directory(frm, answer) {
	if (answer.status === "not_found") {
		frappe.show_alert({
			message: __("This SIRET is not in the company directory: fill in the structure yourself."),
			indicator: "orange",
		});
		return;
	}
	if (answer.status !== "found") {
		return;
	}
	const filled = [];
	PDN_COMPANY_FIELDS.forEach((fieldname) => {
		const value = (answer.values || {})[fieldname];
		if (value && !frm.doc[fieldname]) {
			frm.set_value(fieldname, value);
			filled.push(__(frappe.meta.get_label(frm.doctype, fieldname)));
		}
	});
	if (!answer.open) {
		frappe.msgprint({
			title: __("Closed establishment"),
			message: __(
				"The company directory lists this establishment as closed. Check the SIRET with the structure."
			),
			indicator: "orange",
		});
	} else if (filled.length) {
		frappe.show_alert({
			message: __("Filled in from the company directory: {0}. Check them.", [filled.join(", ")]),
			indicator: "green",
		});
	}
}
