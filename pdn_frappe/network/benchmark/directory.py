"""Throughput of the public directory for guests: Frappe's page cache next to the page computed.

Run it against a production-like server (gunicorn, as ``bench setup production`` starts it), from
the sites folder, on a site that holds the national benchmark network:

    bench --site SITE execute pdn_frappe.evaluation.benchmark.national_data.generate
    bench --site SITE execute pdn_frappe.network.benchmark.directory.prepare
    cd sites && ../env/bin/gunicorn -b 127.0.0.1:8013 -w 2 -t 120 frappe.app:application --preload &
    bench --site SITE execute pdn_frappe.network.benchmark.directory.run \\
        --kwargs "{'url': 'http://127.0.0.1:8013'}"
    bench --site SITE execute pdn_frappe.network.benchmark.directory.unprepare

:func:`prepare` makes the national promeneurs listed (their consent, a network profile each and a
convention in force for each national structure, all named with the ``NAT-`` prefix);
:func:`unprepare` removes exactly that. :func:`run` sends, in one run and as a guest, the same
number of requests to three pages with a few clients at a time: ``/promeneurs`` from the page cache,
the very same page computed (an unused query-string argument makes the directory render it afresh,
as it does for every search) and Frappe's own ``/login`` as a reference. It prints the pages per
second of each, side by side, and the ratio of the cached page to the computed one (target: 10).
"""

from __future__ import annotations

import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import frappe
from frappe.utils import add_years, getdate, nowdate

from pdn_frappe.demo.national import PROMENEUR_PREFIX, STRUCTURE_PREFIX
from pdn_frappe.domain.conventions import ACTIVE as CONVENTION_ACTIVE
from pdn_frappe.domain.directory import DirectoryFilters
from pdn_frappe.network import directory, directory_pages

TARGET_RATIO = 10
CONVENTION_PREFIX = "NAT-CONV-"
PROFILE_PREFIX = "NAT-NP-"


# ------------------------------------------------------------------ the listed national network


def prepare() -> dict:
	"""List the national promeneurs: consent, one network profile each, a convention per structure."""
	unprepare(verbose=False)
	today = getdate(nowdate())
	now = frappe.utils.now()
	structures = frappe.get_all(
		"PdN Structure", filters={"name": ("like", f"{STRUCTURE_PREFIX}%")}, fields=["name", "department"]
	)
	conventions = [
		(
			f"{CONVENTION_PREFIX}{index:05d}",
			row.name,
			row.department,
			CONVENTION_ACTIVE,
			add_years(today, -1),
			add_years(today, 2),
			now,
			now,
			"Administrator",
			"Administrator",
		)
		for index, row in enumerate(structures, start=1)
	]
	frappe.db.bulk_insert(
		"PdN Convention",
		[
			"name",
			"structure",
			"department",
			"status",
			"start_date",
			"end_date",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		conventions,
	)
	promeneurs = frappe.get_all(
		"PdN Promeneur", filters={"name": ("like", f"{PROMENEUR_PREFIX}%")}, fields=["name", "first_name"]
	)
	frappe.db.bulk_insert(
		"PdN Network Profile",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"social_network",
			"profile_name",
			"profile_url",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		[
			(
				f"{PROFILE_PREFIX}{index:05d}",
				row.name,
				"PdN Promeneur",
				"network_profiles",
				1,
				"Instagram",
				f"{row.first_name} PdN {index}",
				f"https://www.instagram.com/pdn.{index:05d}",
				now,
				now,
				"Administrator",
				"Administrator",
			)
			for index, row in enumerate(promeneurs, start=1)
		],
	)
	_set_consent(1)
	listed = listed_count()
	print(f"{len(conventions)} conventions in force, {len(promeneurs)} profiles; {listed} promeneurs listed")
	return {"conventions": len(conventions), "listed": listed}


def unprepare(verbose: bool = True) -> None:
	"""Remove what :func:`prepare` made (the national data itself stays)."""
	for doctype, column, prefix in (
		("PdN Convention", "name", CONVENTION_PREFIX),
		("PdN Network Profile", "name", PROFILE_PREFIX),
	):
		table = frappe.qb.DocType(doctype)
		frappe.qb.from_(table).delete().where(table[column].like(f"{prefix}%")).run()
	_set_consent(0)
	if verbose:
		print(f"Removed the benchmark's conventions and profiles; {listed_count()} promeneurs listed")


def _set_consent(consent: int) -> None:
	"""Give (1) or withdraw (0) the directory consent of the benchmark's promeneurs, and commit."""
	table = frappe.qb.DocType("PdN Promeneur")
	frappe.qb.update(table).set(table.directory_consent, consent).where(
		table.name.like(f"{PROMENEUR_PREFIX}%")
	).run()
	frappe.db.commit()
	directory_pages.clear_cache()


def listed_count() -> int:
	return directory.search(DirectoryFilters(), 1)[1]


# ------------------------------------------------------------------ the measure


def _fetch(url: str, host: str) -> tuple[float, int, bool]:
	request = urllib.request.Request(url, headers={"Host": host, "Accept-Language": "fr"})
	started = time.perf_counter()
	try:
		with urllib.request.urlopen(request, timeout=120) as response:
			response.read()
			status, cached = response.status, response.headers.get("X-From-Cache") == "True"
	except urllib.error.HTTPError as error:
		status, cached = error.code, False
	except OSError:
		status, cached = 0, False
	return time.perf_counter() - started, status, cached


def _measure(urls: list[str], host: str, clients: int) -> dict:
	started = time.perf_counter()
	with ThreadPoolExecutor(max_workers=clients) as pool:
		results = list(pool.map(lambda url: _fetch(url, host), urls))
	elapsed = time.perf_counter() - started
	return {
		"requests": len(urls),
		"seconds": elapsed,
		"per_second": len(urls) / elapsed,
		"median_ms": statistics.median(duration for duration, _status, _cached in results) * 1000,
		"errors": sum(1 for _duration, status, _cached in results if status != 200),
		"from_cache": sum(1 for _duration, _status, cached in results if cached),
	}


def run(url: str = "http://127.0.0.1:8013", requests: int = 200, clients: int = 4, host: str | None = None):
	"""Pages per second of the cached directory, the computed one and /login, in one run."""
	host = host or frappe.local.site
	base = url.rstrip("/")
	directory_pages.clear_cache()
	_fetch(f"{base}/promeneurs", host)  # the first guest request fills the cache
	cases = (
		("/promeneurs, from the page cache", [f"{base}/promeneurs"] * requests),
		("/promeneurs, computed (cache bypassed)", [f"{base}/promeneurs?bench={i}" for i in range(requests)]),
		("/login (Frappe's own page)", [f"{base}/login"] * requests),
	)
	listed = listed_count()
	print(f"{listed} listed promeneurs; {requests} requests per page, {clients} clients at a time, {base}")
	print(f"{'page':42} {'pages/s':>9} {'median ms':>10} {'errors':>7} {'from cache':>11}")
	figures = {}
	for label, urls in cases:
		figures[label] = result = _measure(urls, host, clients)
		print(
			f"{label:42} {result['per_second']:9.1f} {result['median_ms']:10.0f} "
			f"{result['errors']:7d} {result['from_cache']:11d}"
		)
	cached, fresh = (figures[label]["per_second"] for label, _urls in cases[:2])
	ratio = cached / fresh if fresh else float("inf")
	verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
	print(f"cached / computed: {ratio:.1f} times (target {TARGET_RATIO} times: {verdict})")
	return {"listed": listed, "ratio": ratio, "figures": figures}
