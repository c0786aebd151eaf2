"""The participant's rights: export, erasure on request, and anonymisation after 24 months without activity.

Anonymising removes everything that points at a person (name, contact, postcode, age, income, free text of
the intake) and keeps the aggregate facts (registration status, attendance, idea stage, that a certificate
exists), so the network can still count what the workshops achieved. Reflections are notes per session,
not per person: they stay.
"""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ..models import AccessLogEntry, Certificate, Intake, Participant, Registration
from .waiting_list import cancel_registration, cancellable_registrations

INACTIVE_MONTHS = 24
ANONYMOUS_NAME = "—"


def participant_export(participant: Participant) -> dict:
    """Everything recorded about the participant, in plain structures (for JSON and the readable page)."""
    registrations = (
        Registration.objects.filter(participant=participant)
        .select_related("series__initiative")
        .prefetch_related("attendance__session")
    )
    intakes = {
        intake.registration_id: intake
        for intake in Intake.objects.filter(registration__participant=participant)
    }
    certificates = {
        certificate.registration_id: certificate
        for certificate in Certificate.objects.filter(registration__participant=participant)
    }
    return {
        "participant": {
            "first_name": participant.display_name,
            "email": participant.email,
            "phone": participant.phone,
            "preferred_language": participant.preferred_language,
            "district": participant.district.name if participant.district_id else "",
            "postcode_area": participant.postcode_area,
            "age_band": participant.age_band,
            "income_situation": participant.income_situation,
            "created_at": participant.created_at.isoformat(),
            "last_activity_at": participant.last_activity_at.isoformat(),
        },
        "consents": [
            {
                "purpose": consent.purpose,
                "text_version": consent.text_version,
                "language": consent.language,
                "given_at": consent.given_at.isoformat(),
                "given_via": consent.given_via,
                "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
            }
            for consent in participant.consents.all()
        ],
        "registrations": [
            _registration_export(
                registration, intakes.get(registration.pk), certificates.get(registration.pk)
            )
            for registration in registrations
        ],
        "access_log": [
            {"at": entry.at.isoformat(), "role": entry.role, "action": entry.action, "reason": entry.reason}
            for entry in AccessLogEntry.objects.filter(participant=participant)
        ],
    }


def _registration_export(registration, intake, certificate) -> dict:
    return {
        "series": registration.series.title,
        "initiative": registration.series.initiative.name,
        "status": registration.status,
        "signed_up_at": registration.created_at.isoformat(),
        "intake": _intake_export(intake) if intake else None,
        "attendance": [
            {
                "session": attendance.session.number,
                "topic": attendance.session.topic,
                "status": attendance.status,
            }
            for attendance in sorted(registration.attendance.all(), key=lambda a: a.session.number)
        ],
        "certificate": (
            {
                "code": certificate.code,
                "issued_at": certificate.issued_at.isoformat(),
                "public": certificate.public,
                "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
                "revoked_reason": certificate.revoked_reason,
            }
            if certificate
            else None
        ),
    }


def _intake_export(intake: Intake) -> dict:
    return {
        "idea_stage": intake.idea_stage,
        "idea_description": intake.idea_description,
        "prior_experience": intake.prior_experience,
        "dutch_level": intake.dutch_level,
        "digital_skills": intake.digital_skills,
        "learning_preferences": intake.learning_preferences,
        "practical_needs": intake.practical_needs,
        "personal_goal": intake.personal_goal,
        "referral_wishes": intake.referral_wishes,
    }


@transaction.atomic
def anonymise_participant(participant: Participant) -> Participant:
    participant.display_name = ANONYMOUS_NAME
    participant.email = ""
    participant.phone = ""
    participant.postcode_area = ""
    participant.age_band = ""
    participant.income_situation = ""
    participant.anonymised_at = timezone.now()
    participant.save()
    Intake.objects.filter(registration__participant=participant).update(
        idea_description="",
        prior_experience="",
        personal_goal="",
        practical_needs=[],
        referral_wishes=[],
    )
    # The certificate still counts, but can never again be looked up by its code.
    Certificate.objects.filter(registration__participant=participant).update(public=False)
    Registration.objects.filter(participant=participant).update(submission_key=None)
    AccessLogEntry.objects.filter(participant=participant).update(reason="")
    return participant


@transaction.atomic
def erase_on_request(participant: Participant) -> Participant:
    """Deletion asked for by the participant: the same anonymisation, at once.

    Her places in series that are not over yet are cancelled first, so the seat goes to the waiting list;
    registrations in finished series keep their status, for the counts.
    """
    for registration in cancellable_registrations(participant):
        cancel_registration(registration)
    participant.erasure_requested_at = timezone.now()
    return anonymise_participant(participant)


def inactive_since(now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or timezone.now()
    year, month = divmod(now.month - 1 - INACTIVE_MONTHS, 12)
    try:
        return now.replace(year=now.year + year, month=month + 1)
    except ValueError:  # the 29th-31st in a shorter month
        return now.replace(year=now.year + year, month=month + 1, day=28)


def participants_to_anonymise(now: datetime.datetime | None = None) -> QuerySet[Participant]:
    return Participant.objects.filter(anonymised_at__isnull=True, last_activity_at__lt=inactive_since(now))
