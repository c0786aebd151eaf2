"""The home page and the accessibility and privacy statements, in Dutch and English."""

from itertools import pairwise

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.accounts import UserFactory
from tests.ondernemend.pages.markup import by_id, find_all, find_one

pytestmark = pytest.mark.django_db


def get_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def headings(html: str, tag: str) -> list[str]:
    return [element.text for element in find_all(html, tag)]


def test_home_page_speaks_plain_dutch(client):
    html = get_html(client, "/")

    assert find_one(html, "html").attrs["lang"] == "nl"
    assert headings(html, "h1") == ["Iets voor jezelf beginnen? Ontdek wat bij je past."]
    assert "Nog geen idee? Juist goed." in html
    assert "Met of zonder uitkering." in html
    assert "De gemeente ziet niet wie er meedoet." in html
    assert find_one(html, "title").text == "Iets voor jezelf beginnen? · Ondernemend Participeren"


def test_home_page_shows_three_routes_as_sections(client):
    html = get_html(client, "/")

    assert headings(html, "h3") == [
        "De kaart: hulp bij jou in de buurt",
        "Workshops: “Is ondernemen wat voor mij?”",
        "De challenge: geld voor initiatieven",
    ]
    assert [by_id(html, anchor).tag for anchor in ("kaart", "workshops", "challenge")] == ["li", "li", "li"]


def test_home_page_challenge_route_leads_to_the_challenge_page(client):
    html = get_html(client, "/")

    link = find_one(html, "a", "ams-standalone-link", href="/challenge/")
    assert link.text == "De volgende oproep komt eraan: lees wat het wordt"


def test_home_page_promises_the_municipality_sees_no_participants(client):
    html = get_html(client, "/")

    panel = find_one(html, "section", "op-panel")
    assert "zien nooit je naam, je antwoorden of dat je er was" in panel.text
    assert "groepen van minstens 10 mensen" in panel.text
    assert "We vragen nooit naar je BSN" in panel.text
    assert find_one(html, "a", "ams-standalone-link", href="/privacy/").text == "Lees wie wat kan zien"


def test_home_page_in_english(client):
    html = get_html(client, "/en/")

    assert find_one(html, "html").attrs["lang"] == "en"
    assert headings(html, "h1") == ["Start something of your own? Find out what suits you."]
    assert headings(html, "h3") == [
        "The map: help near you",
        "Workshops: “Is starting a business for me?”",
        "The challenge: money for initiatives",
    ]
    assert "No idea yet? That is fine." in html


def test_home_page_invites_staff_to_log_in_when_anonymous(client):
    html = get_html(client, "/")

    assert find_one(html, "a", "ams-standalone-link", href=reverse("accounts:login")).text == "Inloggen"


def test_home_page_leads_logged_in_users_to_their_environment(client):
    client.force_login(UserFactory())

    html = get_html(client, "/")

    assert find_one(html, "a", "ams-standalone-link", href="/mijn-omgeving/").text == "Naar mijn omgeving"


def test_privacy_statement_explains_who_sees_what_in_dutch(client):
    html = get_html(client, reverse("pages:privacy"))

    assert find_one(html, "html").attrs["lang"] == "nl"
    assert headings(html, "h1") == ["Privacyverklaring"]
    assert headings(html, "h3") == [
        "Bezoeker",
        "Deelnemer",
        "Initiatiefnemer",
        "Coach",
        "Jurylid",
        "Gemeente",
        "Coördinator",
        "Beheerder",
    ]
    assert "ook je klantmanager" in html
    assert "Ziet nooit een naam, een intake of wie er bij een bijeenkomst was." in html
    assert "minstens 10 mensen" in html


def test_privacy_statement_says_what_is_recorded_and_for_how_long(client):
    html = get_html(client, reverse("pages:privacy"))

    assert "je BSN, je geboortedatum, een kopie van je ID-bewijs of iets over je gezondheid" in html
    assert "Doe je 24 maanden niet meer mee?" in html
    assert "Elke keer dat iemand jouw gegevens opent, leggen we vast wie dat was en wanneer." in html
    assert "vragen om alles te verwijderen" in html
    assert "Autoriteit Persoonsgegevens" in html


def test_privacy_statement_in_english(client):
    with translation.override("en"):
        url = reverse("pages:privacy")
    html = get_html(client, url)

    assert url == "/en/privacy/"
    assert find_one(html, "html").attrs["lang"] == "en"
    assert headings(html, "h1") == ["Privacy statement"]
    assert headings(html, "h3") == [
        "Visitor",
        "Participant",
        "Initiative lead",
        "Coach",
        "Jury member",
        "Municipality",
        "Coordinator",
        "Administrator",
    ]
    assert "Never sees a name, an intake or who was at a meeting." in html
    assert "When you have not taken part for 24 months" in html
    assert find_one(html, "title").text == "Privacy statement · Ondernemend Participeren"


def test_accessibility_statement_in_dutch(client):
    html = get_html(client, reverse("pages:accessibility"))

    assert headings(html, "h1") == ["Toegankelijkheid"]
    assert "WCAG 2.1, niveau AA" in html
    assert "320 pixels breed" in html
    assert "Werkt iets niet?" in headings(html, "h2")


def test_accessibility_statement_in_english(client):
    html = get_html(client, "/en/toegankelijkheid/")

    assert find_one(html, "html").attrs["lang"] == "en"
    assert headings(html, "h1") == ["Accessibility"]
    assert "WCAG 2.1, level AA" in html
    assert find_one(html, "title").text == "Accessibility statement · Ondernemend Participeren"


@pytest.mark.parametrize(
    "url", ["/", "/en/", "/privacy/", "/en/privacy/", "/toegankelijkheid/", "/en/toegankelijkheid/"]
)
def test_pages_have_one_h1_and_headings_in_order(client, url):
    html = get_html(client, url)

    levels = [int(element.tag[1]) for element in find_all(html) if element.tag in {"h1", "h2", "h3", "h4"}]
    main_levels = levels[levels.index(1) :]
    assert levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in pairwise(main_levels))
