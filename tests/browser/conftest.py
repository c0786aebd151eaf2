"""Playwright on Debian's Chromium against pytest-django's live server; nothing leaves the machine."""

import os
from pathlib import Path

import pytest

from tests.browser import axe
from tests.browser.helpers import BrowserWatcher, keep_on_machine, serve_blank_map_tiles

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).is_file() or not os.access(chromium, os.X_OK):
        # A failure, not a skip: skipped browser tests would hide that nothing was checked.
        pytest.fail(
            f"Chromium is not found at {chromium}. Install Debian's package "
            "(apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary; "
            "`make test` does this for you. Do not run `playwright install`.",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_contents(playwright, django_db_setup):
    """Give the connections the data that `serialized_rollback` restores after each test's flush.

    Playwright's sync API marks an event loop as running in this thread, and from then on Django (through
    asgiref's Local) keeps its connections in a context-local store: when the test database was made before
    Playwright started (other tests ran first), the connection that tests now get is a new object without the
    migrations' data (role groups, districts) that pytest-django serialized, and every browser test after the
    first would find those tables empty.
    """
    from django.db import connections

    for alias, contents in django_db_setup.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative URLs in page.goto() go to the live server (this replaces pytest-playwright's fallback)."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": {"width": 1280, "height": 800},
    }


@pytest.fixture
def blocked_requests():
    """URLs the browser tried to reach outside the live server (they were aborted)."""
    return []


@pytest.fixture
def open_context(new_context, live_server, blocked_requests):
    """Opens a fresh browser context (a visitor of its own) that only talks to the live server."""

    def open_context():
        context = new_context()
        context.set_default_timeout(10_000)
        keep_on_machine(context, live_server.url, blocked_requests)
        serve_blank_map_tiles(context)
        return context

    return open_context


@pytest.fixture
def context(open_context):
    """A fresh browser context per test; the browser itself is started once per session."""
    return open_context()


@pytest.fixture
def browser_log(page):
    """Console errors, uncaught exceptions and CSP violations of `page`, recorded from the first load."""
    return BrowserWatcher(page)


def pytest_terminal_summary(terminalreporter):
    """Say in the run's output how many browser tests ran and how many pages axe-core checked."""
    reports = [
        report
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call" and report.nodeid.startswith("tests/browser/")
    ]
    if reports:
        terminalreporter.write_line(
            f"browser tests in headless Chromium: {len(reports)} ran; "
            f"axe-core (WCAG 2.0/2.1 A+AA) checked {len(axe.checked_pages)} page views "
            f"({len(set(axe.checked_pages))} distinct URLs)"
        )
