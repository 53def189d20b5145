// Copyright (c) 2026, pdn_frappe contributors
// For license information, please see license.txt

frappe.query_reports["Themes Addressed"] = {
	filters: [...pdn.report_filters.date_range(), pdn.report_filters.department()],
};
