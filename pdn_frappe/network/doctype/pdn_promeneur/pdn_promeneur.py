# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_link_to_form, nowdate

from pdn_frappe import exceptions
from pdn_frappe.domain import validation
from pdn_frappe.network import access, lifecycle, national, scope
from pdn_frappe.network.utils import clean_field, clean_row_field


class PdNPromeneur(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pdn_frappe.network.doctype.pdn_network_profile.pdn_network_profile import PdNNetworkProfile
		from pdn_frappe.network.doctype.pdn_office_hour.pdn_office_hour import PdNOfficeHour

		active_since: DF.Date | None
		candidate_since: DF.Date | None
		department: DF.Link
		directory_consent: DF.Check
		directory_consent_on: DF.Date | None
		email: DF.Data
		ended_on: DF.Date | None
		first_name: DF.Data
		full_name: DF.Data | None
		job_title: DF.Data | None
		last_name: DF.Data
		mission: DF.Literal["Youth", "Parenting", "Youth and parenting"]
		naming_series: DF.Literal["PDN-PRM-.#####"]
		national_registered_on: DF.Date | None
		national_registration: DF.Literal[
			"", "To register", "Registered", "To update", "To remove", "Removed"
		]
		network_profiles: DF.Table[PdNNetworkProfile]
		office_hours: DF.Table[PdNOfficeHour]
		phone: DF.Data | None
		photo: DF.AttachImage | None
		profession: DF.Link | None
		public_12_17: DF.Check
		public_18_25: DF.Check
		public_other: DF.Check
		public_other_text: DF.Data | None
		public_parents: DF.Check
		status: DF.Literal["Candidate", "Active", "Suspended", "Left", "Excluded"]
		status_changed_on: DF.Date | None
		status_reason: DF.SmallText | None
		structure: DF.Link
		trainings_attended: DF.Int
		user: DF.Link | None
		weekly_hours: DF.Float
		welcome_meeting_attended: DF.Check
		welcome_meeting_on: DF.Date | None

	# end: auto-generated types
	def validate(self):
		self.set_full_name()
		self.validate_contact_details()
		self.validate_weekly_hours()
		self.validate_unique_email()
		self.validate_network_profiles()
		self.validate_office_hours()
		self.validate_login()
		self.set_status()
		self.set_directory_consent_date()
		self.set_national_registration()

	def on_update(self):
		access.sync_promeneur_access(self)
		lifecycle.carry_out(self)

	def set_full_name(self):
		self.first_name = (self.first_name or "").strip()
		self.last_name = (self.last_name or "").strip()
		self.full_name = f"{self.first_name} {self.last_name}".strip()

	def validate_contact_details(self):
		clean_field(self, "email", validation.normalize_email)
		clean_field(self, "phone", validation.normalize_phone)

	def validate_weekly_hours(self):
		clean_field(self, "weekly_hours", validation.check_weekly_hours)

	def validate_unique_email(self):
		other = frappe.db.get_value("PdN Promeneur", {"email": self.email, "name": ("!=", self.name)}, "name")
		if other:
			frappe.throw(
				_("A promeneur with the e-mail {0} already exists: {1}.").format(
					frappe.bold(self.email), get_link_to_form("PdN Promeneur", other)
				),
				exc=exceptions.DuplicatePromeneurError,
				title=_("Duplicate promeneur"),
			)

	def validate_login(self):
		for user in access.changed_logins(self):
			access.check_linkable_login(user, _("Linked login"))
			if frappe.db.exists("PdN Promeneur", {"user": user, "name": ("!=", self.name)}):
				frappe.throw(
					_("The login {0} already belongs to another promeneur.").format(frappe.bold(user)),
					exc=exceptions.LoginNotLinkableError,
					title=_("Login already used"),
				)

	def validate_network_profiles(self):
		for row in self.network_profiles:
			row.profile_name = (row.profile_name or "").strip()
			row.profile_url = (row.profile_url or "").strip()
			clean_row_field(row, "profile_url", validation.normalize_url, "Network profiles")

	def validate_office_hours(self):
		for row in self.office_hours:
			if row.from_time and row.to_time and str(row.from_time) >= str(row.to_time):
				frappe.throw(
					_("Online office hours, row {0}: the end time must come after the start time.").format(
						row.idx
					),
					exc=exceptions.InvalidOfficeHourError,
					title=_("Invalid value"),
				)

	def set_status(self):
		lifecycle.apply_status_change(self)

	def set_national_registration(self):
		national.apply(self)

	@scope.record_method("write")
	def mark_national_registration_done(self) -> str:
		"""The coordination did on the national site what the registration asked."""
		target = national.mark_done(self)
		frappe.msgprint(
			_("Registration on the national site: {0}.").format(frappe.bold(_(target))),
			indicator="green",
			alert=True,
		)
		return target

	def set_directory_consent_date(self):
		if not self.directory_consent:
			self.directory_consent_on = None
		elif not self.directory_consent_on:
			self.directory_consent_on = nowdate()

	@scope.record_method("write")
	def create_login(self, send_welcome_email: bool = True) -> str:
		"""Create or link the promeneur's User, then grant its role and scope."""
		if not self.has_permlevel_access_to("user", permission_type="write"):
			frappe.throw(_("Only the coordination can create a promeneur's login."), frappe.PermissionError)
		if self.user:
			return self.user
		self.user = access.create_promeneur_user(
			self, send_welcome_email=frappe.utils.sbool(send_welcome_email)
		)
		self.flags.ignore_permissions = True
		self.save()
		frappe.msgprint(
			_("Login {0} is ready for {1}.").format(frappe.bold(self.user), frappe.bold(self.full_name)),
			indicator="green",
			alert=True,
		)
		return self.user
