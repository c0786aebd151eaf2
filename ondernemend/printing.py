"""Printing: tagged A4 PDFs through WeasyPrint, QR codes as scalable SVG, absolute addresses for paper.

Shared by every app that prints (the map's district flyer, the workshop certificate, the intake receipt).
See docs/printing.md.

- A PDF is rendered without any network request: `StaticFilesFetcher` reads stylesheets and fonts under
  STATIC_URL from the static files on disk, also under the hashed names that the manifest storage of
  production gives them (`{% static %}` then prints `flyer.3f2a….css`), and refuses every other URL.
- Every PDF is tagged (PDF/UA-1): a structure tree, /Lang from `<html lang>`, the title from `<title>`,
  and the `<title>` of each inline SVG as the alternative text of that figure.
- A QR code is an inline SVG with a viewBox and no fixed size, so CSS scales it without cutting modules
  off; it keeps segno's quiet zone of four modules, drawn white.
"""

import mimetypes
from typing import override
from urllib.parse import unquote, urljoin, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from weasyprint import HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

# PDF/UA-1 implies PDF 1.7 and tagging; WeasyPrint applies the variant both when laying out and writing.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
# The one stylesheet with the fonts of every PDF; each PDF template links it before its own stylesheet.
PDF_FONTS_STYLESHEET = "css/print-fonts.css"

QR_ERROR_LEVEL = "m"  # survives a fold or a smudge on paper
QR_CSS_CLASS = "op-qr"


# --- Addresses ----------------------------------------------------------------------------------------------


def absolute_url(path: str) -> str:
    """An address that works on paper: SITE_URL in front of a path."""
    return settings.SITE_URL + path


def absolute_reverse(view_name: str, *, language: str | None = None, query: str = "", **kwargs) -> str:
    """`reverse()` as an absolute address, by default in the site's default language (no language prefix):
    a personal document outlives the language the coach's screen happened to be in."""
    with translation.override(language or settings.LANGUAGE_CODE):
        path = reverse(view_name, kwargs=kwargs or None)
    return absolute_url(path) + (f"?{query}" if query else "")


# --- QR codes -----------------------------------------------------------------------------------------------


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error=QR_ERROR_LEVEL, micro=False)


def qr_svg(url: str, *, title: str, css_class: str = "") -> SafeString:
    """The QR code as inline SVG markup that scales: a viewBox in modules, no width or height.

    The quiet zone (four modules) is part of the drawing and painted white, so the code stays readable on
    any background. The page's CSS gives the size. No script and no style attribute: it passes the CSP.
    """
    svg = qr_code(url).svg_inline(
        scale=1,
        border=4,
        omitsize=True,
        light="#fff",
        title=title,
        svgclass=f"{QR_CSS_CLASS} {css_class}".strip(),
    )
    # segno writes only fixed attributes and the escaped title; `url` is encoded in the path, not written.
    return mark_safe(svg)  # nosec B308 B703 # segno's own markup: see above


# --- PDFs -------------------------------------------------------------------------------------------------


def static_prefix() -> str:
    """The absolute address under which `{% static %}` URLs appear in a document rendered at SITE_URL."""
    return urljoin(settings.SITE_URL + "/", settings.STATIC_URL)


def read_static_file(name: str) -> bytes | None:
    """A static file by its public name: the source (finders) or, for a hashed name, the collected copy.

    In development `{% static %}` gives the source name, which the finders know. With the manifest storage
    `{% static %}` gives the hashed name, which exists only in STATIC_ROOT after collectstatic; the collected
    stylesheets there also refer to their fonts by hashed name.
    """
    try:
        path = finders.find(name)
        if path:
            with open(path, "rb") as file:
                return file.read()
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as file:
                return file.read()
    except SuspiciousFileOperation:  # a name that climbs out of the static folders
        return None
    return None


class StaticFilesFetcher(URLFetcher):
    """Serves the static files addressed under STATIC_URL from disk; refuses everything else."""

    @override
    def fetch(self, url, headers=None):
        prefix = static_prefix()
        if url.startswith(prefix):
            name = unquote(urlsplit(url).path.removeprefix(urlsplit(prefix).path))
            body = read_static_file(name)
            if body is not None:
                content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})
        raise ValueError(f"PDFs only use local static files, not {url}")


def html_document(html: str) -> Document:
    """The laid-out, tagged document (its pages): for the PDF and for checking the layout in tests.

    Relative links resolve against SITE_URL, so they work on paper too.
    """
    return HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticFilesFetcher()).render(
        **PDF_OPTIONS
    )


def render_document(template_name: str, context: dict) -> Document:
    return html_document(render_to_string(template_name, context))


def write_pdf(document: Document) -> bytes:
    return document.write_pdf(**PDF_OPTIONS)
