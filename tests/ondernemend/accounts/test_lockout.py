"""django-axes counts log-in failures per account and client address, with the address from
ondernemend/network.py: directly on the internet and behind the recommended TLS proxy."""

import pytest
from axes.models import AccessAttempt

from tests.factories.accounts import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ATTACKER = "198.51.100.7"
COACH = "203.0.113.20"


def log_in(client, password, *, remote_addr, forwarded_for=None, email="coach@example.org"):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/inloggen/", {"username": email, "password": password}, **extra)


def test_lockout_behind_a_proxy_spares_the_coach_at_another_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(email="coach@example.org", coach=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "fout", remote_addr=PROXY, forwarded_for=ATTACKER)

    attacker = log_in(client, TEST_PASSWORD, remote_addr=PROXY, forwarded_for=ATTACKER)
    coach = log_in(client, TEST_PASSWORD, remote_addr=PROXY, forwarded_for=COACH)

    assert (attacker.status_code, coach.status_code, coach.url) == (429, 302, "/mijn-omgeving/")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]


def test_lockout_behind_a_proxy_ignores_what_the_attacker_writes_in_forwarded_for(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(email="coach@example.org", coach=True)
    # Every attempt pretends to come from another address; the proxy appends the real one.
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "fout", remote_addr=PROXY, forwarded_for=f"192.0.2.{attempt}, {ATTACKER}")

    response = log_in(client, TEST_PASSWORD, remote_addr=PROXY, forwarded_for=f"{COACH}, {ATTACKER}")

    assert response.status_code == 429


def test_lockout_without_a_proxy_ignores_forwarded_for_so_it_cannot_be_forged(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(email="coach@example.org", coach=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "fout", remote_addr=ATTACKER, forwarded_for=f"192.0.2.{attempt}")

    attacker = log_in(client, TEST_PASSWORD, remote_addr=ATTACKER, forwarded_for=COACH)
    coach = log_in(client, TEST_PASSWORD, remote_addr=COACH)

    assert (attacker.status_code, coach.status_code) == (429, 302)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]
