import logging
import re

import pytest
from django.urls import reverse
from django.utils import translation
from weasyprint.formatting_structure import boxes

from initiatives.flyer import flyer_document, map_url, render_flyer_pdf
from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory
from tests.printed import MM, open_pdf, pdf_characters, pdf_page_sizes, pdf_qr_codes

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


def test_flyer_page_links_the_map_filtered_on_the_district(client, noord, settings):
    settings.SITE_URL = "https://ondernemend.example"

    response = client.get(reverse("initiatives:flyer", kwargs={"district": "noord"}))

    expected_url = "https://ondernemend.example/kaart/?district=noord"
    assert map_url(noord) == expected_url
    flyer = response.context["flyer"]
    assert flyer.map_url == expected_url
    content = response.content.decode()
    assert flyer.qr_svg in content
    assert f'href="{expected_url}"' in content
    # The browser decodes the page's code: tests/browser/test_qr_codes.py.


def test_flyer_map_url_keeps_the_language_of_the_flyer(noord, settings):
    settings.SITE_URL = "https://ondernemend.example"

    with translation.override("en"):
        assert map_url(noord) == "https://ondernemend.example/en/kaart/?district=noord"


def test_flyer_pdf_qr_code_decodes_to_the_map_of_the_district(noord, settings):
    settings.SITE_URL = "https://ondernemend.example"

    pdf = render_flyer_pdf(noord)

    assert pdf_qr_codes(pdf) == [["https://ondernemend.example/kaart/?district=noord"]]


def test_flyer_pdf_prints_the_map_address_next_to_the_code(noord, settings):
    settings.SITE_URL = "https://ondernemend.example"

    text = "".join(placed.char for placed in pdf_characters(render_flyer_pdf(noord)))

    assert "https://ondernemend.example/kaart/?district=noord" in text


def test_flyer_pdf_text_stays_inside_the_margins(noord):
    # A long first paragraph and a long name: the text the flex layout used to push off the page.
    InitiativeFactory(district=noord, name="Een buurtplek met een heel erg lange naam zonder afbreekpunten")
    pdf = render_flyer_pdf(noord)
    ((width, height),) = pdf_page_sizes(pdf)
    side_margin = 15 * MM  # flyer.css: @page margin

    outside = "".join(
        placed.char
        for placed in pdf_characters(pdf)
        if placed.left < side_margin - 1
        or placed.right > width - side_margin + 1
        or placed.bottom < 0
        or placed.top > height
    )

    assert outside == ""


def test_flyer_pdf_is_tagged_with_language_and_title(noord):
    with open_pdf(render_flyer_pdf(noord)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "nl"
        assert str(pdf.docinfo.Title) == "Folder voor Noord · Ondernemend Participeren"
        with pdf.open_metadata() as metadata:
            assert metadata["pdfuaid:part"] == "1"
            assert metadata["dc:title"] == "Folder voor Noord · Ondernemend Participeren"
        assert pdf.check_pdf_syntax() == []


def test_manage_page_links_the_flyer_of_each_district(client):
    client.force_login(UserFactory(coordinator=True))

    response = client.get(reverse("initiatives:manage"))

    content = response.content.decode()
    links = re.findall(r'href="(/kaart/folder/[^"]+)"', content)
    districts = District.objects.order_by("name")
    assert links == [
        path
        for district in districts
        for path in (
            reverse("initiatives:flyer", kwargs={"district": district.slug}),
            reverse("initiatives:flyer_pdf", kwargs={"district": district.slug}),
        )
    ]
    assert len(districts) >= 1


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
