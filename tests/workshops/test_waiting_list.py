"""Places that come free: cancelling or erasing gives the seat to the first person on the waiting list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from tests.factories.accounts import UserFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory
from workshops.enums import RegistrationStatus
from workshops.models import Registration
from workshops.services.privacy import erase_on_request
from workshops.services.series import save_series
from workshops.services.waiting_list import cancel_registration, promote_from_waiting_list

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


def full_series_with_a_queue(capacity=1, waiting=2):
    series = SeriesFactory(sessions=3, capacity=capacity)
    seated = RegistrationFactory.create_batch(capacity, series=series)
    start = timezone.now() - datetime.timedelta(days=1)
    queue = [
        RegistrationFactory(series=series, status=WAITING, created_at=start + datetime.timedelta(minutes=n))
        for n in range(waiting)
    ]
    return series, seated, queue


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


def test_cancel_registration_moves_the_first_waiting_person_up():
    _, [seated], [first, second] = full_series_with_a_queue()

    cancel_registration(seated)

    assert [status_of(seated), status_of(first), status_of(second)] == [CANCELLED, CONFIRMED, WAITING]
    first.refresh_from_db()
    seated.refresh_from_db()
    assert first.promoted_at is not None
    assert seated.cancelled_at is not None


def test_cancel_registration_on_the_waiting_list_moves_nobody_up():
    _, [seated], [first, second] = full_series_with_a_queue()

    cancel_registration(first)

    assert [status_of(seated), status_of(first), status_of(second)] == [CONFIRMED, CANCELLED, WAITING]


def test_cancel_registration_twice_changes_nothing_more():
    _, [seated], [first, second] = full_series_with_a_queue()
    cancel_registration(seated)

    cancel_registration(seated)

    assert [status_of(first), status_of(second)] == [CONFIRMED, WAITING]


def test_promote_from_waiting_list_fills_every_free_place_in_order():
    series, _, queue = full_series_with_a_queue(capacity=2, waiting=3)
    series.capacity = 4
    series.save()

    moved = promote_from_waiting_list(series)

    assert moved == queue[:2]
    assert [status_of(registration) for registration in queue] == [CONFIRMED, CONFIRMED, WAITING]


def test_save_series_with_more_places_moves_the_waiting_list_up():
    series, _, [first, second] = full_series_with_a_queue()
    series.capacity = 2

    save_series(series, coaches=list(series.coaches.all()), by=UserFactory(coordinator=True))

    assert [status_of(first), status_of(second)] == [CONFIRMED, WAITING]


def test_erase_on_request_frees_the_seat_for_the_waiting_list():
    _, [seated], [first, second] = full_series_with_a_queue()

    erase_on_request(seated.participant)

    assert [status_of(seated), status_of(first), status_of(second)] == [CANCELLED, CONFIRMED, WAITING]


def test_erase_on_request_keeps_the_status_in_a_finished_series():
    past = timezone.now() - datetime.timedelta(days=60)
    registration = RegistrationFactory(series=SeriesFactory(sessions=3, sessions__start=past))

    erase_on_request(registration.participant)

    assert status_of(registration) == CONFIRMED


def test_coach_series_page_shows_who_moved_up_and_when(client):
    coach = UserFactory(coach=True)
    series, [seated], [first, _] = full_series_with_a_queue()
    series.coaches.set([coach])
    cancel_registration(seated)
    client.force_login(coach)

    response = client.get(reverse("workshops:coach_series", kwargs={"slug": series.slug}))

    first.refresh_from_db()
    with translation.override("nl"):
        day = dateformat.format(timezone.localtime(first.promoted_at), "j F")
    page = response.content.decode()
    assert f"van de wachtlijst doorgeschoven op {day}" in page
    assert page.count("van de wachtlijst doorgeschoven") == 1
    assert Registration.objects.filter(series=series, status=CONFIRMED).count() == 1
