// The promeneur's questionnaire (rendered by Jinja: pdn_evaluation comes from evaluation.py).
frappe.ready(function () {
	const pdn = {{ pdn_evaluation | json }};
	frappe._messages = Object.assign(frappe._messages || {}, pdn.messages || {});

	const wf = frappe.web_form;
	if (!wf) return;
	const name = wf.doc && wf.doc.name;
	const defaults = pdn.defaults || {};

	if (defaults.no_promeneur) {
		frappe.msgprint(
			__(
				"Your login is not linked to a promeneur: ask your coordination to create your access."
			)
		);
		$(".submit-btn").prop("disabled", true);
		return;
	}

	if (wf.is_new && defaults.promeneur) {
		if (!frappe.utils.get_query_params().year) {
			wf.set_values({
				period_type: defaults.period_type,
				year: defaults.year,
				quarter: defaults.quarter,
			});
		}
		set_table(wf, "networks", defaults.networks || []);
	}

	if (name) {
		// the period names the questionnaire: it is chosen once
		["period_type", "year", "quarter"].forEach((fieldname) => {
			wf.set_df_property(fieldname, "read_only", 1);
		});
	}

	const $head = $(".web-form-head");
	if (pdn.docstatus == 1) {
		$head.append(
			$('<div class="alert alert-success mt-3">').text(
				__("Submitted on {0}: this questionnaire can no longer be changed.", [
					frappe.datetime.str_to_user(pdn.submitted_on),
				])
			)
		);
	} else if (pdn.reopen_reason) {
		$head.append(
			$('<div class="alert alert-warning mt-3">').text(
				__("Reopened by the coordination: {0}", [pdn.reopen_reason])
			)
		);
	}

	if (!(wf.is_new || wf.in_edit_mode)) return;

	$(".submit-btn").removeClass("btn-primary").addClass("btn-default");
	const $submit = $('<button type="button" class="btn btn-primary btn-sm ml-2">')
		.text(__("Submit the questionnaire"))
		.appendTo(".web-form-footer .right-area");

	$submit.on("click", () => {
		const values = wf.get_values();
		if (!values) return;
		frappe.confirm(
			__("Once submitted, your questionnaire can no longer be changed. Submit it now?"),
			() => {
				const data = Object.assign({}, wf.doc, values, {
					doctype: wf.doc_type,
					web_form_name: wf.name,
				});
				frappe
					.call({
						method: "frappe.website.doctype.web_form.web_form.accept",
						args: { web_form: wf.name, data: data },
						freeze: true,
					})
					.then((r) =>
						frappe.call({
							method: "pdn_frappe.evaluation.api.submit_evaluation",
							args: { name: r.message.name },
							freeze: true,
						})
					)
					.then((r) => {
						frappe.form_dirty = false;
						frappe.show_alert({ message: __("Questionnaire submitted"), indicator: "green" });
						window.location.href = "/evaluation/" + encodeURIComponent(r.message.name);
					});
			}
		);
	});
});

// A web form's grid keeps its rows in df.data (there is no form model): fill it and redraw.
function set_table(wf, fieldname, rows) {
	const field = wf.fields_dict[fieldname];
	if (!field || !field.grid) return;
	field.df.data = rows.map((row, index) =>
		Object.assign({ name: frappe.utils.get_random(10), idx: index + 1, __islocal: 1 }, row)
	);
	field.grid.refresh();
}
