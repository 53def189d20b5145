# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_url_to_form, getdate, nowdate

from pdn_frappe import exceptions, mail
from pdn_frappe.animation import reporting
from pdn_frappe.animation.utils import department_team
from pdn_frappe.domain import periods
from pdn_frappe.network import privacy
from pdn_frappe.roles import CAF_AGENT

#: free texts of the coordination about the network's life
FREE_TEXT_FIELDS = ("highlights", "difficulties", "next_steps")

FIGURES = (
	"total_hours",
	"logged_hours",
	"session_hours",
	"active_promeneurs",
	"new_promeneurs",
	"individual_presentations",
	"collective_presentations",
	"public_workshops",
	"promeneur_exchanges",
	"individual_coaching",
	"trainings",
	"training_days",
	"network_meetings",
	"practice_exchanges",
	"welcome_meetings",
	"participants",
	"steering_meetings",
	"questionnaires",
	"youth_hours",
	"parenting_hours",
	"parenting_share",
)


def period_of(doc) -> periods.Period:
	"""The reporting period a report (or a dict with its fields) is about."""
	try:
		return periods.make_period(doc.get("period_type"), doc.get("year"), doc.get("quarter"))
	except (periods.PeriodError, TypeError, ValueError):
		frappe.throw(
			_("Choose a year and, for a quarterly report, its quarter."),
			exc=exceptions.InvalidReportPeriodError,
			title=_("Invalid period"),
		)


def report_name(department: str, period: periods.Period) -> str:
	return f"PDN-BIL-{department}-{period.key}"


class PdNCoordinationReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.animation.doctype.pdn_report_axis_row.pdn_report_axis_row import PdNReportAxisRow
		from pdn_frappe.animation.doctype.pdn_report_task_row.pdn_report_task_row import PdNReportTaskRow
		from pdn_frappe.animation.doctype.pdn_report_theme_row.pdn_report_theme_row import PdNReportThemeRow

		active_promeneurs: DF.Int
		amended_from: DF.Link | None
		collective_presentations: DF.Int
		coordinator: DF.Link | None
		department: DF.Link
		difficulties: DF.TextEditor | None
		due_date: DF.Date | None
		from_date: DF.Date | None
		highlights: DF.TextEditor | None
		individual_coaching: DF.Int
		individual_presentations: DF.Int
		logged_hours: DF.Float
		network_meetings: DF.Int
		new_promeneurs: DF.Int
		next_steps: DF.TextEditor | None
		parenting_hours: DF.Float
		parenting_share: DF.Percent
		participants: DF.Int
		period_type: DF.Literal["Quarter", "Year"]
		practice_exchanges: DF.Int
		promeneur_exchanges: DF.Int
		public_workshops: DF.Int
		quarter: DF.Literal["", "Q1", "Q2", "Q3", "Q4"]
		questionnaires: DF.Int
		session_hours: DF.Float
		steering_meetings: DF.Int
		submitted_on: DF.Date | None
		tasks: DF.Table[PdNReportTaskRow]
		themes: DF.Table[PdNReportThemeRow]
		time_by_axis: DF.Table[PdNReportAxisRow]
		title: DF.Data | None
		to_date: DF.Date | None
		total_hours: DF.Float
		training_days: DF.Float
		trainings: DF.Int
		welcome_meetings: DF.Int
		year: DF.Int
		youth_hours: DF.Float

	# end: auto-generated types
	def autoname(self):
		self.name = report_name(self.department, period_of(self))

	def validate(self):
		self.set_period()
		self.validate_unique()
		self.set_title()
		self.validate_free_texts()
		if self.docstatus == 0:
			self.set_figures()

	def on_submit(self):
		self.db_set("submitted_on", nowdate())
		self.notify_caf()

	# ------------------------------------------------------------ period

	def set_period(self):
		period = period_of(self)
		if period.period_type == periods.YEAR:
			self.quarter = None
		self.from_date, self.to_date = period.start, period.end
		self.due_date = periods.report_due_date(period)

	def validate_unique(self):
		filters = {
			"department": self.department,
			"period_type": self.period_type,
			"year": self.year,
			"docstatus": ("<", 2),
		}
		if not self.is_new():
			filters["name"] = ("!=", self.name)
		if self.period_type == periods.QUARTER:
			filters["quarter"] = self.quarter
		other = frappe.db.get_value("PdN Coordination Report", filters, "name")
		if other:
			frappe.throw(
				_("A report on this period already exists for this department: {0}.").format(
					frappe.get_desk_link("PdN Coordination Report", other)
				),
				exc=exceptions.DuplicateReportError,
				title=_("Report already written"),
			)

	def validate_free_texts(self):
		privacy.check_free_texts(self, FREE_TEXT_FIELDS)

	def set_title(self):
		department = (
			frappe.db.get_value("PdN Department", self.department, "department_name") or self.department
		)
		if self.period_type == periods.YEAR:
			self.title = _("Annual report {0} – {1}").format(self.year, department)
		else:
			self.title = _("Quarterly report {0} {1} – {2}").format(_(self.quarter), self.year, department)

	# ------------------------------------------------------------ figures

	def set_figures(self):
		"""Count again everything the report is built from (the report is still a draft)."""
		figures = reporting.report_figures(self.department, getdate(self.from_date), getdate(self.to_date))
		for fieldname in FIGURES:
			self.set(fieldname, figures[fieldname])
		self.set(
			"time_by_axis",
			[
				{
					"mission_axis": row["mission_axis"],
					"hours": row["hours"],
					"share": row["share"],
					"activity_count": row["count"],
				}
				for row in figures["time_by_axis"]
			],
		)
		self.set(
			"tasks",
			[
				{
					"task": row["kind"],
					"mission_axis": row["mission_axis"],
					"task_count": row["count"],
					"hours": row["hours"],
				}
				for row in figures["tasks"]
			],
		)
		self.set(
			"themes", [{"theme": row["theme"], "theme_count": row["count"]} for row in figures["themes"]]
		)

	# ------------------------------------------------------------ sending

	def notify_caf(self):
		agents = department_team(self.department, CAF_AGENT)
		if not agents:
			frappe.msgprint(
				_("No CAF agent is listed in the team of the department: nobody was notified by e-mail."),
				indicator="orange",
				alert=True,
			)
			return
		mail.send(
			"PdN Coordination Report Sent",
			sorted(set(agents)),
			{"title": self.title, "report_url": get_url_to_form(self.doctype, self.name)},
			reference_doctype=self.doctype,
			reference_name=self.name,
		)
