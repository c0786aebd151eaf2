"""The public agenda and series page: upcoming published series, filters, places left, constant queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ondernemend.districts.models import District
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory, SessionFactory
from workshops import queries
from workshops.enums import Pictogram, RegistrationStatus

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
    assert queries.public_series(series.slug) is None
