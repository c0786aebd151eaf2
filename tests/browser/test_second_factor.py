"""Two-step verification in Chromium: set up from the QR code, recovery codes, and a passkey on a virtual
authenticator (Chrome DevTools Protocol), all under the site's strict CSP."""

import io
import re
from base64 import b32decode
from urllib.parse import parse_qs, urlsplit

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from PIL import Image
from playwright.sync_api import expect

from ondernemend.audit.models import AuditEntry
from tests.browser.helpers import BrowserWatcher, log_in
from tests.factories.accounts import TEST_PASSWORD, UserFactory
from tests.ondernemend.accounts.second_factor.helpers import set_up_app
from tests.printed import decoded_qr_codes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in_with_password(page, email):
    page.goto("/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def log_out(page):
    page.get_by_role("button", name="Uitloggen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Mijn omgeving")


def code_from_qr(page) -> str:
    """Read the QR code as a phone would, and compute the app's code from the otpauth:// address in it."""
    image = Image.open(io.BytesIO(page.locator(".op-second-factor-qr").screenshot()))
    [uri] = decoded_qr_codes(image)
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    secret = parse_qs(parts.query)["secret"][0]
    return f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}"


def test_coach_sets_up_the_app_from_the_qr_code_then_logs_in_with_a_recovery_code(page):
    watcher = BrowserWatcher(page)
    coach = UserFactory(coach=True, email="chris@example.org")

    log_in_with_password(page, coach.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    assert page.url.endswith("/tweestapsverificatie/instellen/?next=%2Fmijn-omgeving%2F")
    # A reader gets nowhere before the second factor: the coach page sends back to the set-up.
    page.goto("/coach/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")

    page.get_by_label("Code uit de app").fill("000000")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator(".ams-field__error, .ams-error-message").first).to_contain_text(
        "Deze code klopt niet."
    )
    page.wait_for_timeout(
        1100
    )  # after a wrong code django-otp checks the next one after a second at the earliest
    page.get_by_label("Code uit de app").fill(code_from_qr(page))
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je herstelcodes")
    expect(page.get_by_text("Bewaar deze codes goed.")).to_be_visible()
    codes = page.locator(".op-recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=coach).confirmed is True
    page.get_by_role("link", name="Ik heb mijn codes bewaard, verder").click()
    # On to where the coach was going before the set-up: the coach page.
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn workshopreeksen")
    assert watcher.take_problems() == []

    page.goto("/mijn-omgeving/")  # the coach pages send no Origin with their forms (no referrer)
    log_out(page)
    log_in_with_password(page, coach.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Verder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    expect(page.get_by_text("9 ongebruikte herstelcodes.")).to_be_visible()
    assert watcher.take_problems() == []


def test_coach_adds_a_passkey_and_logs_in_with_it(page, live_server, settings):
    origin = live_server.url.replace("127.0.0.1", "localhost")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [origin]
    watcher = BrowserWatcher(page)
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    coach = UserFactory(coach=True, email="chris@example.org")
    set_up_app(coach)
    log_in(page.context, coach, origin)

    page.goto(f"{origin}/mijn-omgeving/")
    page.get_by_role("link", name=re.compile("Je tweestapsverificatie beheren")).click()
    expect(page.get_by_text("Je hebt nog geen passkey.")).to_be_visible()
    page.get_by_role("button", name="Passkey toevoegen").click()
    expect(page.get_by_text(re.compile("^Passkey toegevoegd op"))).to_be_visible()
    assert WebAuthnCredential.objects.filter(user=coach).count() == 1
    newest_entry = AuditEntry.objects.filter(user=coach).first()
    assert newest_entry.action == "second_factor.passkey_added"
    assert watcher.take_problems() == []

    log_out(page)
    page.goto(f"{origin}/inloggen/")
    page.get_by_label("E-mailadres").fill(coach.email)
    page.get_by_label("Wachtwoord", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    page.get_by_role("button", name="Inloggen met je passkey").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    expect(page.get_by_text("1 passkey.")).to_be_visible()
    assert watcher.take_problems() == []
