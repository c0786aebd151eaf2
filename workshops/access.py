"""Fetching participant-level objects for a user, and the access log that records every read.

Views get registrations, sessions and series through these helpers: they answer 404 (not 403) when the
object is not the user's, so that the existence of a participant is not revealed.
"""

from django.http import Http404

from ondernemend.accounts.roles import Role

from .enums import AccessAction
from .models import AccessLogEntry, Participant, Registration, Series, Session


def role_label(user) -> str:
    if user.is_superuser:
        return "beheerder"
    roles = user.roles
    for role in (Role.COACH, Role.COORDINATOR):
        if role in roles:
            return role.value
    return roles[0].value if roles else "onbekend"


def log_access(participant: Participant, *, user, action: AccessAction, reason: str = "") -> AccessLogEntry:
    """Record that `user` read or changed `participant`'s record; the participant sees this list."""
    return AccessLogEntry.objects.create(
        participant=participant, user=user, role=role_label(user), action=action, reason=reason
    )


def coached_series_or_404(user, slug: str) -> Series:
    try:
        return Series.objects.get(slug=slug, coaches=user)
    except Series.DoesNotExist:
        raise Http404 from None


def coached_session_or_404(user, pk: int) -> Session:
    try:
        return Session.objects.select_related("series").get(pk=pk, series__coaches=user)
    except Session.DoesNotExist:
        raise Http404 from None


def coached_registration_or_404(user, pk: int) -> Registration:
    """A registration of a series the user coaches; reading it is logged by the caller (`log_access`)."""
    try:
        return Registration.objects.select_related("participant", "series").get(pk=pk, series__coaches=user)
    except Registration.DoesNotExist:
        raise Http404 from None
