"""Benchmark of the map with many places (issue 3): how fast the GeoJSON endpoint, the map page and the
browser are with 10,000 initiatives. A script, not a test: it prints figures, it does not judge them.

    .venv/bin/python scripts/benchmark_map.py [--initiatives 10000] [--requests 30] [--browser-runs 5]
                                              [--database-url postgres://…/ondernemend_benchmark] [--fresh]
                                              [--no-browser]

It needs PostgreSQL (as `make test` does) and, for the browser figure, Chromium (CHROMIUM_PATH, default
/usr/bin/chromium) with the Playwright package from the test dependencies.

1. Creates the database `ondernemend_benchmark` (a separate one: your own data is never touched; `--fresh`
   drops it first), migrates it and runs `seed_demo --initiatives N` (idempotent: a second benchmark run
   reuses the data).
2. Requests the GeoJSON endpoint (`initiatives:geojson`) and the map page (`initiatives:index`) repeatedly
   with Django's test client in this process: server time median and p95 (the first, cold request apart), the
   number of database queries, the response size plain and gzipped, and the time of a conditional request
   that is answered with 304 Not Modified.
3. Serves the platform on a local port and opens the map page in headless Chromium (the flags of the browser
   tests, every request that leaves the machine aborted, so no map tiles): the time from navigation until
   map.js has drawn all markers (it then sets `data-marker-count` on `#kaart`), median over the runs.

The figures are printed as a table and written as JSON to var/benchmark-map.json.
"""

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ondernemend_benchmark"
RESULT_FILE = ROOT / "var" / "benchmark-map.json"


def main() -> None:
    args = parse_arguments()
    prepare_database(args.database_url, fresh=args.fresh)
    set_up_django(args.database_url)

    from django.core.management import call_command
    from django.urls import reverse

    from initiatives.models import ContactPoint, Initiative

    print(f"Preparing {args.database_url} with {args.initiatives:,} initiatives …", flush=True)
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("seed_demo", initiatives=args.initiatives, stdout=sys.stdout)
    seed_seconds = time.perf_counter() - start

    results = {
        "seed_demo_seconds": round(seed_seconds, 1),
        "initiatives": Initiative.objects.published().count(),
        "contact_points": ContactPoint.objects.published().count(),
        "geojson": measure_requests(reverse("initiatives:geojson"), args.requests),
        "map_page": measure_requests(reverse("initiatives:index"), args.requests),
    }
    if not args.no_browser:
        results["browser"] = measure_browser(reverse("initiatives:index"), args.browser_runs)
    print_table(results)
    RESULT_FILE.parent.mkdir(exist_ok=True)
    RESULT_FILE.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWritten to {RESULT_FILE.relative_to(ROOT)}")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--initiatives", type=int, default=10_000, help="demo initiatives (default 10000)")
    parser.add_argument("--requests", type=int, default=30, help="requests per endpoint (default 30)")
    parser.add_argument("--browser-runs", type=int, default=5, help="page loads in Chromium (default 5)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCHMARK_DATABASE_URL", DEFAULT_DATABASE_URL),
        help=f"a PostgreSQL database of its own (default {DEFAULT_DATABASE_URL})",
    )
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the benchmark database")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    return parser.parse_args()


def prepare_database(database_url: str, *, fresh: bool) -> None:
    """Create the benchmark database when it does not exist (drop it first with `fresh`)."""
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql", "pgsql") or not name:
        sys.exit(f"The benchmark needs a PostgreSQL database URL, not {database_url}")
    server = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    server.autocommit = True
    with server.cursor() as cursor:
        if fresh:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    server.close()


def set_up_django(database_url: str) -> None:
    """Production-like settings (DEBUG off), without HTTPS redirects and without collectstatic."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ondernemend.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production-0123456789-abcdef")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
    os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
    os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
    os.environ.setdefault("EMAIL_URL", "consolemail://")
    # Playwright's sync API runs an event loop in this thread; the ORM is only used outside page loads.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    # WhiteNoise warns that collectstatic did not run; the test server serves static files itself.
    warnings.filterwarnings("ignore", message="No directory at")

    import django

    django.setup()


def measure_requests(url: str, count: int) -> dict:
    """Server time of `count` GET requests in this process, the query count, sizes and a 304 revalidation."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    cold, response, _ = timed_get(client, url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}: is the view built?")
    timings = [timed_get(client, url)[0] for _ in range(count)]
    with CaptureQueriesContext(connection) as queries:
        _, response, body = timed_get(client, url)
    result = {
        "url": url,
        "requests": count,
        "cold_ms": round(cold, 1),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 95), 1),
        "queries": len(queries),
        "bytes": len(body),
        "gzip_bytes": len(gzip.compress(body, compresslevel=6)),
    }
    if etag := response.headers.get("ETag"):
        revalidations = [timed_get(client, url, HTTP_IF_NONE_MATCH=etag) for _ in range(count)]
        result["not_modified_status"] = revalidations[-1][1].status_code
        result["not_modified_median_ms"] = round(statistics.median(t for t, _, _ in revalidations), 1)
    return result


def timed_get(client, url: str, **headers):
    """(milliseconds, response, body); a streamed body is produced while it is read, so it is timed too."""
    start = time.perf_counter()
    response = client.get(url, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return (time.perf_counter() - start) * 1000, response, body


def percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * percent / 100
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def measure_browser(path: str, runs: int) -> dict:
    """Navigation until all markers are drawn in headless Chromium, against a server in this process."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    server, origin = start_server()
    timings, browser_timings, counts = [], [], set()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for _ in range(runs + 1):  # the first load warms the server and the browser up; not counted
                context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 800})
                context.route(
                    re.compile(f"^(?!{re.escape(origin)}/)"), lambda route: route.abort("blockedbyclient")
                )
                page = context.new_page()
                start = time.perf_counter()
                page.goto(origin + path, wait_until="commit")
                kaart = page.locator("#kaart[data-marker-count]")
                kaart.wait_for(state="attached", timeout=120_000)
                timings.append((time.perf_counter() - start) * 1000)
                browser_timings.append(page.evaluate("() => performance.now()"))
                counts.add(int(kaart.get_attribute("data-marker-count")))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "url": origin + path,
        "runs": runs,
        "markers": sorted(counts),
        "median_ms": round(statistics.median(timings[1:]), 1),
        "max_ms": round(max(timings[1:]), 1),
        "in_browser_median_ms": round(statistics.median(browser_timings[1:]), 1),
    }


def start_server():
    """The platform (with static files) on a free local port, served from a thread of this process."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def sizes(result: dict) -> str:
    return f"{result['bytes'] / 1024:,.0f} KiB plain, {result['gzip_bytes'] / 1024:,.0f} KiB gzip"


def print_table(results: dict) -> None:
    geojson, page = results["geojson"], results["map_page"]
    rows = [
        ("Places", f"{results['initiatives']:,} initiatives + {results['contact_points']} contact points"),
        ("seed_demo run", f"{results['seed_demo_seconds']} s"),
        (
            "GeoJSON server time",
            f"median {geojson['median_ms']} ms, p95 {geojson['p95_ms']} ms "
            f"({geojson['requests']} requests; cold {geojson['cold_ms']} ms)",
        ),
        ("GeoJSON queries", str(geojson["queries"])),
        ("GeoJSON size", sizes(geojson)),
    ]
    if "not_modified_status" in geojson:
        rows.append(
            (
                "GeoJSON revalidation",
                f"{geojson['not_modified_status']} in median {geojson['not_modified_median_ms']} ms",
            )
        )
    rows += [
        ("Map page server time", f"median {page['median_ms']} ms, p95 {page['p95_ms']} ms"),
        ("Map page queries", str(page["queries"])),
        (
            "Map page size",
            f"{page['bytes'] / 1024:,.0f} KiB plain, {page['gzip_bytes'] / 1024:,.0f} KiB gzip",
        ),
    ]
    if browser := results.get("browser"):
        rows.append(
            (
                "Chromium: all markers drawn",
                f"median {browser['median_ms']:,.0f} ms, max {browser['max_ms']:,.0f} ms "
                f"({browser['runs']} loads; markers {', '.join(f'{n:,}' for n in browser['markers'])})",
            )
        )
    width = max(len(label) for label, _ in rows)
    print()
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
