import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.workshops import CertificateFactory, ParticipantFactory, RegistrationFactory
from workshops.certificate_pdf import build_content
from workshops.enums import IncomeSituation
from workshops.models import Certificate
from workshops.views.certificates import VERIFY_LIMIT

pytestmark = pytest.mark.django_db

INCOME_WORDS = ("bijstand", "uitkering", "uwv", "benefit", "income", "inkomen")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def verify(client, code):
    return client.get(reverse("workshops:verify", kwargs={"code": code}))


def without_nonce(response, code="") -> str:
    """The body without the per-response CSP nonce and the code itself (in the language switch's links)."""
    return re.sub(r'nonce="[^"]*"', "", response.content.decode()).replace(code, "CODE")


def public_certificate(**participant):
    participant = ParticipantFactory(
        display_name="Samira", income_situation=IncomeSituation.UWV, **participant
    )
    return CertificateFactory(registration=RegistrationFactory(participant=participant), public=True)


def test_verify_public_certificate_shows_first_name_series_date_and_issuer(client):
    certificate = public_certificate()

    response = verify(client, certificate.code)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Samira" in content
    assert certificate.registration.series.title in content
    assert certificate.registration.series.initiative.name in content
    assert certificate.registration.participant.email not in content


def test_verify_never_shows_income_or_benefit_words(client):
    certificate = public_certificate()

    content = verify(client, certificate.code).content.decode().lower()

    assert [word for word in INCOME_WORDS if word in content] == []


def test_verify_same_answer_for_unknown_private_and_revoked_codes(client):
    private = CertificateFactory(public=False)
    revoked = public_certificate()
    revoked.revoked_at = timezone.now()
    revoked.revoked_reason = "Vergissing"
    revoked.save()

    codes = ("9999-9999-9999", private.code, revoked.code)
    answers = [verify(client, code) for code in codes]

    assert {response.status_code for response in answers} == {404}
    assert len({without_nonce(response, code) for response, code in zip(answers, codes, strict=True)}) == 1
    assert "Dit certificaat kan niet worden getoond" in answers[0].content.decode() or (
        "This certificate cannot be shown" in answers[0].content.decode()
    )
    assert "Samira" not in without_nonce(answers[2])


def test_verify_anonymised_participant_is_not_shown(client):
    certificate = public_certificate()
    participant = certificate.registration.participant
    participant.anonymised_at = timezone.now()
    participant.save()

    assert verify(client, certificate.code).status_code == 404


def test_verify_form_redirects_to_the_code(client):
    response = client.get(reverse("workshops:verify_form"), {"code": " 1234-5678-9012 "})

    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:verify", kwargs={"code": "1234-5678-9012"})


def test_verify_form_without_code_shows_the_form(client):
    response = client.get(reverse("workshops:verify_form"))

    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_verify_is_rate_limited_per_sender(client):
    for number in range(VERIFY_LIMIT.limit):
        verify(client, f"0000-0000-{number:04d}")

    response = verify(client, "0000-0000-9999")

    assert response.status_code == 429
    assert 'name="code"' in response.content.decode()
    other_sender = client.get(reverse("workshops:verify", kwargs={"code": "1"}), REMOTE_ADDR="10.0.0.9")
    assert other_sender.status_code == 404


def test_verify_over_the_limit_says_how_long_to_wait(client):
    for number in range(VERIFY_LIMIT.limit):
        verify(client, f"0000-0000-{number:04d}")

    with translation.override("en"):
        response = client.get(reverse("workshops:verify", kwargs={"code": "0000-0000-9999"}))

    assert response.status_code == 429
    assert (
        "Too many attempts from your connection. Wait 10 minutes and try again." in response.content.decode()
    )


@pytest.mark.parametrize("typed", ["3567 5046 1450", "356750461450", "3567/5046/1450", " 3567.5046.1450 "])
def test_verify_form_finds_a_code_typed_as_read_aloud(client, typed):
    certificate = public_certificate()
    Certificate.objects.filter(pk=certificate.pk).update(code="3567-5046-1450")

    response = client.get(reverse("workshops:verify_form"), {"code": typed}, follow=True)

    assert response.redirect_chain == [(reverse("workshops:verify", kwargs={"code": "3567-5046-1450"}), 302)]
    assert response.status_code == 200
    assert "Samira" in response.content.decode()


@pytest.mark.parametrize("typed", ["356750461450", "3567%205046%201450", "3567/5046/1450"])
def test_verify_address_with_the_code_in_another_form_leads_to_the_certificate(client, typed):
    certificate = public_certificate()
    Certificate.objects.filter(pk=certificate.pk).update(code="3567-5046-1450")

    response = client.get(f"/certificaat/{typed}/", follow=True)

    assert response.status_code == 200
    assert "Samira" in response.content.decode()


@pytest.mark.parametrize("typed", ["1234/5678/901", "12/34", "<script>", "a" * 500, "1234-5678-9012-3456"])
def test_verify_form_with_junk_says_what_a_code_looks_like(client, typed):
    with translation.override("en"):
        response = client.get(reverse("workshops:verify_form"), {"code": typed})

    assert response.status_code == 400
    assert "A code has 12 digits, for example 1234-5678-9012." in response.content.decode()


@pytest.mark.parametrize("path", ["1234/5678/9012/extra", "..%2F..%2Fetc", "%00", "a" * 300])
def test_verify_address_with_junk_is_not_shown_and_never_an_error(client, path):
    response = client.get(f"/certificaat/{path}/")

    assert response.status_code == 404
    assert 'name="code"' in response.content.decode()


def test_certificate_qr_leads_to_the_verification_page(settings):
    certificate = public_certificate()

    content = build_content(certificate)

    assert content.verify_url == f"{settings.SITE_URL}/certificaat/{certificate.code}/"
    assert "<svg" in content.verify_qr
