"""Plain, consistent Dutch where people see it: choice lists and "optional" marks that tell the truth."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ondernemend.districts.models import District
from tests.browser.axe import assert_accessible
from tests.browser.helpers import log_in
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import SeriesFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def empty_choices(page) -> list[str]:
    """The text of the "nothing chosen" option of every select on the page."""
    return [text.strip() for text in page.locator("select option[value='']").all_inner_texts()]


def test_coordinator_tells_initiatives_with_the_same_name_apart_by_district(page, live_server):
    InitiativeFactory(name="Buurtkamer", slug="buurtkamer-zuid", district=District.objects.get(slug="zuid"))
    InitiativeFactory(name="Buurtkamer", slug="buurtkamer-noord", district=District.objects.get(slug="noord"))
    log_in(page.context, UserFactory(coordinator=True), live_server.url)

    page.goto(reverse("workshops:series_create"))
    initiative = page.get_by_label("Initiatief")

    expect(initiative.locator("option")).to_have_text(
        ["- Maak een keuze -", "Buurtkamer (Noord)", "Buurtkamer (Zuid)"]
    )
    initiative.select_option(label="Buurtkamer (Zuid)")
    expect(initiative).to_have_value(str(District.objects.get(slug="zuid").initiatives.get().pk))
    assert_accessible(page)


def test_edit_page_selects_say_choose_in_dutch(page, live_server):
    editor = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor])
    log_in(page.context, editor, live_server.url)

    page.goto(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))

    assert set(empty_choices(page)) == {"- Maak een keuze -"}
    expect(page.locator("main")).not_to_contain_text("Select an option")


def test_signup_says_phone_or_email_instead_of_marking_both_optional(page, live_server):
    series = SeriesFactory(sessions=3)

    page.goto(reverse("workshops:signup", kwargs={"slug": series.slug}))

    expect(page.locator("label[for='id_phone']")).to_have_text("Telefoonnummer")
    expect(page.locator("label[for='id_email']")).to_have_text("E-mailadres")
    expect(page.locator("label[for='id_district']")).to_contain_text("(niet verplicht)")
    expect(page.locator("main")).to_contain_text(
        "Vul een telefoonnummer of een e-mailadres in. Eén van de twee is genoeg."
    )
    # Every "nothing chosen" option is Dutch: Django 6.1's "- Select an option -" never shows.
    assert empty_choices(page) == ["Weet ik niet of zeg ik liever niet"]
    expect(page.locator("main")).not_to_contain_text("Select an option")
    assert_accessible(page)
