"""An initiatiefnemer keeps their listing up to date (keyboard only, no JavaScript); nothing typed is lost."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.models import Initiative
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, keep_on_machine, log_in
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

YEAR = timedelta(days=365)


def tab_to(page, element_id: str, *, limit: int = 120) -> None:
    """Press Tab until the element with `element_id` has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def test_initiatiefnemer_edits_own_listing_with_keyboard_only(page, live_server):
    watcher = BrowserWatcher(page)
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor], name="Oude naam")
    log_in(page.context, editor, live_server.url)

    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    expect(page.locator("[data-location-picker]")).to_be_visible()  # the map is there with JavaScript
    assert_accessible(page)

    tab_to(page, "id_name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Nieuwe naam")
    tab_to(page, "id_postcode")
    page.keyboard.press("Control+A")
    page.keyboard.type("1012ab")
    tab_to(page, "id_latitude")
    page.keyboard.press("Control+A")
    page.keyboard.type("52.374000")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("4.890000")
    submit = page.get_by_role("button", name="Opslaan")
    submit_id = "op-submit"
    submit.evaluate(f"(button) => button.id = '{submit_id}'")
    tab_to(page, submit_id)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn initiatieven")
    expect(page.locator("main")).to_contain_text("De wijzigingen in “Nieuwe naam” zijn opgeslagen.")
    assert_accessible(page)
    initiative.refresh_from_db()
    assert (initiative.name, initiative.postcode, str(initiative.latitude)) == (
        "Nieuwe naam",
        "1012 AB",
        "52.374000",
    )
    # Map tiles are blocked on purpose in tests (nothing leaves the machine); anything else is a problem.
    assert [problem for problem in watcher.take_problems() if "ERR_BLOCKED_BY_CLIENT" not in problem] == []


def test_bad_postcode_shows_an_accessible_error(page, live_server):
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor])
    log_in(page.context, editor, live_server.url)

    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    page.locator("#id_postcode").fill("12345")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.locator("main")).to_contain_text("Vul een Nederlandse postcode in")
    assert_accessible(page)
    assert Initiative.objects.get().postcode == "1012 AB"


def test_clicking_the_map_fills_the_coordinates(page, live_server):
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor])
    log_in(page.context, editor, live_server.url)
    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    before = page.locator("#id_latitude").input_value()

    page.locator("[data-location-map]").click(position={"x": 300, "y": 200})

    expect(page.locator("#id_latitude")).not_to_have_value(before)


def test_still_correct_after_typing_saves_the_typed_change(page, live_server):
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor], name="Oude naam", verified_at=timezone.now() - YEAR)
    log_in(page.context, editor, live_server.url)

    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    page.locator("#id_name").fill("Nieuwe naam")
    page.get_by_role("button", name="Nog steeds juist").click()

    expect(page.locator("main")).to_contain_text("De wijzigingen in “Nieuwe naam” zijn opgeslagen.")
    initiative.refresh_from_db()
    assert (initiative.name, timezone.now() - initiative.verified_at < timedelta(minutes=1)) == (
        "Nieuwe naam",
        True,
    )


def test_still_correct_without_javascript_keeps_what_was_typed(new_context, live_server, blocked_requests):
    context = new_context(java_script_enabled=False)
    keep_on_machine(context, live_server.url, blocked_requests)
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor], name="Oude naam", verified_at=timezone.now() - YEAR)
    log_in(context, editor, live_server.url)
    page = context.new_page()

    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    page.locator("#id_name").fill("Nieuwe naam")
    page.locator("#id_postcode").fill("12345")
    page.get_by_role("button", name="Nog steeds juist").click()

    expect(page.locator("main")).to_contain_text("Vul een Nederlandse postcode in")
    expect(page.locator("#id_name")).to_have_value("Nieuwe naam")  # nothing typed is lost
    page.locator("#id_postcode").fill("1012 AB")
    page.get_by_role("button", name="Nog steeds juist").click()

    expect(page.locator("main")).to_contain_text("De wijzigingen in “Nieuwe naam” zijn opgeslagen.")
    initiative.refresh_from_db()
    assert initiative.name == "Nieuwe naam"


def test_still_correct_with_nothing_typed_only_records_the_check(page, live_server):
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(
        editors=[editor], opening_hours="ma 10:00–12:00\nwo 19:00–21:00", verified_at=timezone.now() - YEAR
    )
    updated_at = initiative.updated_at
    log_in(page.context, editor, live_server.url)

    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    expect(page.locator("[data-location-picker]")).to_be_visible()  # the map script has run
    page.get_by_role("button", name="Nog steeds juist").click()

    expect(page.locator("main")).to_contain_text("is gemarkeerd als vandaag gecontroleerd")
    initiative.refresh_from_db()
    assert (timezone.now() - initiative.verified_at < timedelta(minutes=1), initiative.updated_at) == (
        True,
        updated_at,
    )
