import pytest
from django.conf import settings
from django.utils import translation

from tests.factories.accounts import SuperUserFactory, UserFactory

ROLE_MAKERS = {
    "initiatiefnemer": lambda: UserFactory(initiatiefnemer=True),
    "coach": lambda: UserFactory(coach=True),
    "jurylid": lambda: UserFactory(jurylid=True),
    "gemeente": lambda: UserFactory(gemeente=True),
    "coordinator": lambda: UserFactory(coordinator=True),
    "beheerder": SuperUserFactory,
    "zonder-rol": UserFactory,
}


@pytest.fixture
def coordinator_client(client):
    coordinator = UserFactory(coordinator=True, name="Carla Coördinator")
    client.force_login(coordinator)
    client.user = coordinator
    return client


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in Dutch: a request to /en/ leaves English active in the thread afterwards."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hashing a password the production way takes a noticeable moment; these tests make many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
