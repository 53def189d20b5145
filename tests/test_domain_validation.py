"""Tests for pdn_frappe.domain.validation."""

from __future__ import annotations

import pickle

import pytest

from pdn_frappe.domain.validation import (
	MIN_WEEKLY_HOURS,
	DomainValidationError,
	check_postcode_in_department,
	check_weekly_hours,
	is_valid_siren,
	luhn_complete,
	luhn_ok,
	normalize_email,
	normalize_phone,
	normalize_postcode,
	normalize_siret,
)


def _raises(code: str, func, *args) -> DomainValidationError:
	"""Call func and assert it raises DomainValidationError with the given code."""
	with pytest.raises(DomainValidationError) as info:
		func(*args)
	assert info.value.code == code
	return info.value


def test_error_carries_code_and_value() -> None:
	error = DomainValidationError("invalid_siret", "123")
	assert error.code == "invalid_siret"
	assert error.value == "123"
	assert isinstance(error, ValueError)
	assert "invalid_siret" in str(error)
	copy = pickle.loads(pickle.dumps(error))
	assert (copy.code, copy.value) == ("invalid_siret", "123")


# --- SIREN / SIRET ---------------------------------------------------------------------------------------


def test_luhn_check_on_known_numbers() -> None:
	# the SIREN and a SIRET of a real company, and the same numbers with one digit changed
	assert luhn_ok("732829320") and luhn_ok("73282932000074")
	assert not luhn_ok("732829321") and not luhn_ok("73282932000075")


def test_luhn_complete_makes_valid_numbers() -> None:
	for digits in ("73282932", "2100300000", "1234567890123"):
		assert luhn_ok(luhn_complete(digits))
	assert luhn_complete("7328293200007") == "73282932000074"


@pytest.mark.parametrize(
	("value", "expected"),
	[
		("73282932000074", "73282932000074"),
		("732 829 320 00074", "73282932000074"),
		("732.829.320.00074", "73282932000074"),
		("732-829-320-00074", "73282932000074"),
		(" 73282932000074 ", "73282932000074"),
		("55208131766522", "55208131766522"),
		("44306184100047", "44306184100047"),
		("38347481400100", "38347481400100"),
		# La Poste head office: passes Luhn.
		("35600000000048", "35600000000048"),
		# La Poste establishment: fails Luhn, but its digits add up to 45.
		("35600000049837", "35600000049837"),
		("356 000 000 49837", "35600000049837"),
	],
)
def test_normalize_siret_valid(value: str, expected: str) -> None:
	assert normalize_siret(value) == expected


@pytest.mark.parametrize(
	"value",
	[
		"",
		"73282932000075",  # bad check digit
		"73282932000047",  # swapped digits
		"7328293200007",  # 13 digits
		"732829320000740",  # 15 digits
		"7328293200007A",
		"35600000000049",  # La Poste, neither Luhn nor sum multiple of 5
		"35600000000000",  # La Poste, sum 14
		"12345678901234",  # sum 55 (multiple of 5) but not La Poste, fails Luhn
		"７３２８２９３２０００００７４",  # full-width digits
	],
)
def test_normalize_siret_invalid(value: str) -> None:
	error = _raises("invalid_siret", normalize_siret, value)
	assert error.value == value


def test_normalize_siret_none() -> None:
	_raises("invalid_siret", normalize_siret, None)


@pytest.mark.parametrize("value", ["732829320", "732 829 320", "552081317", "443061841", "356000000"])
def test_is_valid_siren_true(value: str) -> None:
	assert is_valid_siren(value) is True


@pytest.mark.parametrize(
	"value", ["", "732829321", "73282932", "7328293200", "73282932A", "73282932000074", None]
)
def test_is_valid_siren_false(value: str) -> None:
	assert is_valid_siren(value) is False


# --- E-mail ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("value", "expected"),
	[
		("marie.dupont@caf.fr", "marie.dupont@caf.fr"),
		("  Marie.Dupont@CAF.fr  ", "marie.dupont@caf.fr"),
		("promeneur+pdn@mjc-moulins.org", "promeneur+pdn@mjc-moulins.org"),
		("a_b@sub.domain.example.com", "a_b@sub.domain.example.com"),
		("x@e.co", "x@e.co"),
		("o'brien@example.fr", "o'brien@example.fr"),
	],
)
def test_normalize_email_valid(value: str, expected: str) -> None:
	assert normalize_email(value) == expected


@pytest.mark.parametrize(
	"value",
	[
		"",
		"   ",
		"marie.dupont",
		"marie@",
		"@caf.fr",
		"marie@caf",
		"marie@caf.f",
		"marie@caf.f2",
		"marie@@caf.fr",
		"marie@dupont@caf.fr",
		"marie dupont@caf.fr",
		"marie@caf .fr",
		"marie..dupont@caf.fr",
		".marie@caf.fr",
		"marie.@caf.fr",
		"marie@caf..fr",
		"marie@.caf.fr",
		"marie@-caf.fr",
		"marie@caf-.fr",
		"marié@caf.fr",
		"a" * 250 + "@caf.fr",
		None,
	],
)
def test_normalize_email_invalid(value: str) -> None:
	_raises("invalid_email", normalize_email, value)


# --- Phone -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("value", "expected"),
	[
		("04 70 12 34 56", "04 70 12 34 56"),
		("04.70.12.34.56", "04 70 12 34 56"),
		("04-70-12-34-56", "04 70 12 34 56"),
		("04/70/12/34/56", "04 70 12 34 56"),
		("0470123456", "04 70 12 34 56"),
		("  0470123456 ", "04 70 12 34 56"),
		("+33 4 70 12 34 56", "04 70 12 34 56"),
		("+33470123456", "04 70 12 34 56"),
		("+33 (0)4 70 12 34 56", "04 70 12 34 56"),
		("+33(0)470123456", "04 70 12 34 56"),
		("+33 04 70 12 34 56", "04 70 12 34 56"),
		("0033470123456", "04 70 12 34 56"),
		("0033 4 70 12 34 56", "04 70 12 34 56"),
		("06 12 34 56 78", "06 12 34 56 78"),
		("+33 6 12 34 56 78", "06 12 34 56 78"),
		("01 42 00 00 00", "01 42 00 00 00"),
		("09 70 00 00 00", "09 70 00 00 00"),
		("+262 262 12 34 56", "02 62 12 34 56"),  # La Réunion
		("+262 692 12 34 56", "06 92 12 34 56"),  # La Réunion, mobile
		("+262 269 61 12 34", "02 69 61 12 34"),  # Mayotte
		("+262 639 12 34 56", "06 39 12 34 56"),  # Mayotte, mobile
		("+590 590 12 34 56", "05 90 12 34 56"),  # Guadeloupe
		("+594 594 12 34 56", "05 94 12 34 56"),  # Guyane
		("+596 596 12 34 56", "05 96 12 34 56"),  # Martinique
		("00262262123456", "02 62 12 34 56"),
		("0262 12 34 56", "02 62 12 34 56"),
	],
)
def test_normalize_phone_valid(value: str, expected: str) -> None:
	assert normalize_phone(value) == expected


@pytest.mark.parametrize(
	"value",
	[
		"",
		"1234",
		"06 12 34 56",
		"06 12 34 56 78 9",
		"4 70 12 34 56",
		"00 70 12 34 56",
		"1470123456",
		"+44 20 7946 0958",
		"+32 2 123 45 67",
		"+269 773 12 34",  # Comoros, not Mayotte
		"+33 0 70 12 34 56",
		"+33 (0) 0 70 12 34 56",
		"+3347012345",
		"+334701234567",
		"(04) 70 12 34 56",
		"04 70 12 34 5a",
		"tel: 04 70 12 34 56",
		"０４７０１２３４５６",  # full-width digits
		None,
	],
)
def test_normalize_phone_invalid(value: str) -> None:
	_raises("invalid_phone", normalize_phone, value)


# --- Postcode --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	("value", "expected"),
	[
		("03200", "03200"),
		(" 03200 ", "03200"),
		("03 200", "03200"),
		("63000", "63000"),
		("20000", "20000"),
		("20200", "20200"),
		("97400", "97400"),
		("97600", "97600"),
	],
)
def test_normalize_postcode_valid(value: str, expected: str) -> None:
	assert normalize_postcode(value) == expected


@pytest.mark.parametrize(
	"value",
	["", "3200", "032000", "0320A", "00100", "96000", "97133", "97150", "97500", "98000", "99999", None],
)
def test_normalize_postcode_invalid(value: str) -> None:
	_raises("invalid_postcode", normalize_postcode, value)


@pytest.mark.parametrize(
	("postcode", "department_code"),
	[
		("03200", "03"),
		("03200", "3"),
		("63000", "63"),
		("20000", "2A"),
		("20000", "2a"),
		("20200", "2B"),
		("97400", "974"),
		("97600", "976"),
	],
)
def test_check_postcode_in_department_ok(postcode: str, department_code: str) -> None:
	assert check_postcode_in_department(postcode, department_code) is None


@pytest.mark.parametrize(
	("postcode", "department_code"),
	[
		("03200", "63"),
		("63000", "03"),
		("20000", "2B"),
		("20200", "2A"),
		("97400", "976"),
		("75001", "92"),
	],
)
def test_check_postcode_in_department_mismatch(postcode: str, department_code: str) -> None:
	error = _raises("postcode_department_mismatch", check_postcode_in_department, postcode, department_code)
	assert error.value == postcode


def test_check_postcode_in_department_invalid_inputs() -> None:
	_raises("invalid_postcode", check_postcode_in_department, "3200", "03")
	_raises("invalid_department", check_postcode_in_department, "03200", "20")
	_raises("invalid_department", check_postcode_in_department, "03200", "")


# --- Weekly hours ----------------------------------------------------------------------------------------


def test_min_weekly_hours() -> None:
	assert MIN_WEEKLY_HOURS == 2


@pytest.mark.parametrize(("hours", "expected"), [(2, 2.0), (2.0, 2.0), (2.5, 2.5), (10, 10.0), (35, 35.0)])
def test_check_weekly_hours_ok(hours: float, expected: float) -> None:
	result = check_weekly_hours(hours)
	assert result == expected
	assert isinstance(result, float)


@pytest.mark.parametrize("hours", [0, 0.0, 1, 1.5, 1.99])
def test_check_weekly_hours_too_low(hours: float) -> None:
	_raises("weekly_hours_too_low", check_weekly_hours, hours)


@pytest.mark.parametrize(
	"hours", [-1, -0.5, 35.01, 36, 100, float("nan"), float("inf"), float("-inf"), True, "10", None]
)
def test_check_weekly_hours_invalid(hours: float) -> None:
	_raises("invalid_weekly_hours", check_weekly_hours, hours)
