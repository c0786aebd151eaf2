""" "Mijn omgeving" put together from each app's section: no "coming soon" dead ends, every link works."""

import re

import pytest
from django.urls import reverse

from ondernemend.dashboard import dashboard_parts
from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory

from .conftest import ROLE_MAKERS

pytestmark = pytest.mark.django_db


def main_links(content: str) -> list[str]:
    main = content[content.index("<main") : content.index("</main>")]
    return re.findall(r'<a class="ams-link" href="([^"]+)"', main)


def test_dashboard_parts_come_from_each_app_in_app_order():
    parts = dashboard_parts(["coordinator", "coach"])

    assert parts == {
        "coordinator": [
            "audit/dashboard.html#coordinator",
            "overview/dashboard.html#coordinator",
            "initiatives/dashboard.html#coordinator",
            "workshops/dashboard.html#coordinator",
            "challenge/dashboard.html#coordinator",
        ],
        "coach": ["workshops/dashboard.html#coach"],
    }


def test_dashboard_for_a_coordinator_links_to_workshop_management_and_every_district_flyer(client):
    client.force_login(ROLE_MAKERS["coordinator"]())

    content = client.get("/mijn-omgeving/").content.decode()

    links = main_links(content)
    assert reverse("workshops:manage") in links
    flyers = [
        reverse("initiatives:flyer", kwargs={"district": slug})
        for slug in District.objects.values_list("slug", flat=True)
    ]
    assert len(flyers) == 8
    assert set(flyers) <= set(links)
    assert reverse("challenge:index") in links


@pytest.mark.parametrize("role", list(ROLE_MAKERS))
def test_dashboard_never_says_coming_soon_without_a_link(client, role):
    client.force_login(ROLE_MAKERS[role]())

    content = client.get("/mijn-omgeving/").content.decode().lower()

    assert "binnenkort" not in content
    assert "coming soon" not in content


@pytest.mark.parametrize("role", ["initiatiefnemer", "jurylid", "gemeente", "coordinator"])
def test_dashboard_tells_what_is_coming_for_the_challenge_and_links_to_it(client, role):
    client.force_login(ROLE_MAKERS[role]())

    content = client.get("/mijn-omgeving/").content.decode()

    assert reverse("challenge:index") in main_links(content)


@pytest.mark.parametrize("role", list(ROLE_MAKERS))
def test_every_dashboard_link_opens_for_that_user(client, role):
    client.force_login(ROLE_MAKERS[role]())

    links = main_links(client.get("/mijn-omgeving/").content.decode())

    answers = {link: client.get(link).status_code for link in links}
    assert {link: status for link, status in answers.items() if status != 200} == {}


def test_dashboard_for_gemeente_links_to_the_overview_the_map_and_the_agenda(client):
    client.force_login(ROLE_MAKERS["gemeente"]())

    links = main_links(client.get("/mijn-omgeving/").content.decode())

    assert links == [
        reverse("accounts:second_factor"),
        reverse("overview:index"),
        reverse("initiatives:index"),
        reverse("workshops:agenda"),
        reverse("challenge:index"),
    ]


def test_dashboard_for_a_coordinator_uses_constant_queries(client, django_assert_num_queries):
    client.force_login(UserFactory(coordinator=True))
    client.get("/mijn-omgeving/")  # warm the session and user caches

    # session, user, the second-factor device of the session, groups, the second-factor state, the districts
    with django_assert_num_queries(6):
        client.get("/mijn-omgeving/")
