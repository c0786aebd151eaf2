"""The public map in Chromium: markers and list hold the same places, filters change both, the keyboard
reaches every result, "near me" sorts by distance, and the pages stay accessible with the map drawn.

In English: the Dutch translations of the map are merged into the catalogue separately."""

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from ondernemend.districts.models import District
from tests.browser.axe import assert_accessible
from tests.browser.helpers import keep_on_machine, serve_blank_map_tiles, url_in
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def spread_places() -> None:
    """25 initiatives and 4 contact points over two districts: more than one page of the list."""
    noord, zuid = District.objects.get(slug="noord"), District.objects.get(slug="zuid")
    for number in range(15):
        InitiativeFactory(name=f"Noord {number:02}", district=noord, offers=["workshop"])
    for number in range(10):
        InitiativeFactory(name=f"Zuid {number:02}", district=zuid, offers=["taalhulp"])
    ContactPointFactory.create_batch(2, district=noord)
    ContactPointFactory.create_batch(2, district=zuid)
    InitiativeFactory(name="Niet gepubliceerd", district=noord, published=False)


def marker_count(page: Page) -> int:
    """Wait until map.js has drawn every marker, then read how many."""
    kaart = page.locator("#kaart[data-marker-count]")
    expect(kaart).to_have_count(1)
    return int(kaart.get_attribute("data-marker-count"))


def map_urls(page: Page) -> set[str]:
    """The detail URLs of the points the map drew from: its own GeoJSON URL, fetched the same way."""
    url = page.locator("#kaart").get_attribute("data-geojson-url")
    collection = page.request.get(url).json()
    return {feature["properties"]["url"] for feature in collection["features"]}


def listed_urls(page: Page) -> set[str]:
    """Every result link in the list, following "next page" until the last page; ends on the first page."""
    start = page.url
    urls = set()
    while True:
        urls |= set(page.locator(".op-result__name a").evaluate_all("links => links.map(a => a.pathname)"))
        following = page.locator("a[rel=next]")
        if not following.count():
            break
        following.click()
        page.wait_for_load_state()
    page.goto(start)
    return urls


def test_map_draws_a_marker_for_every_place_in_the_list(page, browser_log):
    spread_places()

    page.goto(url_in("en", "initiatives:index"))

    assert marker_count(page) == 29
    on_map = map_urls(page)
    assert len(on_map) == 29
    assert listed_urls(page) == on_map
    assert browser_log.take_problems() == []


def test_map_filter_changes_the_markers_and_the_list_together(page):
    spread_places()
    page.goto(url_in("en", "initiatives:index"))
    assert marker_count(page) == 29

    page.get_by_label("District").select_option("zuid")
    page.get_by_role("button", name="Show places", exact=True).click()

    assert marker_count(page) == 12
    assert page.url.endswith("?district=zuid&kind=&offer=&for=&language=&q=")
    assert listed_urls(page) == map_urls(page)
    expect(page.locator("#aantal-resultaten")).to_have_text("12 places found")

    page.get_by_label("What you can get there").select_option("taalhulp")
    page.get_by_role("button", name="Show places", exact=True).click()

    assert marker_count(page) == 10  # asking for an offer hides the contact points
    assert listed_urls(page) == map_urls(page)


def test_map_marker_click_shows_the_places_details(page):
    InitiativeFactory(name="De Werkplaats", offers=["werkplek"])
    page.goto(url_in("en", "initiatives:index"))
    assert marker_count(page) == 1

    page.locator("#kaart").scroll_into_view_if_needed()
    box = page.locator("#kaart").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    popup_link = page.locator(".leaflet-popup-content .op-result__name a")
    expect(popup_link).to_have_text("De Werkplaats")
    assert popup_link.get_attribute("href") == url_in("en", "initiatives:detail", slug="de-werkplaats")


def test_map_keyboard_reaches_every_result_link(page):
    spread_places()
    page.goto(url_in("en", "initiatives:index"))
    marker_count(page)
    expected = page.locator(".op-result__name a").evaluate_all("links => links.map(a => a.pathname)")
    assert len(expected) == 20

    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.closest('.op-result__name')"
            " ? document.activeElement.pathname : null"
        )
        if focused:
            reached.append(focused)
        if len(reached) == len(expected):
            break

    assert reached == expected
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "page 1" (the current page) to "page 2"
    page.keyboard.press("Enter")
    expect(page.locator("#aantal-resultaten")).to_have_text("29 places found")
    assert page.locator(".op-result__name a").count() == 9


def test_map_near_me_sorts_the_list_by_distance(new_context, live_server):
    context = new_context(
        geolocation={"latitude": 52.3101234, "longitude": 4.9701234}, permissions=["geolocation"]
    )
    keep_on_machine(context, live_server.url, [])
    serve_blank_map_tiles(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    InitiativeFactory(name="A ver weg", latitude=Decimal("52.3900"), longitude=Decimal("4.8500"))
    InitiativeFactory(name="B dichtbij", latitude=Decimal("52.3100"), longitude=Decimal("4.9710"))
    page.goto(url_in("en", "initiatives:index"))
    names = page.locator(".op-result__name a")
    expect(names).to_have_text(["A ver weg", "B dichtbij"])

    page.get_by_role("button", name="Show places near me first").click()

    expect(names).to_have_text(["B dichtbij", "A ver weg"])
    assert "lat=52.310&lon=4.970" in page.url
    expect(page.locator(".op-result__distance").first).to_have_text("About 0.1 km from you")


def test_map_works_without_javascript(new_context, live_server):
    context = new_context(java_script_enabled=False)
    keep_on_machine(context, live_server.url, [])
    page = context.new_page()
    spread_places()
    page.goto(url_in("en", "initiatives:index"))

    expect(page.locator("#kaart-paneel")).to_be_hidden()
    expect(page.locator("#dichtbij")).to_be_hidden()
    page.get_by_label("District").select_option("noord")
    page.get_by_role("button", name="Show places", exact=True).click()
    expect(page.locator("#aantal-resultaten")).to_have_text("17 places found")


def test_map_and_detail_pages_are_accessible_with_the_map_drawn(page, browser_log):
    spread_places()
    InitiativeFactory(name="De Werkplaats", trust_signals=["gratis", "rolstoel"], languages=["nl", "ar"])

    page.goto(url_in("en", "initiatives:index"))
    marker_count(page)
    assert_accessible(page)

    page.goto(url_in("en", "initiatives:detail", slug="de-werkplaats"))
    assert marker_count(page) == 1
    assert_accessible(page)
    expect(page.get_by_role("listitem").filter(has_text="It is free.")).to_have_count(1)
    expect(page.get_by_role("listitem").filter(has_text="You can get in with a wheelchair.")).to_have_count(1)

    contact_point = ContactPointFactory(name="Loket Noord")
    page.goto(url_in("en", "initiatives:contactpoint_detail", slug=contact_point.slug))
    assert marker_count(page) == 1
    assert_accessible(page)
    assert browser_log.take_problems() == []
