// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Document Template", {
	refresh(frm) {
		show_merge_fields(frm);
		if (frm.is_new()) return;
		if (frm.doc.frozen) {
			frm.set_intro(__("This version is used by signed documents: its text can no longer change."), "orange");
		}
		if (frappe.model.can_create(frm.doctype)) {
			frm.add_custom_button(__("Create a new version"), () =>
				frm.call("create_new_version").then(({ message }) => message && frappe.set_route("Form", frm.doctype, message))
			);
		}
		const target = {
			Convention: "PdN Convention",
			Amendment: "PdN Convention Amendment",
			Charter: "PdN Charter Signature",
		}[frm.doc.document_kind];
		if (target) {
			frm.add_custom_button(__("Preview"), () => preview(frm, target));
		}
	},

	document_kind(frm) {
		show_merge_fields(frm);
	},
});

function show_merge_fields(frm) {
	const field = frm.get_field("merge_fields_help");
	if (!field) return;
	frappe.call("pdn_frappe.conventions.api.merge_fields", { kind: frm.doc.document_kind }).then(({ message }) => {
		const rows = (message || [])
			.map((row) => `<tr><td><code>{{ ${frappe.utils.escape_html(row.field)} }}</code></td><td>${frappe.utils.escape_html(row.label)}</td></tr>`)
			.join("");
		field.$wrapper.html(`
			<p>${__("Write a merge field between double braces. Lists are read with a loop, for example:")}</p>
			<pre>{% for subsidy in subsidies %}\n| {{ subsidy.year }} | {{ subsidy.amount | money }} |\n{% endfor %}</pre>
			<p>${__("Filters: date (1er janvier 2026), short_date (01/01/2026), money (12 500,00 €), number. An optional value is written {{ x | default('...') }} or tested with {% if x is defined %}.")}</p>
			<table class="table table-bordered table-sm"><thead><tr><th>${__("Merge field")}</th><th>${__("Holds")}</th></tr></thead><tbody>${rows}</tbody></table>`);
	});
}

function preview(frm, doctype) {
	const dialog = new frappe.ui.Dialog({
		title: __("Preview"),
		size: "extra-large",
		fields: [
			{ fieldname: "name", fieldtype: "Link", options: doctype, label: __(doctype), reqd: 1 },
			{ fieldname: "html", fieldtype: "HTML" },
		],
		primary_action_label: __("Preview"),
		primary_action(values) {
			frappe
				.call("pdn_frappe.conventions.api.preview_template", { template: frm.doc.name, doctype, name: values.name })
				.then(({ message }) => dialog.fields_dict.html.$wrapper.html(`<div class="pdn-preview" style="max-height: 60vh; overflow: auto;">${message}</div>`));
		},
	});
	dialog.show();
}
