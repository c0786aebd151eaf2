"""Writes for accounts: inviting people to a role, accepting and revoking invitations.

Every change is recorded in the audit log (`ondernemend.audit`), without the invitee's e-mail address: the
entry points at the invitation, which holds it.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ondernemend.audit.services import changed_fields, record_change

from . import queries
from .exceptions import InvitationAlreadyUsed, InvitationExpired, InvitationNotUsable, InvitationRevoked
from .models import Invitation, User
from .roles import InvitationStatus, Role
from .tokens import hash_token, new_invitation_token


@dataclass(frozen=True)
class Acceptance:
    user: User
    new_account: bool


def invite_user(*, email: str, role: Role, by: User) -> Invitation:
    """Invite `email` to `role`, or renew the open invitation for that pair; the e-mail goes out on commit.

    The returned invitation carries the token in memory (`invitation.token`) — it is never stored.
    """
    email = User.objects.normalize_email(email).strip().lower()
    role = Role(role)
    if queries.user_has_role(email=email, role=role):
        raise ValidationError(
            {"email": ValidationError(_("This person already has this role."), code="has_role")}
        )
    token = new_invitation_token()
    now = timezone.now()
    expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(email__iexact=email, role=role, accepted_at__isnull=True, revoked_at__isnull=True)
            .first()
        )
        if invitation is None:
            invitation = Invitation.objects.create(
                email=email,
                role=role,
                token_hash=hash_token(token),
                invited_by=by,
                created_at=now,
                sent_at=now,
                expires_at=expires_at,
            )
            record_change(by=by, action="invitation.sent", target=invitation, changes={"role": [None, role]})
        else:
            previous_expiry = invitation.expires_at
            invitation.token_hash = hash_token(token)
            invitation.invited_by = by
            invitation.sent_at = now
            invitation.expires_at = expires_at
            invitation.save(update_fields=["token_hash", "invited_by", "sent_at", "expires_at"])
            record_change(
                by=by,
                action="invitation.renewed",
                target=invitation,
                changes=changed_fields({"expires_at": previous_expiry}, invitation, ["expires_at"]),
            )
        transaction.on_commit(
            partial(
                send_invitation_email,
                invitation=invitation,
                token=token,
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        )
    invitation.token = token
    return invitation


def invitation_url(token: str) -> str:
    return settings.SITE_URL + reverse("accounts:accept_invitation", kwargs={"token": token})


def send_invitation_email(*, invitation: Invitation, token: str, language: str) -> None:
    with translation.override(language):
        context = {
            "invitation": invitation,
            "role_label": invitation.get_role_display(),
            "url": invitation_url(token),
            "inviter": invitation.invited_by,
            "valid_days": settings.INVITATION_VALID_DAYS,
            "site_url": settings.SITE_URL,
        }
        subject = "".join(render_to_string("accounts/email/invitation_subject.txt", context).splitlines())
        body = render_to_string("accounts/email/invitation_email.txt", context)
    send_mail(subject, body, None, [invitation.email])


def _raise_unless_open(invitation: Invitation) -> None:
    status = invitation.status
    if status == InvitationStatus.ACCEPTED:
        raise InvitationAlreadyUsed
    if status == InvitationStatus.REVOKED:
        raise InvitationRevoked
    if status == InvitationStatus.EXPIRED:
        raise InvitationExpired


def accept_invitation(invitation: Invitation, *, password: str | None, name: str = "") -> Acceptance:
    """Give the invitee the role: a new account with `password`, or the role added to their own account.

    The row lock makes a double submit harmless: the second one finds the invitation accepted.
    """
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        _raise_unless_open(invitation)
        user = User.objects.filter(email__iexact=invitation.email).first()
        new_account = user is None
        if new_account:
            if not password:
                raise ValueError("A new account needs a password.")
            user = User.objects.create_user(email=invitation.email, password=password, name=name.strip())
        roles_before = [role.value for role in user.roles]
        user.groups.add(Group.objects.get_or_create(name=invitation.role)[0])
        user.forget_roles()
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        # The invitee acts here, in the role the invitation gives.
        if new_account:
            record_change(by=user, action="user.created", target=user, role=invitation.role)
        record_change(by=user, action="invitation.accepted", target=invitation, role=invitation.role)
        roles_after = [role.value for role in user.roles]
        if roles_after != roles_before:
            record_change(
                by=user,
                action="user.roles_changed",
                target=user,
                role=invitation.role,
                changes={"roles": [roles_before, roles_after]},
            )
    return Acceptance(user=user, new_account=new_account)


# What the Django admin can change about an account's rights; written to the audit log when it does.
RIGHTS_FIELDS = ("is_active", "is_staff", "is_superuser")


def rights_of(user: User) -> dict:
    """An account's rights now, read from the database: its flags and its roles (group names, sorted)."""
    return {
        **{name: getattr(user, name) for name in RIGHTS_FIELDS},
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def record_rights_change(user: User, *, before: dict, by: User) -> None:
    """Write the change of an account's rights made outside the services (the admin), if anything changed."""
    after = rights_of(user)
    changes = {name: [before.get(name), after[name]] for name in after if before.get(name) != after[name]}
    if changes:
        record_change(by=by, action="user.rights_changed", target=user, changes=changes)


def revoke_invitation(invitation: Invitation, *, by: User) -> Invitation:
    """Make an invitation's link stop working. Revoking twice changes nothing; an accepted one cannot."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise InvitationAlreadyUsed
        if invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.revoked_by = by
            invitation.save(update_fields=["revoked_at", "revoked_by"])
            record_change(by=by, action="invitation.revoked", target=invitation)
    return invitation


def reason_not_usable(invitation: Invitation) -> InvitationNotUsable:
    """Why a link no longer works, as the exception whose message the invitee sees."""
    try:
        _raise_unless_open(invitation)
    except InvitationNotUsable as reason:
        return reason
    raise ValueError("The invitation is still open.")
