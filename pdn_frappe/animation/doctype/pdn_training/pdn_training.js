// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.ui.form.on("PdN Training", {
	onload(frm) {
		pdn.forms.default_department(frm);
	},
	refresh(frm) {
		frm.set_intro(""); // refresh runs again after saving: start from a clean headline
		if (frm.is_new()) return;
		show_seats(frm);
		add_promeneur_buttons(frm);
		add_coordination_buttons(frm);
	},
});

function show_seats(frm) {
	const taken = frm.doc.seats_taken || 0;
	const text = frm.doc.capacity
		? __("{0} of {1} seats taken", [taken, frm.doc.capacity])
		: __("{0} registered (no seat limit)", [taken]);
	const colour = frm.doc.capacity && taken >= frm.doc.capacity ? "orange" : "blue";
	frm.dashboard.add_indicator(text, colour);
	if (frm.doc.feedback_count) {
		frm.dashboard.add_indicator(
			__("{0} feedback, average {1} / 5", [
				frm.doc.feedback_count,
				format_number((frm.doc.average_rating || 0) * 5, null, 1),
			]),
			"green"
		);
	}
}

function add_promeneur_buttons(frm) {
	const mine = frm.doc.__onload && frm.doc.__onload.my_participation;
	if (!mine) return;
	const upcoming =
		frm.doc.status === "Planned" && frappe.datetime.str_to_obj(frm.doc.starts_on) > new Date();
	if (mine.status === "Registered") {
		frm.set_intro(__("You are registered for this training."), "green");
		if (upcoming) {
			frm.add_custom_button(__("Cancel my registration"), () =>
				frappe.confirm(__("Cancel your registration?"), () =>
					frm.call("unregister").then(() => frm.reload_doc())
				)
			);
		}
	} else if (mine.status === "Attended") {
		if (mine.feedback) {
			frm.add_custom_button(__("My feedback"), () =>
				frappe.set_route("Form", "PdN Training Feedback", mine.feedback)
			);
		} else {
			frm.set_intro(__("You attended this training: tell the coordination what you thought of it."), "blue");
			frm.add_custom_button(__("Give feedback"), () =>
				frappe.new_doc("PdN Training Feedback", {
					training: frm.doc.name,
					promeneur: mine.promeneur,
				})
			).addClass("btn-primary");
		}
	} else if (upcoming && frm.doc.registration_open) {
		const full = frm.doc.capacity && (frm.doc.seats_taken || 0) >= frm.doc.capacity;
		if (full) {
			frm.set_intro(__("This training is full."), "orange");
		} else {
			frm.add_custom_button(__("Register"), () =>
				frm.call("register").then(() => {
					frappe.show_alert({ message: __("You are registered."), indicator: "green" });
					frm.reload_doc();
				})
			).addClass("btn-primary");
		}
	}
}

function add_coordination_buttons(frm) {
	if (!frm.perm[0] || !frm.perm[0].write || frm.doc.status !== "Planned") return;
	frm.add_custom_button(
		__("Invite the active promeneurs"),
		() =>
			frappe.confirm(
				__(
					"Add every active promeneur of the department who is not listed yet, and e-mail the invitation with its calendar file to those who have not received it?"
				),
				() =>
					frm.call("invite").then((r) => {
						frappe.show_alert({
							message: __("{0} invitation(s) sent.", [r.message || 0]),
							indicator: "green",
						});
						frm.reload_doc();
					})
			),
		__("Invitations")
	);
	frm.add_custom_button(
		__("Send the invitation to those listed"),
		() =>
			frm.call("invite", { promeneurs: frm.doc.participants.map((row) => row.promeneur) }).then((r) => {
				frappe.show_alert({ message: __("{0} invitation(s) sent.", [r.message || 0]), indicator: "green" });
				frm.reload_doc();
			}),
		__("Invitations")
	);
	if (frm.doc.calendar_sequence) {
		frm.add_custom_button(
			__("Send the updated invitation"),
			() =>
				frm.call("invite", { promeneurs: [], resend: 1 }).then((r) => {
					frappe.show_alert({ message: __("{0} invitation(s) sent.", [r.message || 0]), indicator: "green" });
					frm.reload_doc();
				}),
			__("Invitations")
		);
	}
	frm.add_custom_button(__("Mark as held"), () =>
		frappe.confirm(
			__(
				"Mark the training as held? Registered participants will be counted as having attended (change the others first), and attendees will be asked for their feedback."
			),
			() => frm.call("mark_held").then(() => frm.reload_doc())
		)
	);
}
