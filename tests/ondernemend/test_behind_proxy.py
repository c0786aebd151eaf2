"""The site behind a real reverse proxy: a small HTTP proxy in this process, in front of the live server,
appends the connecting address to X-Forwarded-For as nginx's `proxy_add_x_forwarded_for` does.

Each visitor connects from an address of its own on the loopback network (127.0.0.2, 127.0.0.3, ...), so
the proxy sees different clients, while the site only ever sees the proxy's connection."""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from initiatives.models import OutdatedReport
from tests.factories.accounts import TEST_PASSWORD, UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.http_visitor import HttpVisitor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ATTACKER = "127.0.0.2"
COACH = "127.0.0.3"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


class ForwardingHandler(BaseHTTPRequestHandler):
    """Passes each request to the site and its answer back, without following redirects."""

    upstream: tuple[str, int]

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP_BY_HOP}
        seen = self.client_address[0]
        earlier = self.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = f"{earlier}, {seen}" if earlier else seen
        site = http.client.HTTPConnection(*self.upstream, timeout=30)
        site.request(self.command, self.path, body=body, headers=headers)
        answer = site.getresponse()
        content = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP | {"content-length"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
        site.close()

    do_GET = do_POST = forward

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def proxy(live_server, settings):
    """The proxy's address; the site trusts one proxy in front of it."""
    settings.TRUSTED_PROXY_COUNT = 1
    upstream = urlsplit(live_server.url)
    handler = type("Handler", (ForwardingHandler,), {"upstream": (upstream.hostname, upstream.port)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address
    server.shutdown()
    server.server_close()


def visitor(proxy, address) -> HttpVisitor:
    """A visitor at one address, keeping its cookies, talking to the site through the proxy."""
    return HttpVisitor(proxy, source_address=address)


def test_login_address_limit_behind_a_real_proxy_spares_the_coach_and_ignores_forged_headers(proxy, settings):
    UserFactory(email="coach@example.org", coach=True)
    attacker, coach = visitor(proxy, ATTACKER), visitor(proxy, COACH)
    login = reverse("accounts:login")
    # One wrong guess at each of many accounts: the limit per address, not the one per account, stops it.
    for number in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        attacker.post_form(login, {"username": f"iemand{number}@example.org", "password": "fout"})

    # The attacker writes the coach's address in the header; the proxy appends the real one after it.
    forged, _ = attacker.post_form(
        login, {"username": "coach@example.org", "password": TEST_PASSWORD}, {"X-Forwarded-For": COACH}
    )
    status, _ = coach.post_form(login, {"username": "coach@example.org", "password": TEST_PASSWORD})

    assert (forged, status) == (429, 302)


def test_report_limit_behind_a_real_proxy_counts_each_visitor(proxy):
    initiatives = InitiativeFactory.create_batch(7)
    attacker, neighbour = visitor(proxy, ATTACKER), visitor(proxy, COACH)

    def report(visitor, initiative):
        url = reverse("initiatives:report", kwargs={"slug": initiative.slug})
        return visitor.post_form(url, {"message": "Klopt niet."})[0]

    statuses = [report(attacker, initiative) for initiative in initiatives[:6]]

    assert statuses == [302] * 5 + [429]
    assert report(neighbour, initiatives[6]) == 302
    assert OutdatedReport.objects.count() == 6
