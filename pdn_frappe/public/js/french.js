// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt
//
// French wherever Frappe's interface leaves English on the app's pages (loaded on desk pages by
// app_include_js and on web pages by web_include_js). Most of Frappe's strings get their French
// from the app's fr.po; this file handles what a translation file cannot reach:
// * percentages in French typography ("39,7 %", not "39.7%");
// * periods stored as keys ("2026-Q1") read as "T1 2026";
// * stored Select values and workflow states, translated with their doctype as context first
//   (gender and meaning: "Annulée" for a training, "Déposée" for an application), in forms,
//   list cells, hover texts, titles and status pills;
// * chart labels and hover texts ("Quarter 3 2026", a chart's English name, "10.0%");
// * field labels of a form's history, a list's description and "click to sort" hover text;
// * texts written in English by Frappe's libraries (the filter button's hover text, the report
//   table's filter boxes, the screen-reader hint of search boxes, a web form list's buttons).

(function () {
	const is_french = () => ((window.frappe && frappe.boot && frappe.boot.lang) || "fr").startsWith("fr");

	// ------------------------------------------------------------ percentages

	function french_percent(value, precision) {
		const number_format = window.get_number_format ? get_number_format() : "# ###,##";
		const info = window.get_number_format_info ? get_number_format_info(number_format) : { decimal_str: "," };
		let text = window.format_number ? format_number(value, number_format, precision) : String(value);
		if (info.decimal_str && text.includes(info.decimal_str)) {
			// 39,70 -> 39,7 and 100,00 -> 100, as Frappe shows 39.7 and 100
			const [whole, decimals] = text.split(info.decimal_str);
			const kept = decimals.replace(/0+$/, "");
			text = kept ? whole + info.decimal_str + kept : whole;
		}
		return text + "\u00a0%";
	}

	if (window.frappe && frappe.form && frappe.form.formatters && frappe.form.formatters.Percent) {
		const frappe_percent = frappe.form.formatters.Percent;
		frappe.form.formatters.Percent = function (value, docfield, options) {
			if (value === null || value === undefined || value === "" || !is_french()) {
				return frappe_percent.apply(this, arguments);
			}
			const precision =
				(docfield && docfield.precision) ||
				cint(frappe.boot.sysdefaults && frappe.boot.sysdefaults.float_precision) ||
				2;
			return frappe.form.formatters._right(french_percent(flt(value, precision), precision), options);
		};
	}

	// ------------------------------------------------------------ periods

	// A period is stored as its key ("2026-Q1", "2026") and read as "T1 2026" or "Année 2026".
	const PERIOD_KEY = /^(\d{4})(?:-Q([1-4]))?$/;
	window.pdn = window.pdn || {};
	pdn.period_label = function (key) {
		const match = PERIOD_KEY.exec(key || "");
		if (!match) return key;
		return match[2] ? __("Q{0} {1}", [match[2], match[1]]) : __("Year {0}", [match[1]]);
	};
	const is_period = (df, value) =>
		df &&
		df.fieldname === "period" &&
		(!df.parent || df.parent.startsWith("PdN ")) &&
		typeof value === "string" &&
		PERIOD_KEY.test(value);

	if (window.frappe && frappe.form && frappe.form.formatters && frappe.form.formatters.Data) {
		const frappe_data = frappe.form.formatters.Data;
		frappe.form.formatters.Data = function (value, df) {
			const args = Array.from(arguments);
			if (is_period(df, value)) args[0] = pdn.period_label(value);
			return frappe_data.apply(this, args);
		};
	}

	// ------------------------------------------------------------ values in context

	// A stored value is translated with its doctype as context first ("Cancelled" reads "Annulée"
	// for a training and "Annulé" for a questionnaire; msgctxt in the app's fr.po), then alone.
	const in_context = (value, doctype) => (doctype ? __(value, null, doctype) : __(value));

	if (window.frappe && frappe.form && frappe.form.formatters && frappe.form.formatters.Select) {
		const frappe_select = frappe.form.formatters.Select;
		frappe.form.formatters.Select = function (value, df) {
			if (typeof value === "string" && value && df && df.parent) {
				const translated = in_context(value, df.parent);
				if (translated !== __(value)) {
					return frappe.form.formatters._apply_custom_formatter(translated, df);
				}
			}
			return frappe_select.apply(this, arguments);
		};
	}

	// workflow states shown in forms (a read-only link Frappe translates only for who may open the
	// Workflow State doctype)
	if (window.frappe && frappe.form && frappe.form.link_formatters) {
		frappe.form.link_formatters["Workflow State"] = (value, doc) =>
			value ? in_context(value, doc && doc.doctype) : value;
	}

	// the status pill of forms and lists (workflow state, Draft / Submitted / Cancelled)
	if (window.frappe && frappe.get_indicator) {
		const get_indicator = frappe.get_indicator;
		frappe.get_indicator = function (doc, doctype) {
			const indicator = get_indicator.apply(this, arguments);
			if (!indicator || !doc || typeof indicator[0] !== "string") return indicator;
			const dt = doctype || doc.doctype;
			const field = frappe.workflow && frappe.workflow.get_state_fieldname(dt);
			for (const value of [field && doc[field], doc.status, "Draft", "Submitted", "Cancelled"]) {
				if (value && typeof value === "string" && indicator[0] === __(value)) {
					indicator[0] = in_context(value, dt);
					break;
				}
			}
			return indicator;
		};
	}

	// ------------------------------------------------------------ list views

	const ListView = window.frappe && frappe.views && frappe.views.ListView;
	if (ListView) {
		const escape = (value) => frappe.utils.escape_html(String(value));

		// the title column's label in the "click to sort" hover text
		const get_header_html = ListView.prototype.get_header_html;
		ListView.prototype.get_header_html = function () {
			const subject = this.columns && this.columns[0] && this.columns[0].df;
			if (!subject || !subject.label) return get_header_html.apply(this, arguments);
			const label = subject.label;
			subject.label = __(label, null, subject.parent);
			try {
				return get_header_html.apply(this, arguments);
			} finally {
				subject.label = label;
			}
		};

		// stored Select values, translated in the hover text as they are in the cell
		const get_column_html = ListView.prototype.get_column_html;
		ListView.prototype.get_column_html = function (col, doc) {
			const html = get_column_html.apply(this, arguments);
			const df = col && col.df;
			const value = df && doc && doc[df.fieldname];
			if (is_period(df, value)) {
				return html.replace(`: ${escape(value)}"`, `: ${escape(pdn.period_label(value))}"`);
			}
			if (!value || typeof value !== "string" || df.fieldtype !== "Select") return html;
			const plain = __(value);
			const translated = in_context(value, df.parent);
			if (translated === value) return html;
			return html
				.replace(`: ${escape(value)}"`, `: ${escape(translated)}"`)
				.replace(`title="${escape(value)}"`, `title="${escape(translated)}"`)
				.replace(` ${plain} </span>`, ` ${translated} </span>`);
		};

		// a list titled by a Select field (the coordination log by kind) shows the value in French
		const get_subject_element = ListView.prototype.get_subject_element;
		ListView.prototype.get_subject_element = function (doc, title) {
			const title_field = this.meta && this.meta.title_field;
			const df = title_field && frappe.meta.get_docfield(this.doctype, title_field);
			if (df && df.fieldtype === "Select" && typeof title === "string") title = in_context(title, this.doctype);
			if (is_period(df, title)) title = pdn.period_label(title);
			return get_subject_element.call(this, doc, title);
		};
	}

	// dashboard charts: Frappe writes the quarters of a time series in English ("Quarter 3 2026")
	// and draws the stored values of a "group by" chart as they are
	const Chart = window.frappe && frappe.widget && frappe.widget.widget_factory && frappe.widget.widget_factory.chart;
	if (Chart && Chart.prototype.fetch) {
		const translate_label = (label, doctype) => {
			if (typeof label !== "string") return label;
			const quarter = /^Quarter ([1-4]) (\d{4})$/.exec(label);
			if (quarter) return __("Q{0} {1}", [quarter[1], quarter[2]]);
			return in_context(label, doctype);
		};
		const fetch = Chart.prototype.fetch;
		Chart.prototype.fetch = function () {
			const doctype = this.chart_doc && this.chart_doc.document_type;
			return fetch.apply(this, arguments).then((data) => {
				if (data && Array.isArray(data.labels) && is_french()) {
					data.labels = data.labels.map((label) => translate_label(label, doctype));
					// the dataset is named after the chart (its English name, shown on hover)
					for (const dataset of data.datasets || []) {
						if (typeof dataset.name === "string") dataset.name = __(dataset.name);
					}
				}
				return data;
			});
		};
	}

	// field labels Frappe shows as they are stored (the rows of a table in a form's history)
	if (window.frappe && frappe.meta && frappe.meta.get_label) {
		const get_label = frappe.meta.get_label;
		frappe.meta.get_label = function (doctype) {
			const label = get_label.apply(this, arguments);
			return typeof label === "string" && label ? __(label, null, doctype) : label;
		};
	}

	// a page's title tooltip (a list shows its doctype's description there, untranslated)
	const Page = window.frappe && frappe.ui && frappe.ui.Page;
	if (Page && Page.prototype.set_title) {
		const set_title = Page.prototype.set_title;
		Page.prototype.set_title = function (title, icon, strip, tab_title, tooltip_label) {
			const args = Array.from(arguments);
			if (typeof tooltip_label === "string" && tooltip_label) args[4] = __(tooltip_label);
			return set_title.apply(this, args);
		};
	}

	// the hover text of the filter button ("1 Filter Applied")
	const FilterGroup = window.frappe && frappe.ui && frappe.ui.FilterGroup;
	if (FilterGroup && FilterGroup.prototype.update_filter_button) {
		const update_filter_button = FilterGroup.prototype.update_filter_button;
		FilterGroup.prototype.update_filter_button = function () {
			const out = update_filter_button.apply(this, arguments);
			const count = (this.filters || []).length;
			const title = !count
				? __("No filter applied")
				: count === 1
				? __("1 filter applied")
				: __("{0} filters applied", [count]);
			this.filter_button && this.filter_button.attr("title", title);
			return out;
		};
	}

	// ------------------------------------------------------------ texts of Frappe's libraries

	// [pattern, replacement] on the title attribute / the text of the elements matched
	const TITLES = [[/^Filter based on (.*)$/, (match, name) => __("Filter on {0}", [name])]];
	const TEXTS = [
		[/^Begin typing for results\.$/, () => __("Type to see suggestions.")],
		[/^Type (\d+) or more characters for results\.$/, (match, count) => __("Type {0} characters or more to see suggestions.", [count])],
	];

	// buttons of a web form's list, written without translation by Frappe; the page carries only
	// the form's own translations, so the site's are fetched the first time one is missing
	const BUTTONS = new Set(["Load More", "Delete"]);
	let all_messages = null;
	const load_messages = () =>
		(all_messages =
			all_messages ||
			fetch("/api/method/frappe.translate.get_app_translations", { headers: { Accept: "application/json" } })
				.then((response) => response.json())
				.then((data) => Object.assign(frappe._messages || (frappe._messages = {}), data.message || {}))
				.catch(() => null));

	// chart tooltips, written by the charts library: "10.0%" and "321,000" (a Float's three
	// decimals) read "10 %" and "321"
	function rewrite_tooltip(el) {
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		let node;
		while ((node = walker.nextNode())) {
			const text = node.nodeValue;
			const french = text
				.replace(/(\d)\.(\d+)\s?%/g, (match, whole, decimals) => {
					const kept = decimals.replace(/0+$/, "");
					return `${whole}${kept ? "," + kept : ""}\u00a0%`;
				})
				.replace(/(\d)%/g, "$1\u00a0%")
				.replace(/(\d),0+(?!\d)/g, "$1");
			if (french !== text) node.nodeValue = french;
		}
	}

	function rewrite_one(el) {
		if (el.classList && el.classList.contains("graph-svg-tip")) rewrite_tooltip(el);
		if (el.tagName === "BUTTON" && el.closest && el.closest(".web-list-container")) {
			const text = (el.textContent || "").trim();
			if (BUTTONS.has(text)) {
				if (__(text) !== text) el.textContent = __(text);
				else load_messages().then(() => (el.textContent = __(text)));
			}
		}
		const title = el.getAttribute && el.getAttribute("title");
		if (title) {
			for (const [pattern, replace] of TITLES) {
				if (pattern.test(title)) el.setAttribute("title", title.replace(pattern, replace));
			}
		}
		if (el.getAttribute && el.getAttribute("role") === "status") {
			const text = el.textContent;
			for (const [pattern, replace] of TEXTS) {
				if (pattern.test(text)) el.textContent = text.replace(pattern, replace);
			}
		}
	}

	function rewrite(root) {
		if (!root || root.nodeType !== 1 || !is_french()) return;
		rewrite_one(root);
		for (const el of root.querySelectorAll(
			"[title^='Filter based on'], [role='status'], .web-list-container button, .graph-svg-tip"
		)) {
			rewrite_one(el);
		}
	}

	function watch() {
		rewrite(document.body);
		new MutationObserver((mutations) => {
			for (const mutation of mutations) {
				const target = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentElement;
				if (target && target.getAttribute && target.getAttribute("role") === "status") rewrite_one(target);
				const tip = target && target.closest && target.closest(".graph-svg-tip");
				if (tip && is_french()) rewrite_tooltip(tip);
				for (const node of mutation.addedNodes) rewrite(node);
			}
		}).observe(document.body, { childList: true, subtree: true, characterData: true });
	}

	if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
	else watch();
})();
