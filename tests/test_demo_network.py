"""Tests for pdn_frappe.demo.network: the demo network of the Allier (03) and the Puy-de-Dôme (63).

Every value is checked with the same domain rules the doctypes apply on save, and against the doctype
JSON (field names, Select options) and the fixtures (professions, structure types, networks, themes),
so that the loader cannot hit a validation error on a real site.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from functools import cache

import pytest

from pdn_frappe.demo import network as demo
from pdn_frappe.domain.validation import (
	check_postcode_in_department,
	check_weekly_hours,
	is_valid_siren,
	luhn_ok,
	normalize_email,
	normalize_phone,
	normalize_postcode,
	normalize_siret,
)
from tests import metadata as md

DOCTYPE_DIR = md.APP_DIR / "network" / "doctype"

# Real postcodes of the towns of the demo (La Poste).
REAL_POSTCODES = {
	"Moulins": "03000",
	"Vichy": "03200",
	"Montluçon": "03100",
	"Gannat": "03800",
	"Ebreuil": "03450",
	"Cusset": "03300",
	"Yzeure": "03400",
	"Commentry": "03600",
	"Saint-Pourçain-sur-Sioule": "03500",
	"Bellerive-sur-Allier": "03700",
	"Aubière": "63170",
	"Romagnat": "63540",
	"Cébazat": "63118",
	"Riom": "63200",
	"Issoire": "63500",
	"Thiers": "63300",
	"Ambert": "63600",
	"Cournon-d'Auvergne": "63800",
	"Chamalières": "63400",
	"Billom": "63160",
	"Veyre-Monton": "63960",
	"Saint-Gervais-d'Auvergne": "63390",
}
CLERMONT_POSTCODES = {"63000", "63100"}


@pytest.fixture(scope="module")
def network() -> demo.DemoNetwork:
	return demo.build_demo_network()


@cache
def doctype(name: str) -> dict:
	folder = name.lower().replace(" ", "_")
	return json.loads((DOCTYPE_DIR / folder / f"{folder}.json").read_text(encoding="utf-8"))


def fieldnames(name: str) -> set[str]:
	return {field["fieldname"] for field in doctype(name)["fields"]}


def options(name: str, fieldname: str) -> set[str]:
	field = next(field for field in doctype(name)["fields"] if field["fieldname"] == fieldname)
	return {option for option in field["options"].split("\n") if option}


@cache
def fixture(name: str) -> dict[str, dict]:
	records = json.loads((md.FIXTURES_DIR / f"{name}.json").read_text(encoding="utf-8"))
	return {record["name"]: record for record in records}


def all_emails(network: demo.DemoNetwork) -> list[str]:
	emails = [department.coordination_email for department in network.departments]
	for structure in network.structures:
		emails += [structure.email, structure.legal_representative_email]
		emails += [contact.email for contact in structure.contacts]
	emails += [promeneur.email for promeneur in network.promeneurs]
	emails += [referent.email for referent in network.referents]
	emails += [login.email for login in network.logins]
	return emails


def all_phones(network: demo.DemoNetwork) -> list[str]:
	phones = [department.coordination_phone for department in network.departments]
	for structure in network.structures:
		phones += [structure.phone] + [contact.phone for contact in structure.contacts]
	phones += [promeneur.phone for promeneur in network.promeneurs if promeneur.phone]
	phones += [referent.phone for referent in network.referents]
	return phones


# ---------------------------------------------------------------- counts and determinism


def test_promeneur_counts_per_department(network):
	counts = Counter(promeneur.department for promeneur in network.promeneurs)
	assert counts == {"63": 43, "03": 23}
	assert len(network.promeneurs) == 66
	assert dict(counts) == demo.PROMENEURS_BY_DEPARTMENT
	assert len(network.promeneurs_of("03")) == 23


def test_about_thirty_structures_in_the_two_departments(network):
	assert 25 <= len(network.structures) <= 35
	assert {structure.department for structure in network.structures} == {"03", "63"}
	assert len({structure.key for structure in network.structures}) == len(network.structures)


def test_about_fifteen_referents(network):
	assert 12 <= len(network.referents) <= 18
	assert {referent.department for referent in network.referents} == {"03", "63"}
	keys = [(referent.full_name, referent.department) for referent in network.referents]
	assert len(set(keys)) == len(keys), "the loader matches referents by full name and department"


def test_same_seed_same_network():
	assert demo.build_demo_network(2019) == demo.build_demo_network(2019)
	assert demo.build_demo_network() == demo.build_demo_network(2019)


def test_another_seed_changes_people_but_not_the_shape():
	default, other = demo.build_demo_network(), demo.build_demo_network(7)
	assert default != other
	assert Counter(p.department for p in other.promeneurs) == {"63": 43, "03": 23}
	assert [s.structure_name for s in other.structures] == [s.structure_name for s in default.structures]


# ---------------------------------------------------------------- identifiers and contact details


def test_sirets_are_unique_and_pass_luhn(network):
	sirets = [structure.siret for structure in network.structures]
	assert len(set(sirets)) == len(sirets)
	for siret in sirets:
		assert re.fullmatch(r"[0-9]{14}", siret), siret
		assert luhn_ok(siret), siret
		assert luhn_ok(siret[:9]), f"SIREN of {siret}"
		assert normalize_siret(siret) == siret
		assert is_valid_siren(siret[:9])
		assert not siret.startswith("356000000"), "La Poste SIRETs follow another rule"


def test_promeneur_emails_are_unique(network):
	emails = [promeneur.email for promeneur in network.promeneurs]
	assert len(set(emails)) == len(emails)
	names = [promeneur.full_name for promeneur in network.promeneurs]
	assert len(set(names)) == len(names)


def test_emails_are_normalized_and_fictional(network):
	for email in all_emails(network):
		assert normalize_email(email) == email
		domain = email.rsplit("@", 1)[1]
		assert domain.endswith(".example") or domain == demo.DEMO_EMAIL_DOMAIN, email
	for email in [promeneur.email for promeneur in network.promeneurs]:
		if email != "promeneur@demo.pdn-frappe.fr":
			assert email.endswith(".example"), email


def test_phones_are_normalized_and_local(network):
	for phone in all_phones(network):
		assert normalize_phone(phone) == phone
		assert re.fullmatch(r"0[1-9]( [0-9]{2}){4}", phone), phone
	prefix = {"03": "04 70 ", "63": "04 73 "}
	for structure in network.structures:
		assert structure.phone.startswith(prefix[structure.department]), structure.structure_name
	for referent in network.referents:
		assert referent.phone.startswith(prefix[referent.department]), referent.full_name
	for department in network.departments:
		assert department.coordination_phone.startswith(prefix[department.code])
	for promeneur in network.promeneurs:
		assert promeneur.phone is None or promeneur.phone.startswith("06 39 98 "), "fiction range"


def test_postcodes_are_real_and_in_the_department(network):
	for structure in network.structures:
		assert normalize_postcode(structure.postcode) == structure.postcode
		check_postcode_in_department(structure.postcode, structure.department)
		assert structure.postcode[:2] == structure.department
		if structure.city == "Clermont-Ferrand":
			assert structure.postcode in CLERMONT_POSTCODES
		else:
			assert REAL_POSTCODES[structure.city] == structure.postcode, structure.city


def test_urls_are_https(network):
	urls = [department.website for department in network.departments]
	urls += [structure.website for structure in network.structures]
	urls += [referent.website for referent in network.referents if referent.website]
	for url in urls:
		assert re.fullmatch(r"https://www\.[a-z0-9.-]+\.example", url), url


# ---------------------------------------------------------------- agreement with doctypes and fixtures


def test_documents_only_use_fields_of_their_doctype(network):
	for structure in network.structures:
		doc = structure.to_doc()
		assert set(doc) - {"doctype"} <= fieldnames(doc["doctype"])
		for row in doc["contacts"]:
			assert set(row) <= fieldnames("PdN Structure Contact")
	for promeneur in network.promeneurs:
		doc = promeneur.to_doc()
		assert set(doc) - {"doctype"} <= fieldnames(doc["doctype"])
		for row in doc["network_profiles"]:
			assert set(row) <= fieldnames("PdN Network Profile")
		for row in doc["office_hours"]:
			assert set(row) <= fieldnames("PdN Office Hour")
	for referent in network.referents:
		doc = referent.to_doc()
		assert set(doc) - {"doctype"} <= fieldnames(doc["doctype"])
		for row in doc["themes"]:
			assert set(row) <= fieldnames("PdN Theme Row")
	for department in network.departments:
		assert set(department.to_fields()) <= fieldnames("PdN Department")


def test_select_values_are_doctype_options(network):
	for structure in network.structures:
		assert structure.legal_status in options("PdN Structure", "legal_status")
		assert structure.status in options("PdN Structure", "status")
	for promeneur in network.promeneurs:
		assert promeneur.mission in options("PdN Promeneur", "mission")
		assert promeneur.status in options("PdN Promeneur", "status")
		for slot in promeneur.office_hours:
			assert slot.weekday in options("PdN Office Hour", "weekday")
	roles = options("PdN Department Member", "role")
	for department in network.departments:
		for login in network.department_members(department.code):
			assert login.role in roles


def test_links_point_to_fixture_records(network):
	for structure in network.structures:
		assert structure.structure_type in fixture("pdn_structure_type")
	for promeneur in network.promeneurs:
		assert promeneur.profession in fixture("pdn_profession")
		for profile in promeneur.network_profiles:
			assert profile.social_network in fixture("pdn_social_network")
	for referent in network.referents:
		assert referent.themes
		assert set(referent.themes) <= set(fixture("pdn_theme"))
	roles = set(fixture("role"))
	assert {login.role for login in network.logins} == roles


def test_profile_urls_use_the_network_prefix(network):
	for promeneur in network.promeneurs:
		assert 1 <= len(promeneur.network_profiles) <= 3
		networks = [profile.social_network for profile in promeneur.network_profiles]
		assert len(set(networks)) == len(networks)
		for profile in promeneur.network_profiles:
			assert profile.profile_name.startswith(promeneur.first_name + " ")
			prefix = fixture("pdn_social_network")[profile.social_network].get("profile_url_prefix")
			if prefix:
				assert profile.profile_url and profile.profile_url.startswith(prefix)
				assert len(profile.profile_url) > len(prefix)
			else:
				assert profile.profile_url is None
	counts = Counter(p.social_network for pr in network.promeneurs for p in pr.network_profiles)
	main = counts["Instagram"] + counts["Facebook"] + counts["Snapchat"]
	assert main >= 0.75 * sum(counts.values())


def test_profile_name_of_the_promeneur_login(network):
	promeneur = next(p for p in network.promeneurs if p.email == "promeneur@demo.pdn-frappe.fr")
	assert promeneur.network_profiles[0].profile_name == "Julie Centre Social Gannat"


# ---------------------------------------------------------------- the 2019 shape of the network


def test_professions_of_the_2019_report(network):
	for code, minimum in (("63", 7), ("03", 9)):
		used = {promeneur.profession for promeneur in network.promeneurs_of(code)}
		assert len(used) >= minimum
		assert used == set(demo.PROFESSIONS_BY_DEPARTMENT[code])


def test_structure_types_of_the_2019_report(network):
	employers = {promeneur.structure_siret for promeneur in network.promeneurs}
	for code, expected in (("63", 7), ("03", 8)):
		types = {s.structure_type for s in network.structures_of(code) if s.siret in employers}
		assert len(types) == expected
		assert types == set(demo.STRUCTURE_TYPES_BY_DEPARTMENT[code])


def test_promeneurs_work_in_a_structure_of_their_department(network):
	by_siret = {structure.siret: structure for structure in network.structures}
	for promeneur in network.promeneurs:
		structure = by_siret[promeneur.structure_siret]
		assert structure.department == promeneur.department
		if structure.status == "Candidate":
			assert promeneur.status == "Candidate"


def test_weekly_hours_and_office_hours(network):
	for promeneur in network.promeneurs:
		assert check_weekly_hours(promeneur.weekly_hours) == promeneur.weekly_hours
		assert 2 <= promeneur.weekly_hours <= 6
		assert 1 <= len(promeneur.office_hours) <= 3
		weekdays = [slot.weekday for slot in promeneur.office_hours]
		assert len(set(weekdays)) == len(weekdays)
		total = 0.0
		for slot in promeneur.office_hours:
			assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]:00", slot.from_time)
			assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]:00", slot.to_time)
			assert slot.from_time < slot.to_time
			start, end = (int(t[:2]) + int(t[3:5]) / 60 for t in (slot.from_time, slot.to_time))
			total += end - start
		assert total <= promeneur.weekly_hours


def test_missions_and_publics(network):
	missions = Counter(promeneur.mission for promeneur in network.promeneurs)
	assert missions["Youth"] > len(network.promeneurs) / 2
	assert missions["Parenting"] >= 1 and missions["Youth and parenting"] >= 1
	for promeneur in network.promeneurs:
		assert promeneur.public_12_17 or promeneur.public_18_25 or promeneur.public_parents
		assert bool(promeneur.public_parents) == (promeneur.mission != "Youth")
		assert bool(promeneur.public_other) == bool(promeneur.public_other_text)


def test_statuses_and_their_dates(network):
	statuses = Counter(promeneur.status for promeneur in network.promeneurs)
	assert statuses["Active"] >= 0.75 * len(network.promeneurs)
	assert statuses["Candidate"] and statuses["Suspended"] and statuses["Left"]
	first_year = {"03": "2018", "63": "2017"}
	actives = [p for p in network.promeneurs if p.status == "Active"]
	for promeneur in network.promeneurs:
		if promeneur.status == "Candidate":
			assert promeneur.candidate_since and not promeneur.active_since
		else:
			assert first_year[promeneur.department] <= promeneur.active_since[:4] <= "2019"
			assert promeneur.candidate_since < promeneur.active_since
		if promeneur.status == "Left":
			assert promeneur.active_since < promeneur.ended_on <= "2019-12-31"
			assert promeneur.status_reason
		else:
			assert promeneur.ended_on is None
		if promeneur.status == "Suspended":
			assert promeneur.status_reason
		assert bool(promeneur.directory_consent) == bool(promeneur.directory_consent_on)
		if promeneur.directory_consent:
			assert promeneur.status == "Active"
			assert promeneur.directory_consent_on >= promeneur.active_since
	assert sum(p.directory_consent for p in actives) > len(actives) / 2


def test_referents_visibility_and_dates(network):
	hidden = [referent for referent in network.referents if not referent.visible_to_promeneurs]
	assert 1 <= len(hidden) <= 2
	for referent in network.referents:
		assert referent.organisation and referent.role_title
		if referent.ambassador_charter_signed_on:
			assert referent.ambassador_charter_signed_on <= referent.last_checked_on


def test_departments(network):
	assert [department.code for department in network.departments] == ["03", "63"]
	structure_keys = {structure.key for structure in network.structures}
	for department in network.departments:
		assert department.network_open == 1
		assert department.target_promeneurs >= len(network.promeneurs_of(department.code))
		if department.coordinator_structure_key:
			assert department.coordinator_structure_key in structure_keys
			structure = network.structure(department.coordinator_structure_key)
			assert structure.department == department.code


# ---------------------------------------------------------------- demo logins


def test_demo_logins(network):
	assert demo.DEMO_PASSWORD == "PdN-demo-2026"
	assert network.logins == demo.DEMO_LOGINS
	by_email = {login.email: login for login in demo.DEMO_LOGINS}
	assert {email: login.role for email, login in by_email.items()} == {
		"coordination03@demo.pdn-frappe.fr": "PdN Coordinator",
		"coordination63@demo.pdn-frappe.fr": "PdN Coordinator",
		"caf03@demo.pdn-frappe.fr": "PdN CAF Agent",
		"structure@demo.pdn-frappe.fr": "PdN Structure Manager",
		"promeneur@demo.pdn-frappe.fr": "PdN Promeneur",
		"administration@demo.pdn-frappe.fr": "PdN Administrator",
	}
	assert by_email["coordination63@demo.pdn-frappe.fr"].department == "63"
	for login in demo.DEMO_LOGINS:
		assert login.role_label and login.sees and login.first_name and login.last_name
	assert {login.email for login in network.department_members("03")} == {
		"coordination03@demo.pdn-frappe.fr",
		"caf03@demo.pdn-frappe.fr",
	}
	assert {login.email for login in network.department_members("63")} == {
		"coordination63@demo.pdn-frappe.fr"
	}


def test_promeneur_login_is_one_of_the_23_promeneurs_of_the_allier(network):
	login = demo.login_for_role("PdN Promeneur")
	matches = [p for p in network.promeneurs_of("03") if p.email == login.email]
	assert len(matches) == 1
	promeneur = matches[0]
	assert (promeneur.first_name, promeneur.last_name) == (login.first_name, login.last_name)
	assert promeneur.status == "Active"
	assert promeneur.structure_siret == network.structure(login.structure_key).siret


def test_structure_manager_login_manages_a_structure_of_the_allier(network):
	login = demo.login_for_role("PdN Structure Manager")
	structure = network.structure(login.structure_key)
	assert structure.department == "03"
	managers = [contact for contact in structure.contacts if contact.is_manager]
	assert [(contact.user, contact.email) for contact in managers] == [(login.email, login.email)]
	others = [c for s in network.structures for c in s.contacts if s.key != structure.key]
	assert all(contact.user is None and not contact.is_manager for contact in others)


# ---------------------------------------------------------------- only professionals


# Words of a field name that would describe a young person rather than a professional.
FORBIDDEN_FIELD_WORDS = {"birth", "birthday", "dob", "age", "minor", "child", "children", "youth", "young"}
FORBIDDEN_FIELD_WORDS |= {"pupil", "student", "school", "class", "guardian", "parent", "parents"}


def test_records_hold_no_data_about_young_people(network):
	for kind in (
		demo.DemoDepartment,
		demo.DemoStructure,
		demo.DemoContact,
		demo.DemoPromeneur,
		demo.DemoNetworkProfile,
		demo.DemoOfficeHour,
		demo.DemoReferent,
		demo.DemoLogin,
	):
		for field in dataclasses.fields(kind):
			if field.name.startswith("public_"):  # the audiences a promeneur works with, not people
				continue
			assert not FORBIDDEN_FIELD_WORDS & set(field.name.split("_")), (kind.__name__, field.name)
	assert {field.name for field in dataclasses.fields(demo.DemoNetwork)} == {
		"departments",
		"structures",
		"promeneurs",
		"referents",
		"logins",
	}
	for promeneur in network.promeneurs:
		assert promeneur.profession and promeneur.job_title and promeneur.structure_siret
	for structure in network.structures:
		for contact in structure.contacts:
			assert contact.function
