"""Codes as an authenticator app would show them, from the device's key (django-otp's own TOTP)."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ondernemend.accounts.second_factor import services


def app_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the app shows now (or `steps_ahead` 30-second steps later), as six digits."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def set_up_app(user) -> tuple[TOTPDevice, list[str]]:
    """A confirmed app and ten recovery codes for `user`, as after the set-up pages."""
    device = services.start_app_setup(user)
    check, codes = services.confirm_app_device(device, token=app_code(device), by=user)
    assert check.device == device
    device.refresh_from_db()
    return device, codes
