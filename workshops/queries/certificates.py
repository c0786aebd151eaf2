"""Reads for the certificate pages: the public check of a code."""

from ..models import Certificate


def verifiable_certificate(code: str) -> Certificate | None:
    """Only a public, not revoked certificate of a participant who was not anonymised. `code` is in the
    stored form (normalise_certificate_code)."""
    return (
        Certificate.objects.select_related("registration__participant", "registration__series__initiative")
        .filter(
            code=code,
            public=True,
            revoked_at__isnull=True,
            registration__participant__anonymised_at__isnull=True,
        )
        .first()
    )
