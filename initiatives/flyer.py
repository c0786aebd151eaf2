"""The printable flyer of a district: its published initiatives and contact points, and a QR code to the map.

The same content renders as a web page to print (flyer/page.html) and as an A4 PDF through WeasyPrint
(flyer/pdf.html). The PDF is made without any network request: stylesheets and fonts referenced under
STATIC_URL are read from the static files on disk by `StaticFilesFetcher`, every other URL is refused.
"""

import mimetypes
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ondernemend.districts.models import District

from .models import ContactPoint, Facet, Initiative

QR_ERROR_LEVEL = "m"  # survives a fold or a smudge on paper
QR_SCALE = 4


@dataclass(frozen=True)
class Flyer:
    district: District
    initiatives: list[Initiative]
    contact_points: list[ContactPoint]
    map_url: str  # absolute: it is printed and encoded in the QR code
    qr_svg: SafeString
    made_on: date


def map_url(district: District) -> str:
    """The map filtered on the district, as an absolute address for paper."""
    return f"{settings.SITE_URL}{reverse('initiatives:index')}?{urlencode({'district': district.slug})}"


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error=QR_ERROR_LEVEL, micro=False)


def qr_svg(url: str, *, title: str) -> SafeString:
    """The QR code as inline SVG markup (no script, no style attribute: it passes the CSP)."""
    # segno writes only fixed attributes and the escaped title; `url` is encoded in the path, not written.
    return mark_safe(qr_code(url).svg_inline(scale=QR_SCALE, title=title, svgclass="op-flyer-qr__code"))


def build_flyer(district: District) -> Flyer:
    """What the flyer shows; three queries: initiatives, their offers, contact points."""
    initiatives = list(
        Initiative.objects.published()
        .filter(district=district)
        .prefetch_related(Prefetch("offers", queryset=Facet.objects.only("kind", "code", "position")))
        .order_by("name")
    )
    contact_points = list(ContactPoint.objects.published().filter(district=district).order_by("name"))
    url = map_url(district)
    title = _("QR code: the map of initiatives in %(district)s") % {"district": district.name}
    return Flyer(
        district=district,
        initiatives=initiatives,
        contact_points=contact_points,
        map_url=url,
        qr_svg=qr_svg(url, title=title),
        made_on=timezone.localdate(),
    )


class StaticFilesFetcher(URLFetcher):
    """Serves SITE_URL + STATIC_URL addresses from the static files on disk; refuses everything else."""

    def fetch(self, url, headers=None):
        prefix = settings.SITE_URL + settings.STATIC_URL
        if url.startswith(prefix):
            relative = urlsplit(url).path.removeprefix(urlsplit(prefix).path)
            path = finders.find(relative)
            if path:
                with open(path, "rb") as file:
                    body = file.read()
                content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})
        raise ValueError(f"the flyer only uses local static files, not {url}")


def render_flyer_pdf(district: District) -> bytes:
    """The flyer as an A4 PDF. Relative links resolve against SITE_URL, so they work on paper too."""
    return flyer_document(district).write_pdf()


def flyer_document(district: District):
    """The laid-out WeasyPrint document (its pages), for the PDF and for checking it in tests."""
    html = render_to_string("initiatives/flyer/pdf.html", {"flyer": build_flyer(district)})
    return HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticFilesFetcher()).render()
