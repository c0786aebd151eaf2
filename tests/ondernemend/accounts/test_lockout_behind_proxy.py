"""The check of issue 11 through a real reverse proxy: 20 wrong passwords against one account from 10
addresses do not get through, and after the stated wait the real coach logs in."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse

from tests.factories.accounts import TEST_PASSWORD, UserFactory
from tests.ondernemend.test_behind_proxy import proxy, visitor  # noqa: F401 (the fixture `proxy` is used)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ATTACKERS = [f"127.0.0.{number}" for number in range(2, 12)]
COACH = "127.0.0.20"
WRONG = {"username": "coach@example.org", "password": "fout"}
RIGHT = {"username": "coach@example.org", "password": TEST_PASSWORD}


def test_login_spread_over_ten_addresses_behind_a_real_proxy_waits_then_lets_the_coach_in(
    proxy,  # noqa: F811
    settings,
):
    UserFactory(email="coach@example.org", coach=True)
    attackers = [visitor(proxy, address) for address in ATTACKERS]
    login = reverse("accounts:login")

    statuses = [attackers[attempt % 10].post_form(login, WRONG)[0] for attempt in range(20)]
    right_password, _ = attackers[9].post_form(login, RIGHT)
    coach = visitor(proxy, COACH)
    during_wait, page = coach.post_form(login, RIGHT)
    longest = timedelta(minutes=settings.LOGIN_LONGEST_WAIT_MINUTES)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - longest)  # the clock moves on
    after_wait, _ = coach.post_form(login, RIGHT)

    assert statuses == [200] * 4 + [429] * 16
    assert (right_password, during_wait, after_wait) == (429, 429, 302)
    assert "Probeer het over 1 minuut opnieuw." in page
    # The successful log-in forgot the account's failures.
    assert AccessAttempt.objects.filter(username="coach@example.org").count() == 0
