"""The printable flyer of a district: its published initiatives and contact points, and a QR code to the map.

The same content renders as a web page to print (flyer/page.html) and as a tagged A4 PDF (flyer/pdf.html)
through the base's printing machinery (ondernemend/printing.py).
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from weasyprint import Document

from ondernemend import printing
from ondernemend.districts.models import District

from .models import ContactPoint, Facet, Initiative


@dataclass(frozen=True)
class Flyer:
    district: District
    initiatives: list[Initiative]
    contact_points: list[ContactPoint]
    map_url: str  # absolute: it is printed and encoded in the QR code
    qr_svg: SafeString
    made_on: date


def flyer_districts() -> list[District]:
    """Every district has a flyer (an empty one says so): the coördinator's map management links to each."""
    return list(District.objects.order_by("name"))


def map_url(district: District) -> str:
    """The map filtered on the district, as an absolute address for paper, in the flyer's language."""
    return printing.absolute_reverse(
        "initiatives:index", language=get_language(), query=urlencode({"district": district.slug})
    )


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
        qr_svg=printing.qr_svg(url, title=title, css_class="op-flyer-qr__code"),
        made_on=timezone.localdate(),
    )


def flyer_document(district: District) -> Document:
    """The laid-out WeasyPrint document (its pages), for the PDF and for checking it in tests."""
    return printing.render_document("initiatives/flyer/pdf.html", {"flyer": build_flyer(district)})


def render_flyer_pdf(district: District) -> bytes:
    """The flyer as a tagged A4 PDF."""
    return printing.write_pdf(flyer_document(district))
