"""Fetching the object of a page for a user, and the access log that records every read of a participant.

A view on one object returns one of the `<thing>_or_404(user, key)` helpers below from
`get_permission_object()`; the permission mixin (ondernemend.permissions) keeps it as `self.permission_object`
and checks the view's `permission_required` on it. The rule (docs/access.md): a page about participant data
answers 404 to everyone who may not open it, so that the answer never reveals that a participant exists;
other pages answer 403 to a role that may not use them. Every helper returns None for an anonymous visitor:
the mixin then sends her to log in.

Two ways to read a participant (docs/access.md): a coach of one of the participant's series reads directly;
anyone else with the permission (a coördinator) first gives a reason on the reasoned-access page
(`workshops:reasoned_access`). The reason is kept in the session for a short while, so the pages opened
right after it (certificate, revoke, PDF) are logged with that same reason. `log_access` refuses an entry
without a reason from someone who does not coach the participant: an empty reason cannot be written.
"""

import time

from django.http import Http404

from ondernemend.accounts.roles import acting_role

from .enums import AccessAction
from .exceptions import ReasonRequired
from .models import AccessLogEntry, Participant, Registration, Series, Session

REASONED_ACCESS_SESSION_KEY = "workshops.reasoned_access"
REASONED_ACCESS_SECONDS = 30 * 60  # long enough to finish the task the reason was given for


def log_access(participant: Participant, *, user, action: AccessAction, reason: str = "") -> AccessLogEntry:
    """Record that `user` read or changed `participant`'s record; the participant sees this list.

    Only a coach of one of the participant's series may leave the reason empty (ReasonRequired otherwise).
    """
    reason = reason.strip()
    if not reason and not coaches_participant(user, participant):
        raise ReasonRequired
    return AccessLogEntry.objects.create(
        participant=participant, user=user, role=acting_role(user), action=action, reason=reason
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


def coached_series_or_404(user, slug: str) -> Series | None:
    """A series the user coaches: its participants are on the page."""
    if not user.is_authenticated:
        return None
    return _get_or_404(Series.objects.select_related("initiative__district"), slug=slug, coaches=user)


def coached_session_or_404(user, pk: int) -> Session | None:
    """A session of a series the user coaches: its participants are on the page."""
    if not user.is_authenticated:
        return None
    return _get_or_404(
        Session.objects.select_related("series__initiative__district"), pk=pk, series__coaches=user
    )


def coached_registration_or_404(user, pk: int) -> Registration | None:
    """A registration of a series the user coaches; reading it is logged by the caller (`log_access`)."""
    if not user.is_authenticated:
        return None
    return _get_or_404(_registrations(), pk=pk, series__coaches=user)


def readable_registration_or_404(user, pk: int) -> Registration | None:
    """A registration the user coaches, or any for someone who may open a record with a reason (a
    coördinator): such a page asks the reason first (ReasonFirstMixin) and logs every read with it."""
    if not user.is_authenticated:
        return None
    registrations = _registrations()
    if not user.has_perm("workshops.open_participant_record_with_reason"):
        registrations = registrations.filter(series__coaches=user)
    return _get_or_404(registrations, pk=pk)


def reasoned_registration_or_404(user, pk: int) -> Registration | None:
    """A registration whose participant a coördinator may open with a reason: not anonymised."""
    if not user.is_authenticated:
        return None
    if not user.has_perm("workshops.open_participant_record_with_reason"):
        raise Http404
    return _get_or_404(_registrations(), pk=pk, participant__anonymised_at__isnull=True)


def series_or_404(user, slug: str) -> Series | None:
    """Any series: series are not secret, so the permission answers 403 to a role that may not manage them."""
    if not user.is_authenticated:
        return None
    return _get_or_404(Series.objects.all(), slug=slug)


def session_in_series_or_404(series: Series, pk) -> Session | None:
    """A session of this series chosen on its page (`pk` as sent: None when not a number)."""
    if not pk or not str(pk).isdigit():
        return None
    return _get_or_404(Session.objects.all(), series=series, pk=int(pk))


def _registrations():
    return Registration.objects.select_related("participant", "series__initiative__district")


def _get_or_404(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
