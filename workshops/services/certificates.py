"""Issuing, revoking and publishing certificates (DESIGN.md §3.2). Every change goes into the access log."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from ondernemend.audit.services import PARTICIPANT, record_change

from ..access import log_access
from ..certificate_codes import new_certificate_code
from ..enums import AccessAction
from ..exceptions import AlreadyIssued, AlreadyRevoked, NoFreeCode, ReasonNeeded, RuleNotMet
from ..models import Attendance, Certificate, Registration
from ..progress import Progress
from ..queries.common import progress_of

CODE_TRIES = 10


def progress(registration: Registration) -> Progress:
    """The coach's progress calculation (workshops.progress) is the one source of the certificate rule."""
    statuses = dict(Attendance.objects.filter(registration=registration).values_list("session_id", "status"))
    return progress_of(registration, registration.series.sessions.all(), statuses)


def rule_met(registration: Registration) -> bool:
    return progress(registration).rule_met


def active_certificate(registration: Registration) -> Certificate | None:
    certificate = Certificate.objects.filter(registration=registration).first()
    return certificate if certificate and certificate.revoked_at is None else None


@transaction.atomic
def issue_certificate(
    registration: Registration, *, by, override_reason: str = "", access_reason: str = ""
) -> Certificate:
    """Issue (or issue again after a revocation). Without the rule met only a coördinator, with a reason.

    `access_reason`: why someone who does not coach the series opened the participant (workshops.access);
    it goes into the access log when there is no override reason.
    """
    registration = Registration.objects.select_for_update().select_related("series").get(pk=registration.pk)
    override_reason = override_reason.strip()
    if active_certificate(registration):
        raise AlreadyIssued
    if not rule_met(registration):
        if not by.has_perm("workshops.override_certificate_rule", registration):
            raise RuleNotMet
        if not override_reason:
            raise ReasonNeeded
    else:
        override_reason = ""
    certificate = Certificate.objects.filter(registration=registration).first() or Certificate(
        registration=registration
    )
    certificate.issued_at = timezone.now()
    certificate.issued_by = by
    certificate.override_reason = override_reason
    certificate.revoked_at = None
    certificate.revoked_reason = ""
    _save_with_new_code(certificate)
    _touch(registration, by=by, reason=override_reason or access_reason)
    record_change(by=by, action="certificate.issued", target=certificate)
    return certificate


def _save_with_new_code(certificate: Certificate) -> None:
    for _attempt in range(CODE_TRIES):
        certificate.code = new_certificate_code()
        try:
            with transaction.atomic():
                certificate.save()
            return
        except IntegrityError:
            continue  # the code was taken (one in a trillion): draw again
    raise NoFreeCode


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, by, reason: str) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise ReasonNeeded
    if certificate.revoked_at is not None:
        raise AlreadyRevoked
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    _touch(certificate.registration, by=by, reason=reason)
    record_change(by=by, action="certificate.revoked", target=certificate)
    return certificate


def set_certificate_public(certificate: Certificate, *, public: bool) -> Certificate:
    """Only the participant decides (through their own link) whether others may verify the certificate."""
    with transaction.atomic():
        was_public = certificate.public
        certificate.public = public
        certificate.save(update_fields=["public"])
        participant = certificate.registration.participant
        participant.last_activity_at = timezone.now()
        participant.save(update_fields=["last_activity_at"])
        # The participant acted, not an account; a certificate is personal, so only the field name is kept.
        record_change(
            by=None,
            role=PARTICIPANT,
            action="certificate.visibility_changed",
            target=certificate,
            changes={"public": [was_public, public]},
        )
    return certificate


def _touch(registration: Registration, *, by, reason: str) -> None:
    participant = registration.participant
    participant.last_activity_at = timezone.now()
    participant.save(update_fields=["last_activity_at"])
    log_access(participant, user=by, action=AccessAction.CERTIFICATE, reason=reason[:300])
