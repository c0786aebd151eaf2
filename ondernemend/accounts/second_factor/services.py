"""Writes for the second factor: setting up the app, recovery codes, checking a code, passkeys, the reset.

Devices are django-otp's own models. A code is checked against one device at a time through
`django_otp.verify_token`, which locks the device row, so two requests cannot use the same code, and keeps
django-otp's throttling: after each wrong code the device waits twice as long (1, 2, 4 … seconds) before it
checks the next one.
"""

import re
from base64 import b32encode
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ondernemend.audit.services import record_change

from . import queries

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"
_SEPARATORS = re.compile(r"[\s\-.]+")


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of a code: the device that accepted it, or how long to wait while it is throttled."""

    device: object | None = None
    wait_seconds: int = 0


def start_app_setup(user) -> TOTPDevice:
    """The (one) unconfirmed app device of `user`, made on first use: a reload shows the same QR code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def typed_key(device: TOTPDevice) -> str:
    """The secret key as the apps ask for it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def confirm_app_device(device: TOTPDevice, *, token: str, by) -> tuple[CodeCheck, list[str]]:
    """Confirm the app with its first code; on success also make the recovery codes (returned, shown once)."""
    check = check_code(device, token)
    if check.device is None:
        return check, []
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        record_change(by=by, action="second_factor.app_confirmed", target=device.user)
        codes = create_recovery_codes(device.user, by=by)
    return check, codes


def create_recovery_codes(user, *, by) -> list[str]:
    """Ten new one-time recovery codes for `user`; the old ones stop working. Returned once, to show."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        record_change(by=by, action="second_factor.recovery_codes_created", target=user)
    return codes


def normalise_code(token: str) -> str:
    return _SEPARATORS.sub("", token or "").lower()


def verify_code(user, token: str) -> CodeCheck:
    """Check a code from the app (six digits) or a recovery code (eight letters and digits, used once)."""
    token = normalise_code(token)
    device = queries.confirmed_app(user) if token.isdigit() else queries.recovery_device(user)
    if device is None:
        return CodeCheck()
    return check_code(device, token)


def check_code(device, token: str) -> CodeCheck:
    token = normalise_code(token)
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(wait_seconds=_seconds_until((details or {}).get("locked_until")))
    # A wrong code is said to be wrong; only the next attempt, if it comes too soon, hears to wait.
    return CodeCheck(device=verify_token(device.user, device.persistent_id, token))


def _seconds_until(moment) -> int:
    if moment is None:
        return 1
    return max(1, int((moment - timezone.now()).total_seconds() + 0.999))


def record_passkey_added(user, *, by) -> None:
    """The audit entry for a passkey that django-otp-webauthn's registration view has just saved."""
    record_change(by=by, action="second_factor.passkey_added", target=user)


def remove_passkey(credential, *, by) -> None:
    with transaction.atomic():
        user = credential.user
        credential.delete()
        record_change(by=by, action="second_factor.passkey_removed", target=user)


def reset_second_factor(user, *, by) -> int:
    """Delete every second-factor device of `user`: the next log-in asks to set it up again.

    Sessions that passed the second factor lose it at once: django-otp finds their device no longer.
    Returns the number of devices deleted."""
    with transaction.atomic():
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        record_change(
            by=by, action="second_factor.reset", target=user, changes={"devices": [len(devices), 0]}
        )
    return len(devices)
