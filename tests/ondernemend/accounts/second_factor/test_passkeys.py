"""Passkey registration is held to our rules: only accounts with a second factor may start it."""

import json

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def begin_registration(client):
    return client.post(reverse("accounts:passkey_registration_begin"), "{}", content_type="application/json")


def test_passkey_registration_begin_for_an_initiative_lead_is_refused_with_a_message(client):
    client.force_login(UserFactory(initiatiefnemer=True))

    response = begin_registration(client)

    assert (response.status_code, json.loads(response.content)) == (
        403,
        {
            "code": "no_second_factor_duty",
            "detail": "Je account gebruikt geen tweede inlogstap. "
            "Daarom kun je geen toegangssleutel (passkey) toevoegen.",
        },
    )


def test_passkey_registration_begin_for_a_verified_coach_returns_the_options(client):
    coach = UserFactory(coach=True, email="chris@example.org")
    client.force_login(coach)

    response = begin_registration(client)

    options = json.loads(response.content)
    assert (response.status_code, options["user"]["name"]) == (200, "chris@example.org")
    assert options["challenge"]


def test_passkey_registration_complete_without_a_begun_ceremony_saves_nothing(client):
    coach = UserFactory(coach=True)
    client.force_login(coach)

    response = client.post(
        reverse("accounts:passkey_registration_complete"), "{}", content_type="application/json"
    )

    assert (response.status_code, json.loads(response.content)["code"]) == (400, "invalid_state")
    assert coach.webauthncredential_set.count() == 0
