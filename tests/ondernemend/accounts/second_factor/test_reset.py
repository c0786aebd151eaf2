"""A coordinator resets someone's second factor: confirmation, devices gone, an audit entry, set-up again."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django_otp import devices_for_user

from ondernemend.accounts.models import User
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import SuperUserFactory, UserFactory

from .helpers import set_up_app

pytestmark = pytest.mark.django_db

PEOPLE = "/tweestapsverificatie/medewerkers/"


def reset_url(user) -> str:
    return f"/tweestapsverificatie/medewerkers/{user.pk}/resetten/"


def test_people_page_lists_staff_with_their_state(client):
    coordinator = UserFactory(coordinator=True, name="Carla")
    coach = UserFactory(coach=True, name="Chris")
    set_up_app(coach)
    UserFactory(jurylid=True, name="Jamal")
    UserFactory(initiatiefnemer=True, name="Ilse")
    client.force_login(coordinator)

    content = client.get(PEOPLE).content.decode()

    assert "Chris" in content
    assert "Jamal" in content
    assert "Ilse" not in content
    assert f'href="{reset_url(coach)}"' in content


def test_reset_asks_for_confirmation_first(client):
    coach = UserFactory(coach=True, name="Chris Coach", email="chris@example.org")
    set_up_app(coach)
    client.force_login(UserFactory(coordinator=True))

    content = client.get(reset_url(coach)).content.decode()

    assert "Chris Coach (chris@example.org)" in content
    assert len(list(devices_for_user(coach))) == 2


def test_reset_deletes_the_devices_writes_an_audit_entry_and_forces_set_up(client):
    coordinator = UserFactory(coordinator=True)
    coach = UserFactory(coach=True)
    set_up_app(coach)
    client.force_login(coordinator)

    response = client.post(reset_url(coach))

    assert response.url == PEOPLE
    assert list(devices_for_user(coach, confirmed=None)) == []
    entry = AuditEntry.objects.filter(action="second_factor.reset").get()
    assert (entry.user, entry.role, entry.target_type, entry.target_id, entry.changes) == (
        coordinator,
        "coordinator",
        ContentType.objects.get_for_model(User),
        str(coach.pk),
        {"devices": [2, 0]},
    )
    client.force_login(coach, second_factor=False)
    assert client.get("/coach/").url == "/tweestapsverificatie/instellen/?next=%2Fcoach%2F"


def test_reset_ends_the_verified_session_of_that_person(client):
    coach = UserFactory(coach=True)
    set_up_app(coach)
    client.force_login(coach)
    assert client.get("/coach/").status_code == 200
    coordinator_client = client.__class__()
    coordinator_client.force_login(UserFactory(coordinator=True))

    coordinator_client.post(reset_url(coach))

    assert client.get("/coach/").url.startswith("/tweestapsverificatie/instellen/")


def test_a_coach_may_not_reset_anyone(client):
    other = UserFactory(coach=True)
    set_up_app(other)
    client.force_login(UserFactory(coach=True))

    response = client.post(reset_url(other))

    assert response.status_code == 403
    assert len(list(devices_for_user(other))) == 2
    assert client.get(PEOPLE).status_code == 403


def test_a_coordinator_may_not_reset_the_beheerder(client):
    beheerder = SuperUserFactory()
    set_up_app(beheerder)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(reset_url(beheerder))

    assert response.status_code == 403
    assert len(list(devices_for_user(beheerder))) == 2
