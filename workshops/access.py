"""Fetching participant-level objects for a user, and the access log that records every read.

Views get registrations, sessions and series through these helpers: they answer 404 (not 403) when the
object is not the user's, so that the existence of a participant is not revealed.

Two ways to read a participant (docs/access.md): a coach of one of the participant's series reads directly;
anyone else with the permission (a coördinator) first gives a reason on the reasoned-access page
(`workshops:reasoned_access`). The reason is kept in the session for a short while, so the pages opened
right after it (certificate, revoke, PDF) are logged with that same reason. `log_access` refuses an entry
without a reason from someone who does not coach the participant: an empty reason cannot be written.
"""

import time

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ondernemend.accounts.roles import Role

from .enums import AccessAction
from .models import AccessLogEntry, Participant, Registration, Series, Session

REASONED_ACCESS_SESSION_KEY = "workshops.reasoned_access"
REASONED_ACCESS_SECONDS = 30 * 60  # long enough to finish the task the reason was given for


class ReasonRequired(Exception):
    """Someone who does not coach the participant tried to read or change the record without a reason."""

    message = _("Give a reason before you open this participant's record.")


def role_label(user) -> str:
    if user.is_superuser:
        return "beheerder"
    roles = user.roles
    for role in (Role.COACH, Role.COORDINATOR):
        if role in roles:
            return role.value
    return roles[0].value if roles else "onbekend"


def log_access(participant: Participant, *, user, action: AccessAction, reason: str = "") -> AccessLogEntry:
    """Record that `user` read or changed `participant`'s record; the participant sees this list.

    Only a coach of one of the participant's series may leave the reason empty (ReasonRequired otherwise).
    """
    reason = reason.strip()
    if not reason and not coaches_participant(user, participant):
        raise ReasonRequired
    return AccessLogEntry.objects.create(
        participant=participant, user=user, role=role_label(user), action=action, reason=reason
    )


def coaches_participant(user, participant: Participant) -> bool:
    """Whether `user` coaches a series the participant is registered for: the direct way to a record."""
    if not (user and user.is_authenticated):
        return False
    return Registration.objects.filter(participant=participant, series__coaches=user).exists()


def grant_reasoned_access(request, participant: Participant, reason: str) -> None:
    """Remember for a short while, in this browser's session, why the user opened this participant."""
    grants = {
        key: grant
        for key, grant in request.session.get(REASONED_ACCESS_SESSION_KEY, {}).items()
        if grant["until"] > time.time()
    }
    grants[str(participant.pk)] = {"reason": reason.strip(), "until": time.time() + REASONED_ACCESS_SECONDS}
    request.session[REASONED_ACCESS_SESSION_KEY] = grants


def access_reason(request, registration: Registration) -> str | None:
    """Why `request.user` may read this registration's participant now: "" for a coach of the series, the
    reason given on the reasoned-access page for anyone else, or None when a reason must be given first."""
    if registration.series.coaches.filter(pk=request.user.pk).exists():
        return ""
    grant = request.session.get(REASONED_ACCESS_SESSION_KEY, {}).get(str(registration.participant_id))
    if grant and grant["until"] > time.time() and grant["reason"]:
        return grant["reason"]
    return None


def coached_series_or_404(user, slug: str) -> Series:
    try:
        return Series.objects.select_related("initiative__district").get(slug=slug, coaches=user)
    except Series.DoesNotExist:
        raise Http404 from None


def coached_session_or_404(user, pk: int) -> Session:
    try:
        return Session.objects.select_related("series__initiative__district").get(pk=pk, series__coaches=user)
    except Session.DoesNotExist:
        raise Http404 from None


def coached_registration_or_404(user, pk: int) -> Registration:
    """A registration of a series the user coaches; reading it is logged by the caller (`log_access`)."""
    try:
        return Registration.objects.select_related("participant", "series__initiative__district").get(
            pk=pk, series__coaches=user
        )
    except Registration.DoesNotExist:
        raise Http404 from None
