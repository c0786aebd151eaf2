"""Sessions (ondernemend/accounts/sessions/): staff sessions end after the idle limit and with the browser;
"log out everywhere"; a new password ends the other sessions. The idle clock is moved by setting the
moment of the last request in the session itself; nothing sleeps."""

import re
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client

from ondernemend.accounts.sessions.activity import LAST_ACTIVITY, is_idle
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import TEST_PASSWORD, SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/mijn-omgeving/"


def last_used_minutes_ago(client, minutes: float) -> None:
    session = client.session
    session[LAST_ACTIVITY] = int(time.time() - minutes * 60)
    session.save()


def logged_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    client.get(DASHBOARD)  # the first request marks the session as a staff session
    return client


def test_is_idle_only_after_the_limit():
    now = 10_000.0

    assert [is_idle(now - seconds, now=now, idle_minutes=30) for seconds in (0, 1800, 1801)] == [
        False,
        False,
        True,
    ]
    assert is_idle(None, now=now, idle_minutes=30) is False


def test_staff_session_after_the_idle_limit_logs_out_and_says_why(settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client = logged_in_client(UserFactory(coach=True))
    last_used_minutes_ago(client, 31)

    response = client.get(DASHBOARD + "?tab=1", follow=True)
    content = response.content.decode()

    assert response.redirect_chain[0] == ("/inloggen/?next=/mijn-omgeving/%3Ftab%3D1", 302)
    assert SESSION_KEY not in client.session
    assert "Je bent uitgelogd, omdat je 30 minuten niets op de site hebt gedaan." in content
    assert 'name="next" value="/mijn-omgeving/?tab=1"' in content


def test_staff_session_within_the_idle_limit_goes_on_and_counts_from_now():
    client = logged_in_client(UserFactory(jurylid=True))
    last_used_minutes_ago(client, 29)

    response = client.get(DASHBOARD)

    assert response.context["user"].is_authenticated is True
    assert time.time() - client.session[LAST_ACTIVITY] < 5


def test_staff_session_after_the_idle_limit_on_a_post_logs_out_without_acting():
    coach = UserFactory(gemeente=True)
    client = logged_in_client(coach)
    last_used_minutes_ago(client, 45)

    response = client.post("/uitloggen-overal/")

    assert response.url == "/inloggen/?next=/uitloggen-overal/"
    assert AuditEntry.objects.filter(action="account.logged_out_everywhere").count() == 0


def test_session_of_an_initiative_lead_keeps_the_normal_age():
    client = logged_in_client(UserFactory(initiatiefnemer=True))

    session = client.session
    assert (LAST_ACTIVITY in session, session.get_expire_at_browser_close()) == (False, False)


@pytest.mark.parametrize("role", ["coach", "jurylid", "gemeente", "coordinator"])
def test_staff_session_ends_with_the_browser(role):
    client = logged_in_client(UserFactory(roles=[role]))

    assert client.session.get_expire_at_browser_close() is True


def test_staff_session_of_the_beheerder_ends_with_the_browser():
    client = logged_in_client(SuperUserFactory())

    assert client.session.get_expire_at_browser_close() is True


def test_login_form_gives_staff_a_cookie_without_expiry_and_others_a_dated_one(client, settings):
    UserFactory(email="coach@example.org", coach=True)
    UserFactory(email="lead@example.org", initiatiefnemer=True)

    staff = client.post("/inloggen/", {"username": "coach@example.org", "password": TEST_PASSWORD})
    other = Client().post("/inloggen/", {"username": "lead@example.org", "password": TEST_PASSWORD})

    staff_cookie = staff.cookies[settings.SESSION_COOKIE_NAME]
    other_cookie = other.cookies[settings.SESSION_COOKIE_NAME]
    assert (staff_cookie["expires"], staff_cookie["max-age"]) == ("", "")
    assert other_cookie["max-age"] == settings.SESSION_COOKIE_AGE


def test_log_out_everywhere_ends_every_session_of_the_user_and_no_one_elses():
    coach = UserFactory(coach=True)
    here, elsewhere = logged_in_client(coach), logged_in_client(coach)
    colleague = logged_in_client(UserFactory(coach=True))

    response = here.post("/uitloggen-overal/", follow=True)

    assert response.redirect_chain == [("/inloggen/", 302)]
    assert "Je bent uitgelogd op alle computers en telefoons, ook op deze." in response.content.decode()
    assert [c.get(DASHBOARD).status_code for c in (here, elsewhere, colleague)] == [302, 302, 200]
    assert elsewhere.get(DASHBOARD).url == "/inloggen/?next=/mijn-omgeving/"


def test_log_out_everywhere_writes_an_audit_entry():
    coach = UserFactory(coach=True)
    client = logged_in_client(coach)

    client.post("/uitloggen-overal/")

    entry = AuditEntry.objects.get(action="account.logged_out_everywhere")
    assert (entry.user, entry.role, entry.target_id, entry.changes) == (
        coach,
        "coach",
        str(coach.pk),
        {"session_generation": [0, 1]},
    )


def test_log_out_everywhere_then_logging_in_again_works():
    coach = UserFactory(email="coach@example.org", coach=True)
    client = logged_in_client(coach)
    client.post("/uitloggen-overal/")

    response = client.post("/inloggen/", {"username": "coach@example.org", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(coach.pk)


def test_log_out_everywhere_without_logging_in_goes_to_the_login_page(client):
    response = client.post("/uitloggen-overal/")

    assert response.url == "/inloggen/?next=/uitloggen-overal/"
    assert AuditEntry.objects.count() == 0


def test_log_out_everywhere_by_get_is_not_allowed():
    client = logged_in_client(UserFactory(coach=True))

    response = client.get("/uitloggen-overal/")

    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_dashboard_offers_log_out_everywhere():
    client = logged_in_client(UserFactory(initiatiefnemer=True))

    content = client.get(DASHBOARD).content.decode()

    assert '<form method="post" action="/uitloggen-overal/">' in content
    assert "Overal uitloggen" in content


def test_password_reset_by_email_ends_the_other_sessions(client):
    coach = UserFactory(email="coach@example.org", coach=True)
    other_device = logged_in_client(coach)
    client.post("/wachtwoord-vergeten/", {"email": "coach@example.org"})
    link = re.search(r"https?://[^/]+(/wachtwoord-herstellen/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]

    client.post(form_url, {"new_password1": "nieuw-en-lang-genoeg", "new_password2": "nieuw-en-lang-genoeg"})

    response = other_device.get(DASHBOARD)
    assert response.url == "/inloggen/?next=/mijn-omgeving/"


def test_password_set_in_the_admin_ends_the_users_sessions_but_not_the_admins():
    coach = UserFactory(coach=True)
    coach_device = logged_in_client(coach)
    admin = logged_in_client(SuperUserFactory())

    response = admin.post(
        f"/beheer/accounts/user/{coach.pk}/password/",
        {"password1": "nieuw-en-lang-genoeg", "password2": "nieuw-en-lang-genoeg", "usable_password": "true"},
    )

    assert response.url == f"/beheer/accounts/user/{coach.pk}/change/"
    assert coach_device.get(DASHBOARD).url == "/inloggen/?next=/mijn-omgeving/"
    assert admin.get(DASHBOARD).status_code == 200
