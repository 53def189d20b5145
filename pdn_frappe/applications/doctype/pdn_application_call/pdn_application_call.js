// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

const PDN_DEFAULT_DOCUMENTS = [
	"Récépissé de déclaration en préfecture",
	"Avis de situation au répertoire SIRENE",
	"Statuts",
	"Relevé d'identité bancaire (RIB)",
];

frappe.ui.form.on("PdN Application Call", {
	onload(frm) {
		if (frm.is_new() && !(frm.doc.required_documents || []).length) {
			PDN_DEFAULT_DOCUMENTS.forEach((document_type) =>
				frm.add_child("required_documents", { document_type })
			);
			frm.refresh_field("required_documents");
		}
	},
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		frm.add_custom_button(__("Public list of open calls"), () => window.open("/appels-a-candidatures"));
		frm.add_custom_button(__("Application form"), () =>
			window.open(`/candidature/new?call=${encodeURIComponent(frm.doc.name)}&department=${frm.doc.department}`)
		);
		frm.add_custom_button(__("Applications"), () =>
			frappe.set_route("List", "PdN Application", { application_call: frm.doc.name })
		);
		// the call's welcome meetings are trainings of the "Welcome meeting" kind, linked to it
		frm.add_custom_button(
			__("Welcome meeting"),
			() =>
				frappe.new_doc("PdN Training", {
					kind: "Welcome meeting",
					application_call: frm.doc.name,
					department: frm.doc.department,
					title: __("Welcome meeting of the new promeneurs"),
				}),
			__("Create")
		);
	},
});
