"""The interest sign-up: participant, consent and place; double submits; the last seat under a row lock."""

import datetime
import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from ondernemend.districts.models import District
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory
from workshops.consent import CURRENT_VERSION, consent_text
from workshops.enums import ContactChannel, RegistrationStatus
from workshops.models import ConsentRecord, Participant, Registration
from workshops.services.signup import sign_up
from workshops.tokens import participant_for_token
from workshops.views.public import SIGNUP_LIMIT

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


def issued_key(client, url) -> str:
    """Open the form as a browser does: the session is given the form's one-time key."""
    return str(client.get(url).context["form"].initial["submission_key"])


def post_signup(client, series, *, url=None, **changes):
    url = url or reverse("workshops:signup", kwargs={"slug": series.slug})
    return client.post(url, form_data(submission_key=issued_key(client, url), **changes))


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

    response = post_signup(client, series, district=noord.pk)

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
    post_signup(client, series, url=url)

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

    response = post_signup(client, series, phone="")

    assert response.status_code == 200
    assert "Vul een telefoonnummer of een e-mailadres in" in response.content.decode()
    assert Participant.objects.count() == 0


def test_signup_twice_with_the_same_form_gives_one_registration(client):
    series = SeriesFactory(sessions=3)
    url = reverse("workshops:signup", kwargs={"slug": series.slug})
    data = form_data(submission_key=issued_key(client, url))

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
    post_signup(client, series)

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
    post_signup(client, series)

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


def test_signup_replayed_from_another_browser_shows_nobody_elses_data(client):
    series = SeriesFactory(sessions=3)
    url = reverse("workshops:signup", kwargs={"slug": series.slug})
    data = form_data(submission_key=issued_key(client, url))
    client.post(url, data)
    other_browser = Client()

    replay = other_browser.post(url, {**data, "display_name": "Bram", "phone": "06 87654321"})

    page = replay.content.decode()
    assert replay.status_code == 400
    assert "Dit formulier is te oud of is niet hier geopend." in page
    assert "Samira" not in page
    assert "Bram" in page  # what was typed stays
    assert "workshops_signed_up_registration" not in other_browser.session
    new_key = replay.context["form"].data["submission_key"]
    assert new_key != data["submission_key"]

    other_browser.post(
        url, {**data, "display_name": "Bram", "phone": "06 87654321", "submission_key": new_key}
    )

    assert sorted(Participant.objects.values_list("display_name", flat=True)) == ["Bram", "Samira"]
    done = other_browser.get(reverse("workshops:signup_done", kwargs={"slug": series.slug}))
    assert done.context["registration"].participant.display_name == "Bram"


def test_signup_fifteen_from_one_client_registers_at_most_the_limit(client):
    series = SeriesFactory(sessions=3, capacity=12)
    url = reverse("workshops:signup", kwargs={"slug": series.slug})

    statuses = []
    for number in range(15):
        script = Client()  # a script starts a fresh session for every sign-up; the address stays
        response = script.post(
            url, form_data(display_name=f"Bot {number}", submission_key=issued_key(script, url))
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert "Te veel pogingen vanaf jouw verbinding." in response.content.decode()
            assert f"Bot {number}" in response.content.decode()

    assert Registration.objects.count() == SIGNUP_LIMIT.limit == 5
    assert statuses == [302] * 5 + [429] * 10


def test_signup_resent_from_the_same_browser_is_not_counted_again(client):
    series = SeriesFactory(sessions=3)
    url = reverse("workshops:signup", kwargs={"slug": series.slug})
    data = form_data(submission_key=issued_key(client, url))

    statuses = [client.post(url, data).status_code for _ in range(SIGNUP_LIMIT.limit + 2)]

    assert statuses == [302] * (SIGNUP_LIMIT.limit + 2)
    assert Registration.objects.count() == 1


def test_signup_with_the_trap_field_filled_registers_nobody_and_says_nothing(client):
    series = SeriesFactory(sessions=3)

    response = post_signup(client, series, website="https://spam.example")

    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:signup_done", kwargs={"slug": series.slug})
    assert Participant.objects.count() == 0


def test_signup_form_hides_the_trap_field_from_people(client):
    series = SeriesFactory(sessions=3)

    page = client.get(reverse("workshops:signup", kwargs={"slug": series.slug})).content.decode()

    assert '<div class="ams-visually-hidden" aria-hidden="true">' in page
    assert 'name="website"' in page
    field = page[page.index('name="website"') - 200 : page.index('name="website"') + 200]
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    assert "style=" not in field


@pytest.mark.parametrize("name", ["Anna\u202egnp.exe", "Anna\u2066", "Anna\x1b[31m", "Anna\nBram"])
def test_signup_name_with_control_or_direction_characters_is_refused(client, name):
    series = SeriesFactory(sessions=3)

    response = post_signup(client, series, display_name=name)

    assert response.status_code == 200
    assert "Verborgen tekens en stuurtekens mogen niet." in response.content.decode()
    assert Participant.objects.count() == 0


def test_participant_name_refuses_direction_characters_in_every_model_form():
    with pytest.raises(ValidationError):
        Participant(display_name="Anna\u202e", preferred_language="nl").full_clean()


def test_signup_for_a_series_without_a_coach_is_not_found(client):
    series = SeriesFactory(sessions=3, coaches=[])

    response = client.post(reverse("workshops:signup", kwargs={"slug": series.slug}), form_data())

    assert response.status_code == 404
    assert Participant.objects.count() == 0


def test_signup_done_says_when_and_where_the_first_meeting_is(client):
    initiative = InitiativeFactory(name="Buurthuis Oost", street="Dapperstraat 1", postcode="1093 BS")
    start = timezone.localtime().replace(hour=19, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=8
    )
    series = SeriesFactory(initiative=initiative, place="Zaal 2.", sessions=3, sessions__start=start)
    post_signup(client, series)

    response = client.get(reverse("workshops:signup_done", kwargs={"slug": series.slug}))

    page = response.content.decode()
    with translation.override("nl"):
        day = dateformat.format(start, "l j F Y")
    assert f"{day}, 19:00 tot 21:00" in page
    assert "Buurthuis Oost, Dapperstraat 1, 1093 BS Amsterdam. Zaal 2." in page
    assert "De coach belt je of stuurt je een e-mail." in page


def test_signup_done_promises_no_call_from_a_coach_that_does_not_exist(client):
    series = SeriesFactory(sessions=3)
    post_signup(client, series)
    series.coaches.clear()

    page = client.get(reverse("workshops:signup_done", kwargs={"slug": series.slug})).content.decode()

    assert "De coach belt je of stuurt je een e-mail." not in page
    assert "Deze workshop heeft nog geen coach." in page
