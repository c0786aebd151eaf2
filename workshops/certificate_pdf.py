"""The certificate as an A4 PDF: one page in Dutch, one in the participant's language where we have it.

Rendered by the base's printing machinery (ondernemend/printing.py): a tagged PDF in the open font, made
without any network request. The certificate names the person, the series, its dates and the initiative —
never anything about income or benefits. The QR code to the participant's own link is on a separate last
page "only for you", so the certificate pages can be shown to others without handing over the key to the
record.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from weasyprint import Document

from ondernemend import printing

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
    return printing.absolute_reverse(view_name, language=DUTCH, **kwargs)  # paper keeps the Dutch address


def verify_qr(verify_url: str) -> SafeString:
    """The code to the verification page; its text (the PDF's alternative text) in the active language."""
    return printing.qr_svg(verify_url, title=_("QR code: check this certificate"))


def record_qr(record_url: str) -> SafeString:
    return printing.qr_svg(record_url, title=_("QR code: your own page with your data"))


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
        verify_qr=verify_qr(verify_url),
        record_url=record_url,
        record_qr=record_qr(record_url),
    )


def render_certificate_html(certificate: Certificate) -> str:
    content = build_content(certificate)
    pages = []
    for language in certificate_languages(certificate):
        with translation.override(language):
            context = {"content": content, "language": language, "verify_qr": verify_qr(content.verify_url)}
            pages.append(render_to_string("workshops/certificates/pdf_page.html", context))
    with translation.override(certificate_languages(certificate)[-1]):
        own_page = render_to_string(
            "workshops/certificates/pdf_own_link.html",
            {"content": content, "record_qr": record_qr(content.record_url)},
        )
    return render_to_string(
        "workshops/certificates/pdf.html", {"pages": pages, "own_page": own_page, "content": content}
    )


def certificate_document(certificate: Certificate) -> Document:
    """The laid-out WeasyPrint document (its pages), for the PDF and for checking it in tests."""
    return printing.html_document(render_certificate_html(certificate))


def render_certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as a tagged A4 PDF."""
    return printing.write_pdf(certificate_document(certificate))
