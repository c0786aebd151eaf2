import pytest
from django.urls import reverse
from django.utils import translation

from ondernemend.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.workshops import IntakeFactory, RegistrationFactory, SeriesFactory
from workshops.models import AccessLogEntry
from workshops.tokens import make_token

pytestmark = pytest.mark.django_db


def _receipt_url(registration) -> str:
    with translation.override("en"):
        return reverse("workshops:intake_receipt", kwargs={"pk": registration.pk})


def _dutch_record_path(registration) -> str:
    with translation.override("nl"):
        return reverse("workshops:my_record", kwargs={"token": make_token(registration.participant)})


def test_intake_receipt_shows_the_personal_link_and_who_sees_the_data(client):
    coach = UserFactory(roles=[Role.COACH])
    registration = RegistrationFactory(series=SeriesFactory(coaches=[coach], sessions=3))
    IntakeFactory(registration=registration, personal_goal="Een eigen naaiatelier")
    client.force_login(coach)
    token_path = _dutch_record_path(registration)

    response = client.get(_receipt_url(registration))

    content = response.content.decode()
    assert response.status_code == 200
    assert token_path in content
    assert "<svg" in content
    assert "Een eigen naaiatelier" in content
    assert "The municipality does not see it" in content
    assert "no-store" in response["Cache-Control"]
    assert list(AccessLogEntry.objects.values_list("participant", "role", "action")) == [
        (registration.participant.pk, "coach", "view")
    ]


@pytest.mark.parametrize("role", [Role.GEMEENTE, Role.COORDINATOR, Role.COACH])
def test_intake_receipt_is_not_for_anyone_but_the_series_coaches(client, role):
    registration = RegistrationFactory(series=SeriesFactory(coaches=[UserFactory(roles=[Role.COACH])]))
    client.force_login(UserFactory(roles=[role]))

    response = client.get(_receipt_url(registration))

    assert response.status_code in (403, 404)
    assert registration.participant.display_name not in response.content.decode()
    assert AccessLogEntry.objects.count() == 0


def test_intake_receipt_prints_the_link_without_the_coachs_language(client, settings):
    """The coach's screen may be in English; the paper the participant takes home keeps the plain address."""
    coach = UserFactory(roles=[Role.COACH])
    registration = RegistrationFactory(series=SeriesFactory(coaches=[coach], sessions=3))
    client.force_login(coach)
    token_path = _dutch_record_path(registration)

    content = client.get(_receipt_url(registration)).content.decode()

    assert f"{settings.SITE_URL}{token_path}" in content
    assert f"/en{token_path}" not in content
