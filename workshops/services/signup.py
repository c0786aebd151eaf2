"""Signing up for a series: the participant, their consent and their place (or waiting-list place).

The last seat is taken under a row lock on the series, so two people at once never both get it. The form's
one-time `submission_key` makes a double click or a resent form return the registration it already made.
"""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..consent import ConsentText
from ..enums import ContactChannel, RegistrationStatus
from ..models import ConsentRecord, Participant, Registration, Series


def registration_for_key(submission_key: uuid.UUID) -> Registration | None:
    return (
        Registration.objects.select_related("participant", "series")
        .filter(submission_key=submission_key)
        .first()
    )


def sign_up(
    *,
    series: Series,
    submission_key: uuid.UUID,
    display_name: str,
    email: str = "",
    phone: str = "",
    district=None,
    preferred_language: str,
    consent: ConsentText,
    via: ContactChannel = ContactChannel.SELF_SIGNUP,
) -> Registration:
    """Register a new participant for `series`: a place while there is one, else the waiting list."""
    existing = registration_for_key(submission_key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            locked = Series.objects.select_for_update().get(pk=series.pk)
            confirmed = locked.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            status = (
                RegistrationStatus.CONFIRMED if confirmed < locked.capacity else RegistrationStatus.WAITING
            )
            now = timezone.now()
            participant = Participant.objects.create(
                display_name=display_name,
                email=email,
                phone=phone,
                district=district,
                preferred_language=preferred_language,
                created_at=now,
                last_activity_at=now,
            )
            ConsentRecord.objects.create(
                participant=participant,
                text_version=consent.version,
                language=consent.language,
                given_at=now,
                given_via=via,
            )
            return Registration.objects.create(
                participant=participant,
                series=locked,
                status=status,
                submission_key=submission_key,
                created_at=now,
            )
    except IntegrityError:
        # The same form arrived twice at once: the other request made the registration.
        existing = registration_for_key(submission_key)
        if existing is None:
            raise
        return existing
