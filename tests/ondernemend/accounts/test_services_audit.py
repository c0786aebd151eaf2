"""Every write of the accounts services leaves an audit entry, and none holds the invitee's e-mail address."""

import pytest

from ondernemend.accounts import services
from ondernemend.accounts.roles import Role
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _entries():
    return list(AuditEntry.objects.order_by("pk").values("action", "user", "role", "target_id", "changes"))


def test_inviting_records_who_sent_which_role():
    coordinator = UserFactory(coordinator=True)

    invitation = services.invite_user(email="nieuw@example.org", role=Role.COACH, by=coordinator)

    assert _entries() == [
        {
            "action": "invitation.sent",
            "user": coordinator.pk,
            "role": "coordinator",
            "target_id": str(invitation.pk),
            "changes": {"role": [None, "coach"]},
        }
    ]
    assert "nieuw@example.org" not in str(_entries())


def test_inviting_again_records_the_renewal_and_the_new_expiry():
    coordinator = UserFactory(coordinator=True)
    invitation = InvitationFactory(expired=True, email="nieuw@example.org", role=Role.COACH)
    old_expiry = invitation.expires_at

    renewed = services.invite_user(email="nieuw@example.org", role=Role.COACH, by=coordinator)

    [entry] = AuditEntry.objects.all()
    assert (entry.action, entry.user, entry.target_id) == (
        "invitation.renewed",
        coordinator,
        str(invitation.pk),
    )
    assert entry.changes == {"expires_at": [old_expiry.isoformat(), renewed.expires_at.isoformat()]}


def test_a_refused_invitation_records_nothing():
    UserFactory(email="coach@example.org", coach=True)

    with pytest.raises(Exception, match="rol"):
        services.invite_user(email="coach@example.org", role=Role.COACH, by=UserFactory(coordinator=True))

    assert AuditEntry.objects.count() == 0


def test_accepting_with_a_new_account_records_the_account_the_acceptance_and_the_role():
    invitation = InvitationFactory(role=Role.COACH)

    user = services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name="Nina").user

    assert _entries() == [
        {
            "action": "user.created",
            "user": user.pk,
            "role": "coach",
            "target_id": str(user.pk),
            "changes": {},
        },
        {
            "action": "invitation.accepted",
            "user": user.pk,
            "role": "coach",
            "target_id": str(invitation.pk),
            "changes": {},
        },
        {
            "action": "user.roles_changed",
            "user": user.pk,
            "role": "coach",
            "target_id": str(user.pk),
            "changes": {"roles": [[], ["coach"]]},
        },
    ]


def test_accepting_with_an_existing_account_records_the_added_role():
    user = UserFactory(email="bestaand@example.org", coach=True)
    invitation = InvitationFactory(email="bestaand@example.org", role=Role.JURYLID)

    services.accept_invitation(invitation, password=None)

    assert [entry["action"] for entry in _entries()] == ["invitation.accepted", "user.roles_changed"]
    assert _entries()[-1]["changes"] == {"roles": [["coach"], ["coach", "jurylid"]]}
    assert {entry["user"] for entry in _entries()} == {user.pk}


def test_revoking_records_it_once():
    coordinator = UserFactory(coordinator=True)
    invitation = InvitationFactory()

    services.revoke_invitation(invitation, by=coordinator)
    services.revoke_invitation(invitation, by=coordinator)

    assert [(entry["action"], entry["user"]) for entry in _entries()] == [
        ("invitation.revoked", coordinator.pk)
    ]
