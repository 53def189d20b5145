// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt
// Added to the PdN Structure form by hooks.py (doctype_js): the supporting-documents checklist of
// the structure's current convention, where its manager uploads what is missing or expired
// (pdn_frappe.conventions.checklist, scoped to the user's own structure).

frappe.ui.form.on("PdN Structure", {
	refresh(frm) {
		if (frm.is_new()) return;
		frappe
			.call("pdn_frappe.conventions.checklist.structure_checklist", { structure: frm.doc.name })
			.then(({ message: checklist }) => pdn_show_checklist(frm, checklist));
	},
});

function pdn_show_checklist(frm, checklist) {
	if (!checklist || !checklist.convention) return;
	const esc = frappe.utils.escape_html;
	const missing = checklist.rows.filter((row) => ["Missing", "Expired"].includes(row.status));
	const colour = { Received: "green", Missing: "orange", Expired: "red", "Not required": "gray" };
	const lines = checklist.rows
		.map((row) => {
			const action =
				checklist.can_upload && ["Missing", "Expired"].includes(row.status)
					? `<button class="btn btn-xs btn-default pdn-upload" data-row="${esc(row.name)}">${__("Upload")}</button>`
					: "";
			return `<tr><td>${esc(row.stage)}</td><td>${esc(row.document_type)}</td>
				<td><span class="indicator-pill ${colour[row.status] || "gray"}">${esc(row.status_label)}</span></td>
				<td>${action}</td></tr>`;
		})
		.join("");
	const title = __("Supporting documents of the convention {0}", [esc(checklist.convention)]);
	const html = `<div class="pdn-checklist"><p class="text-muted">${title}${
		missing.length ? " · " + __("{0} document(s) to provide", [missing.length]) : ""
	}</p><table class="table table-sm table-bordered"><tbody>${lines}</tbody></table></div>`;
	const section = frm.dashboard.add_section(html, __("Convention checklist"));
	section.find(".pdn-upload").on("click", (event) => {
		const row = $(event.currentTarget).attr("data-row");
		new frappe.ui.FileUploader({
			doctype: "PdN Convention",
			docname: checklist.convention,
			allow_multiple: false,
			make_attachments_public: false,
			restrictions: { allowed_file_types: [".pdf", ".jpg", ".jpeg", ".png"] },
			on_success(file) {
				frappe
					.call("pdn_frappe.conventions.checklist.upload_document", {
						convention: checklist.convention,
						row,
						file_url: file.file_url,
					})
					.then(() => {
						frappe.show_alert({ message: __("Document received"), indicator: "green" });
						frm.reload_doc();
					});
			},
		});
	});
	frm.dashboard.show();
}
