# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""Who took part in the network's trainings and meetings: per training, or per promeneur."""

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Date, Max, Sum

from pdn_frappe import reports
from pdn_frappe.animation.utils import allowed_departments
from pdn_frappe.domain import animation
from pdn_frappe.queries import child_rows

PER_TRAINING = "Training"
PER_PROMENEUR = "Promeneur"


@frappe.read_only()
def execute(filters=None):
	filters = reports.with_dates(filters)
	departments = allowed_departments(filters.department)
	if filters.group_by == PER_PROMENEUR:
		columns, data = per_promeneur_columns(), per_promeneur(filters, departments)
	else:
		columns, data = per_training_columns(), per_training(filters, departments)
	return columns, data, None, chart(filters, departments), summary(filters, departments)


#: the participants counted by status: (column, status)
COUNTED = (
	("invited", animation.INVITED),
	("registered", animation.REGISTERED),
	("attended", animation.ATTENDED),
	("excused", animation.EXCUSED),
)


def _counts(participant):
	"""How many participants have each status of :data:`COUNTED`, as columns."""
	return [
		Sum(Case().when(participant.status == status, 1).else_(0)).as_(column) for column, status in COUNTED
	]


def _base(filters, departments):
	training, participant, query = child_rows("PdN Training", "PdN Training Participant", left=True)
	query = (
		query.where(training.department.isin(departments or [""]))
		.where(training.status != animation.CANCELLED)
		.where(Date(training.starts_on).between(filters.from_date, filters.to_date))
	)
	if filters.kind:
		query = query.where(training.kind == filters.kind)
	return training, participant, query


def per_training_columns():
	return reports.columns(
		"training title kind starts_on department capacity invited registered attended",
		"excused attendance_rate feedback_count average_rating",
	)


def per_training(filters, departments):
	training, participant, query = _base(filters, departments)
	rows = (
		query.select(
			training.name.as_("training"),
			training.title,
			training.kind,
			Date(training.starts_on).as_("starts_on"),
			training.department,
			training.capacity,
			training.feedback_count,
			training.average_rating,
			*_counts(participant),
		)
		.groupby(training.name)
		.orderby(training.starts_on, order=frappe.qb.desc)
		.run(as_dict=True)
	)
	for row in rows:
		signed_up = (row.registered or 0) + (row.attended or 0) + (row.excused or 0)
		row.attendance_rate = round(100 * (row.attended or 0) / signed_up, 1) if signed_up else None
		row.average_rating = round((row.average_rating or 0) * 5, 1) if row.feedback_count else None
		row.kind = _(row.kind)
	return rows


def per_promeneur_columns():
	return reports.columns(
		"promeneur full_name structure department invited registered attended excused",
		"training_days last_attended welcome_meeting_attended",
	)


def per_promeneur(filters, departments):
	training, participant, query = _base(filters, departments)
	promeneur = frappe.qb.DocType("PdN Promeneur")
	attended = participant.status == animation.ATTENDED
	rows = (
		query.join(promeneur)
		.on(promeneur.name == participant.promeneur)
		.select(
			participant.promeneur,
			promeneur.full_name,
			promeneur.structure,
			promeneur.department,
			promeneur.welcome_meeting_attended,
			*_counts(participant),
			Sum(Case().when(attended & (training.kind == animation.TRAINING), training.days).else_(0)).as_(
				"training_days"
			),
			Max(Case().when(attended, Date(training.starts_on))).as_("last_attended"),
		)
		.groupby(participant.promeneur)
		.orderby(promeneur.full_name)
		.run(as_dict=True)
	)
	return rows


def chart(filters, departments):
	training, participant, query = _base(filters, departments)
	rows = (
		query.select(training.kind, Count(participant.name))
		.where(participant.status == animation.ATTENDED)
		.groupby(training.kind)
		.run()
	)
	counts = dict(rows)
	kinds = [kind for kind in animation.TRAINING_KINDS if counts.get(kind)]
	if not kinds:
		return None
	return {
		"data": {
			"labels": [_(kind) for kind in kinds],
			"datasets": [{"name": _("Attendances"), "values": [counts[kind] for kind in kinds]}],
		},
		"type": "bar",
	}


def summary(filters, departments):
	_training, participant, query = _base(filters, departments)
	attended, promeneurs = (
		query.select(Count(participant.name), Count(participant.promeneur).distinct())
		.where(participant.status == animation.ATTENDED)
		.run()[0]
	)
	return [
		{"label": _("Attendances"), "value": attended or 0, "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Promeneurs who attended"),
			"value": promeneurs or 0,
			"datatype": "Int",
			"indicator": "Green",
		},
	]
