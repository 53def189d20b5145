# Copyright (c) 2026, pdn_frappe contributors
# For license information, please see license.txt

"""The SIRET lookup against a stub company directory on 127.0.0.1: no test reaches the internet.

The stub answers the samples of pdn_frappe/tests/samples/company_directory (the shape of the
directory's search API) by SIRET, a server error for one SIRET and a late answer for another.
"""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest.mock import patch
from urllib.parse import parse_qs, urlparse

import frappe
from frappe.utils import set_request

from pdn_frappe.network import company
from pdn_frappe.tests.utils import PdnTestCase, make_user

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "samples" / "company_directory"
OPEN_SIRET = "77567227200017"  # an association's head office (association_open.json)
SECONDARY_SIRET = "77567227200025"  # another establishment of it, in Cusset
CLOSED_SIRET = "21030118000043"  # a town's closed establishment (commune_closed.json)
UNKNOWN_SIRET = "44306184100047"  # valid, but in no sample
FAILING_SIRET = "73282932000074"  # the stub answers 503
SLOW_SIRET = "55210055400013"  # the stub answers after the lookup's timeout


def _sample(name: str) -> bytes:
	return (SAMPLES / f"{name}.json").read_bytes()


ANSWERS = {
	OPEN_SIRET: "association_open",
	SECONDARY_SIRET: "association_open",
	CLOSED_SIRET: "commune_closed",
}


class StubDirectory(BaseHTTPRequestHandler):
	requests: list[str] = []

	def do_GET(self):
		query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
		StubDirectory.requests.append(query)
		if query == FAILING_SIRET:
			self.send_response(503)
			self.end_headers()
			return
		if query == SLOW_SIRET:
			time.sleep(1.5)
		body = _sample(ANSWERS.get(query, "not_found"))
		try:
			self.send_response(200)
			self.send_header("Content-Type", "application/json")
			self.send_header("Content-Length", str(len(body)))
			self.end_headers()
			self.wfile.write(body)
		except (BrokenPipeError, ConnectionResetError):
			pass  # the lookup gave up waiting: as it should

	def log_message(self, *args):
		pass


class TestCompanyLookup(PdnTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.server = ThreadingHTTPServer(("127.0.0.1", 0), StubDirectory)
		cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
		cls.thread.start()
		cls.url = f"http://127.0.0.1:{cls.server.server_address[1]}/search"

	@classmethod
	def tearDownClass(cls):
		cls.server.shutdown()
		cls.server.server_close()
		super().tearDownClass()

	def setUp(self):
		self.use_directory(self.url)
		StubDirectory.requests = []
		# a short timeout, so that the late answer comes too late
		self.timeout = patch.object(company, "TIMEOUT", (1, 0.5))
		self.timeout.start()

	def tearDown(self):
		self.timeout.stop()
		for siret in (OPEN_SIRET, SECONDARY_SIRET, CLOSED_SIRET, UNKNOWN_SIRET, FAILING_SIRET, SLOW_SIRET):
			frappe.cache.delete_value(f"pdn_company_directory|{self.url}|{siret}")
		if hasattr(frappe.local, "request"):
			del frappe.local.request

	def use_directory(self, url: str) -> None:
		frappe.db.set_single_value("PdN Settings", "company_directory_url", url)

	def test_an_open_establishment_fills_the_structure(self):
		frappe.set_user("Guest")
		answer = company.lookup("775 672 272 00017")
		self.assertEqual(answer["status"], company.FOUND)
		self.assertTrue(answer["open"])
		self.assertEqual(
			answer["values"],
			{
				"structure_name": "CENTRE SOCIAL LES TILLEULS",
				"address_line1": "12 RUE DES ECOLES",
				"postcode": "03200",
				"city": "VICHY",
				"legal_status": "Association",
			},
		)
		self.assertEqual(StubDirectory.requests, [OPEN_SIRET], "asked once, by the SIRET's digits")
		answer = company.lookup(SECONDARY_SIRET)
		self.assertEqual(answer["values"]["city"], "CUSSET")

	def test_a_closed_establishment_is_flagged(self):
		answer = company.lookup(CLOSED_SIRET)
		self.assertEqual(answer["status"], company.FOUND)
		self.assertFalse(answer["open"])
		self.assertEqual(answer["values"]["legal_status"], "Local authority")

	def test_a_siret_the_directory_does_not_know(self):
		self.assertEqual(company.lookup(UNKNOWN_SIRET), {"status": company.NOT_FOUND})

	def test_an_invalid_siret_is_not_looked_up(self):
		for value in ("12345678901234", "abc", "", None):
			self.assertEqual(company.lookup(value), {"status": company.INVALID})
		self.assertEqual(StubDirectory.requests, [])

	def test_a_failing_directory_leaves_the_form_as_it_was(self):
		self.assertEqual(company.lookup(FAILING_SIRET), {"status": company.UNAVAILABLE})
		self.assertEqual(company.lookup(SLOW_SIRET), {"status": company.UNAVAILABLE}, "too late")
		with socket.socket() as probe:  # a port nobody listens on: the directory is down
			probe.bind(("127.0.0.1", 0))
			down = f"http://127.0.0.1:{probe.getsockname()[1]}/search"
		self.use_directory(down)
		self.assertEqual(company.lookup(OPEN_SIRET), {"status": company.UNAVAILABLE})
		self.assertIsNone(frappe.cache.get_value(f"pdn_company_directory|{down}|{OPEN_SIRET}", expires=True))

	def test_a_failure_is_not_kept_but_an_answer_is(self):
		self.assertEqual(company.lookup(FAILING_SIRET)["status"], company.UNAVAILABLE)
		self.assertEqual(company.lookup(FAILING_SIRET)["status"], company.UNAVAILABLE)
		self.assertEqual(StubDirectory.requests, [FAILING_SIRET, FAILING_SIRET], "asked again")
		company.lookup(OPEN_SIRET)
		company.lookup(OPEN_SIRET)
		self.assertEqual(StubDirectory.requests.count(OPEN_SIRET), 1, "the answer is kept")

	def test_guests_are_held_to_a_strict_rate(self):
		frappe.set_user("Guest")
		self.assertEqual(company.lookups_allowed(), company.GUEST_LOOKUPS)
		frappe.set_user(make_user())
		self.assertGreater(company.lookups_allowed(), company.GUEST_LOOKUPS)
		frappe.set_user("Guest")
		set_request(method="GET", path="/api/method/pdn_frappe.network.company.lookup")
		frappe.local.request_ip = "192.0.2.77"  # an address kept for documentation
		frappe.local.form_dict = frappe._dict(cmd="pdn_frappe.network.company.lookup", siret=OPEN_SIRET)
		key = frappe.cache.make_key(f"rl:{frappe.form_dict.cmd}:{frappe.local.request_ip}")
		frappe.cache.delete(key)
		try:
			for _ in range(company.GUEST_LOOKUPS):
				company.lookup(OPEN_SIRET)
			with self.assertRaises(frappe.RateLimitExceededError):
				company.lookup(OPEN_SIRET)
		finally:
			frappe.cache.delete(key)
			frappe.local.form_dict = frappe._dict()

	def test_the_settings_refuse_an_address_that_is_not_a_web_address(self):
		settings = frappe.get_single("PdN Settings")
		settings.company_directory_url = "javascript:alert(1)"
		with self.assertRaises(frappe.ValidationError):
			settings.save()
