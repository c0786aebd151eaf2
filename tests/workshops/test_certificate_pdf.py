"""The certificate PDF as its reader meets it: QR codes a reader decodes, a tagged PDF, the open font."""

import datetime
import re

import pikepdf
import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.workshops import (
    CertificateFactory,
    ParticipantFactory,
    RegistrationFactory,
    SeriesFactory,
)
from tests.printed import open_pdf, pdf_qr_codes
from workshops.certificate_pdf import absolute_url, render_certificate_pdf
from workshops.tokens import make_token

pytestmark = pytest.mark.django_db


def a_certificate(*, language="nl"):
    series = SeriesFactory(
        coaches=[UserFactory(coach=True)],
        sessions=4,
        sessions__start=timezone.now() - datetime.timedelta(weeks=6),
    )
    participant = ParticipantFactory(display_name="Fatima", preferred_language=language)
    return CertificateFactory(registration=RegistrationFactory(participant=participant, series=series))


def test_certificate_pdf_qr_codes_decode_to_the_verification_page_and_the_own_page(settings):
    settings.SITE_URL = "https://ondernemend.example"
    certificate = a_certificate()
    token = make_token(certificate.registration.participant)

    pages = pdf_qr_codes(render_certificate_pdf(certificate))

    assert pages == [
        [f"https://ondernemend.example/certificaat/{certificate.code}/"],
        [f"https://ondernemend.example/mijn-gegevens/{token}/"],
    ]


def test_certificate_pdf_in_two_languages_has_the_verification_code_on_both_pages(settings):
    settings.SITE_URL = "https://ondernemend.example"
    certificate = a_certificate(language="en")

    pages = pdf_qr_codes(render_certificate_pdf(certificate))

    # Paper keeps the Dutch address, also on the English page.
    verify_url = f"https://ondernemend.example/certificaat/{certificate.code}/"
    assert pages[:2] == [[verify_url], [verify_url]]
    assert len(pages) == 3


def test_certificate_absolute_url_is_the_dutch_address_on_the_site(settings):
    settings.SITE_URL = "https://ondernemend.example"

    assert absolute_url("workshops:verify", code="1234-5678-9012") == (
        "https://ondernemend.example/certificaat/1234-5678-9012/"
    )


def test_certificate_pdf_is_tagged_with_language_and_title():
    certificate = a_certificate(language="en")

    with open_pdf(render_certificate_pdf(certificate)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "nl"
        title = f"Certificaat {certificate.code}"
        assert str(pdf.docinfo.Title) == title
        with pdf.open_metadata() as metadata:
            assert metadata["pdfuaid:part"] == "1"
            assert metadata["dc:title"] == title
        assert pdf.check_pdf_syntax() == []


def test_certificate_pdf_gives_each_qr_code_a_text_in_the_language_of_its_page():
    certificate = a_certificate(language="en")

    with open_pdf(render_certificate_pdf(certificate)) as pdf:
        figures = [
            str(element.Alt)
            for element in structure_elements(pdf.Root.StructTreeRoot)
            if element.S == "/Figure"
        ]

    assert figures == [
        "QR-code: dit certificaat controleren",
        "QR code: check this certificate",
        "QR code: your own page with your data",
    ]


def structure_elements(node):
    """Every structure element under a node of the PDF's structure tree, depth first."""
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from structure_elements(kid)


def test_certificate_pdf_text_is_the_open_font():
    pdf = render_certificate_pdf(a_certificate())

    # Uncompressed font names are in the font dictionaries, which pikepdf reads.
    with open_pdf(pdf) as document:
        fonts = {
            re.sub(r"^/[A-Z]{6}\+", "", str(font.BaseFont))
            for page in document.pages
            for font in page.Resources.Font.values()
        }
    assert fonts == {"Atkinson-Hyperlegible", "Atkinson-Hyperlegible-Bold"}
