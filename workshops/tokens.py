"""The participant's personal link: a signed token over their public id (no account, no personal data)."""

from django.core import signing
from django.core.exceptions import ValidationError

from .models import Participant

SALT = "workshops.my_record"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def make_token(participant: Participant) -> str:
    return _signer().sign(str(participant.public_id))


def participant_for_token(token: str) -> Participant | None:
    """The participant the token belongs to, or None for a forged, broken or anonymised link."""
    try:
        public_id = _signer().unsign(token)
    except signing.BadSignature:
        return None
    try:
        return Participant.objects.get(public_id=public_id, anonymised_at__isnull=True)
    except (Participant.DoesNotExist, ValidationError, ValueError):
        return None
