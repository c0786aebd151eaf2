"""The phase of a challenge, derived from its dates and the two moments its services record. No database.

draft → open → review → deliberation → decided → published. The dates say when the call opens, when
proposals close and when the jury's review ends; the call then stays in deliberation (also past its planned
`deliberation_ends_at`) until the coordinator has decided every proposal (`decided_at`) and published the
results (`published_at`). The phase is never stored, so it can never disagree with the dates.
"""

from datetime import datetime

from django.utils import timezone

from .enums import Phase

ORDER = list(Phase)


def phase_of(challenge, now: datetime) -> Phase:
    """The phase `challenge` is in at `now`; any object with the date attributes of a Challenge will do."""
    if challenge.published_at is not None:
        return Phase.PUBLISHED
    if challenge.decided_at is not None:
        return Phase.DECIDED
    if now < challenge.opens_at:
        return Phase.DRAFT
    if now < challenge.submission_deadline:
        return Phase.OPEN
    if now < challenge.review_ends_at:
        return Phase.REVIEW
    return Phase.DELIBERATION


def is_public(challenge, now: datetime) -> bool:
    """Everyone may read a call from the moment it opens; before that only its coordinators see it."""
    return phase_of(challenge, now) != Phase.DRAFT


def reached(challenge, now: datetime, phase: Phase) -> bool:
    """Whether `challenge` is in `phase` or a later one at `now`."""
    return ORDER.index(phase_of(challenge, now)) >= ORDER.index(phase)


def current_phase(challenge) -> Phase:
    """The phase `challenge` is in now."""
    return phase_of(challenge, timezone.now())
