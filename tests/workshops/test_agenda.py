"""The public agenda and series page: upcoming published series, filters, places left, constant queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ondernemend.districts.models import District
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory, SessionFactory
from workshops.enums import Pictogram, RegistrationStatus
from workshops.models import Series
from workshops.queries.common import open_for_signup, with_overview
from workshops.queries.public import public_series

pytestmark = pytest.mark.django_db


def series_in(district_slug, **kwargs):
    district = District.objects.get(slug=district_slug)
    return SeriesFactory(initiative=InitiativeFactory(district=district), sessions=3, **kwargs)


def listed(response):
    return [series.slug for series in response.context["series_list"]]


def test_agenda_lists_upcoming_published_series_soonest_first(client):
    later = SeriesFactory(
        sessions=3, title="Later", sessions__start=timezone.now() + datetime.timedelta(days=30)
    )
    sooner = SeriesFactory(sessions=3, title="Eerder")
    SeriesFactory(sessions=3, published=False)
    SeriesFactory(sessions=3, sessions__start=timezone.now() - datetime.timedelta(days=60))  # finished

    response = client.get(reverse("workshops:agenda"))

    assert listed(response) == [sooner.slug, later.slug]
    assert "Eerder" in response.content.decode()


def test_agenda_filters_by_district_of_the_initiative(client):
    noord = series_in("noord")
    series_in("zuid")

    response = client.get(reverse("workshops:agenda"), {"district": "noord"})

    assert listed(response) == [noord.slug]


def test_agenda_filters_by_language(client):
    series_in("noord", language="ar")
    turkish = series_in("zuid", language="tr")

    response = client.get(reverse("workshops:agenda"), {"language": "tr"})

    assert listed(response) == [turkish.slug]


def test_agenda_with_unknown_filter_shows_everything(client):
    series = series_in("noord")

    response = client.get(reverse("workshops:agenda"), {"district": "atlantis"})

    assert listed(response) == [series.slug]


def test_agenda_shows_places_left_and_full(client):
    open_series = SeriesFactory(sessions=3, capacity=3)
    RegistrationFactory(series=open_series)
    RegistrationFactory(series=open_series, status=RegistrationStatus.WAITING)
    full = SeriesFactory(sessions=3, capacity=1)
    RegistrationFactory(series=full)

    response = client.get(reverse("workshops:agenda"))

    page = response.content.decode()
    assert "Nog 2 plaatsen" in page
    assert "Vol: je kunt op de wachtlijst" in page
    assert {s.slug: s.places_left for s in response.context["series_list"]} == {
        open_series.slug: 2,
        full.slug: 0,
    }


@pytest.mark.parametrize("count", [1, 20])
def test_agenda_query_count_is_constant(client, django_assert_num_queries, count):
    for number in range(count):
        series = series_in("noord" if number % 2 else "west", capacity=5)
        RegistrationFactory(series=series)

    # the district list for the filter, the series with their numbers
    with django_assert_num_queries(2):
        response = client.get(reverse("workshops:agenda"), {"language": "nl"})

    assert len(response.context["series_list"]) == count


def test_series_page_shows_each_sessions_what_to_expect_with_pictogram(client):
    series = SeriesFactory(capacity=2)
    SessionFactory(series=series, number=1, topic="Kennismaken", what_to_expect="We drinken koffie.")
    SessionFactory(
        series=series,
        number=2,
        topic="Geld",
        what_to_expect="We rekenen samen.",
        what_to_bring="Een pen.",
        pictogram=Pictogram.GELD,
    )
    SessionFactory(series=series, number=3, topic="Afgelast", cancelled=True)

    response = client.get(reverse("workshops:series", kwargs={"slug": series.slug}))

    page = response.content.decode()
    assert "We drinken koffie." in page
    assert "We rekenen samen." in page
    assert "Een pen." in page
    assert "workshops/pictograms/geld.svg" in page
    assert "Deze bijeenkomst gaat niet door." in page
    assert series.initiative.get_absolute_url() in page
    assert "Nog 2 plaatsen" in page
    assert reverse("workshops:signup", kwargs={"slug": series.slug}) in page


def test_series_page_when_full_offers_the_waiting_list(client):
    series = SeriesFactory(sessions=2, capacity=1)
    RegistrationFactory(series=series)

    response = client.get(reverse("workshops:series", kwargs={"slug": series.slug}))

    assert "Aanmelden voor de wachtlijst" in response.content.decode()


def test_series_page_of_unpublished_series_is_not_found(client):
    series = SeriesFactory(sessions=2, published=False)

    response = client.get(reverse("workshops:series", kwargs={"slug": series.slug}))

    assert response.status_code == 404
    assert public_series(series.slug) is None


def where_text():
    return "Broodfonds De Meeuw, Meeuwenlaan 12, 1024 ZK Amsterdam. De grote zaal, 1e verdieping."


def series_at_de_meeuw(**kwargs):
    initiative = InitiativeFactory(
        name="Broodfonds De Meeuw", street="Meeuwenlaan 12", postcode="1024 ZK", city="Amsterdam"
    )
    return SeriesFactory(initiative=initiative, place="De grote zaal, 1e verdieping.", sessions=3, **kwargs)


def test_agenda_and_series_page_show_street_postcode_and_place(client):
    series = series_at_de_meeuw()

    agenda = client.get(reverse("workshops:agenda")).content.decode()
    page = client.get(series.get_absolute_url()).content.decode()

    assert where_text() in agenda
    assert ", ," not in agenda
    assert "Broodfonds De Meeuw</a>, Meeuwenlaan 12, 1024 ZK Amsterdam. De grote zaal, 1e verdieping." in page


def test_agenda_says_a_series_has_started_and_whether_it_takes_sign_ups(client):
    started = timezone.now() - datetime.timedelta(days=3)
    closed = SeriesFactory(sessions=3, sessions__start=started, title="Gestart en dicht")
    late = SeriesFactory(
        sessions=3, sessions__start=started, signup_after_start=True, title="Gestart en open"
    )

    response = client.get(reverse("workshops:agenda"))

    page = response.content.decode()
    assert page.count("Begonnen op") == 2
    assert "Je kunt je niet meer aanmelden." in page
    assert "Je kunt nog meedoen." in page
    assert {s.slug: s.open_for_signup for s in response.context["series_list"]} == {
        closed.slug: False,
        late.slug: True,
    }


def test_signup_after_the_start_only_when_the_series_allows_it(client):
    started = timezone.now() - datetime.timedelta(days=3)
    closed = SeriesFactory(sessions=3, sessions__start=started)
    late = SeriesFactory(sessions=3, sessions__start=started, signup_after_start=True)

    assert client.get(reverse("workshops:signup", kwargs={"slug": closed.slug})).status_code == 404
    assert client.get(reverse("workshops:signup", kwargs={"slug": late.slug})).status_code == 200
    assert "Je kunt je niet meer aanmelden." in client.get(closed.get_absolute_url()).content.decode()


def test_series_without_a_coach_is_not_in_the_agenda_and_takes_no_sign_ups(client):
    series = SeriesFactory(sessions=3, coaches=[])

    assert listed(client.get(reverse("workshops:agenda"))) == []
    assert client.get(reverse("workshops:signup", kwargs={"slug": series.slug})).status_code == 404
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Je kunt je nog niet aanmelden voor deze reeks." in page


def test_open_for_signup_needs_a_coach_and_a_series_that_has_not_started():
    now = timezone.now()
    SeriesFactory(sessions=3, coaches=[])
    SeriesFactory(sessions=3)
    SeriesFactory(sessions=3, sessions__start=now - datetime.timedelta(days=1))

    overview = with_overview(Series.objects.order_by("pk"))

    assert [open_for_signup(series, now) for series in overview] == [False, True, False]
