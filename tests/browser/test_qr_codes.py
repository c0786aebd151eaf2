"""The QR codes people scan from a screen or from paper, read by a QR reader from Chromium's screenshots
(issue 7 points 2 and 3). The PDFs' codes are decoded in tests/initiatives/test_flyer.py and
tests/workshops/test_certificate_pdf.py."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from ondernemend.districts.models import District
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import IntakeFactory, RegistrationFactory, SeriesFactory
from tests.printed import decoded_qr_codes
from workshops.tokens import make_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def screenshot(page) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(full_page=True)))


@pytest.mark.parametrize(
    ("viewport", "media"),
    [(PHONE, "screen"), (DESKTOP, "screen"), (DESKTOP, "print")],
    ids=["phone", "desktop", "print"],
)
def test_intake_receipt_qr_code_decodes_to_the_participants_own_page(
    page, context, live_server, viewport, media
):
    coach = UserFactory(coach=True)
    registration = RegistrationFactory(series=SeriesFactory(coaches=[coach], sessions=3))
    IntakeFactory(registration=registration)
    log_in(context, coach, live_server.url)
    watcher = BrowserWatcher(page)
    page.set_viewport_size(viewport)
    page.emulate_media(media=media)

    page.goto(reverse("workshops:intake_receipt", kwargs={"pk": registration.pk}))

    expect(page.locator(".op-receipt__qr svg")).to_be_visible()
    with translation.override("nl"):
        own_page = settings.SITE_URL + reverse(
            "workshops:my_record", kwargs={"token": make_token(registration.participant)}
        )
    assert decoded_qr_codes(screenshot(page)) == [own_page]
    expect(page.locator(".op-receipt__url")).to_have_text(own_page)
    if media == "screen":
        assert_accessible(page)
    assert watcher.take_problems() == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_coordinator_finds_the_district_flyer_and_its_qr_code_decodes_to_the_map(
    page, context, live_server, viewport
):
    InitiativeFactory(district=District.objects.get(slug="noord"), name="Werkplaats Noord")
    log_in(context, UserFactory(coordinator=True), live_server.url)
    watcher = BrowserWatcher(page)
    page.set_viewport_size(viewport)

    page.goto(reverse("initiatives:manage"))
    page.get_by_role("link", name="Folder voor Noord").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hulp en ideeën dichtbij in Noord")
    map_url = f"{settings.SITE_URL}/kaart/?district=noord"
    assert decoded_qr_codes(screenshot(page)) == [map_url]
    expect(page.locator(".op-flyer-qr__caption a")).to_have_text(map_url)
    assert_accessible(page)
    assert watcher.take_problems() == []
