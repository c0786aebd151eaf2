"""Log-in limits (ondernemend/accounts/lockout.py): a growing wait per account whatever the address, and a
separate, higher limit per client address; the address as ondernemend/network.py decides it.

The clock is moved by moving the recorded failures back in time, so no test sleeps. Each log-in posts to the
password form and checks the answer of that step itself (a second factor may follow for staff)."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.db.models import F, Sum

from tests.factories.accounts import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ATTACKERS = [f"198.51.100.{number}" for number in range(1, 11)]
ATTACKER = ATTACKERS[0]
COACH = "203.0.113.20"
EMAIL = "coach@example.org"


@pytest.fixture
def coach(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    return UserFactory(email=EMAIL, coach=True)


def log_in(client, password, *, address, email=EMAIL, remote_addr=PROXY, forwarded_for=None):
    """One log-in through the proxy: it appends the address it saw to X-Forwarded-For."""
    forwarded = f"{forwarded_for}, {address}" if forwarded_for else address
    return client.post(
        "/inloggen/",
        {"username": email, "password": password},
        REMOTE_ADDR=remote_addr,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def move_clock(minutes: float) -> None:
    """As if `minutes` passed: every recorded failure happened that much earlier."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def counted_failures(username=EMAIL) -> int:
    return AccessAttempt.objects.filter(username=username).aggregate(total=Sum("failures_since_start"))[
        "total"
    ]


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_login_twenty_wrong_passwords_from_ten_addresses_do_not_get_through(client, coach):
    statuses = [log_in(client, "fout", address=ATTACKERS[attempt % 10]).status_code for attempt in range(20)]

    right_password = log_in(client, TEST_PASSWORD, address=ATTACKERS[3])
    real_coach = log_in(client, TEST_PASSWORD, address=COACH)

    assert statuses == [200] * 4 + [429] * 16
    assert (right_password.status_code, real_coach.status_code) == (429, 429)
    assert logged_in_user_id(client) is None
    # Attempts refused during the wait are not counted, so the wait does not grow while it runs.
    assert counted_failures() == 5


def test_login_after_twenty_counted_guesses_the_real_coach_waits_at_most_the_longest_wait(client, coach):
    # The attacker waits out every wait and guesses again, 20 times from 10 addresses: all are counted.
    for attempt in range(20):
        log_in(client, "fout", address=ATTACKERS[attempt % 10])
        move_clock(15)
    move_clock(-15)  # the wait after the last guess starts now

    move_clock(14)
    still_waiting = log_in(client, TEST_PASSWORD, address=COACH)
    move_clock(1)
    after_the_longest_wait = log_in(client, TEST_PASSWORD, address=COACH)

    assert counted_failures() is None  # a successful log-in forgets the account's failures
    assert (still_waiting.status_code, after_the_longest_wait.status_code) == (429, 302)
    assert logged_in_user_id(client) == str(coach.pk)


def test_login_wait_grows_with_each_counted_failure(client, coach):
    for _attempt in range(5):
        log_in(client, "fout", address=ATTACKER)
    move_clock(1)
    log_in(client, "fout", address=ATTACKER)  # the sixth: two minutes

    move_clock(1.5)
    waiting = log_in(client, TEST_PASSWORD, address=COACH)
    move_clock(0.5)
    through = log_in(client, TEST_PASSWORD, address=COACH)

    assert (waiting.status_code, through.status_code) == (429, 302)
    assert re.search(r"Probeer het over 1 minuut opnieuw", waiting.content.decode())


def test_login_wait_page_says_how_long_and_that_a_new_password_works_at_once(client, coach):
    for _attempt in range(4):
        log_in(client, "fout", address=ATTACKER)

    response = log_in(client, "fout", address=ATTACKER)
    content = response.content.decode()

    assert response.status_code == 429
    assert "Inloggen is even niet mogelijk" in content
    assert "Iemand probeerde 5 keer in te loggen met dit e-mailadres en een verkeerd wachtwoord." in content
    assert "ook niet met het goede wachtwoord" in content
    assert "Probeer het over 1 minuut opnieuw." in content
    assert "Vraag dan per e-mail een nieuw wachtwoord aan. Dat werkt meteen" in content
    assert 'href="/wachtwoord-vergeten/"' in content


def test_login_wait_page_in_english(client, coach):
    for _attempt in range(5):
        response = client.post(
            "/en/inloggen/",
            {"username": EMAIL, "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=COACH,
        )

    content = response.content.decode()
    assert response.status_code == 429
    assert "Logging in is paused for a while" in content
    assert "Try again in 1 minute." in content


def test_login_new_password_by_email_lifts_the_wait(client, coach):
    for _attempt in range(12):
        log_in(client, "fout", address=ATTACKER)
    client.post("/wachtwoord-vergeten/", {"email": EMAIL}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=COACH)
    link = re.search(r"https?://[^/]+(/wachtwoord-herstellen/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "een-ander-lang-wachtwoord"
    client.post(form_url, {"new_password1": new_password, "new_password2": new_password})

    response = log_in(client, new_password, address=COACH)

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(coach.pk)


def test_login_success_of_another_account_does_not_forget_guesses_at_this_one(client, coach):
    UserFactory(email="aanvaller@example.org")
    for _attempt in range(4):
        log_in(client, "fout", address=ATTACKER)

    own = log_in(client, TEST_PASSWORD, address=ATTACKER, email="aanvaller@example.org")
    client.logout()
    fifth = log_in(client, "fout", address=ATTACKER)

    assert (own.status_code, fifth.status_code) == (302, 429)
    assert counted_failures() == 5


def test_login_from_one_address_across_accounts_waits_after_the_address_limit(client, coach, settings):
    for number in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        log_in(client, "fout", address=ATTACKER, email=f"iemand{number}@example.org")

    from_attacker = log_in(client, TEST_PASSWORD, address=ATTACKER)
    from_coach = log_in(client, TEST_PASSWORD, address=COACH)

    assert from_attacker.status_code == 429
    assert "ging inloggen vaak mis, ook bij andere accounts" in from_attacker.content.decode()
    assert from_coach.status_code == 302
    assert logged_in_user_id(client) == str(coach.pk)


def test_login_address_limit_ignores_what_the_attacker_writes_in_forwarded_for(client, coach, settings):
    for number in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        log_in(
            client,
            "fout",
            address=ATTACKER,
            forwarded_for=f"192.0.2.{number}",
            email=f"x{number}@example.org",
        )

    forged = log_in(client, TEST_PASSWORD, address=ATTACKER, forwarded_for=COACH)

    assert forged.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_login_without_a_proxy_ignores_forwarded_for_so_it_cannot_be_forged(client, coach, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        log_in(
            client, "fout", address=f"192.0.2.{number}", remote_addr=ATTACKER, email=f"x{number}@example.org"
        )

    attacker = log_in(client, TEST_PASSWORD, address=COACH, remote_addr=ATTACKER)
    real_coach = log_in(client, TEST_PASSWORD, address=COACH, remote_addr=COACH)

    assert (attacker.status_code, real_coach.status_code) == (429, 302)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
