"""The interest sign-up: participant, consent and place; double submits; the last seat under a row lock."""

import threading
import uuid

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import translation

from ondernemend.districts.models import District
from tests.factories.workshops import RegistrationFactory, SeriesFactory
from workshops.consent import CURRENT_VERSION, consent_text
from workshops.enums import ContactChannel, RegistrationStatus
from workshops.models import ConsentRecord, Participant, Registration
from workshops.services.signup import sign_up
from workshops.tokens import participant_for_token

pytestmark = pytest.mark.django_db


def form_data(**changes):
    return {
        "display_name": "Samira",
        "phone": "06 12345678",
        "email": "",
        "district": "",
        "preferred_language": "ar",
        "submission_key": str(uuid.uuid4()),
        "consent_version": CURRENT_VERSION,
        **changes,
    }


def sign_up_someone(series, **changes):
    values = {
        "series": series,
        "submission_key": uuid.uuid4(),
        "display_name": "Jan",
        "email": "jan@example.org",
        "preferred_language": "nl",
        "consent": consent_text("nl"),
        **changes,
    }
    return sign_up(**values)


def test_signup_creates_participant_registration_and_consent(client):
    series = SeriesFactory(sessions=3)
    noord = District.objects.get(slug="noord")

    response = client.post(
        reverse("workshops:signup", kwargs={"slug": series.slug}), form_data(district=noord.pk)
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:signup_done", kwargs={"slug": series.slug})
    participant = Participant.objects.get()
    assert (participant.display_name, participant.phone, participant.preferred_language) == (
        "Samira",
        "06 12345678",
        "ar",
    )
    assert participant.district == noord
    registration = Registration.objects.get()
    assert (registration.participant, registration.series, registration.status) == (
        participant,
        series,
        RegistrationStatus.CONFIRMED,
    )
    consent = ConsentRecord.objects.get()
    assert (consent.participant, consent.text_version, consent.language, consent.given_via) == (
        participant,
        CURRENT_VERSION,
        "nl",
        ContactChannel.SELF_SIGNUP,
    )
    assert participant.last_activity_at == registration.created_at


def test_signup_in_english_records_the_english_consent_text(client):
    series = SeriesFactory(sessions=3)
    with translation.override("en"):
        url = reverse("workshops:signup", kwargs={"slug": series.slug})
    client.post(url, form_data())

    assert ConsentRecord.objects.get().language == "en"


def test_signup_form_shows_the_consent_text_above_the_button(client):
    series = SeriesFactory(sessions=3)

    response = client.get(reverse("workshops:signup", kwargs={"slug": series.slug}))

    page = response.content.decode()
    assert consent_text("nl").text in page
    assert page.index(consent_text("nl").text) < page.index("Meld mij aan")
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"  # "no-referrer" would break the CSRF origin check


def test_signup_without_phone_or_email_is_refused(client):
    series = SeriesFactory(sessions=3)

    response = client.post(reverse("workshops:signup", kwargs={"slug": series.slug}), form_data(phone=""))

    assert response.status_code == 200
    assert "Vul een telefoonnummer of een e-mailadres in" in response.content.decode()
    assert Participant.objects.count() == 0


def test_signup_twice_with_the_same_form_gives_one_registration(client):
    series = SeriesFactory(sessions=3)
    data = form_data()
    url = reverse("workshops:signup", kwargs={"slug": series.slug})

    first = client.post(url, data)
    second = client.post(url, data)

    assert Registration.objects.count() == 1
    assert Participant.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert client.session["workshops_signed_up_registration"] == Registration.objects.get().pk


def test_signup_same_key_in_the_service_returns_the_first_registration():
    series = SeriesFactory(sessions=3)
    key = uuid.uuid4()

    first = sign_up_someone(series, submission_key=key)
    second = sign_up_someone(series, submission_key=key, display_name="Iemand anders")

    assert first == second
    assert Registration.objects.count() == 1


def test_signup_when_full_goes_to_the_waiting_list():
    series = SeriesFactory(sessions=3, capacity=1)
    RegistrationFactory(series=series, status=RegistrationStatus.CONFIRMED)

    registration = sign_up_someone(series)

    assert registration.status == RegistrationStatus.WAITING


def test_signup_cancelled_registrations_free_their_place():
    series = SeriesFactory(sessions=3, capacity=1)
    RegistrationFactory(series=series, status=RegistrationStatus.CANCELLED)

    assert sign_up_someone(series).status == RegistrationStatus.CONFIRMED


def test_signup_done_says_what_happens_and_gives_the_personal_link(client):
    series = SeriesFactory(sessions=3)
    client.post(reverse("workshops:signup", kwargs={"slug": series.slug}), form_data())

    response = client.get(reverse("workshops:signup_done", kwargs={"slug": series.slug}))

    page = response.content.decode()
    assert "Je bent aangemeld" in page
    assert "De gemeente ziet je gegevens nooit." in page
    participant = Participant.objects.get()
    token = response.context["record_token"]
    assert participant_for_token(token) == participant
    assert reverse("workshops:my_record", kwargs={"token": token}) in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


def test_signup_done_on_the_waiting_list_says_so(client):
    series = SeriesFactory(sessions=3, capacity=1)
    RegistrationFactory(series=series)
    client.post(reverse("workshops:signup", kwargs={"slug": series.slug}), form_data())

    response = client.get(reverse("workshops:signup_done", kwargs={"slug": series.slug}))

    assert "Je staat op de wachtlijst" in response.content.decode()


def test_signup_done_without_a_signup_in_this_session_goes_to_the_series(client):
    series = SeriesFactory(sessions=3)

    response = client.get(reverse("workshops:signup_done", kwargs={"slug": series.slug}))

    assert response["Location"] == reverse("workshops:series", kwargs={"slug": series.slug})


def test_signup_for_an_unpublished_or_finished_series_is_not_found(client):
    hidden = SeriesFactory(sessions=3, published=False)
    finished = SeriesFactory(sessions=0)

    for series in (hidden, finished):
        response = client.post(reverse("workshops:signup", kwargs={"slug": series.slug}), form_data())
        assert response.status_code == 404
    assert Participant.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signup_twenty_at_once_for_the_last_seat_gives_exactly_one_seat():
    series = SeriesFactory(sessions=3, capacity=3)
    RegistrationFactory.create_batch(2, series=series)
    ready = threading.Barrier(20)
    errors = []

    def sign_up_in_own_connection(number):
        close_old_connections()
        try:
            ready.wait()
            sign_up_someone(series, display_name=f"Persoon {number}")
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up_in_own_connection, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = list(series.registrations.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == 3
    assert statuses.count(RegistrationStatus.WAITING) == 19
