// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Convention", {
	setup(frm) {
		frm.set_query("template", () => ({ filters: { document_kind: "Convention" } }));
	},

	refresh(frm) {
		pdn.forms.add_download_buttons(frm);
		frm.page.set_indicator(__(frm.doc.status), status_colour(frm.doc.status));
		if (frm.is_new()) return;
		const can_manage = frm.perm[1] && frm.perm[1].write;
		if (can_manage) add_lifecycle_buttons(frm);
		if (frm.perm[0] && frm.perm[0].write && ["Draft", "Sent", "Signed", "Active"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Refresh supporting documents"), () =>
				frm.call("refresh_documents").then(() => frm.reload_doc())
			);
		}
		show_missing_documents(frm);
		if (["Signed", "Active"].includes(frm.doc.status) && frappe.model.can_create("PdN Convention Amendment")) {
			frm.add_custom_button(__("Amendment"), () =>
				frappe.new_doc("PdN Convention Amendment", { convention: frm.doc.name })
			, __("Create"));
		}
	},

	start_date(frm) {
		suggest_subsidy_years(frm);
	},

	end_date(frm) {
		suggest_subsidy_years(frm);
	},
});

function status_colour(status) {
	return (
		{ Draft: "gray", Sent: "blue", Signed: "purple", Active: "green", Expired: "orange", Terminated: "red" }[
			status
		] || "gray"
	);
}

function add_lifecycle_buttons(frm) {
	const status = frm.doc.status;
	const call = (method, args) => frm.call(method, args).then(() => frm.reload_doc());
	if (status === "Draft") {
		frm.add_custom_button(__("Mark as sent"), () => call("mark_sent"), __("Status"));
	}
	if (status === "Sent") {
		frm.add_custom_button(__("Record the signature"), () => record_signature(frm), __("Status"));
		frm.add_custom_button(__("Back to draft"), () => call("back_to_draft"), __("Status"));
	}
	if (["Signed", "Active"].includes(status)) {
		frm.add_custom_button(__("Terminate"), () => terminate(frm), __("Status"));
	}
	if (["Signed", "Active"].includes(status) && frm.doc.terminated_on) {
		frm.add_custom_button(
			__("Withdraw the termination"),
			() => frappe.confirm(__("The convention will go on. Withdraw the termination?"), () => call("withdraw_termination")),
			__("Status")
		);
	}
	if (["Active", "Expired"].includes(status) && !frm.doc.renewed_by) {
		frm.add_custom_button(__("Renew"), () => {
			frappe.confirm(__("Create the next convention of {0}, prefilled from this one?", [frm.doc.structure_name]), () =>
				frm.call("renew").then(({ message }) => message && frappe.set_route("Form", "PdN Convention", message))
			);
		});
	}
}

function show_planned_termination(frm) {
	if (frm.doc.terminated_on && ["Signed", "Active"].includes(frm.doc.status)) {
		frm.set_intro(
			__("Termination planned on {0} (notice given on {1}).", [
				frappe.datetime.str_to_user(frm.doc.terminated_on),
				frappe.datetime.str_to_user(frm.doc.termination_notice_on || frm.doc.terminated_on),
			]),
			"orange"
		);
	}
}

function terminate(frm) {
	// With notice: on an anniversary of the start, three months' notice (the model convention).
	// Immediate: the CAF ends it at once, giving the reason.
	const dialog = new frappe.ui.Dialog({
		title: __("Terminate the convention"),
		fields: [
			{
				fieldname: "immediate",
				fieldtype: "Select",
				label: __("Kind of termination"),
				options: [
					{ value: "0", label: __("With notice") },
					{ value: "1", label: __("Immediate") },
				],
				default: "0",
				reqd: 1,
			},
			{
				fieldname: "notice_on",
				fieldtype: "Date",
				label: __("Notice given on"),
				default: frappe.datetime.get_today(),
				depends_on: "eval:doc.immediate=='0'",
			},
			{
				fieldname: "terminated_on",
				fieldtype: "Date",
				label: __("Terminated on"),
				description: __("With notice: empty for the earliest date allowed (an anniversary of the start, three months after the notice)."),
			},
			{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for termination"), reqd: 1 },
		],
		primary_action_label: __("Terminate"),
		primary_action(values) {
			const args = { reason: values.reason, immediate: Number(values.immediate), terminated_on: values.terminated_on };
			if (!args.immediate) args.notice_on = values.notice_on;
			frm.call("terminate", args).then(() => {
				dialog.hide();
				frm.reload_doc();
			});
		},
	});
	dialog.show();
}

function record_signature(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Record the signature"),
		fields: [
			{ fieldname: "signed_on", fieldtype: "Date", label: __("Signed on"), reqd: 1, default: frappe.datetime.get_today() },
			{ fieldname: "signature_place", fieldtype: "Data", label: __("Signed at"), default: frm.doc.signature_place },
			{ fieldname: "signed_scan", fieldtype: "Attach", label: __("Signed convention (scan)"), reqd: 1, default: frm.doc.signed_scan },
		],
		primary_action_label: __("Record"),
		primary_action(values) {
			frm.call("mark_signed", values).then(() => {
				dialog.hide();
				frm.reload_doc();
			});
		},
	});
	dialog.show();
}

function show_missing_documents(frm) {
	const missing = (frm.doc.supporting_documents || []).filter((row) => ["Missing", "Expired"].includes(row.status));
	const late = (frm.doc.yearly_reports || []).filter((row) => row.status === "Late");
	if (missing.length || late.length || frm.doc.recovery_due > 0) {
		const parts = [];
		if (missing.length) parts.push(__("{0} supporting document(s) missing or expired", [missing.length]));
		if (late.length) parts.push(__("{0} yearly document(s) late", [late.length]));
		if (frm.doc.recovery_due > 0) parts.push(__("{0} still to recover", [format_currency(frm.doc.recovery_due, "EUR")]));
		frm.dashboard.set_headline_alert(parts.join(" · "), "orange");
	}
}

function suggest_subsidy_years(frm) {
	const { start_date, end_date } = frm.doc;
	if (!start_date || !end_date || (frm.doc.subsidies || []).length || frm.doc.status !== "Draft") return;
	const first = Number(start_date.slice(0, 4));
	const last = Number(end_date.slice(0, 4));
	if (last < first || last - first > 10) return;
	for (let year = first; year <= last; year++) {
		frm.add_child("subsidies", { year });
	}
	frm.refresh_field("subsidies");
}
