"""Setting up the app, the recovery codes, verifying with a code, replay and throttling, the demo skip."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ondernemend.accounts.second_factor import services
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory

from .helpers import app_code, set_up_app

pytestmark = pytest.mark.django_db

SETUP = "/tweestapsverificatie/instellen/"
VERIFY = "/tweestapsverificatie/controleren/"
CODES = "/tweestapsverificatie/herstelcodes/"
WRONG = "Deze code klopt niet."
TOO_MANY = "Te veel foute codes."


@pytest.fixture
def coach(client):
    coach = UserFactory(coach=True, email="chris@example.org")
    client.force_login(coach, second_factor=False)
    return coach


@pytest.fixture
def set_up_coach(client):
    coach = UserFactory(coach=True)
    device, codes = set_up_app(coach)
    client.force_login(coach, second_factor=False)
    coach.device, coach.codes = device, codes
    return coach


def shown_codes(content: str) -> list[str]:
    block = content[content.index('class="op-recovery-codes"') :]
    block = block[: block.index("</ul>")]
    return re.findall(r"<li>([a-z2-7]{8})</li>", block)


def test_setup_page_shows_the_qr_code_as_svg_and_the_key_to_type(client, coach):
    content = client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=coach)

    assert 'class="op-qr op-second-factor-qr"' in content
    assert services.typed_key(device) in content
    assert device.confirmed is False
    assert "Overslaan" not in content


def test_setup_page_shows_the_same_key_on_a_reload(client, coach):
    client.get(SETUP)
    client.get(SETUP)

    assert TOTPDevice.objects.filter(user=coach).count() == 1


def test_setup_with_the_first_code_confirms_and_shows_ten_recovery_codes_once(client, coach):
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coach)

    response = client.post(SETUP, {"code": app_code(device), "next": "/coach/"})
    first = client.get(response.url)
    second = client.get(response.url)

    device.refresh_from_db()
    assert response.url == CODES + "?next=%2Fcoach%2F"
    assert device.confirmed is True
    codes = shown_codes(first.content.decode())
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=coach).values_list("token", flat=True)
    )
    assert len(codes) == 10
    assert "Bewaar deze codes goed." in first.content.decode()
    assert 'href="/coach/"' in first.content.decode()
    assert "al getoond" in second.content.decode()
    assert client.get("/coach/").status_code == 200
    actions = list(AuditEntry.objects.filter(user=coach).order_by("pk").values_list("action", flat=True))
    assert actions == ["second_factor.app_confirmed", "second_factor.recovery_codes_created"]


def test_setup_with_a_wrong_code_explains_in_dutch_and_stays(client, coach):
    client.get(SETUP)

    response = client.post(SETUP, {"code": "000000"})

    assert response.status_code == 200
    assert "Deze code klopt niet. Typ de zes cijfers die je app nu laat zien" in response.content.decode()
    assert TOTPDevice.objects.get(user=coach).confirmed is False


def test_verify_with_the_app_code_opens_the_site_and_goes_to_next(client, set_up_coach):
    response = client.post(VERIFY, {"code": app_code(set_up_coach.device, steps_ahead=1), "next": "/coach/"})

    assert response.url == "/coach/"
    assert client.get("/coach/").status_code == 200


def test_verify_ignores_a_next_to_another_site(client, set_up_coach):
    response = client.post(
        VERIFY, {"code": app_code(set_up_coach.device, steps_ahead=1), "next": "https://kwaad.example.com/"}
    )

    assert response.url == "/mijn-omgeving/"


def test_app_code_works_only_once(client, set_up_coach):
    # set_up_app used the current code to confirm; the next time step's code works, once.
    code = app_code(set_up_coach.device, steps_ahead=1)
    first = client.post(VERIFY, {"code": code})
    client.logout()
    client.force_login(set_up_coach, second_factor=False)

    replay = client.post(VERIFY, {"code": code})

    assert first.url == "/mijn-omgeving/"
    assert replay.status_code == 200
    assert WRONG in replay.content.decode()


def test_wrong_code_explains_in_dutch(client, set_up_coach):
    response = client.post(VERIFY, {"code": "123 456"})

    assert response.status_code == 200
    assert "Deze code klopt niet. Typ de zes cijfers die je app nu laat zien, of een herstelcode." in (
        response.content.decode()
    )
    assert client.get("/coach/").url.startswith(VERIFY)


def test_wrong_codes_are_throttled_even_the_right_one_must_wait(client, set_up_coach):
    client.post(VERIFY, {"code": "000000"})

    response = client.post(VERIFY, {"code": app_code(set_up_coach.device, steps_ahead=1)})

    set_up_coach.device.refresh_from_db()
    assert response.status_code == 429
    assert "Te veel foute codes. Wacht 1 seconde en probeer het opnieuw." in response.content.decode()
    assert set_up_coach.device.throttling_failure_count == 1
    assert set_up_coach.device.throttling_enabled is True


def test_recovery_code_works_once(client, set_up_coach):
    code = set_up_coach.codes[0]
    first = client.post(VERIFY, {"code": code.upper()[:4] + "-" + code.upper()[4:]})
    client.logout()
    client.force_login(set_up_coach, second_factor=False)

    again = client.post(VERIFY, {"code": code})

    assert first.url == "/mijn-omgeving/"
    assert WRONG in again.content.decode()
    assert StaticToken.objects.filter(device__user=set_up_coach).count() == 9


def test_new_recovery_codes_replace_the_old_ones(client, set_up_coach):
    client.force_login(set_up_coach)
    old = set_up_coach.codes

    response = client.post("/tweestapsverificatie/herstelcodes/nieuw/")
    new = shown_codes(client.get(response.url).content.decode())

    assert len(new) == 10
    assert set(new).isdisjoint(old)
    assert sorted(
        StaticToken.objects.filter(device__user=set_up_coach).values_list("token", flat=True)
    ) == sorted(new)


def test_dashboard_shows_the_second_factor_state(client, set_up_coach):
    client.force_login(set_up_coach)

    content = client.get("/mijn-omgeving/").content.decode()

    assert "Tweestapsverificatie" in content
    assert "Authenticator-app: ingesteld." in content
    assert "10 ongebruikte herstelcodes." in content
    assert "0 passkeys." in content


def test_demo_skip_is_offered_only_with_debug_for_a_demo_account(client, coach, settings):
    settings.DEBUG = True
    offered = client.get(SETUP).content.decode()
    skipped = client.post("/tweestapsverificatie/overslaan/", {"next": "/coach/"})
    after = client.get("/coach/")

    assert "Overslaan (alleen in de demo)" in offered
    assert skipped.url == "/coach/"
    assert after.status_code == 200


def test_demo_skip_does_not_exist_with_debug_off(client, coach, settings):
    settings.DEBUG = False
    offered = client.get(SETUP).content.decode()
    skipped = client.post("/tweestapsverificatie/overslaan/", {"next": "/coach/"})

    assert "Overslaan" not in offered
    assert skipped.status_code == 404
    assert client.get("/coach/").url.startswith(SETUP)


def test_demo_skip_stops_working_when_debug_is_turned_off(client, coach, settings):
    settings.DEBUG = True
    client.post("/tweestapsverificatie/overslaan/")
    settings.DEBUG = False

    assert client.get("/coach/").url.startswith(SETUP)


def test_demo_skip_is_not_for_a_real_address_even_with_debug(client, settings):
    settings.DEBUG = True
    coach = UserFactory(coach=True, email="chris@amsterdam.nl")
    client.force_login(coach, second_factor=False)

    assert "Overslaan" not in client.get(SETUP).content.decode()
    assert client.post("/tweestapsverificatie/overslaan/").status_code == 404
