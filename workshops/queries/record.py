"""What we hold about one participant, read in one place: her own page, the coördinator's reasoned view of
it, and her download. Which fields go where is declared in workshops.participant_data."""

from django.core.exceptions import ObjectDoesNotExist

from ondernemend.accounts.roles import role_label

from ..models import AccessLogEntry, Certificate, Intake, Participant, Registration
from ..participant_data import exported, rows


def participant_record_context(participant: Participant) -> dict:
    """What the record pages show: the participant, their registrations (with intake, attendance and
    certificate), consents and the access log. Also used by the coördinator's reasoned access."""
    registrations = list(
        Registration.objects.filter(participant=participant)
        .select_related("series__initiative", "intake", "certificate")
        .prefetch_related("attendance__session")
    )
    for registration in registrations:
        registration.intake_or_none = _related_or_none(registration, "intake")
        registration.intake_rows = rows(registration.intake_or_none)
        registration.certificate_or_none = _related_or_none(registration, "certificate")
        registration.attendance_list = sorted(registration.attendance.all(), key=lambda a: a.session.number)
    access_log = list(AccessLogEntry.objects.filter(participant=participant))
    for entry in access_log:
        entry.role_label = role_label(entry.role)
    return {
        "participant": participant,
        "participant_rows": rows(participant),
        "registrations": registrations,
        "consents": list(participant.consents.all()),
        "access_log": access_log,
    }


def _related_or_none(registration: Registration, relation: str):
    try:
        return getattr(registration, relation)
    except ObjectDoesNotExist:
        return None


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
        "participant": exported(participant),
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
        "intake": exported(intake) if intake else None,
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


def own_certificate(participant: Participant, key: str) -> Certificate | None:
    """One of the participant's certificates that is not revoked; `key` as posted (None for anything else)."""
    return Certificate.objects.filter(
        pk=int(key) if key.isdigit() else 0,
        registration__participant=participant,
        revoked_at__isnull=True,
    ).first()
