import re

import pytest
from django.core import mail
from django.urls import reverse

from ondernemend.accounts.models import User
from tests.factories.accounts import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_auth_urls_are_dutch():
    assert reverse("accounts:login") == "/inloggen/"
    assert reverse("accounts:logout") == "/uitloggen/"
    assert reverse("accounts:password_reset") == "/wachtwoord-vergeten/"
    assert reverse("accounts:password_reset_done") == "/wachtwoord-vergeten/verstuurd/"
    assert reverse("accounts:password_reset_complete") == "/wachtwoord-herstellen/klaar/"
    assert reverse("accounts:dashboard") == "/mijn-omgeving/"


def test_login_page_in_dutch(client):
    content = client.get("/inloggen/").content.decode()

    assert '<h1 class="ams-heading ams-heading--1">Inloggen</h1>' in content
    assert "Wachtwoord vergeten?" in content


def test_login_with_email_goes_to_my_environment(client):
    UserFactory(email="ilse@example.org")

    response = client.post("/inloggen/", {"username": "Ilse@Example.org", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response.url == "/mijn-omgeving/"


def test_login_honours_a_safe_next(client):
    UserFactory(email="ilse@example.org")

    response = client.post(
        "/inloggen/?next=/uitnodigen/", {"username": "ilse@example.org", "password": TEST_PASSWORD}
    )

    assert response.url == "/uitnodigen/"


def test_login_ignores_a_next_to_another_site(client):
    UserFactory(email="ilse@example.org")

    response = client.post(
        "/inloggen/",
        {"username": "ilse@example.org", "password": TEST_PASSWORD, "next": "https://kwaad.example.com/"},
    )

    assert response.url == "/mijn-omgeving/"


def test_login_with_a_wrong_password_explains_in_dutch(client):
    UserFactory(email="ilse@example.org")

    response = client.post("/inloggen/", {"username": "ilse@example.org", "password": "fout"})

    assert response.status_code == 200
    assert "Het e-mailadres of wachtwoord klopt niet." in response.content.decode()


def test_login_with_an_unknown_email_gives_the_same_message(client):
    response = client.post("/inloggen/", {"username": "niemand@example.org", "password": "fout"})

    assert "Het e-mailadres of wachtwoord klopt niet." in response.content.decode()


def test_login_with_a_wrong_password_explains_in_english(client):
    UserFactory(email="ilse@example.org")

    response = client.post("/en/inloggen/", {"username": "ilse@example.org", "password": "wrong"})

    assert "The e-mail address or password is not correct." in response.content.decode()


def test_login_after_too_many_failures_shows_the_lockout_page(client, settings):
    UserFactory(email="ilse@example.org")
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT - 1):
        client.post("/inloggen/", {"username": "ilse@example.org", "password": "fout"})

    response = client.post("/inloggen/", {"username": "ilse@example.org", "password": "fout"})
    content = response.content.decode()

    assert response.status_code == 429
    assert "Inloggen is even niet mogelijk" in content
    assert "Probeer het over 1 minuut opnieuw." in content
    again = client.post("/inloggen/", {"username": "ilse@example.org", "password": TEST_PASSWORD})
    assert again.status_code == 429


def test_login_lockout_counts_the_address_in_any_case_and_spares_other_accounts(client, settings):
    UserFactory(email="ilse@example.org")
    UserFactory(email="ander@example.org")
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        client.post("/inloggen/", {"username": "ILSE@example.org", "password": "fout"})

    locked = client.post("/inloggen/", {"username": "ilse@example.org", "password": TEST_PASSWORD})
    other = client.post("/inloggen/", {"username": "ander@example.org", "password": TEST_PASSWORD})

    assert locked.status_code == 429
    assert other.status_code == 302
    assert other.url == "/mijn-omgeving/"


def test_logout_by_post_goes_home(client):
    client.force_login(UserFactory())

    response = client.post("/uitloggen/", follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert response.context["user"].is_authenticated is False
    assert "Je bent uitgelogd." in response.content.decode()


def test_password_reset_sends_a_link_built_from_site_url(client, settings):
    settings.SITE_URL = "https://op.example.org"
    UserFactory(email="ilse@example.org")

    response = client.post("/wachtwoord-vergeten/", {"email": "ilse@example.org"})

    assert response.url == "/wachtwoord-vergeten/verstuurd/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Kies een nieuw wachtwoord voor Ondernemend Participeren"
    assert re.search(r"https://op\.example\.org/wachtwoord-herstellen/[^/]+/[^/]+/", mail.outbox[0].body)


def test_password_reset_for_an_unknown_email_answers_the_same(client):
    response = client.post("/wachtwoord-vergeten/", {"email": "niemand@example.org"}, follow=True)

    assert response.redirect_chain == [("/wachtwoord-vergeten/verstuurd/", 302)]
    assert "Als het e-mailadres bij een account hoort" in response.content.decode()
    assert mail.outbox == []


def test_password_reset_link_sets_a_new_password_once(client):
    user = UserFactory(email="ilse@example.org")
    client.post("/wachtwoord-vergeten/", {"email": "ilse@example.org"})
    link = re.search(r"https?://[^/]+(/wachtwoord-herstellen/\S+)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "nieuw-en-lang-wachtwoord", "new_password2": "nieuw-en-lang-wachtwoord"},
        follow=True,
    )
    used_again = client.get(link)

    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    assert "Je wachtwoord is veranderd" in done.content.decode()
    assert User.objects.get(pk=user.pk).check_password("nieuw-en-lang-wachtwoord")
    assert "Deze link werkt niet meer" in used_again.content.decode()


def test_password_reset_with_a_broken_link_explains(client):
    response = client.get("/wachtwoord-herstellen/MQ/kapot-token/")

    assert "Deze link werkt niet meer" in response.content.decode()
    assert "Vraag een nieuwe link aan" in response.content.decode()


def test_lockout_page_in_english(client, settings):
    UserFactory(email="ilse@example.org")
    for _attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        response = client.post("/en/inloggen/", {"username": "ilse@example.org", "password": "wrong"})

    content = response.content.decode()
    assert response.status_code == 429
    assert "Logging in is paused for a while" in content
    assert "Try again in 1 minute." in content
