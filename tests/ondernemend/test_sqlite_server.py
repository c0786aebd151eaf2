"""`make run` on its embedded SQLite database: eight people who sign up at the same moment all get in.

A real development server (the one `make run` starts, threaded) on an SQLite file in a temporary folder,
set up as `make run` does it (migrate, createcachetable, seed_demo). Before SQLite was configured for
concurrent use (settings.py: WAL, IMMEDIATE transactions, a busy timeout) such a burst answered
500 "database is locked" and lost sign-ups.
"""

import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from tests.http_visitor import HttpVisitor

from .test_settings import BASE_DIR, MANAGE_WITHOUT_DOTENV

PEOPLE = 8
DEMO_SERIES = ["demo-reeks-noord", "demo-reeks-oost", "demo-reeks-nieuw-west", "demo-reeks-zuidoost"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*args, environment, timeout=300):
    return subprocess.run(
        [sys.executable, "-c", MANAGE_WITHOUT_DOTENV, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    """The development server on a fresh SQLite database with the demo data: (port, database path)."""
    folder = tmp_path_factory.mktemp("sqlite-run")
    database = folder / "db.sqlite3"
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "ondernemend.settings",
        "DEBUG": "true",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{database}",
        # Each person comes through a proxy with an address of their own, so the sign-up limit per
        # client (5 an hour) does not stop the eight; the cache is the default database cache.
        "TRUSTED_PROXY_COUNT": "1",
    }
    for step in (["migrate", "--verbosity", "0"], ["createcachetable"], ["seed_demo"]):
        result = manage(*step, environment=environment)
        assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            MANAGE_WITHOUT_DOTENV,
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, stopped by id below
    )
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.25)
        yield port, database
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def visitor_from(port, number) -> HttpVisitor:
    """One visitor with their own cookies, behind the proxy at their own address."""
    return HttpVisitor(
        ("127.0.0.1", port), headers={"X-Forwarded-For": f"198.51.100.{number + 1}"}, timeout=60
    )


def open_series(port) -> str:
    for slug in DEMO_SERIES:
        status, _ = visitor_from(port, 100).request("GET", f"/workshops/{slug}/aanmelden/")
        if status == 200:
            return slug
    raise AssertionError("no demo series is open for sign-up")


def registrations(database, slug) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT COUNT(*) FROM workshops_registration JOIN workshops_series "
            "ON workshops_series.id = workshops_registration.series_id WHERE workshops_series.slug = ?",
            [slug],
        ).fetchone()[0]


def test_eight_simultaneous_sign_ups_on_sqlite_are_all_stored_without_a_server_error(dev_server):
    port, database = dev_server
    slug = open_series(port)
    before = registrations(database, slug)
    path = f"/workshops/{slug}/aanmelden/"
    people = [visitor_from(port, number) for number in range(PEOPLE)]
    forms = []
    for person in people:
        status, content = person.request("GET", path)
        assert status == 200
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', content))
        forms.append(hidden)
    start = threading.Barrier(PEOPLE)
    statuses = [None] * PEOPLE

    def sign_up(number):
        data = {
            **forms[number],
            "display_name": f"Deelnemer {number}",
            "phone": f"06 1234 56{number:02d}",
            "email": "",
            "district": "",
            "preferred_language": "nl",
            "website": "",
        }
        start.wait()
        statuses[number] = people[number].request("POST", path, data)[0]

    threads = [threading.Thread(target=sign_up, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * PEOPLE
    assert registrations(database, slug) == before + PEOPLE
