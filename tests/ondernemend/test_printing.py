"""The base's printing machinery: QR codes a reader can decode at any size, tagged PDFs, and static files
that are found in development and under the hashed names of production (issue 7 points 2, 4, 13)."""

import datetime
import logging
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings
from django.utils import timezone

from initiatives.flyer import render_flyer_pdf
from ondernemend import printing
from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import CertificateFactory, RegistrationFactory, SeriesFactory
from tests.printed import open_pdf, pdf_qr_codes
from workshops.certificate_pdf import render_certificate_pdf

# settings.py: the static files storage when DEBUG is off (production).
PRODUCTION_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
OPEN_FONTS = {"Atkinson-Hyperlegible", "Atkinson-Hyperlegible-Bold"}
URL = "https://ondernemend.example/mijn-gegevens/a2f0c3e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b:1vXyZ_abcdefghijklmnop/"


def pdf_with(markup: str) -> bytes:
    """A one-page PDF of some markup, through the same rendering as every printed document."""
    html = f'<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body>{markup}</body></html>'
    return printing.write_pdf(printing.html_document(html))


def pdf_fonts(pdf: bytes) -> set[str]:
    with open_pdf(pdf) as document:
        return {
            re.sub(r"^/[A-Z]{6}\+", "", str(font.BaseFont))
            for page in document.pages
            for font in page.Resources.Font.values()
        }


# --- QR codes -------------------------------------------------------------------------------------------


def test_qr_svg_scales_with_a_viewbox_and_keeps_a_white_quiet_zone():
    svg = printing.qr_svg(URL, title="QR-code: je eigen pagina")
    modules = printing.qr_code(URL).symbol_size(scale=1, border=0)[0]

    side = modules + 2 * 4  # four modules of quiet zone on each side
    assert re.match(rf'<svg viewBox="0 0 {side} {side}" class="op-qr">', svg)
    assert " width=" not in svg.split(">")[0]
    assert f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>' in svg
    assert "<title>QR-code: je eigen pagina</title>" in svg


@pytest.mark.parametrize("size", ["24mm", "40mm", "12rem"])
def test_qr_svg_decodes_to_its_url_at_any_printed_size(size):
    svg = printing.qr_svg(URL, title="QR-code", css_class="proef")
    # The size comes from the stylesheet only, as on the receipt, the certificate and the flyer.
    markup = f"<style>.proef {{ display: block; width: {size}; height: auto; }}</style>{svg}"

    assert pdf_qr_codes(pdf_with(markup)) == [[URL]]


# --- Addresses -----------------------------------------------------------------------------------------


def test_absolute_reverse_uses_the_site_url_and_the_default_language(settings):
    settings.SITE_URL = "https://ondernemend.example"

    assert printing.absolute_reverse("workshops:verify", code="1234-5678-9012") == (
        "https://ondernemend.example/certificaat/1234-5678-9012/"
    )
    assert printing.absolute_reverse("initiatives:index", language="en", query="district=noord") == (
        "https://ondernemend.example/en/kaart/?district=noord"
    )


# --- The static files fetcher --------------------------------------------------------------------------


def test_static_files_fetcher_serves_static_files_and_refuses_the_network():
    fetcher = printing.StaticFilesFetcher()

    response = fetcher.fetch(settings.SITE_URL + static("css/print-fonts.css"))
    assert b"@font-face" in response.read()
    assert response.content_type == "text/css"
    with pytest.raises(ValueError, match="local static files"):
        fetcher.fetch("https://fonts.example.com/font.woff")


def test_static_files_fetcher_refuses_paths_out_of_the_static_folders():
    fetcher = printing.StaticFilesFetcher()

    for path in ("..%2F..%2Fondernemend%2Fsettings.py", "%2Fetc%2Fpasswd", "nothing-here.css"):
        with pytest.raises(ValueError, match="local static files"):
            fetcher.fetch(settings.SITE_URL + settings.STATIC_URL + path)


# --- Tagged PDFs ---------------------------------------------------------------------------------------


def test_pdf_is_tagged_pdf_ua_with_language_and_title():
    with open_pdf(pdf_with("<h1>Kop</h1><p>Tekst.</p>")) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "nl"
        assert str(pdf.docinfo.Title) == "Proef"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as metadata:
            assert metadata["pdfuaid:part"] == "1"
        assert pdf.check_pdf_syntax() == []


# --- Production: WhiteNoise's manifest storage after collectstatic ---------------------------------------


def production_static_settings(static_root: Path) -> dict:
    extensions = {
        Path(path).suffix.lstrip(".") for finder in get_finders() for path, _storage in finder.list([])
    }
    return {
        "STATIC_ROOT": static_root,
        "STORAGES": {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STATIC_STORAGE}},
        # Compression only adds .gz/.br copies next to the collected files and takes seconds; the names,
        # which this is about, come from the manifest.
        "WHITENOISE_SKIP_COMPRESS_EXTENSIONS": sorted(extensions - {""}),
    }


@pytest.fixture(scope="module")
def collected_static_root(tmp_path_factory):
    """`collectstatic` as a deployment runs it, once for this module."""
    static_root = tmp_path_factory.mktemp("static_root")
    with override_settings(**production_static_settings(static_root)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return static_root


@pytest.fixture
def production_static_files(collected_static_root):
    """The static files as production serves them: collected into STATIC_ROOT by the manifest storage, which
    renames every file to a hashed name (`print-fonts.3f2a….css`) and rewrites the URLs inside stylesheets."""
    with override_settings(**production_static_settings(collected_static_root)):
        yield collected_static_root


def a_flyer_pdf() -> bytes:
    district = District.objects.get(slug="noord")
    InitiativeFactory(district=district, name="Werkplaats Noord")
    return render_flyer_pdf(district)


def a_certificate_pdf() -> bytes:
    series = SeriesFactory(
        coaches=[UserFactory(coach=True)],
        sessions=4,
        sessions__start=timezone.now() - datetime.timedelta(weeks=6),
    )
    return render_certificate_pdf(CertificateFactory(registration=RegistrationFactory(series=series)))


def test_production_storage_gives_stylesheets_hashed_names(production_static_files):
    hashed = static("css/print-fonts.css")

    assert re.fullmatch(r"/static/css/print-fonts\.[0-9a-f]{12}\.css", hashed)
    assert (production_static_files / hashed.removeprefix("/static/")).is_file()
    body = printing.StaticFilesFetcher().fetch(settings.SITE_URL + hashed).read().decode()
    assert re.search(r"atkinson-hyperlegible-latin-400-normal\.[0-9a-f]{12}\.woff", body)


@pytest.mark.django_db
@pytest.mark.parametrize("make_pdf", [a_flyer_pdf, a_certificate_pdf], ids=["flyer", "certificate"])
def test_pdfs_keep_their_stylesheet_and_font_with_the_production_storage(
    production_static_files, make_pdf, caplog
):
    assert staticfiles_storage.__class__.__name__ == PRODUCTION_STATIC_STORAGE.rsplit(".", 1)[1]
    caplog.set_level(logging.WARNING, logger="weasyprint")

    pdf = make_pdf()

    assert [record.getMessage() for record in caplog.records] == []
    # Only the linked stylesheets set the open font and the A4 page; unstyled, WeasyPrint falls back to
    # DejaVu on Letter paper.
    assert pdf_fonts(pdf) == OPEN_FONTS
    with open_pdf(pdf) as document:
        assert [round(float(value)) for value in document.pages[0].MediaBox] == [0, 0, 595, 842]
