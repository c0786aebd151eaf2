from datetime import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory
from tests.ondernemend.pages.markup import by_id, elements, find_all, find_one

pytestmark = pytest.mark.django_db

# English pages: the Dutch translations are merged into the catalogue separately, English is the source.
MAP_URL = "/en/kaart/"


def result_links(html: str) -> list[tuple[str, str]]:
    """(name, URL) of every place in the list (or fragment), in order: the link in each result's heading."""
    links, in_heading = [], False
    for element in elements(html):
        if element.tag == "h3" and "op-result__name" in element.classes:
            in_heading = True
        elif in_heading and element.tag == "a":
            links.append((element.text, element.attrs["href"]))
            in_heading = False
    return links


def listed_urls(client, query: str = "") -> set[str]:
    """The URLs of every place in the list, over all its pages, following the page's own "next" links."""
    urls, url = set(), f"{MAP_URL}?{query}" if query else MAP_URL
    while url:
        html = client.get(url).content.decode()
        urls |= {href for _name, href in result_links(html)}
        following = find_all(html, "a", rel="next")
        url = MAP_URL + following[0].attrs["href"] if following else None
    return urls


# ---- The map page ----------------------------------------------------------------------------------


def test_map_lists_both_layers_by_name_with_their_details(client):
    InitiativeFactory(name="Werkplaats", street="Dapperstraat 3", offers=["workshop", "werkplek"])
    ContactPointFactory(name="Loket Oost", what_to_ask="Vragen over werk en inkomen.")
    InitiativeFactory(name="Verborgen", published=False)

    html = client.get(MAP_URL).content.decode()

    assert result_links(html) == [
        ("Loket Oost", "/en/kaart/aanspreekpunt/loket-oost/"),
        ("Werkplaats", "/en/kaart/initiatief/werkplaats/"),
    ]
    assert by_id(html, "aantal-resultaten").text == "2 places found"
    [contact_point, initiative] = find_all(html, "article", "op-result")
    assert "op-result--contactpoint" in contact_point.classes
    assert "Municipal contact point" in contact_point.text
    assert "Vragen over werk en inkomen." in contact_point.text
    assert "op-result--initiative" in initiative.classes
    assert "Dapperstraat 3, 1012 AB Amsterdam" in initiative.text


def test_map_form_works_without_javascript_and_keeps_the_choices(client):
    html = client.get(MAP_URL, {"district": "noord", "q": "koffie"}).content.decode()

    form = find_one(html, "form", "op-filters__form")
    assert (form.attrs["method"], form.attrs["action"]) == ("get", MAP_URL)
    assert find_one(html, "option", value="noord").attrs.get("selected") == ""
    assert find_one(html, "input", name="q").attrs["value"] == "koffie"
    assert find_one(html, "button", type="submit").text == "Show places"


def test_map_points_the_map_at_the_geojson_with_the_same_filters(client):
    query = {"district": "noord", "page": "2", "lat": "52.4", "lon": "4.9"}
    html = client.get(MAP_URL, query).content.decode()

    kaart = by_id(html, "kaart")
    assert kaart.attrs["data-geojson-url"] == "/en/kaart/punten.geojson?district=noord"
    assert kaart.attrs["role"] == "region"
    assert by_id(html, "kaart-paneel").attrs.get("hidden") == ""  # shown by map.js only


def test_map_near_me_button_is_only_there_with_javascript(client):
    html = client.get(MAP_URL).content.decode()

    button = by_id(html, "dichtbij")
    assert (button.attrs["type"], button.attrs.get("hidden")) == ("button", "")
    assert button.text == "Show places near me first"


def test_map_empty_state_says_what_to_do(client):
    InitiativeFactory(name="Werkplaats")

    html = client.get(MAP_URL, {"q": "bestaatniet"}).content.decode()

    assert result_links(html) == []
    assert by_id(html, "aantal-resultaten").text == "0 places found"
    assert "No places match what you chose." in html
    assert [link.text for link in find_all(html, "a", "ams-link", href=MAP_URL)] == [
        "Clear all choices",
        "Show all places",
    ]


def test_map_invalid_filter_shows_a_message_not_an_error(client):
    InitiativeFactory(name="Werkplaats")

    response = client.get(MAP_URL, {"district": "atlantis"})

    html = response.content.decode()
    assert response.status_code == 200
    assert find_one(html, "p", "ams-error-message").text == (
        "Input error: We do not know this district. Choose one from the list."
    )
    assert result_links(html) == [("Werkplaats", "/en/kaart/initiatief/werkplaats/")]


def test_map_paginates_by_twenty_and_page_links_keep_the_filters(client):
    noord = District.objects.get(slug="noord")
    for number in range(25):
        InitiativeFactory(name=f"Plek {number:02}", district=noord)
    InitiativeFactory(name="Elders", district=District.objects.get(slug="zuid"))

    first = client.get(MAP_URL, {"district": "noord"}).content.decode()
    second = client.get(MAP_URL, {"district": "noord", "page": "2"}).content.decode()

    assert [name for name, _url in result_links(first)] == [f"Plek {number:02}" for number in range(20)]
    assert [name for name, _url in result_links(second)] == [f"Plek {number:02}" for number in range(20, 25)]
    assert by_id(first, "aantal-resultaten").text == "25 places found"
    assert find_one(first, "a", rel="next").attrs["href"] == "?district=noord&page=2"
    assert find_one(second, "a", rel="prev").attrs["href"] == "?district=noord&page=1"
    assert find_one(second, "a", aria_current="page").text == "Page 2"


def test_map_out_of_range_page_shows_the_last_page(client):
    InitiativeFactory(name="Werkplaats")

    html = client.get(MAP_URL, {"page": "99"}).content.decode()

    assert result_links(html) == [("Werkplaats", "/en/kaart/initiatief/werkplaats/")]


def test_map_near_me_sorts_by_distance_and_keeps_the_location_in_the_form(client):
    centrum = District.objects.get(slug="centrum")

    def at(latitude: str, longitude: str) -> dict:
        return {"district": centrum, "latitude": Decimal(latitude), "longitude": Decimal(longitude)}

    InitiativeFactory(name="Ver weg", **at("52.300", "4.990"))
    InitiativeFactory(name="Dichtbij", **at("52.373", "4.894"))
    ContactPointFactory(name="Loket", **at("52.360", "4.900"))

    html = client.get(MAP_URL, {"lat": "52.3731234", "lon": "4.8931234"}).content.decode()

    assert [name for name, _url in result_links(html)] == ["Dichtbij", "Loket", "Ver weg"]
    distances = [element.text for element in find_all(html, "p", "op-result__distance")]
    assert distances == ["About 0.1 km from you", "About 1.5 km from you", "About 10.5 km from you"]
    # Rounded to 3 decimals (about 100 m) before use, and kept only in this page's own form.
    assert find_one(html, "input", name="lat").attrs["value"] == "52.373"
    assert find_one(html, "input", name="lon").attrs["value"] == "4.893"


def test_map_near_me_outside_the_netherlands_falls_back_to_names(client):
    InitiativeFactory(name="B")
    InitiativeFactory(name="A")

    html = client.get(MAP_URL, {"lat": "40.0", "lon": "nope"}).content.decode()

    assert [name for name, _url in result_links(html)] == ["A", "B"]
    assert "We could not use your location, so the list is sorted by name." in html


@pytest.mark.parametrize("count", [1, 50])
def test_map_query_count_is_constant(client, django_assert_num_queries, count):
    ContactPointFactory(name="Aanspreekpunt")
    for _ in range(count):
        InitiativeFactory(offers=["workshop"], languages=["nl"])

    # district lookup, district options, count, page rows, initiatives + offers, contact points
    with django_assert_num_queries(7):
        response = client.get(MAP_URL, {"district": "centrum", "offer": ""})

    assert by_id(response.content.decode(), "aantal-resultaten").text == f"{count + 1} places found"


def test_map_navigation_links_to_the_map(client):
    html = client.get("/en/").content.decode()

    assert find_one(html, "a", "ams-page-header__menu-link", href=MAP_URL).text == "Map"
    assert find_one(html, "a", "ams-standalone-link", href=MAP_URL).text == "Find places near you on the map"


# ---- Marker details --------------------------------------------------------------------------------


def test_marker_gives_the_list_item_as_a_fragment(client):
    initiative = InitiativeFactory(name="Werkplaats", offers=["workshop"])

    html = client.get(f"/en/kaart/punt/initiative/{initiative.pk}/").content.decode()

    assert "<html" not in html
    assert result_links(html) == [("Werkplaats", "/en/kaart/initiatief/werkplaats/")]
    assert "You can get: Workshop" in find_one(html, "article").text


def test_marker_of_a_contact_point(client):
    contact_point = ContactPointFactory(name="Loket")

    html = client.get(f"/en/kaart/punt/contactpoint/{contact_point.pk}/").content.decode()

    assert result_links(html) == [("Loket", "/en/kaart/aanspreekpunt/loket/")]


def test_marker_unknown_layer_or_unpublished_place_is_not_found(client):
    hidden = InitiativeFactory(published=False)

    assert client.get(f"/en/kaart/punt/initiative/{hidden.pk}/").status_code == 404
    assert client.get(f"/en/kaart/punt/workshop/{hidden.pk}/").status_code == 404


# ---- Detail pages ----------------------------------------------------------------------------------


def test_initiative_detail_shows_everything_in_plain_words(client):
    InitiativeFactory(
        name="De Werkplaats",
        kind="sociale-onderneming",
        description="Je kunt hier werken aan je eigen idee.",
        district=District.objects.get(slug="oost"),
        street="Dapperstraat 3",
        postcode="1093 BS",
        offers=["werkplek", "begeleiding"],
        audiences=["bijstand"],
        languages=["nl", "tr"],
        trust_signals=["gratis", "geen-papieren"],
        opening_hours="di en do 10:00–15:00",
        phone="020 123 45 67",
        email="hallo@example.org",
        verified_at=timezone.make_aware(datetime(2026, 3, 5, 12)),
    )

    html = client.get("/en/kaart/initiatief/de-werkplaats/").content.decode()

    assert find_one(html, "h1").text == "De Werkplaats"
    assert "Social enterprise" in find_one(html, "p", "op-detail__kind").text
    assert find_one(html, "p", "op-lead").text == "Je kunt hier werken aan je eigen idee."
    lists = [[item.text for item in find_all(section, "li")] for section in _sections(html)]
    assert ["Personal guidance", "Workplace"] in lists
    assert ["People on social assistance (bijstand)"] in lists
    assert ["Dutch", "Turkish"] in lists
    assert ["It is free.", "You do not need to bring any papers."] in lists
    assert "Dapperstraat 3" in html
    assert "1093 BS Amsterdam" in html
    assert "District Oost" in html
    assert "di en do 10:00–15:00" in html
    assert find_one(html, "a", href="tel:0201234567").text == "020 123 45 67"
    assert "Last checked on 5 March 2026." in html
    report = find_one(html, "a", href="/en/kaart/initiatief/de-werkplaats/klopt-niet/")
    assert report.text == "Report that something is no longer right"
    kaart = by_id(html, "kaart")
    assert (kaart.attrs["data-layer"], kaart.attrs["data-latitude"][:3]) == ("initiative", "52.")


def _sections(html: str) -> list[str]:
    return html.split("<section")[1:]


def test_contact_point_detail_shows_what_to_ask(client):
    ContactPointFactory(name="Loket Noord", what_to_ask="Vragen over werk.", website="https://example.org/")

    html = client.get("/en/kaart/aanspreekpunt/loket-noord/").content.decode()

    assert find_one(html, "h1").text == "Loket Noord"
    assert "Municipal contact point" in find_one(html, "p", "op-detail__kind").text
    assert "Vragen over werk." in html
    assert find_one(html, "a", href="https://example.org/").text == "https://example.org/"
    assert by_id(html, "kaart").attrs["data-layer"] == "contactpoint"


def test_detail_unknown_or_unpublished_is_not_found_for_visitors(client):
    InitiativeFactory(name="Verborgen", published=False)
    ContactPointFactory(name="Verborgen loket", published=False)

    for url in (
        "/en/kaart/initiatief/bestaat-niet/",
        "/en/kaart/initiatief/verborgen/",
        "/en/kaart/aanspreekpunt/verborgen-loket/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Verborgen" not in response.content.decode()


def test_detail_unpublished_is_visible_to_its_editor_and_coordinators(client):
    editor = UserFactory(initiatiefnemer=True)
    InitiativeFactory(name="In opbouw", published=False, editors=[editor])
    client.force_login(UserFactory(initiatiefnemer=True))
    assert client.get("/en/kaart/initiatief/in-opbouw/").status_code == 404

    client.force_login(editor)
    html = client.get("/en/kaart/initiatief/in-opbouw/").content.decode()
    assert "This listing is not published yet." in html

    client.force_login(UserFactory(coordinator=True))
    assert find_one(client.get("/en/kaart/initiatief/in-opbouw/").content.decode(), "h1").text == "In opbouw"
