// Public application form of the Promeneurs du Net.
// The form is Frappe's standard web form; this script adds what a guest form needs:
// social networks as check boxes, attachments kept in the browser until the form is sent,
// the open calls of each department, the private correction link, and French messages that
// point at each invalid field without losing what was typed.

frappe.ready(() => {
	const web_form = frappe.web_form;
	if (!web_form || web_form.doc_type !== "PdN Application") {
		return;
	}

	const API = "pdn_frappe.applications.submission.";

	// Frappe's own texts shown on this public form, listed so that the app ships their French
	// (the form loads the app's translations once the page is ready).
	const FRAPPE_TEXTS = [
		__("My Device"),
		__("Drag and drop files here or upload from"),
		__('File "{0}" was skipped because of invalid file type'),
		__('File "{0}" was skipped because size exceeds {1} MB'),
		__("Clear"),
		__("Submit another response"),
		__("Discard?"),
		__("Are you sure you want to discard the changes?"),
	];
	const params = frappe.utils.get_query_params();
	const state = {
		setup: null,
		correction: params.correction || null,
		networks: new Set(),
	};

	async function call(method, args = {}) {
		const body = new URLSearchParams();
		Object.entries(args).forEach(([key, value]) => {
			if (value !== undefined && value !== null) {
				body.append(key, typeof value === "string" ? value : JSON.stringify(value));
			}
		});
		let response;
		try {
			response = await fetch(`/api/method/${API}${method}`, {
				method: "POST",
				headers: {
					Accept: "application/json",
					"X-Frappe-CSRF-Token": frappe.csrf_token || "",
				},
				body,
			});
		} catch (e) {
			return { ok: false, data: {}, offline: true };
		}
		let data = {};
		try {
			data = await response.json();
		} catch (e) {
			data = {};
		}
		return { ok: response.ok, status: response.status, data };
	}

	function server_messages(data) {
		try {
			return JSON.parse(data._server_messages || "[]").map((item) => {
				try {
					const message = JSON.parse(item);
					return message.message || "";
				} catch (e) {
					return item;
				}
			});
		} catch (e) {
			return [];
		}
	}

	function show_error(result) {
		let messages = server_messages(result.data);
		if (result.offline) {
			messages = [__("The server could not be reached. Check your connection; your answers are still here.")];
		}
		if (!messages.length) {
			messages = [__("Your application could not be sent. Please try again in a few minutes; your answers are still here.")];
		}
		frappe.msgprint({
			title: __("Your application is not sent yet"),
			message: messages.join("<br>"),
			indicator: "red",
		});
		mark_invalid(result.data.invalid_fields || []);
	}

	// ------------------------------------------------------------ invalid fields

	function field_wrapper(fieldname) {
		if (fieldname === "networks") {
			return $(".pdn-networks");
		}
		const field = web_form.fields_dict[fieldname];
		return field ? $(field.wrapper) : $();
	}

	function mark_invalid(fieldnames) {
		$(".pdn-invalid").removeClass("pdn-invalid has-error");
		fieldnames.forEach((fieldname) => field_wrapper(fieldname).addClass("pdn-invalid has-error"));
		const first = fieldnames.map(field_wrapper).find(($el) => $el.length);
		if (first) {
			$("html, body").animate({ scrollTop: first.offset().top - 120 }, 300);
		}
	}

	$(document).on("change input", ".web-form .pdn-invalid", function () {
		$(this).removeClass("pdn-invalid has-error");
	});

	// ------------------------------------------------------------ networks as check boxes

	function render_networks(names) {
		const anchor = web_form.fields_dict.network_other;
		if (!anchor || $(".pdn-networks").length) {
			return;
		}
		const boxes = names
			.map(
				(name) => `
				<div class="checkbox">
					<label>
						<span class="input-area"><input type="checkbox" class="input-with-feedback" value="${frappe.utils.escape_html(name)}"></span>
						<span class="label-area">${frappe.utils.escape_html(__(name))}</span>
					</label>
				</div>`
			)
			.join("");
		const $block = $(`
			<div class="form-group frappe-control pdn-networks" data-fieldname="networks">
				<label class="control-label reqd">${__("Social networks")}</label>
				<p class="help-box small text-muted">${__("Where you will be present for young people or parents.")}</p>
				<div class="pdn-networks-list">${boxes}</div>
			</div>`);
		$(anchor.wrapper).before($block);
		$block.on("change", "input[type=checkbox]", (event) => {
			const { value, checked } = event.target;
			checked ? state.networks.add(value) : state.networks.delete(value);
			frappe.form_dirty = true;
		});
	}

	function set_networks(names) {
		state.networks = new Set(names || []);
		$(".pdn-networks input[type=checkbox]").each(function () {
			this.checked = state.networks.has(this.value);
		});
	}

	// ------------------------------------------------------------ attachments

	function setup_attachments(setup) {
		const max_bytes = setup.max_attachment_mb * 1024 * 1024;
		setup.attachment_fields.forEach((fieldname) => {
			const control = web_form.fields_dict[fieldname];
			if (!control) {
				return;
			}
			// keep the file in the browser; it is sent with the answers and checked by the server
			control.set_upload_options = function () {
				this.upload_options = {
					allow_multiple: false,
					as_dataurl: true,
					disable_file_browser: true,
					restrictions: {
						allowed_file_types: setup.allowed_extensions,
						max_file_size: max_bytes,
						max_number_of_files: 1,
					},
					upload_notes: __("PDF, JPEG or PNG, {0} MB at most.", [setup.max_attachment_mb]),
					on_success: (file) => this.set_value(`${file.name.replace(/[:,]/g, "_")},${file.dataurl}`),
				};
			};
		});
	}

	// ------------------------------------------------------------ departments and calls

	function setup_departments(setup) {
		const control = web_form.fields_dict.department;
		if (!control) {
			return;
		}
		if (control.set_data && control.get_data) {
			// only the departments where a call is open, with Frappe's own labels
			const open = new Set(setup.departments.map((d) => d.value));
			const options = (control.get_data() || []).filter((o) => open.has(o.value ?? o));
			control.set_data(options.length ? options : setup.departments);
		}
		if (!setup.departments.length && !state.correction) {
			show_banner(
				__("No call for applications is open at the moment. See the calendar of the calls on {0}.", [
					`<a href="${setup.calls_page}">${setup.calls_page}</a>`,
				]),
				"orange"
			);
		}
		web_form.on("department", () => describe_call(web_form.get_value("department")));
		describe_call(web_form.get_value("department"));
	}

	function describe_call(department) {
		if (state.correction || !state.setup) {
			return;
		}
		const entry = state.setup.departments.find(
			(d) => d.value === department || d.label === department || d.label.endsWith(` – ${department}`)
		);
		let description = "";
		if (department && !entry) {
			description = __("No call for applications is open in this department today.");
			web_form.set_value("application_call", "");
		} else if (entry) {
			const requested = web_form.get_value("application_call");
			const call = entry.calls.find((c) => c.name === requested) || entry.calls[0];
			if (call.name !== requested) {
				web_form.set_value("application_call", call.name);
			}
			description = __("Call for applications: {0}", [frappe.utils.escape_html(call.title)]);
		}
		web_form.set_df_property("department", "description", description);
	}

	// ------------------------------------------------------------ banners

	function show_banner(html, color = "blue") {
		$(".pdn-banner").remove();
		$(`<div class="pdn-banner alert alert-${color === "orange" ? "warning" : "info"}">${html}</div>`).insertBefore(
			".web-form-body"
		);
	}

	// ------------------------------------------------------------ correction link

	async function load_correction() {
		const result = await call("get_correction", { token: state.correction });
		if (!result.ok) {
			show_error(result);
			$(".web-form-footer").hide();
			return;
		}
		const info = result.data.message;
		$(".web-form-title h1").text(__("Correct the application {0}", [info.name]));
		$(".web-form-introduction").html(
			`<p>${__("Correct what the coordination asks for, then send the application again.")}</p>`
		);
		show_banner(
			`<strong>${__("Corrections requested")}</strong><br>${frappe.utils.escape_html(
				info.correction_request || ""
			).replace(/\n/g, "<br>")}`,
			"orange"
		);
		const values = Object.assign({}, info.values);
		delete values.networks;
		await web_form.set_values(values);
		set_networks(info.values.networks);
		state.setup.fixed_on_correction.forEach((fieldname) => web_form.set_df_property(fieldname, "read_only", 1));
		web_form.set_df_property(
			"department",
			"description",
			__("Call for applications: {0}", [frappe.utils.escape_html(info.call_title)])
		);
		Object.entries(info.attachments || {}).forEach(([fieldname, file_name]) => {
			web_form.set_df_property(
				fieldname,
				"description",
				__("Already sent: {0}. Attach a file only to replace it.", [frappe.utils.escape_html(file_name)])
			);
		});
		frappe.form_dirty = false;
	}

	// ------------------------------------------------------------ sending

	function freeze(message) {
		frappe.freeze ? frappe.freeze(message) : frappe.dom.freeze(message);
	}

	function unfreeze() {
		frappe.unfreeze ? frappe.unfreeze() : frappe.dom.unfreeze();
	}

	function missing_answers(values) {
		const missing = [];
		web_form.fields_list.forEach((field) => {
			const df = field.df;
			if (!df.reqd || df.hidden || (df.read_only && state.correction) || $(field.wrapper).is(":hidden")) {
				return;
			}
			const value = values[df.fieldname];
			if (value === undefined || value === null || String(value).trim() === "") {
				missing.push(df.fieldname);
			}
		});
		if (!state.networks.size && !values.network_other) {
			missing.push("networks");
		}
		if (!["public_12_17", "public_18_25", "public_parents", "public_other"].some((f) => values[f])) {
			missing.push("public_12_17");
		}
		["charter_ack_candidate", "charter_ack_representative"].forEach((f) => !values[f] && missing.push(f));
		return missing;
	}

	function label_of(fieldname) {
		if (fieldname === "networks") {
			return __("Social networks");
		}
		if (fieldname === "public_12_17") {
			return __("Publics");
		}
		const field = web_form.fields_dict[fieldname];
		return field ? __(field.df.label) : fieldname;
	}

	web_form.save = function () {
		if (window.saving) {
			return false;
		}
		const values = web_form.get_values(true) || {};
		values.networks = Array.from(state.networks);
		const missing = missing_answers(values);
		if (missing.length) {
			frappe.msgprint({
				title: __("Your application is incomplete"),
				message: `${__("Please answer these questions:")}<ul>${missing
					.map((f) => `<li>${label_of(f)}</li>`)
					.join("")}</ul>`,
				indicator: "orange",
			});
			mark_invalid(missing);
			return false;
		}
		window.saving = true;
		$(".submit-btn").prop("disabled", true);
		freeze(__("Sending your application..."));
		call("submit_application", { data: JSON.stringify(values), correction: state.correction })
			.then((result) => {
				if (!result.ok) {
					show_error(result);
					return;
				}
				frappe.form_dirty = false;
				show_success(result.data.message);
			})
			.finally(() => {
				unfreeze();
				window.saving = false;
				$(".submit-btn").prop("disabled", false);
			});
		return false;
	};

	function show_success(message) {
		$(".web-form-container").hide();
		$(".pdn-banner").remove();
		$(".success-page").removeClass("hide");
		$(".success-title").text(state.correction ? __("Corrections received") : __("Application received"));
		$(".success-message").text(message.message);
		$(".success-footer .new-btn").toggle(!state.correction);
		window.scrollTo(0, 0);
	}

	// ------------------------------------------------------------ company directory

	// A valid SIRET fills the structure's empty fields from the company directory; the candidate
	// checks and corrects them. When the directory does not answer, nothing changes.
	const COMPANY_FIELDS = ["structure_name", "address_line1", "postcode", "city", "legal_status"];
	let looked_up_siret = null;

	async function lookup_company() {
		const siret = String(web_form.get_value("siret") || "").replace(/[\s.\-]/g, "");
		if (state.correction || !/^[0-9]{14}$/.test(siret) || siret === looked_up_siret) {
			return;
		}
		looked_up_siret = siret;
		let answer = {};
		try {
			const response = await fetch(
				`/api/method/pdn_frappe.network.company.lookup?siret=${encodeURIComponent(siret)}`,
				{ headers: { Accept: "application/json" } }
			);
			answer = response.ok ? (await response.json()).message || {} : {};
		} catch (e) {
			answer = {};
		}
		let note = "";
		if (answer.status === "found") {
			const filled = COMPANY_FIELDS.filter((fieldname) => {
				const value = (answer.values || {})[fieldname];
				if (!value || web_form.get_value(fieldname)) {
					return false;
				}
				web_form.set_value(fieldname, value);
				return true;
			});
			if (!answer.open) {
				note = __("The company directory lists this establishment as closed. Check the SIRET with the structure.");
			} else if (filled.length) {
				note = __("Filled in from the company directory: {0}. Check them.", [filled.map(label_of).join(", ")]);
			}
		} else if (answer.status === "not_found") {
			note = __("This SIRET is not in the company directory: fill in the structure yourself.");
		}
		web_form.set_df_property("siret", "description", note ? frappe.utils.escape_html(note) : "");
	}

	web_form.on("siret", () => lookup_company());

	// ------------------------------------------------------------ start

	const honeypot = web_form.fields_dict.website_url;
	if (honeypot) {
		$(honeypot.wrapper).addClass("pdn-hp").attr("aria-hidden", "true");
		$(honeypot.wrapper).find("input").attr({ tabindex: "-1", autocomplete: "off" });
	}

	call("get_form_setup").then(async (result) => {
		if (!result.ok) {
			show_error(result);
			return;
		}
		const setup = result.data.message;
		state.setup = setup;
		Object.assign(frappe._messages, setup.messages || {});
		render_networks(setup.networks);
		setup_attachments(setup);
		if (state.correction) {
			await load_correction();
		} else {
			setup_departments(setup);
		}
		$(".submit-btn").text(state.correction ? __("Send my corrections") : __("Send my application"));
		$(".new-btn").text(FRAPPE_TEXTS.length && __("Submit another response"));
		frappe.form_dirty = false;
		$(".indicator-pill.orange").addClass("hide");
	});
});
