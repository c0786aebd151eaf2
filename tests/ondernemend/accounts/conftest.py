import pytest

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
