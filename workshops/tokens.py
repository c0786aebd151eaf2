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


# The link is exchanged for the browser session on the first visit (views/record.py): after that, the pages
# of the own link have addresses without the token, so it is not in access logs, history or Referer headers.
SESSION_KEY = "workshops_own_record"


def remember_participant(request, participant: Participant) -> None:
    # A new session key, as at log-in: a session id planted in this browser beforehand learns nothing.
    request.session.cycle_key()
    request.session[SESSION_KEY] = str(participant.public_id)


def participant_in_session(request) -> Participant | None:
    public_id = request.session.get(SESSION_KEY)
    if not public_id:
        return None
    try:
        return Participant.objects.get(public_id=public_id, anonymised_at__isnull=True)
    except (Participant.DoesNotExist, ValidationError, ValueError):
        return None


def forget_participant(request) -> None:
    request.session.pop(SESSION_KEY, None)
