"""The certificate as an A4 PDF: one page in Dutch, one in the participant's language where we have it.

Built like the district flyer (initiatives/flyer.py): WeasyPrint with the open font from static/vendor and a
URL fetcher that only reads local static files, so making a PDF never touches the network. The certificate
names the person, the series, its dates and the initiative — never anything about income or benefits.
The QR code to the participant's own link is on a separate last page "only for you", so the certificate
pages can be shown to others without handing over the key to the record.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from weasyprint import HTML

from initiatives.flyer import StaticFilesFetcher, qr_svg

from .models import Certificate
from .tokens import make_token

DUTCH = "nl"


@dataclass(frozen=True)
class CertificateContent:
    certificate: Certificate
    first_name: str
    series_title: str
    initiative_name: str
    first_day: date | None
    last_day: date | None
    verify_url: str
    verify_qr: SafeString
    record_url: str
    record_qr: SafeString


def certificate_languages(certificate: Certificate) -> list[str]:
    """Dutch, plus the participant's preferred language when the site has a translation for it."""
    preferred = certificate.registration.participant.preferred_language
    available = {code for code, _name in settings.LANGUAGES}
    return [DUTCH] + ([preferred] if preferred != DUTCH and preferred in available else [])


def absolute_url(view_name: str, **kwargs) -> str:
    with translation.override(DUTCH):  # paper keeps the default (Dutch) address
        return settings.SITE_URL + reverse(view_name, kwargs=kwargs)


def build_content(certificate: Certificate) -> CertificateContent:
    registration = certificate.registration
    days = [
        session.starts_at.date() for session in registration.series.sessions.all() if not session.cancelled
    ]
    verify_url = absolute_url("workshops:verify", code=certificate.code)
    record_url = absolute_url("workshops:my_record", token=make_token(registration.participant))
    return CertificateContent(
        certificate=certificate,
        first_name=registration.participant.display_name,
        series_title=registration.series.title,
        initiative_name=registration.series.initiative.name,
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        verify_url=verify_url,
        verify_qr=qr_svg(verify_url, title=_("QR code: check this certificate")),
        record_url=record_url,
        record_qr=qr_svg(record_url, title=_("QR code: your own page with your data")),
    )


def render_certificate_html(certificate: Certificate) -> str:
    content = build_content(certificate)
    pages = []
    for language in certificate_languages(certificate):
        with translation.override(language):
            pages.append(
                render_to_string(
                    "workshops/certificates/pdf_page.html", {"content": content, "language": language}
                )
            )
    with translation.override(certificate_languages(certificate)[-1]):
        own_page = render_to_string("workshops/certificates/pdf_own_link.html", {"content": content})
    return render_to_string(
        "workshops/certificates/pdf.html", {"pages": pages, "own_page": own_page, "content": content}
    )


def certificate_document(certificate: Certificate):
    """The laid-out WeasyPrint document (its pages), for the PDF and for checking it in tests."""
    html = render_certificate_html(certificate)
    return HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticFilesFetcher()).render()


def render_certificate_pdf(certificate: Certificate) -> bytes:
    return certificate_document(certificate).write_pdf()
