"""The participant's rights: erasure on request, and anonymisation after 24 months without activity.

Anonymising removes everything that points at a person (name, contact, postcode, age, income, free text of
the intake) and keeps the aggregate facts (registration status, attendance, idea stage, that a certificate
exists), so the network can still count what the workshops achieved. Reflections are notes per session,
not per person: they stay. What is blanked is declared per field in workshops.participant_data; her
download is read in workshops.queries.record.
"""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ondernemend.audit.services import PARTICIPANT, record_change
from ondernemend.dates import months_before

from ..models import AccessLogEntry, Certificate, Intake, Participant, Registration
from ..participant_data import anonymised_values
from .waiting_list import cancel_registration, cancellable_registrations

INACTIVE_MONTHS = 24


@transaction.atomic
def anonymise_participant(participant: Participant) -> Participant:
    """Blank every field declared `anonymise` in participant_data, of the participant and her intakes."""
    _anonymise(participant)
    record_change(by=None, action="participant.anonymised", target=participant)  # the system, after 24 months
    return participant


def _anonymise(participant: Participant) -> None:
    for name, value in anonymised_values(Participant).items():
        setattr(participant, name, value)
    participant.anonymised_at = timezone.now()
    participant.save()
    Intake.objects.filter(registration__participant=participant).update(**anonymised_values(Intake))
    # The certificate still counts, but can never again be looked up by its code.
    Certificate.objects.filter(registration__participant=participant).update(public=False)
    Registration.objects.filter(participant=participant).update(submission_key=None)
    AccessLogEntry.objects.filter(participant=participant).update(reason="")


@transaction.atomic
def erase_on_request(participant: Participant) -> Participant:
    """Deletion asked for by the participant: the same anonymisation, at once.

    Her places in series that are not over yet are cancelled first, so the seat goes to the waiting list;
    registrations in finished series keep their status, for the counts.
    """
    for registration in cancellable_registrations(participant):
        cancel_registration(registration)
    participant.erasure_requested_at = timezone.now()
    _anonymise(participant)
    record_change(by=None, role=PARTICIPANT, action="participant.erased", target=participant)
    return participant


def inactive_since(now: datetime.datetime | None = None) -> datetime.datetime:
    return months_before(now or timezone.now(), INACTIVE_MONTHS)


def participants_to_anonymise(now: datetime.datetime | None = None) -> QuerySet[Participant]:
    return Participant.objects.filter(anonymised_at__isnull=True, last_activity_at__lt=inactive_since(now))
