"""Issuing, revoking and publishing certificates (DESIGN.md §3.2). Every change goes into the access log."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..access import log_access
from ..certificate_codes import new_certificate_code
from ..coach_queries import progress_of
from ..enums import AccessAction
from ..models import Attendance, Certificate, Registration
from ..progress import Progress

CODE_TRIES = 10


class CertificateError(Exception):
    """The certificate cannot be issued or changed. `message` says why, in plain words; str() is a short
    English code for logs and tests."""

    code = "no free code"
    message = _("Something went wrong. Please try again.")

    def __init__(self):
        super().__init__(self.code)


class AlreadyIssued(CertificateError):
    code = "already issued"
    message = _("This participant already has a certificate.")


class RuleNotMet(CertificateError):
    code = "rule not met"
    message = _("The rule for the certificate is not met yet.")


class ReasonNeeded(CertificateError):
    code = "reason needed"
    message = _("Please give a reason.")


class AlreadyRevoked(CertificateError):
    code = "already revoked"
    message = _("This certificate was already revoked.")


class NoFreeCode(CertificateError):
    """Ten codes in a row were taken: practically impossible, but never a 500."""


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
    return certificate


def set_certificate_public(certificate: Certificate, *, public: bool) -> Certificate:
    """Only the participant decides (through their own link) whether others may verify the certificate."""
    certificate.public = public
    certificate.save(update_fields=["public"])
    participant = certificate.registration.participant
    participant.last_activity_at = timezone.now()
    participant.save(update_fields=["last_activity_at"])
    return certificate


def _touch(registration: Registration, *, by, reason: str) -> None:
    participant = registration.participant
    participant.last_activity_at = timezone.now()
    participant.save(update_fields=["last_activity_at"])
    log_access(participant, user=by, action=AccessAction.CERTIFICATE, reason=reason[:300])
