"""Daily reminders about missing questionnaires (``scheduler_events`` in hooks.py).

From the reminder date to the due date of a period, each active promeneur who owes its
questionnaire and has not submitted it gets one reminder; once the questionnaire is overdue, the
coordinators of the department get one alert listing the promeneurs who have still not answered.
Which rounds are owed on a given day is decided by
:func:`pdn_frappe.domain.evaluation.reminder_rounds`, from the delays of PdN Settings.

The e-mails are the Email Templates ``PdN Questionnaire Reminder`` and ``PdN Questionnaire
Overdue`` (:mod:`pdn_frappe.mail`), which administrators edit. Each reminder is logged in
``PdN Evaluation Reminder``, so that it goes out once even if the job runs again the same day or
catches up a day the scheduler missed; without an outgoing e-mail account nothing is sent nor
logged, and the reminders go out once there is one.
"""

from __future__ import annotations

import frappe
from frappe.utils import get_url, getdate, nowdate

from pdn_frappe import mail
from pdn_frappe.domain import evaluation as rules
from pdn_frappe.domain.periods import Period, quarter_value
from pdn_frappe.evaluation import queries, utils
from pdn_frappe.roles import COORDINATOR
from pdn_frappe.settings import get_settings

LOG = "PdN Evaluation Reminder"
TO_PROMENEUR = "Promeneur"
TO_COORDINATION = "Coordination"


def send_evaluation_reminders(today: str | None = None, department: str | None = None) -> dict:
	"""Send the reminders owed today; returns how many promeneurs and coordinators were e-mailed.

	``department`` limits a manual run to one department (the daily job covers them all).
	"""
	conf = get_settings()
	day = getdate(today or nowdate())
	sent = {"promeneurs": 0, "coordinators": 0}
	if not conf.evaluation_reminders_enabled or not mail.can_send():
		return sent
	for round_ in rules.reminder_rounds(
		day, conf.evaluation_due_days, conf.evaluation_reminder_days, conf.evaluation_period_type
	):
		if round_.audience == rules.PROMENEURS:
			sent["promeneurs"] += remind_promeneurs(round_.period, day, conf.evaluation_due_days, department)
		elif conf.evaluation_alert_coordination:
			sent["coordinators"] += alert_coordination(
				round_.period, day, conf.evaluation_due_days, department
			)
	return sent


def missing_promeneurs(
	period: Period, audience: str | None = None, department: str | None = None
) -> list[frappe._dict]:
	"""Active promeneurs who owe the questionnaire of ``period`` and have not submitted it (drafts
	count as missing), leaving out those already reminded for ``audience``."""
	p = frappe.qb.DocType(queries.PROMENEUR)
	e = frappe.qb.DocType(queries.EVALUATION)
	s = frappe.qb.DocType("PdN Structure")
	submitted = frappe.qb.from_(e).select(e.promeneur).where((e.period == period.key) & (e.docstatus == 1))
	query = (
		frappe.qb.from_(p)
		.left_join(s)
		.on(s.name == p.structure)
		.select(
			p.name, p.first_name, p.full_name, p.email, p.department, p.structure, s.structure_name, p.user
		)
		.where(p.status == rules.ACTIVE)
		.where(queries.expected_criterion(p, period))
		.where(p.name.notin(submitted))
		.orderby(p.department)
		.orderby(p.full_name)
	)
	if department:
		query = query.where(p.department == department)
	if audience == TO_PROMENEUR:
		log = frappe.qb.DocType(LOG)
		reminded = (
			frappe.qb.from_(log)
			.select(log.promeneur)
			.where((log.audience == TO_PROMENEUR) & (log.period == period.key))
		)
		query = query.where(p.name.notin(reminded))
	return query.run(as_dict=True)


def remind_promeneurs(period: Period, today, due_days: int, department: str | None = None) -> int:
	sent = 0
	for row in missing_promeneurs(period, TO_PROMENEUR, department):
		frappe.db.savepoint("pdn_evaluation_reminder")
		try:
			mail.send(
				"PdN Questionnaire Reminder",
				row.email,
				dict(reminder_context(period, due_days), first_name=row.first_name or row.full_name),
				reference_doctype=queries.PROMENEUR,
				reference_name=row.name,
			)
			log(TO_PROMENEUR, period, today, row.department, promeneur=row.name, recipients=row.email)
			sent += 1
		except Exception:
			frappe.db.rollback(save_point="pdn_evaluation_reminder")
			frappe.log_error(title=f"Evaluation reminder to {row.name} failed")
	return sent


def alert_coordination(period: Period, today, due_days: int, department: str | None = None) -> int:
	"""One e-mail per coordinator, listing the promeneurs of their departments still missing."""
	missing = missing_promeneurs(period, department=department)
	log_table = frappe.qb.DocType(LOG)
	alerted = set(
		frappe.qb.from_(log_table)
		.select(log_table.department)
		.where((log_table.audience == TO_COORDINATION) & (log_table.period == period.key))
		.run(pluck=True)
	)
	by_department: dict[str, list] = {}
	for row in missing:
		if row.department not in alerted:
			by_department.setdefault(row.department, []).append(row)
	if not by_department:
		return 0

	coordinators: dict[str, list[str]] = {}
	for member in frappe.get_all(
		"PdN Department Member",
		filters={"parent": ("in", list(by_department)), "parenttype": "PdN Department", "role": COORDINATOR},
		fields=["parent", "user"],
		order_by="parent, idx",
	):
		coordinators.setdefault(member.user, []).append(member.parent)

	sent, alerted_departments = 0, {}
	for user, departments in coordinators.items():
		if not frappe.db.get_value("User", user, "enabled"):
			continue
		frappe.db.savepoint("pdn_evaluation_overdue")
		try:
			first_name, full_name, email = frappe.db.get_value(
				"User", user, ["first_name", "full_name", "email"]
			)
			departments_missing = [
				frappe._dict(
					code=code,
					name=frappe.db.get_value("PdN Department", code, "department_name"),
					promeneurs=by_department[code],
				)
				for code in departments
			]
			mail.send(
				"PdN Questionnaire Overdue",
				email,
				dict(
					reminder_context(period, due_days),
					first_name=first_name or full_name or "",
					departments=departments_missing,
					missing=sum(len(department.promeneurs) for department in departments_missing),
					follow_up_url=get_url(f"/app/query-report/Evaluation Follow-up?year={period.year}"),
				),
				reference_doctype="User",
				reference_name=user,
			)
			for code in departments:
				alerted_departments.setdefault(code, []).append(email)
			sent += 1
		except Exception:
			frappe.db.rollback(save_point="pdn_evaluation_overdue")
			frappe.log_error(title=f"Overdue evaluation alert to {user} failed")
	for code, recipients in alerted_departments.items():
		log(
			TO_COORDINATION,
			period,
			today,
			code,
			recipients=", ".join(recipients),
			missing_count=len(by_department[code]),
		)
	return sent


def reminder_context(period: Period, due_days: int) -> dict:
	query = f"period_type={period.period_type}&year={period.year}"
	if period.quarter:
		query += f"&quarter={quarter_value(period.quarter)}"
	with mail.in_site_language():
		label = utils.period_label(period)
	return {
		"period": period.key,
		"period_label": label,
		"due_date": utils.format_day(rules.due_date(period, due_days)),
		"form_url": get_url(f"/evaluation/new?{query}"),
	}


def log(audience, period, today, department, promeneur=None, recipients=None, missing_count=0):
	frappe.get_doc(
		{
			"doctype": LOG,
			"audience": audience,
			"period": period.key,
			"sent_on": today,
			"department": department,
			"promeneur": promeneur,
			"recipients": recipients,
			"missing_count": missing_count,
		}
	).insert(ignore_permissions=True)
