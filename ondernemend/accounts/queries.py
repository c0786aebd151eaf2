"""Reads for accounts."""

from django.db.models import QuerySet

from .models import Invitation, User
from .roles import Role
from .tokens import hash_token

TOKEN_MAX_LENGTH = 100


def get_invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link points to, or None for an unknown (or malformed) token."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    return Invitation.objects.filter(token_hash=hash_token(token)).first()


def invitation_list() -> QuerySet[Invitation]:
    """All invitations, newest first, with the people involved: one query however many rows."""
    return Invitation.objects.select_related("invited_by", "accepted_by").order_by("-sent_at", "-pk")


def user_has_role(*, email: str, role: Role) -> bool:
    return User.objects.filter(email__iexact=email, groups__name=Role(role).value).exists()


def account_exists(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()
