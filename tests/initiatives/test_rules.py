import pytest

from ondernemend.accounts.roles import Role
from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db

MANAGER_PERMS = [
    "initiatives.add_initiative",
    "initiatives.publish_initiative",
    "initiatives.add_contactpoint",
    "initiatives.change_contactpoint",
]


def test_change_initiative_allowed_for_its_editor_only():
    editor = UserFactory(initiatiefnemer=True)
    other = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[editor])

    assert (
        editor.has_perm("initiatives.change_initiative", initiative),
        other.has_perm("initiatives.change_initiative", initiative),
    ) == (True, False)


@pytest.mark.parametrize("make_user", [lambda: UserFactory(coordinator=True), SuperUserFactory])
def test_coordinator_and_beheerder_may_do_everything(make_user):
    user = make_user()
    initiative = InitiativeFactory()

    granted = [user.has_perm(perm) for perm in MANAGER_PERMS]

    assert granted == [True] * 4
    assert user.has_perm("initiatives.change_initiative", initiative) is True
    assert user.has_perm("initiatives.view_manage") is True


@pytest.mark.parametrize("role", [Role.INITIATIEFNEMER, Role.COACH, Role.JURYLID, Role.GEMEENTE])
def test_other_roles_may_not_manage(role):
    user = UserFactory(roles=[role])
    InitiativeFactory(editors=[user])

    granted = [user.has_perm(perm) for perm in MANAGER_PERMS]

    assert granted == [False] * 4


def test_view_manage_needs_an_initiative_for_initiatiefnemers():
    with_listing = UserFactory(initiatiefnemer=True)
    without_listing = UserFactory(initiatiefnemer=True)
    InitiativeFactory(editors=[with_listing])

    assert with_listing.has_perm("initiatives.view_manage") is True
    assert without_listing.has_perm("initiatives.view_manage") is False


def test_inactive_editor_may_not_change():
    editor = UserFactory(initiatiefnemer=True, is_active=False)
    initiative = InitiativeFactory(editors=[editor])

    assert editor.has_perm("initiatives.change_initiative", initiative) is False


def test_gemeente_may_not_view_manage_even_as_editor():
    user = UserFactory(gemeente=True)
    InitiativeFactory(editors=[user])

    assert user.has_perm("initiatives.view_manage") is False
