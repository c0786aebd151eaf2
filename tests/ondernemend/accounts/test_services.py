from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ondernemend.accounts import queries, services
from ondernemend.accounts.exceptions import InvitationAlreadyUsed, InvitationExpired, InvitationRevoked
from ondernemend.accounts.models import Invitation, User
from ondernemend.accounts.roles import InvitationStatus, Role
from ondernemend.accounts.tokens import hash_token
from tests.factories.accounts import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_invite_user_stores_only_the_hash_of_the_token(settings):
    coordinator = UserFactory(coordinator=True)

    invitation = services.invite_user(email="Nieuw@Example.org", role=Role.COACH, by=coordinator)

    stored = Invitation.objects.get()
    assert stored.email == "nieuw@example.org"
    assert stored.role == Role.COACH
    assert stored.invited_by == coordinator
    assert stored.token_hash == hash_token(invitation.token)
    assert invitation.token not in stored.token_hash
    assert stored.expires_at - stored.sent_at == timedelta(days=settings.INVITATION_VALID_DAYS)
    assert stored.status == InvitationStatus.OPEN


def test_invite_user_sends_the_link_on_commit(django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://op.example.org"
    coordinator = UserFactory(coordinator=True)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invitation = services.invite_user(email="nieuw@example.org", role=Role.JURYLID, by=coordinator)
        assert mail.outbox == []

    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    assert f"https://op.example.org/uitnodiging/{invitation.token}/" in message.body
    assert "Jurylid" in message.subject


def test_invite_user_in_english_links_to_the_english_page(django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://op.example.org"
    from django.utils import translation

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite_user(
            email="new@example.org", role=Role.COACH, by=UserFactory(coordinator=True)
        )

    assert f"https://op.example.org/en/uitnodiging/{invitation.token}/" in mail.outbox[0].body
    assert "You are invited" in mail.outbox[0].body


def test_invite_user_twice_renews_the_open_invitation():
    coordinator = UserFactory(coordinator=True)
    first = services.invite_user(email="nieuw@example.org", role=Role.COACH, by=coordinator)

    second = services.invite_user(email="NIEUW@example.org", role=Role.COACH, by=coordinator)

    assert Invitation.objects.count() == 1
    assert second.pk == first.pk
    assert queries.get_invitation_by_token(first.token) is None
    assert queries.get_invitation_by_token(second.token) == second


def test_invite_user_renews_an_expired_invitation():
    expired = InvitationFactory(expired=True, email="nieuw@example.org", role=Role.COACH)

    renewed = services.invite_user(
        email="nieuw@example.org", role=Role.COACH, by=UserFactory(coordinator=True)
    )

    assert renewed.pk == expired.pk
    assert renewed.status == InvitationStatus.OPEN
    assert Invitation.objects.count() == 1


def test_invite_user_to_another_role_makes_a_second_invitation():
    coordinator = UserFactory(coordinator=True)
    services.invite_user(email="nieuw@example.org", role=Role.COACH, by=coordinator)

    services.invite_user(email="nieuw@example.org", role=Role.JURYLID, by=coordinator)

    assert sorted(Invitation.objects.values_list("role", flat=True)) == [Role.COACH, Role.JURYLID]


def test_invite_user_after_a_revoked_invitation_makes_a_new_one():
    revoked = InvitationFactory(revoked=True, email="nieuw@example.org", role=Role.COACH)

    invitation = services.invite_user(
        email="nieuw@example.org", role=Role.COACH, by=UserFactory(coordinator=True)
    )

    assert invitation.pk != revoked.pk
    assert Invitation.objects.count() == 2


def test_invite_user_who_already_has_the_role_is_refused():
    UserFactory(email="coach@example.org", coach=True)

    with pytest.raises(ValidationError) as error:
        services.invite_user(email="Coach@example.org", role=Role.COACH, by=UserFactory(coordinator=True))

    assert error.value.message_dict == {"email": ["Deze persoon heeft deze rol al."]}
    assert error.value.error_dict["email"][0].code == "has_role"
    assert Invitation.objects.count() == 0


def test_accept_invitation_creates_the_user_with_the_role():
    invitation = InvitationFactory(email="nieuw@example.org", role=Role.COACH)

    acceptance = services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name=" Nina Nieuw ")

    user = User.objects.get(email="nieuw@example.org")
    assert acceptance.user == user
    assert acceptance.new_account is True
    assert user.name == "Nina Nieuw"
    assert user.check_password("een-goed-wachtwoord-7")
    assert User.objects.get(pk=user.pk).roles == [Role.COACH]
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.accepted_by == user


def test_accept_invitation_twice_raises_already_used():
    invitation = InvitationFactory()
    services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name="Nina")

    with pytest.raises(InvitationAlreadyUsed):
        services.accept_invitation(invitation, password="een-ander-wachtwoord-8", name="Nina")

    assert User.objects.filter(email=invitation.email).count() == 1
    assert User.objects.get(email=invitation.email).check_password("een-goed-wachtwoord-7")


def test_accept_invitation_with_a_stale_object_still_sees_it_was_accepted():
    invitation = InvitationFactory()
    stale_copy = Invitation.objects.get(pk=invitation.pk)
    services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name="Nina")

    with pytest.raises(InvitationAlreadyUsed):
        services.accept_invitation(stale_copy, password="een-goed-wachtwoord-7", name="Nina")


def test_accept_invitation_expired_raises_expired():
    invitation = InvitationFactory(expired=True)

    with pytest.raises(InvitationExpired):
        services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name="Nina")

    assert User.objects.filter(email=invitation.email).exists() is False


def test_accept_invitation_revoked_raises_revoked():
    invitation = InvitationFactory(revoked=True)

    with pytest.raises(InvitationRevoked):
        services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name="Nina")

    assert User.objects.filter(email=invitation.email).exists() is False


def test_accept_invitation_for_an_existing_account_adds_the_role_and_keeps_the_password():
    user = UserFactory(email="bestaand@example.org", name="Bas Bestaand", coach=True)
    invitation = InvitationFactory(email="Bestaand@example.org", role=Role.JURYLID)

    acceptance = services.accept_invitation(invitation, password=None)

    assert acceptance.user == user
    assert acceptance.new_account is False
    user = User.objects.get(pk=user.pk)
    assert user.roles == [Role.COACH, Role.JURYLID]
    assert user.name == "Bas Bestaand"
    assert user.check_password("een-lang-testwachtwoord-42")


def test_revoke_invitation_stops_the_link():
    invitation = InvitationFactory()
    coordinator = UserFactory(coordinator=True)

    services.revoke_invitation(invitation, by=coordinator)

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    assert invitation.revoked_by == coordinator
    with pytest.raises(InvitationRevoked):
        services.accept_invitation(invitation, password="een-goed-wachtwoord-7", name="Nina")


def test_revoke_invitation_twice_keeps_the_first_moment():
    invitation = InvitationFactory(revoked=True, revoked_at=timezone.now() - timedelta(days=1))
    first_moment = invitation.revoked_at

    services.revoke_invitation(invitation, by=UserFactory(coordinator=True))

    invitation.refresh_from_db()
    assert invitation.revoked_at == first_moment


def test_revoke_invitation_accepted_raises_already_used():
    invitation = InvitationFactory(accepted=True)

    with pytest.raises(InvitationAlreadyUsed):
        services.revoke_invitation(invitation, by=UserFactory(coordinator=True))


def test_get_invitation_by_token_finds_by_the_raw_token_only():
    invitation = InvitationFactory()

    assert queries.get_invitation_by_token(invitation.token) == invitation
    assert queries.get_invitation_by_token(invitation.token_hash) is None
    assert queries.get_invitation_by_token("onbekend") is None
    assert queries.get_invitation_by_token("x" * 500) is None
