"""Sessions and log-in limits in Chromium: a staff session cookie ends with the browser, "log out everywhere"
reaches another browser, and a spread-out attack through a real reverse proxy makes the coach wait."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import keep_on_machine, log_in
from tests.factories.accounts import TEST_PASSWORD, UserFactory
from tests.ondernemend.test_behind_proxy import proxy, visitor  # noqa: F401 (the fixture `proxy` is used)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def fill_login_form(page, email, password, origin=""):
    page.goto(origin + reverse("accounts:login"))
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen").click()


def session_cookie(context):
    return next(cookie for cookie in context.cookies() if cookie["name"] == settings.SESSION_COOKIE_NAME)


def test_staff_session_cookie_has_no_expiry_so_it_ends_with_the_browser(page):
    UserFactory(email="coach@example.org", coach=True)

    fill_login_form(page, "coach@example.org", TEST_PASSWORD)
    expect(page).not_to_have_url(f"**{reverse('accounts:login')}")

    assert session_cookie(page.context)["expires"] == -1  # Chromium's mark of a session cookie


def test_initiative_lead_session_cookie_keeps_its_expiry(page):
    UserFactory(email="lead@example.org", initiatiefnemer=True)

    fill_login_form(page, "lead@example.org", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")

    assert session_cookie(page.context)["expires"] > 0


def test_log_out_everywhere_logs_out_the_other_browser_too(open_context, live_server):
    coach = UserFactory(coach=True)
    here, elsewhere = open_context(), open_context()
    for context in (here, elsewhere):
        log_in(context, coach, live_server.url)
    other_page = elsewhere.new_page()
    other_page.goto(live_server.url + reverse("accounts:dashboard"))
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    this_page = here.new_page()
    this_page.goto(live_server.url + reverse("accounts:dashboard"))
    assert_accessible(this_page)

    this_page.get_by_role("button", name="Overal uitloggen").click()
    expect(this_page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(this_page.locator("main")).to_contain_text("Je bent uitgelogd op alle computers en telefoons")
    other_page.reload()

    expect(other_page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert other_page.url.endswith("/inloggen/?next=/mijn-omgeving/")


def test_login_spread_out_attack_behind_a_real_proxy_makes_the_coach_wait_then_lets_her_in(
    new_context,
    proxy,  # noqa: F811
    blocked_requests,
):
    UserFactory(email="coach@example.org", coach=True)
    login = reverse("accounts:login")
    for attempt in range(20):  # 20 wrong passwords from 10 addresses
        attacker = visitor(proxy, f"127.0.0.{2 + attempt % 10}")
        attacker.post_form(login, {"username": "coach@example.org", "password": "fout"})
    origin = f"http://{proxy[0]}:{proxy[1]}"
    context = new_context()
    keep_on_machine(context, origin, blocked_requests)
    page = context.new_page()

    fill_login_form(page, "coach@example.org", TEST_PASSWORD, origin)
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen is even niet mogelijk")
    expect(page.locator("main")).to_contain_text("Probeer het over 1 minuut opnieuw.")
    assert_accessible(page)
    longest = timedelta(minutes=settings.LOGIN_LONGEST_WAIT_MINUTES)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - longest)  # the clock moves on
    fill_login_form(page, "coach@example.org", TEST_PASSWORD, origin)

    expect(page.get_by_role("heading", level=1)).not_to_have_text("Inloggen is even niet mogelijk")
    assert login not in page.url
    assert blocked_requests == []
