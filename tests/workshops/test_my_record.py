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
from workshops.enums import AccessAction, RegistrationStatus
from workshops.models import Participant
from workshops.tokens import make_token, participant_for_token

pytestmark = pytest.mark.django_db


def en_url(name, participant=None, **kwargs):
    """The English address of a page; with `participant`, their personal link (with the token)."""
    if participant is not None:
        kwargs["token"] = make_token(participant)
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def open_own_link(client, participant, name="workshops:my_record"):
    """Open the personal link as the participant does: it leaves the token and shows the page without it."""
    return client.get(en_url(name, participant), follow=True)


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

    response = open_own_link(client, participant)

    assert response.redirect_chain == [(en_url("workshops:own_record"), 302)]
    content = response.content.decode()
    assert "Noor" in content
    assert "noor@example.org" in content
    assert "Een eigen taartenbakkerij" in content
    assert "Childcare" in content
    assert registration.series.title in content
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_my_record_shows_the_reads_made_by_staff(client, participant):
    registration = RegistrationFactory(participant=participant)
    coach = UserFactory(coach=True, name="Coach Karel")
    registration.series.coaches.add(coach)
    client.force_login(coach)
    client.get(reverse("workshops:issue_certificate", kwargs={"pk": registration.pk}))
    log_access(participant, user=UserFactory(coordinator=True), action=AccessAction.VIEW, reason="Klacht")
    client.logout()

    response = open_own_link(client, participant)

    content = response.content.decode()
    assert content.count('<td class="ams-table__cell">Coach</td>') == 1
    assert content.count('<td class="ams-table__cell">Coordinator</td>') == 1
    assert "Klacht" in content
    assert "Coach Karel" not in content  # the role, not the name


def test_my_record_json_has_everything(client, participant):
    registration = RegistrationFactory(participant=participant, series=SeriesFactory(title="Ondernemen?"))
    IntakeFactory(registration=registration, idea_stage="vaag")
    CertificateFactory(registration=registration, code="1111-2222-3333")
    coach = UserFactory(coach=True)
    registration.series.coaches.add(coach)  # only a coach of the series reads without a reason
    log_access(participant, user=coach, action=AccessAction.VIEW)

    response = open_own_link(client, participant, "workshops:my_record_json")

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
    open_own_link(client, participant)
    url = en_url("workshops:own_certificate")

    response = client.post(url, {"certificate": certificate.pk, "public": "1"}, follow=True)
    certificate.refresh_from_db()
    assert certificate.public is True
    assert "Others can now check your certificate" in response.content.decode()

    client.post(url, {"certificate": certificate.pk, "public": "0"})
    certificate.refresh_from_db()
    assert certificate.public is False


def test_my_certificate_of_someone_else_is_404(client, participant):
    other = CertificateFactory()

    open_own_link(client, participant)
    response = client.post(en_url("workshops:own_certificate"), {"certificate": other.pk, "public": "1"})

    other.refresh_from_db()
    assert response.status_code == 404
    assert other.public is False


def test_my_certificate_get_is_not_allowed(client, participant):
    open_own_link(client, participant)
    response = client.get(en_url("workshops:own_certificate"))
    assert response.status_code == 405
    assert response["Referrer-Policy"] == "no-referrer"


def test_my_record_erase_confirm_then_erased_at_once(client, participant):
    url = en_url("workshops:own_erase")
    record_url = en_url("workshops:my_record", participant)

    confirm = open_own_link(client, participant, "workshops:my_record_erase")
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


def test_own_link_leaves_the_token_behind_without_a_referrer(client, participant):
    token = make_token(participant)
    before = client.session.session_key

    response = client.get(en_url("workshops:my_record", participant))

    assert response.status_code == 302
    assert response["Location"] == en_url("workshops:own_record")
    assert token not in response["Location"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert client.session.session_key != before  # a new session key, as at log-in


def test_own_record_without_the_link_in_this_browser_asks_to_open_it(client, participant):
    response = client.get(en_url("workshops:own_record"))

    assert response.status_code == 403
    assert "To see your details, open the link you got when you signed up." in response.content.decode()
    assert "Noor" not in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"


def test_own_record_erase_and_cancel_pages_send_no_referrer(client, participant):
    registration = RegistrationFactory(participant=participant, series=SeriesFactory(sessions=2))
    open_own_link(client, participant)

    for url in (
        en_url("workshops:own_record"),
        en_url("workshops:own_record_json"),
        en_url("workshops:own_erase"),
        en_url("workshops:own_cancel", pk=registration.pk),
    ):
        assert client.get(url)["Referrer-Policy"] == "no-referrer", url


def test_own_cancel_asks_first_then_frees_the_place(client, participant):
    series = SeriesFactory(sessions=3, capacity=1, title="Ondernemen?")
    registration = RegistrationFactory(participant=participant, series=series)
    waiting = RegistrationFactory(series=series, status=RegistrationStatus.WAITING)
    record = open_own_link(client, participant)
    url = en_url("workshops:own_cancel", pk=registration.pk)
    assert f'href="{url}"' in record.content.decode()

    confirm = client.get(url)
    assert "Sign off from “Ondernemen?”" in confirm.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    done = client.post(url, follow=True)

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.CONFIRMED,
    )
    assert done.redirect_chain == [(en_url("workshops:own_record"), 302)]
    assert "“Ondernemen?”: you are signed off." in done.content.decode()
    assert f'href="{url}"' not in done.content.decode()


def test_own_cancel_of_someone_elses_registration_is_404(client, participant):
    other = RegistrationFactory(series=SeriesFactory(sessions=3))
    open_own_link(client, participant)

    response = client.post(en_url("workshops:own_cancel", pk=other.pk))

    other.refresh_from_db()
    assert response.status_code == 404
    assert other.status == RegistrationStatus.CONFIRMED


def test_own_erase_forgets_the_participant_in_this_browser(client, participant):
    open_own_link(client, participant)

    client.post(en_url("workshops:own_erase"))

    assert client.get(en_url("workshops:own_record")).status_code == 403
