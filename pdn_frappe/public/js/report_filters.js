// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt
// The filters the app's reports share, in one place (loaded on every desk page by hooks.py,
// app_include_js). Each report's .js builds its filter list from these:
//   filters: [...pdn.report_filters.questionnaire_period(), pdn.report_filters.department()]

frappe.provide("pdn.report_filters");

Object.assign(pdn.report_filters, {
	/** The first day of the last quarter that is over: the one the questionnaires answer. */
	last_quarter_start() {
		const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
		return new Date(today.getFullYear(), today.getMonth() - 3, 1);
	},

	/** Kind of questionnaire, year and quarter, set on the last quarter that is over. */
	questionnaire_period() {
		const last = pdn.report_filters.last_quarter_start();
		return [
			{
				fieldname: "period_type",
				label: __("Questionnaires"),
				fieldtype: "Select",
				default: "Quarter",
				reqd: 1,
				options: [
					{ value: "Quarter", label: __("Quarterly questionnaires") },
					{ value: "Year", label: __("Annual questionnaires") },
				],
			},
			pdn.report_filters.year(last.getFullYear()),
			pdn.report_filters.select("quarter", __("Quarter"), ["", "Q1", "Q2", "Q3", "Q4"], {
				default: "Q" + (Math.floor(last.getMonth() / 3) + 1),
				description: __("Leave empty for the whole year"),
			}),
		];
	},

	/** A required year, this year unless told. */
	year(default_year) {
		return {
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: default_year || new Date().getFullYear(),
			reqd: 1,
		};
	},

	/** From and to dates: by default the twelve months up to today (``months`` = 0: no default). */
	date_range({ months = 12, from_label = __("From"), to_label = __("To") } = {}) {
		const today = frappe.datetime.get_today();
		return [
			{
				fieldname: "from_date",
				label: from_label,
				fieldtype: "Date",
				default: months ? frappe.datetime.add_months(today, -months) : undefined,
			},
			{
				fieldname: "to_date",
				label: to_label,
				fieldtype: "Date",
				default: months ? today : undefined,
			},
		];
	},

	/** A Select filter offering ``values``, each shown translated ("": no filter). */
	select(fieldname, label, values, props = {}) {
		const options = values.map((value) => (value ? { value, label: __(value) } : ""));
		return { fieldname, label, fieldtype: "Select", options, ...props };
	},

	department() {
		return {
			fieldname: "department",
			label: __("Department"),
			fieldtype: "Link",
			options: "PdN Department",
		};
	},

	/** A structure, among those of the department filter when one is set. */
	structure() {
		return {
			fieldname: "structure",
			label: __("Structure"),
			fieldtype: "Link",
			options: "PdN Structure",
			get_query: () => {
				const department = frappe.query_report.get_filter_value("department");
				return department ? { filters: { department } } : {};
			},
		};
	},
});
