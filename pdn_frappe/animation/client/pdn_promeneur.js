// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt
// Added to the PdN Promeneur form by hooks.py (doctype_js): the trainings and meetings the promeneur
// attended (sent with the record by pdn_frappe.animation.participation.load_attended_trainings).

frappe.ui.form.on("PdN Promeneur", {
	refresh(frm) {
		render_attended_trainings(frm);
	},
});

function render_attended_trainings(frm) {
	const field = frm.get_field("attended_trainings_html");
	if (!field) return;
	const rows = (frm.doc.__onload && frm.doc.__onload.attended_trainings) || [];
	if (!rows.length) {
		field.$wrapper.html(`<p class="text-muted">${__("No training or meeting attended yet.")}</p>`);
		return;
	}
	const lines = rows
		.map(
			(row) => `<tr>
				<td>${frappe.datetime.str_to_user(row.starts_on.split(" ")[0])}</td>
				<td><a href="/app/pdn-training/${encodeURIComponent(row.name)}">${frappe.utils.escape_html(row.title)}</a></td>
				<td>${__(row.kind)}</td>
				<td class="text-right">${format_number(row.days || 0, null, 1)}</td>
			</tr>`
		)
		.join("");
	field.$wrapper.html(`<table class="table table-sm table-bordered">
		<thead><tr><th>${__("Date")}</th><th>${__("Training title")}</th><th>${__("Kind")}</th>
		<th class="text-right">${__("Training days")}</th></tr></thead>
		<tbody>${lines}</tbody></table>`);
}
