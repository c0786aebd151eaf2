"""Coördinators manage series and sessions; other roles and visitors are refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ondernemend.accounts.roles import Role
from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import SeriesFactory, SessionFactory
from workshops.enums import Pictogram
from workshops.exceptions import SeriesWithoutCoach
from workshops.models import Series, Session
from workshops.services.series import save_series

pytestmark = pytest.mark.django_db


def manage_urls(series):
    return [
        reverse("workshops:manage"),
        reverse("workshops:series_create"),
        reverse("workshops:series_edit", kwargs={"slug": series.slug}),
        reverse("workshops:sessions", kwargs={"slug": series.slug}),
    ]


def series_data(initiative, coaches=(), **changes):
    return {
        "initiative": initiative.pk,
        "title": "Is ondernemen wat voor mij?",
        "introduction": "Vijf keer samen.",
        "language": "nl",
        "place": "Grote zaal",
        "capacity": 12,
        "certificate_min_sessions": 4,
        "coaches": [coach.pk for coach in coaches],
        "published": "on",
        **changes,
    }


def session_data(**changes):
    starts = timezone.localtime() + datetime.timedelta(days=10)
    return {
        "number": 1,
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": 120,
        "topic": "Kennismaken",
        "what_to_expect": "We maken kennis.",
        "what_to_bring": "Niets.",
        "pictogram": Pictogram.KENNISMAKEN,
        **changes,
    }


@pytest.mark.parametrize("role", [Role.GEMEENTE, Role.COACH, Role.INITIATIEFNEMER, Role.JURYLID])
def test_manage_pages_refuse_other_roles(client, role):
    series = SeriesFactory(sessions=2)
    client.force_login(UserFactory(roles=[role]))

    for url in manage_urls(series):
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 403, url
    assert Series.objects.count() == 1


def test_manage_pages_send_visitors_to_log_in(client):
    series = SeriesFactory(sessions=2)

    for url in manage_urls(series):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("make_user", [lambda: UserFactory(coordinator=True), SuperUserFactory])
def test_manage_list_shows_series_to_coordinators(client, make_user, django_assert_max_num_queries):
    coach = UserFactory(coach=True, name="Coach Ayse")
    for _ in range(3):
        SeriesFactory(sessions=2, coaches=[coach], certificate_min_sessions=4)
    client.force_login(make_user())

    with django_assert_max_num_queries(8):
        response = client.get(reverse("workshops:manage"))

    page = response.content.decode()
    assert page.count("Coach Ayse") == 3
    assert page.count("maar er zijn er maar 2 gepland") == 3


def test_series_create_saves_series_with_coaches_and_slug(client):
    coach = UserFactory(coach=True)
    initiative = InitiativeFactory(name="Buurthuis De Pijp")
    client.force_login(UserFactory(coordinator=True))

    response = client.post(reverse("workshops:series_create"), series_data(initiative, coaches=[coach]))

    series = Series.objects.get()
    assert response["Location"] == reverse("workshops:sessions", kwargs={"slug": series.slug})
    assert series.slug == "is-ondernemen-wat-voor-mij-buurthuis-de-pijp"
    assert list(series.coaches.all()) == [coach]
    assert (series.capacity, series.certificate_min_sessions, series.published) == (12, 4, True)


def test_series_create_offers_only_coaches(client):
    UserFactory(coach=True, email="coach@example.org")
    UserFactory(gemeente=True, email="ambtenaar@example.org")
    client.force_login(UserFactory(coordinator=True))

    response = client.get(reverse("workshops:series_create"))

    page = response.content.decode()
    assert "coach@example.org" in page
    assert "ambtenaar@example.org" not in page


def test_series_edit_refuses_rule_above_planned_sessions(client):
    series = SeriesFactory(sessions=3, certificate_min_sessions=2)
    SessionFactory(series=series, number=4, cancelled=True)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(
        reverse("workshops:series_edit", kwargs={"slug": series.slug}),
        series_data(series.initiative, certificate_min_sessions=4),
    )

    assert response.status_code == 200
    assert "Het certificaat vraagt om 4 bijeenkomsten, maar er zijn er maar 3 gepland." in (
        response.content.decode()
    )
    series.refresh_from_db()
    assert series.certificate_min_sessions == 2


def test_sessions_add_a_session(client):
    series = SeriesFactory(certificate_min_sessions=1)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(reverse("workshops:sessions", kwargs={"slug": series.slug}), session_data())

    assert response.status_code == 302
    session = series.sessions.get()
    assert (session.number, session.topic, session.duration_minutes) == (1, "Kennismaken", 120)


def test_sessions_refuse_a_number_that_is_taken(client):
    series = SeriesFactory(sessions=1, certificate_min_sessions=1)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(
        reverse("workshops:sessions", kwargs={"slug": series.slug}), session_data(number=1)
    )

    assert "Er is al een bijeenkomst met nummer 1." in response.content.decode()
    assert series.sessions.count() == 1


def test_sessions_change_a_session(client):
    series = SeriesFactory(sessions=2, certificate_min_sessions=1)
    session = series.sessions.get(number=2)
    client.force_login(UserFactory(coordinator=True))

    client.post(
        reverse("workshops:sessions", kwargs={"slug": series.slug}),
        {**session_data(number=2, topic="Geld"), "bijeenkomst": session.pk},
    )

    session.refresh_from_db()
    assert session.topic == "Geld"
    assert series.sessions.count() == 2


def test_sessions_cancel_warns_when_the_rule_cannot_be_met(client):
    series = SeriesFactory(sessions=3, certificate_min_sessions=3)
    session = series.sessions.get(number=3)
    client.force_login(UserFactory(coordinator=True))

    client.post(reverse("workshops:sessions", kwargs={"slug": series.slug}), {"cancel_session": session.pk})
    response = client.get(reverse("workshops:sessions", kwargs={"slug": series.slug}))

    assert Session.objects.get(pk=session.pk).cancelled is True
    page = response.content.decode()
    assert "Bijeenkomst 3 gaat niet door." in page
    assert "Het certificaat vraagt om 3 bijeenkomsten, maar er zijn er maar 2 gepland." in page


def test_sessions_of_another_series_cannot_be_cancelled(client):
    series = SeriesFactory(sessions=1)
    other = SeriesFactory(sessions=1)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(
        reverse("workshops:sessions", kwargs={"slug": series.slug}),
        {"cancel_session": other.sessions.get().pk},
    )

    assert response.status_code == 404
    assert other.sessions.get().cancelled is False


def test_series_create_published_without_a_coach_is_refused(client):
    client.force_login(UserFactory(coordinator=True))

    response = client.post(reverse("workshops:series_create"), series_data(InitiativeFactory()))

    assert response.status_code == 200
    assert "Kies minstens één coach voordat je de reeks publiceert." in response.content.decode()
    assert Series.objects.count() == 0


def test_series_create_without_a_coach_is_fine_while_unpublished(client):
    client.force_login(UserFactory(coordinator=True))

    client.post(reverse("workshops:series_create"), series_data(InitiativeFactory(), published=""))

    assert Series.objects.get().published is False


def test_save_series_published_without_a_coach_raises():
    series = SeriesFactory.build(initiative=InitiativeFactory(), published=True)

    with pytest.raises(SeriesWithoutCoach):
        save_series(series, coaches=[], by=None)
    assert Series.objects.count() == 0


def test_series_edit_saves_late_sign_ups(client):
    coach = UserFactory(coach=True)
    series = SeriesFactory(sessions=3, certificate_min_sessions=2, coaches=[coach])
    client.force_login(UserFactory(coordinator=True))

    client.post(
        reverse("workshops:series_edit", kwargs={"slug": series.slug}),
        series_data(series.initiative, coaches=[coach], certificate_min_sessions=2, signup_after_start="on"),
    )

    series.refresh_from_db()
    assert series.signup_after_start is True


def test_manage_list_warns_about_series_without_a_coach(client):
    SeriesFactory(sessions=2, coaches=[], published=False, title="Zonder coach")
    SeriesFactory(sessions=2, title="Met coach")
    client.force_login(UserFactory(coordinator=True))

    response = client.get(reverse("workshops:manage"))

    page = response.content.decode()
    warning = "Deze reeks heeft geen coach. Niemand kan zich aanmelden tot je een coach kiest."
    assert page.count(warning) == 1
    assert page.index("Zonder coach") < page.index(warning)
