"""Writes in the coach area: the intake (with optimistic locking), attendance and reflections."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..access import log_access, role_label
from ..enums import AccessAction, AttendanceStatus, RegistrationStatus
from ..models import AccessLogEntry, Attendance, Intake, Participant, Reflection

INTAKE_FIELDS = (
    "idea_stage",
    "idea_description",
    "prior_experience",
    "dutch_level",
    "digital_skills",
    "learning_preferences",
    "practical_needs",
    "personal_goal",
    "referral_wishes",
)
PARTICIPANT_FIELDS = ("income_situation", "age_band", "postcode_area")
NEW_INTAKE_VERSION = 0  # the version a form carries when no intake exists yet


@dataclass
class IntakeConflict(Exception):
    """Someone saved the intake after this form was opened; `current` is what they saved."""

    current: Intake


def save_intake(*, registration, answers: dict, version: int, by) -> Intake:
    """Save the intake if nobody else saved it since `version`; otherwise raise IntakeConflict.

    `answers` holds the intake fields and the participant's optional coarse details (PARTICIPANT_FIELDS).
    """
    intake_values = {name: answers[name] for name in INTAKE_FIELDS if name in answers}
    participant_values = {name: answers[name] for name in PARTICIPANT_FIELDS if name in answers}
    now = timezone.now()
    with transaction.atomic():
        if version == NEW_INTAKE_VERSION:
            try:
                with transaction.atomic():
                    intake = Intake.objects.create(registration=registration, updated_by=by, **intake_values)
            except IntegrityError:
                current = Intake.objects.select_related("updated_by").get(registration=registration)
                raise IntakeConflict(current) from None
        else:
            changed = Intake.objects.filter(registration=registration, version=version).update(
                **intake_values, version=F("version") + 1, updated_by=by, updated_at=now
            )
            if not changed:
                raise IntakeConflict(
                    Intake.objects.select_related("updated_by").get(registration=registration)
                )
            intake = Intake.objects.get(registration=registration)
        Participant.objects.filter(pk=registration.participant_id).update(
            **participant_values, last_activity_at=now
        )
        log_access(registration.participant, user=by, action=AccessAction.EDIT)
    return intake


def record_attendance(*, session, statuses: dict[int, str], by) -> int:
    """Store one status per confirmed registration of the session's series, in one transaction.

    `statuses` maps registration pk to AttendanceStatus; registrations not in it are left as they are.
    Returns how many were saved.
    """
    now = timezone.now()
    with transaction.atomic():
        registrations = {
            registration.pk: registration
            for registration in session.series.registrations.filter(
                status=RegistrationStatus.CONFIRMED, pk__in=list(statuses)
            ).select_related("participant")
        }
        Attendance.objects.bulk_create(
            [
                Attendance(
                    session=session,
                    registration=registration,
                    status=AttendanceStatus(statuses[pk]),
                    recorded_by=by,
                    recorded_at=now,
                )
                for pk, registration in registrations.items()
            ],
            update_conflicts=True,
            unique_fields=["session", "registration"],
            update_fields=["status", "recorded_by", "recorded_at"],
        )
        participant_ids = [registration.participant_id for registration in registrations.values()]
        Participant.objects.filter(pk__in=participant_ids).update(last_activity_at=now)
        role = role_label(by)
        AccessLogEntry.objects.bulk_create(
            AccessLogEntry(participant_id=pid, user=by, role=role, action=AccessAction.EDIT, at=now)
            for pid in participant_ids
        )
    return len(registrations)


def add_reflection(*, session, text: str, by) -> Reflection:
    return Reflection.objects.create(session=session, author=by, text=text.strip())
