"""The base layout every page shares: skip link, header, navigation, language switch, messages, footer."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from tests.factories.accounts import UserFactory
from tests.ondernemend.pages.markup import by_id, find_all, find_one

pytestmark = pytest.mark.django_db


def test_layout_has_skip_link_to_main_content(client):
    html = client.get("/").content.decode()

    skip_link = find_one(html, "a", "ams-skip-link")
    assert skip_link.attrs["href"] == "#inhoud"
    assert skip_link.text == "Naar de inhoud"
    assert by_id(html, "inhoud").tag == "main"
    assert html.index("ams-skip-link") < html.index("ams-page-header")


def test_layout_header_names_the_product_and_links_home(client):
    html = client.get("/en/privacy/").content.decode()

    logo_link = find_one(html, "a", "ams-page-header__logo-link")
    assert logo_link.attrs["href"] == "/en/"
    assert logo_link.text == "Ondernemend Participeren (home page)"


def test_layout_navigation_leads_to_the_three_parts_without_dead_links(client):
    html = client.get("/").content.decode()

    menu = [(link.text, link.attrs["href"]) for link in find_all(html, "a", "ams-page-header__menu-link")]
    assert menu == [
        ("Kaart", "/kaart/"),
        ("Workshops", "/workshops/"),
        ("Challenge", "/challenge/"),
        ("Inloggen", "/inloggen/"),
        ("English", "/en/"),
    ]
    for anchor in ("kaart", "workshops", "challenge"):
        assert by_id(html, anchor).tag == "li"


def test_layout_language_switch_names_the_other_language_in_that_language(client):
    dutch = client.get("/privacy/").content.decode()
    english = client.get("/en/privacy/").content.decode()

    to_english = find_one(dutch, "a", lang="en")
    assert (to_english.text, to_english.attrs["href"], to_english.attrs["hreflang"]) == (
        "English",
        "/en/privacy/",
        "en",
    )
    to_dutch = find_one(english, "a", lang="nl")
    assert (to_dutch.text, to_dutch.attrs["href"], to_dutch.attrs["hreflang"]) == (
        "Nederlands",
        "/privacy/",
        "nl",
    )
    assert find_one(english, "link", rel="alternate").attrs == {
        "rel": "alternate",
        "hreflang": "nl",
        "href": "/privacy/",
    }


def test_layout_footer_links_to_both_statements(client):
    html = client.get("/en/").content.decode()

    footer_links = [
        (link.text, link.attrs["href"]) for link in find_all(html, "a", "ams-page-footer__menu-link")
    ]
    assert footer_links == [
        ("Privacy statement", "/en/privacy/"),
        ("Accessibility statement", "/en/toegankelijkheid/"),
    ]
    assert (
        find_one(html, "footer", "ams-page-footer").text.count("The municipality never sees who takes part.")
        == 1
    )


def test_layout_shows_my_environment_and_log_out_when_logged_in(client):
    client.force_login(UserFactory())

    html = client.get("/").content.decode()

    menu = [link.text for link in find_all(html, "a", "ams-page-header__menu-link")]
    assert "Mijn omgeving" in menu
    assert "Inloggen" not in menu
    log_out = find_one(html, "form", "op-inline-form")
    assert (log_out.attrs["method"], log_out.attrs["action"]) == ("post", "/uitloggen/")
    assert find_one(html, "button", "op-menu-button").text == "Uitloggen"
    assert len(find_all(html, "input", name="csrfmiddlewaretoken")) == 1


def test_layout_loads_stylesheets_and_scripts_as_files(client):
    html = client.get("/").content.decode()

    stylesheets = [link.attrs["href"] for link in find_all(html, "link", rel="stylesheet")]
    assert stylesheets == [
        "/static/vendor/ams/components.css",
        "/static/css/theme.css",
        "/static/css/app.css",
    ]
    scripts = find_all(html, "script")
    assert [(script.attrs["src"], "defer" in script.attrs) for script in scripts] == [
        ("/static/js/app.js", True)
    ]


@pytest.mark.parametrize(
    ("level", "css_class", "prefix"),
    [
        (messages.SUCCESS, "ams-alert--success", "Gelukt:"),
        (messages.ERROR, "ams-alert--error", "Fout:"),
        (messages.WARNING, "ams-alert--warning", "Let op:"),
        (messages.INFO, None, "Goed om te weten:"),
    ],
)
def test_layout_shows_messages_as_alerts(level, css_class, prefix):
    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    messages.add_message(request, level, "Your invitation has been sent.")

    with translation.override("nl"):
        html = render_to_string("pages/home.html", request=request)

    alert = find_one(html, css_class="ams-alert")
    assert alert.classes == (["ams-alert", css_class] if css_class else ["ams-alert"])
    assert find_one(html, "div", "op-messages").text == f"{prefix} Your invitation has been sent."
