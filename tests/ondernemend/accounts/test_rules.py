import pytest
from django.contrib.auth.models import AnonymousUser

from ondernemend.accounts import rules as account_rules
from ondernemend.accounts.roles import Role
from tests.factories.accounts import InvitationFactory, SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PREDICATES = {
    Role.INITIATIEFNEMER: account_rules.is_initiatiefnemer,
    Role.COACH: account_rules.is_coach,
    Role.JURYLID: account_rules.is_jurylid,
    Role.GEMEENTE: account_rules.is_gemeente,
    Role.COORDINATOR: account_rules.is_coordinator,
}


@pytest.mark.parametrize("role", list(Role))
def test_role_predicates_are_true_only_for_their_own_role(role):
    user = UserFactory(roles=[role])

    results = {checked_role: predicate.test(user) for checked_role, predicate in PREDICATES.items()}

    assert results == {checked_role: checked_role == role for checked_role in Role}
    assert account_rules.is_beheerder.test(user) is False


def test_role_predicates_are_false_for_anonymous_visitors():
    anonymous = AnonymousUser()

    assert [predicate.test(anonymous) for predicate in PREDICATES.values()] == [False] * 5
    assert account_rules.is_beheerder.test(anonymous) is False


def test_role_predicates_are_false_for_an_inactive_user():
    user = UserFactory(coordinator=True, is_active=False)

    assert account_rules.is_coordinator.test(user) is False


def test_superuser_is_beheerder_without_a_role_group():
    admin = SuperUserFactory()

    assert account_rules.is_beheerder.test(admin) is True
    assert account_rules.is_coordinator.test(admin) is False


@pytest.mark.parametrize(
    ("make_user", "expected"),
    [
        (lambda: UserFactory(initiatiefnemer=True), False),
        (lambda: UserFactory(coach=True), False),
        (lambda: UserFactory(jurylid=True), False),
        (lambda: UserFactory(gemeente=True), False),
        (lambda: UserFactory(coordinator=True), True),
        (SuperUserFactory, True),
        (UserFactory, False),
    ],
    ids=["initiatiefnemer", "coach", "jurylid", "gemeente", "coordinator", "beheerder", "no-role"],
)
def test_invitation_permissions_per_role(make_user, expected):
    user = make_user()
    invitation = InvitationFactory()

    assert user.has_perm("accounts.invite_user") is expected
    assert user.has_perm("accounts.view_invitations") is expected
    assert user.has_perm("accounts.revoke_invitation", invitation) is expected
    assert user.has_perm("accounts.view_dashboard") is True


def test_anonymous_visitor_has_no_account_permissions():
    anonymous = AnonymousUser()

    assert anonymous.has_perm("accounts.view_dashboard") is False
    assert anonymous.has_perm("accounts.invite_user") is False
