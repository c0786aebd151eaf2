import pytest

from .conftest import ROLE_MAKERS

pytestmark = pytest.mark.django_db

SECTION_HEADINGS = {
    "initiatiefnemer": 'id="role-initiatiefnemer"',
    "coach": 'id="role-coach"',
    "jurylid": 'id="role-jurylid"',
    "gemeente": 'id="role-gemeente"',
    "coordinator": 'id="role-coordinator"',
    "beheerder": 'id="role-beheerder"',
    "zonder-rol": 'id="no-role"',
}


def test_dashboard_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/mijn-omgeving/")

    assert response.status_code == 302
    assert response.url == "/inloggen/?next=/mijn-omgeving/"


@pytest.mark.parametrize("role", list(ROLE_MAKERS))
def test_dashboard_shows_only_the_sections_of_the_users_roles(client, role):
    user = ROLE_MAKERS[role]()
    client.force_login(user)

    content = client.get("/mijn-omgeving/").content.decode()

    shown = {name for name, marker in SECTION_HEADINGS.items() if marker in content}
    assert shown == {role}
    assert f"Hallo {user.get_short_name()}." in content


def test_dashboard_for_a_coordinator_links_to_the_invite_page(client):
    client.force_login(ROLE_MAKERS["coordinator"]())

    content = client.get("/mijn-omgeving/").content.decode()

    assert 'href="/uitnodigen/"' in content
    assert "mensen uitnodigen per e-mail en hun een rol geven" in content


def test_dashboard_for_a_beheerder_links_to_the_admin(client):
    client.force_login(ROLE_MAKERS["beheerder"]())

    content = client.get("/mijn-omgeving/").content.decode()

    assert 'href="/beheer/"' in content


def test_dashboard_for_gemeente_promises_aggregates_only(client):
    client.force_login(ROLE_MAKERS["gemeente"]())

    content = client.get("/mijn-omgeving/").content.decode()

    assert "nooit losse deelnemers" in content
    assert 'href="/uitnodigen/"' not in content


def test_dashboard_without_a_role_explains_how_to_get_one(client):
    client.force_login(ROLE_MAKERS["zonder-rol"]())

    content = client.get("/mijn-omgeving/").content.decode()

    assert "Je hebt nog geen rol" in content
    assert "coördinator" in content


def test_dashboard_with_two_roles_shows_both(client):
    from ondernemend.accounts.roles import Role
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory(roles=[Role.COACH, Role.JURYLID]))

    content = client.get("/mijn-omgeving/").content.decode()

    assert {name for name, marker in SECTION_HEADINGS.items() if marker in content} == {"coach", "jurylid"}


def test_dashboard_in_english(client):
    client.force_login(ROLE_MAKERS["coach"]())

    content = client.get("/en/mijn-omgeving/").content.decode()

    assert "As a coach you can" in content
