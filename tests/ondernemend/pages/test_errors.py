"""The styled error pages for 403, 404 and 500 say what happened and lead back."""

import pytest
from django.template.loader import render_to_string

from ondernemend.pages import views
from tests.factories.accounts import UserFactory
from tests.ondernemend.pages.markup import find_all, find_one


def main_links(html: str) -> list[tuple[str, str]]:
    return [(link.text, link.attrs["href"]) for link in find_all(html, "a", "ams-standalone-link")]


@pytest.mark.django_db
def test_unknown_url_renders_the_styled_404_page_in_dutch(client):
    response = client.get("/bestaat-niet/")
    html = response.content.decode()

    assert response.status_code == 404
    assert find_one(html, "html").attrs["lang"] == "nl"
    assert find_one(html, "h1").text == "Pagina niet gevonden"
    assert "Misschien is de link oud" in html
    assert main_links(html) == [("Naar de startpagina", "/")]
    assert find_one(html, "a", "ams-skip-link").attrs["href"] == "#inhoud"
    assert len(find_all(html, "a", "ams-page-footer__menu-link")) == 2


@pytest.mark.django_db
def test_unknown_url_renders_the_styled_404_page_in_english(client):
    response = client.get("/en/does-not-exist/")
    html = response.content.decode()

    assert response.status_code == 404
    assert find_one(html, "html").attrs["lang"] == "en"
    assert find_one(html, "h1").text == "Page not found"
    assert main_links(html) == [("Go to the home page", "/en/")]


@pytest.mark.django_db
def test_language_switch_on_a_404_page_leads_to_the_other_home_page(client):
    html = client.get("/bestaat-niet/").content.decode()

    assert find_one(html, "a", lang="en").attrs["href"] == "/en/"


@pytest.mark.django_db
@pytest.mark.urls("tests.ondernemend.pages.error_urls")
def test_forbidden_page_offers_anonymous_visitors_to_log_in(client):
    response = client.get("/verboden/")
    html = response.content.decode()

    assert response.status_code == 403
    assert find_one(html, "h1").text == "Geen toegang tot deze pagina"
    assert "Heb je een account? Log dan eerst in." in html
    assert main_links(html) == [("Inloggen", "/inloggen/?next=/verboden/"), ("Naar de startpagina", "/")]


@pytest.mark.django_db
@pytest.mark.urls("tests.ondernemend.pages.error_urls")
def test_forbidden_page_tells_logged_in_users_whom_to_ask(client):
    client.force_login(UserFactory())

    response = client.get("/en/verboden/")
    html = response.content.decode()

    assert response.status_code == 403
    assert find_one(html, "h1").text == "No access to this page"
    assert "Your account does not have that role." in html
    assert main_links(html) == [("Go to the home page", "/en/")]


@pytest.mark.urls("tests.ondernemend.pages.error_urls")
def test_server_error_renders_the_styled_page_without_the_database(client):
    # No django_db mark: any database query fails, and then the bare fallback page (without header) appears.
    # The session cookie makes reading the user or the messages query the database.
    client.raise_request_exception = False
    client.cookies["sessionid"] = "a-session-the-database-would-have-to-look-up"

    response = client.get("/kapot/")
    html = response.content.decode()

    assert response.status_code == 500
    assert find_one(html, "h1").text == "Er ging bij ons iets mis"
    assert "Het ligt niet aan jou." in html
    assert len(find_all(html, "header", "ams-page-header")) == 1
    assert main_links(html) == [("Naar de startpagina", "/")]
    assert [link.text for link in find_all(html, "a", "ams-page-header__menu-link")][-1] == "English"


def test_server_error_falls_back_to_the_plain_page_when_the_styled_one_fails(rf, monkeypatch):
    def failing_render(*args, **kwargs):
        raise RuntimeError("The styled page failed too")

    monkeypatch.setattr(views, "render", failing_render)

    response = views.server_error(rf.get("/"))
    html = response.content.decode()

    assert response.status_code == 500
    assert find_one(html, "html").attrs["lang"] == "nl"
    assert find_one(html, "h1").text == "Er ging iets mis"
    assert find_one(html, "p", lang="en").text.startswith("Something went wrong on our side.")
    assert [link.attrs["href"] for link in find_all(html, "a")] == ["/", "/en/"]


def test_plain_500_page_needs_no_context():
    html = render_to_string("500_plain.html")

    assert "<link" not in html
    assert "{%" not in html
    assert find_one(html, "title").text == "Er ging iets mis · Ondernemend Participeren"


@pytest.mark.django_db
def test_a_form_too_large_to_read_gets_the_styled_400_page_in_dutch(client, settings):
    """Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE with 400; it used to be a bare English page."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/inloggen/", {"username": "a" * 2000, "password": "x"})
    html = response.content.decode()

    assert (response.status_code, find_one(html, "h1").text) == (400, "We konden niet lezen wat je stuurde")
    assert "Er is niets opgeslagen." in find_one(html, "div", "ams-alert--error").text
    assert main_links(html) == [("Naar de startpagina", "/")]
