"""The gate: staff with only a password reach nothing but the second-factor steps; with it, everything."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from ondernemend.accounts.roles import Role
from tests.factories.accounts import TEST_PASSWORD, SuperUserFactory, UserFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory

from .helpers import set_up_app

pytestmark = pytest.mark.django_db

SETUP = "/tweestapsverificatie/instellen/"
VERIFY = "/tweestapsverificatie/controleren/"
# Links that are no pages to walk: log-out is a form, other languages repeat the same pages.
NOT_WALKED = re.compile(r"^/(en/|uitloggen/|static/|media/)")


def internal_links(content: str) -> set[str]:
    main = content[content.index("<main") : content.index("</main>")]
    return {
        href.split("#")[0]
        for href in re.findall(r'href="([^"#][^"]*)"', main)
        if href.startswith("/") and not NOT_WALKED.match(href)
    }


def pages_reachable(client, start: str, *, depth: int = 3) -> set[str]:
    """Every page a logged-in client reaches from `start` by following links, `depth` clicks deep."""
    seen, frontier = {start}, [start]
    for _ in range(depth):
        following = []
        for url in frontier:
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
                continue
            for link in internal_links(response.content.decode()) - seen:
                seen.add(link)
                following.append(link)
        frontier = following
    return seen


def a_coach_with_a_series():
    coach = UserFactory(coach=True)
    started = timezone.now() - timedelta(weeks=1, hours=1)
    series = SeriesFactory(coaches=[coach], sessions=2, sessions__start=started)
    RegistrationFactory(series=series)
    return coach, series


def redirect_path(response) -> str:
    return urlsplit(response.url).path


def test_coach_with_only_a_password_reaches_no_page_a_verified_coach_reaches(client):
    coach, _ = a_coach_with_a_series()
    client.force_login(coach)
    pages = pages_reachable(client, "/mijn-omgeving/")
    staff_pages = {url for url in pages if url.startswith(("/coach", "/mijn-omgeving", "/tweestap"))}
    # The walk reaches the coach's own pages: the coach home, the series, its sessions and participants.
    assert reverse("workshops:coach_home") in staff_pages
    assert len(staff_pages) >= 5, staff_pages

    client.logout()
    client.force_login(coach, second_factor=False)
    answers = {url: client.get(url) for url in sorted(pages)}

    # Public pages (the map, the agenda) stay open: a visitor sees them without any log-in too.
    blocked = {
        url: redirect_path(response) for url, response in answers.items() if response.status_code == 302
    }
    assert {url: blocked.get(url) for url in staff_pages} == dict.fromkeys(staff_pages, VERIFY)


def test_coach_with_only_a_password_is_sent_to_set_up_first_with_next(client):
    coach, _ = a_coach_with_a_series()
    client.force_login(coach, second_factor=False)

    response = client.get("/coach/?x=1")

    assert response.status_code == 302
    assert response.url == SETUP + "?next=%2Fcoach%2F%3Fx%3D1"


def test_coach_with_the_second_factor_reaches_the_coach_pages(client):
    coach, series = a_coach_with_a_series()
    client.force_login(coach)

    assert client.get(reverse("workshops:coach_home")).status_code == 200
    assert client.get(reverse("workshops:coach_series", kwargs={"slug": series.slug})).status_code == 200


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (Role.JURYLID, "challenge:jury_home"),
        (Role.GEMEENTE, "overview:index"),
        (Role.COORDINATOR, "accounts:invite"),
        (Role.COORDINATOR, "workshops:manage"),
    ],
)
def test_staff_page_needs_the_second_factor(client, role, url_name):
    user = UserFactory(roles=[role])
    set_up_app(user)
    url = reverse(url_name)
    client.force_login(user, second_factor=False)

    refused = client.get(url)
    client.force_login(user)
    allowed = client.get(url)

    assert (refused.status_code, refused.url) == (302, f"{VERIFY}?next={url.replace('/', '%2F')}")
    assert allowed.status_code == 200


def test_admin_needs_the_second_factor_of_the_beheerder(client):
    beheerder = SuperUserFactory()
    client.force_login(beheerder, second_factor=False)

    refused = client.get("/beheer/")
    refused_model = client.get("/beheer/accounts/user/")
    client.force_login(beheerder)
    allowed = client.get("/beheer/")

    assert (refused.status_code, redirect_path(refused)) == (302, SETUP)
    assert (refused_model.status_code, redirect_path(refused_model)) == (302, SETUP)
    assert allowed.status_code == 200


def test_admin_log_in_form_alone_does_not_open_the_admin(client):
    SuperUserFactory(email="bea@example.org")

    client.post("/beheer/login/", {"username": "bea@example.org", "password": TEST_PASSWORD})
    response = client.get("/beheer/")

    assert (response.status_code, redirect_path(response)) == (302, SETUP)


def test_unverified_staff_may_open_the_steps_and_log_out(client):
    coach = UserFactory(coach=True)
    client.force_login(coach, second_factor=False)

    assert client.get(SETUP).status_code == 200
    assert client.post("/uitloggen/").url == "/"


def test_the_english_pages_redirect_to_the_english_step(client):
    coach = UserFactory(coach=True)
    client.force_login(coach, second_factor=False)

    response = client.get("/en/coach/")

    assert redirect_path(response) == "/en" + SETUP


def test_initiative_lead_needs_no_second_factor(client):
    lead = UserFactory(initiatiefnemer=True)
    client.force_login(lead, second_factor=False)

    assert client.get("/mijn-omgeving/").status_code == 200
    assert client.get(SETUP).url == "/mijn-omgeving/"


def test_log_in_with_password_goes_on_to_the_set_up_step(client):
    UserFactory(coach=True, email="chris@example.org")

    response = client.post(
        "/inloggen/?next=/coach/", {"username": "chris@example.org", "password": TEST_PASSWORD}
    )

    assert response.url == SETUP + "?next=%2Fcoach%2F"


def test_log_in_with_password_goes_on_to_the_verify_step_when_set_up(client):
    coach = UserFactory(coach=True, email="chris@example.org")
    set_up_app(coach)

    response = client.post("/inloggen/", {"username": "chris@example.org", "password": TEST_PASSWORD})

    assert response.url == VERIFY + "?next=%2Fmijn-omgeving%2F"


def test_log_in_of_an_initiative_lead_goes_straight_on(client):
    UserFactory(initiatiefnemer=True, email="ilse@example.org")

    response = client.post("/inloggen/", {"username": "ilse@example.org", "password": TEST_PASSWORD})

    assert response.url == "/mijn-omgeving/"
