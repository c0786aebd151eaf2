import logging
import re

import pytest
from django.urls import reverse
from weasyprint.formatting_structure import boxes

from initiatives.flyer import QR_ERROR_LEVEL, QR_SCALE, StaticFilesFetcher, flyer_document, map_url, qr_code
from ondernemend.districts.models import District
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def noord():
    district = District.objects.get(slug="noord")
    InitiativeFactory(
        name="Werkplaats Noord",
        district=district,
        street="Buikslotermeerplein 1",
        postcode="1025 XL",
        offers=["werkplek", "workshop"],
        opening_hours="di 10:00–16:00",
    )
    InitiativeFactory(name="Verborgen Plek", district=district, published=False)
    InitiativeFactory(name="Plek in Zuid", district=District.objects.get(slug="zuid"))
    ContactPointFactory(name="Stadsloket Noord", district=district, what_to_ask="Vragen over de bijstand.")
    return district


def svg_path(svg: str) -> str:
    (path,) = re.findall(r' d="([^"]+)"', svg)
    return path


def page_boxes(document):
    """Every box laid out on the PDF's pages, from WeasyPrint's document API."""

    def walk(box):
        yield box
        for child in getattr(box, "children", []):
            yield from walk(child)

    for page in document.pages:
        yield from walk(page._page_box)


def page_text(document) -> str:
    return " ".join(box.text for box in page_boxes(document) if isinstance(box, boxes.TextBox))


def test_flyer_shows_the_published_places_of_its_district(client, noord):
    response = client.get(reverse("initiatives:flyer", kwargs={"district": "noord"}))

    content = response.content.decode()
    assert "Werkplaats Noord" in content
    assert "Buikslotermeerplein 1, 1025 XL Amsterdam" in content
    assert "di 10:00–16:00" in content
    assert "Stadsloket Noord" in content
    assert "Vragen over de bijstand." in content
    assert "Verborgen Plek" not in content
    assert "Plek in Zuid" not in content
    assert reverse("initiatives:flyer_pdf", kwargs={"district": "noord"}) in content


def test_flyer_qr_code_opens_the_map_filtered_on_the_district(client, noord, settings):
    settings.SITE_URL = "https://ondernemend.example"

    response = client.get(reverse("initiatives:flyer", kwargs={"district": "noord"}))

    expected_url = "https://ondernemend.example" + reverse("initiatives:index") + "?district=noord"
    assert map_url(noord) == expected_url
    flyer = response.context["flyer"]
    assert flyer.map_url == expected_url
    # The modules drawn on the page are exactly those of the QR code of that URL (segno draws the same
    # matrix for the same data), and the code has error correction for paper.
    assert svg_path(flyer.qr_svg) == svg_path(qr_code(expected_url).svg_inline(scale=QR_SCALE))
    assert qr_code(expected_url).error == QR_ERROR_LEVEL.upper()
    content = response.content.decode()
    assert flyer.qr_svg in content
    assert f'href="{expected_url}"' in content


def test_flyer_unknown_district_is_404(client):
    response = client.get(reverse("initiatives:flyer", kwargs={"district": "atlantis"}))

    assert response.status_code == 404
    assert "Werkplaats" not in response.content.decode()


def test_flyer_pdf_unknown_district_is_404(client):
    response = client.get(reverse("initiatives:flyer_pdf", kwargs={"district": "atlantis"}))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_flyer_pdf_is_an_a4_pdf_with_the_district(client, noord):
    response = client.get(reverse("initiatives:flyer_pdf", kwargs={"district": "noord"}))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    document = flyer_document(noord)
    assert len(document.pages) >= 1
    # A4 in CSS pixels (96 per inch): 210 × 297 mm.
    assert (round(document.pages[0].width), round(document.pages[0].height)) == (794, 1123)
    text = page_text(document)
    assert "Noord" in text
    assert "Werkplaats Noord" in text
    assert "Stadsloket Noord" in text
    # The QR code (inline SVG) is drawn as an image.
    assert len([box for box in page_boxes(document) if isinstance(box, boxes.ReplacedBox)]) == 1


def test_flyer_pdf_uses_the_atkinson_font_from_disk_without_warnings(noord, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")

    pdf = flyer_document(noord).write_pdf(uncompressed_pdf=True)

    fonts = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([^\s/>]+)", pdf))
    assert fonts == {b"Atkinson-Hyperlegible", b"Atkinson-Hyperlegible-Bold"}
    assert [record.getMessage() for record in caplog.records] == []


def test_static_files_fetcher_refuses_the_network(settings):
    fetcher = StaticFilesFetcher()

    with pytest.raises(ValueError, match="local static files"):
        fetcher.fetch("https://fonts.example.com/font.woff")
    response = fetcher.fetch(settings.SITE_URL + settings.STATIC_URL + "initiatives/flyer.css")
    assert b"@page" in response.read()
