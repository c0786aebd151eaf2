"""Writes in the coach area: the intake (with optimistic locking), attendance and reflections."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ondernemend.accounts.roles import acting_role
from ondernemend.audit.services import changed_fields, record_change, snapshot

from ..access import log_access
from ..enums import AccessAction, AttendanceStatus, RegistrationStatus
from ..exceptions import IntakeConflict
from ..models import AccessLogEntry, Attendance, Intake, Participant, Reflection
from ..participant_data import INTAKE_ANSWERS, PARTICIPANT_ANSWERS

NEW_INTAKE_VERSION = 0  # the version a form carries when no intake exists yet


def save_intake(*, registration, answers: dict, version: int, by) -> Intake:
    """Save the intake if nobody else saved it since `version`; otherwise raise IntakeConflict.

    `answers` holds the intake's answers and the participant's optional coarse details, as declared in
    workshops.participant_data (INTAKE_ANSWERS, PARTICIPANT_ANSWERS).
    """
    intake_values = {name: answers[name] for name in INTAKE_ANSWERS if name in answers}
    participant_values = {name: answers[name] for name in PARTICIPANT_ANSWERS if name in answers}
    now = timezone.now()
    with transaction.atomic():
        before = _saved_answers(registration, intake_values)
        participant_before = snapshot(registration.participant, participant_values)
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
        # Participant data: the audit log keeps the names of the changed fields only (WorkshopsConfig.ready).
        action = "intake.created" if version == NEW_INTAKE_VERSION else "intake.updated"
        record_change(
            by=by, action=action, target=intake, changes=changed_fields(before, intake, intake_values)
        )
        if changes := changed_fields(participant_before, participant_values, participant_values):
            record_change(
                by=by, action="participant.updated", target=registration.participant, changes=changes
            )
    return intake


def _saved_answers(registration, names) -> dict:
    """The intake's answers as saved now; an empty form's defaults when there is no intake yet."""
    saved = Intake.objects.filter(registration=registration).values(*names).first()
    return saved or {name: Intake._meta.get_field(name).get_default() for name in names}


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
        role = acting_role(by)
        AccessLogEntry.objects.bulk_create(
            AccessLogEntry(participant_id=pid, user=by, role=role, action=AccessAction.EDIT, at=now)
            for pid in participant_ids
        )
        # Who was there is participant data: the entry on the session holds how many, never who.
        record_change(
            by=by, action="attendance.saved", target=session, changes={"recorded": [None, len(registrations)]}
        )
    return len(registrations)


@transaction.atomic
def add_reflection(*, session, text: str, by) -> Reflection:
    reflection = Reflection.objects.create(session=session, author=by, text=text.strip())
    record_change(by=by, action="reflection.added", target=reflection)
    return reflection
