import json

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.accounts import UserFactory
from tests.factories.workshops import (
    CertificateFactory,
    IntakeFactory,
    ParticipantFactory,
    RegistrationFactory,
    SeriesFactory,
)
from workshops.access import log_access
from workshops.enums import AccessAction
from workshops.models import Participant
from workshops.tokens import make_token, participant_for_token

pytestmark = pytest.mark.django_db


def en_url(name, participant):
    with translation.override("en"):
        return reverse(name, kwargs={"token": make_token(participant)})


@pytest.fixture
def participant():
    return ParticipantFactory(display_name="Noor", email="noor@example.org")


def test_token_round_trip(participant):
    assert participant_for_token(make_token(participant)) == participant


def test_token_forged_or_of_anonymised_participant_is_none(participant):
    token = make_token(participant)
    assert participant_for_token(token[:-2] + "xx") is None
    assert participant_for_token("zomaar-iets") is None
    Participant.objects.filter(pk=participant.pk).update(anonymised_at="2026-01-01T00:00Z")
    assert participant_for_token(token) is None


def test_my_record_unknown_token_is_404(client):
    response = client.get(reverse("workshops:my_record", kwargs={"token": "bestaat-niet:abc"}))
    assert response.status_code == 404
    assert "Noor" not in response.content.decode()


def test_my_record_shows_data_and_is_never_cached_without_referrer(client, participant):
    registration = RegistrationFactory(participant=participant)
    IntakeFactory(
        registration=registration, personal_goal="Een eigen taartenbakkerij", practical_needs=["kinderopvang"]
    )

    response = client.get(en_url("workshops:my_record", participant))

    content = response.content.decode()
    assert "Noor" in content
    assert "noor@example.org" in content
    assert "Een eigen taartenbakkerij" in content
    assert "Childcare" in content
    assert registration.series.title in content
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_my_record_shows_the_reads_made_by_staff(client, participant):
    registration = RegistrationFactory(participant=participant)
    coach = UserFactory(coach=True, name="Coach Karel")
    registration.series.coaches.add(coach)
    client.force_login(coach)
    client.get(reverse("workshops:issue_certificate", kwargs={"pk": registration.pk}))
    log_access(participant, user=UserFactory(coordinator=True), action=AccessAction.VIEW, reason="Klacht")
    client.logout()

    response = client.get(en_url("workshops:my_record", participant))

    content = response.content.decode()
    assert content.count('<td class="ams-table__cell">Coach</td>') == 1
    assert content.count('<td class="ams-table__cell">Coordinator</td>') == 1
    assert "Klacht" in content
    assert "Coach Karel" not in content  # the role, not the name


def test_my_record_json_has_everything(client, participant):
    registration = RegistrationFactory(participant=participant, series=SeriesFactory(title="Ondernemen?"))
    IntakeFactory(registration=registration, idea_stage="vaag")
    CertificateFactory(registration=registration, code="1111-2222-3333")
    log_access(participant, user=UserFactory(coach=True), action=AccessAction.VIEW)

    response = client.get(en_url("workshops:my_record_json", participant))

    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert data["participant"]["first_name"] == "Noor"
    assert data["registrations"][0]["series"] == "Ondernemen?"
    assert data["registrations"][0]["intake"]["idea_stage"] == "vaag"
    assert data["registrations"][0]["certificate"]["code"] == "1111-2222-3333"
    assert [entry["role"] for entry in data["access_log"]] == ["coach"]


def test_my_certificate_makes_it_public_and_private(client, participant):
    certificate = CertificateFactory(registration=RegistrationFactory(participant=participant))
    url = en_url("workshops:my_certificate", participant)

    response = client.post(url, {"certificate": certificate.pk, "public": "1"}, follow=True)
    certificate.refresh_from_db()
    assert certificate.public is True
    assert "Others can now check your certificate" in response.content.decode()

    client.post(url, {"certificate": certificate.pk, "public": "0"})
    certificate.refresh_from_db()
    assert certificate.public is False


def test_my_certificate_of_someone_else_is_404(client, participant):
    other = CertificateFactory()

    response = client.post(
        en_url("workshops:my_certificate", participant), {"certificate": other.pk, "public": "1"}
    )

    other.refresh_from_db()
    assert response.status_code == 404
    assert other.public is False


def test_my_certificate_get_is_not_allowed(client, participant):
    response = client.get(en_url("workshops:my_certificate", participant))
    assert response.status_code == 405
    assert response["Referrer-Policy"] == "same-origin"


def test_my_record_erase_confirm_then_erased_at_once(client, participant):
    url = en_url("workshops:my_record_erase", participant)
    record_url = en_url("workshops:my_record", participant)

    confirm = client.get(url)
    assert "Do you want us to delete your data?" in confirm.content.decode()
    participant.refresh_from_db()
    assert participant.anonymised_at is None

    done = client.post(url)

    participant.refresh_from_db()
    assert "Your data is deleted" in done.content.decode()
    assert participant.erasure_requested_at is not None
    assert participant.anonymised_at is not None
    assert participant.display_name != "Noor"
    assert participant.email == ""
    assert client.get(record_url).status_code == 404
