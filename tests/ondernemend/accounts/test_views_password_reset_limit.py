"""Password-reset requests are limited per client and per e-mail address."""

import pytest
from django.core import mail

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel pogingen vanaf jouw verbinding. Wacht 15 minuten en probeer het dan opnieuw."


def request_reset(client, email, *, remote_addr="203.0.113.9", **extra):
    return client.post("/wachtwoord-vergeten/", {"email": email}, REMOTE_ADDR=remote_addr, **extra)


def test_password_reset_after_five_requests_from_one_client_asks_to_wait(client):
    statuses = [request_reset(client, f"persoon{number}@example.org").status_code for number in range(5)]

    refused = request_reset(client, "ilse@example.org")

    assert statuses == [302] * 5
    assert refused.status_code == 429
    content = refused.content.decode()
    assert TOO_MANY in content
    assert 'value="ilse@example.org"' in content  # what was typed stays in the form


def test_password_reset_limit_spares_other_clients(client):
    UserFactory(email="ilse@example.org")
    for number in range(6):
        request_reset(client, f"persoon{number}@example.org", remote_addr="198.51.100.7")

    response = request_reset(client, "ilse@example.org", remote_addr="203.0.113.9")

    assert (response.status_code, len(mail.outbox)) == (302, 1)


def test_password_reset_limit_behind_a_proxy_counts_each_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(6):
        request_reset(
            client, f"a{number}@example.org", remote_addr="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7"
        )

    attacker = request_reset(
        client, "b@example.org", remote_addr="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    other = request_reset(client, "c@example.org", remote_addr="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert (attacker.status_code, other.status_code) == (429, 302)


def test_password_reset_mails_one_address_at_most_three_times_an_hour_from_any_number_of_clients(client):
    UserFactory(email="ilse@example.org")

    responses = [
        request_reset(client, "Ilse@example.org", remote_addr=f"198.51.100.{number}") for number in range(5)
    ]

    # The page answers the same every time (it tells no one about the address); the mails stop at three.
    assert [response.url for response in responses] == ["/wachtwoord-vergeten/verstuurd/"] * 5
    assert len(mail.outbox) == 3


def test_password_reset_limit_message_in_english(client):
    for number in range(5):
        client.post("/en/wachtwoord-vergeten/", {"email": f"p{number}@example.org"})

    response = client.post("/en/wachtwoord-vergeten/", {"email": "ilse@example.org"})

    assert (
        "Too many attempts from your connection. Wait 15 minutes and try again." in response.content.decode()
    )
