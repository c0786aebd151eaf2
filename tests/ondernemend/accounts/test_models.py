import pytest
from django.db import IntegrityError
from django.utils import timezone

from ondernemend.accounts.models import User
from ondernemend.accounts.roles import InvitationStatus, Role
from tests.factories.accounts import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_invitation_one_open_per_email_and_role_is_enforced_by_the_database():
    InvitationFactory(email="dubbel@example.org", role=Role.COACH)

    with pytest.raises(IntegrityError):
        InvitationFactory(email="DUBBEL@example.org", role=Role.COACH)


def test_invitation_closed_ones_do_not_block_a_new_one():
    InvitationFactory(email="dubbel@example.org", role=Role.COACH, accepted=True)
    InvitationFactory(email="dubbel@example.org", role=Role.COACH, revoked=True)

    assert InvitationFactory(email="dubbel@example.org", role=Role.COACH).status == InvitationStatus.OPEN


def test_invitation_cannot_be_accepted_and_revoked():
    with pytest.raises(IntegrityError):
        InvitationFactory(accepted=True, revoked_at=timezone.now())


def test_invitation_role_must_be_a_known_role():
    with pytest.raises(IntegrityError):
        InvitationFactory(role="beheerder")


@pytest.mark.parametrize(
    ("traits", "expected"),
    [
        ({}, InvitationStatus.OPEN),
        ({"expired": True}, InvitationStatus.EXPIRED),
        ({"accepted": True}, InvitationStatus.ACCEPTED),
        ({"revoked": True}, InvitationStatus.REVOKED),
    ],
)
def test_invitation_status_follows_its_dates(traits, expected):
    assert InvitationFactory(**traits).status == expected


def test_user_roles_are_read_once_per_user_object(django_assert_num_queries):
    user = User.objects.get(pk=UserFactory(roles=[Role.COACH, Role.GEMEENTE]).pk)

    with django_assert_num_queries(1):
        assert user.roles == [Role.COACH, Role.GEMEENTE]
        assert user.has_role(Role.COACH) is True
        assert user.has_role(Role.JURYLID) is False


def test_user_roles_use_prefetched_groups(django_assert_num_queries):
    UserFactory(coach=True)
    user = User.objects.prefetch_related("groups").get()

    with django_assert_num_queries(0):
        assert user.roles == [Role.COACH]
