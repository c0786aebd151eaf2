"""The coach pages: only the series you coach (404 otherwise), reads logged, constant queries."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.workshops import (
    AttendanceFactory,
    IntakeFactory,
    RegistrationFactory,
    SeriesFactory,
)
from workshops.enums import AccessAction, AttendanceStatus, RegistrationStatus
from workshops.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    """English pages: the tests read the English source strings, whatever the .po files say."""
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def coach():
    return UserFactory(coach=True, name="Coach Anna")


@pytest.fixture
def series(coach):
    start = timezone.now() - datetime.timedelta(weeks=2, hours=-1)
    return SeriesFactory(coaches=[coach], sessions=5, sessions__start=start, title="Ondernemen in Noord")


@pytest.fixture
def registration(series):
    return RegistrationFactory(series=series, participant__display_name="Fatima")


def coach_urls(series, registration):
    session = series.sessions.get(number=1)
    return [
        url("workshops:coach_series", slug=series.slug),
        url("workshops:participant", pk=registration.pk),
        url("workshops:intake", pk=registration.pk),
        url("workshops:attendance", pk=session.pk),
        url("workshops:reflections", pk=session.pk),
    ]


def test_coach_pages_answer_404_to_a_coach_of_another_series(client, series, registration):
    other_coach = UserFactory(coach=True)
    SeriesFactory(coaches=[other_coach])
    client.force_login(other_coach)

    answers = [client.get(address) for address in coach_urls(series, registration)]

    assert [response.status_code for response in answers] == [404] * 5
    assert all("Fatima" not in response.content.decode() for response in answers)
    assert AccessLogEntry.objects.count() == 0


def test_coach_pages_refuse_gemeente_users(client, series, registration):
    client.force_login(UserFactory(gemeente=True))

    answers = [client.get(address) for address in coach_urls(series, registration)]
    home = client.get(url("workshops:coach_home"))

    assert [response.status_code for response in answers] == [404] * 5
    assert home.status_code == 403
    assert all("Fatima" not in response.content.decode() for response in [*answers, home])


def test_coach_pages_send_anonymous_visitors_to_log_in(client, series, registration):
    urls = [url("workshops:coach_home"), *coach_urls(series, registration)]

    answers = [client.get(address) for address in urls]

    assert [response.status_code for response in answers] == [302] * 6
    assert all(response["Location"].startswith(url("accounts:login")) for response in answers)


def test_coach_home_lists_own_series_with_counts(client, coach, series, registration):
    RegistrationFactory(series=series, status=RegistrationStatus.WAITING)
    SeriesFactory(title="Iemand anders zijn reeks")
    client.force_login(coach)

    response = client.get(url("workshops:coach_home"))

    page = response.content.decode()
    assert "Ondernemen in Noord" in page
    assert "Iemand anders zijn reeks" not in page
    assert "1 with a place" in page
    assert "1 on the waiting list" in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["Referrer-Policy"] == "no-referrer"


def test_coach_series_shows_progress_intake_and_waiting_list(client, coach, series, registration):
    IntakeFactory(registration=registration)
    sessions = list(series.sessions.order_by("number"))
    AttendanceFactory(session=sessions[0], registration=registration, status=AttendanceStatus.PRESENT)
    AttendanceFactory(session=sessions[1], registration=registration, status=AttendanceStatus.EXCUSED)
    RegistrationFactory(series=series, status=RegistrationStatus.WAITING, participant__display_name="Kees")
    client.force_login(coach)

    response = client.get(url("workshops:coach_series", slug=series.slug))

    page = response.content.decode()
    assert "Fatima" in page
    assert "intake done" in page
    assert "50% of sessions held so far (1 of 2)" in page
    assert "20% of 5 planned sessions" in page
    assert response.context["waiting"][0].participant.display_name == "Kees"


def test_coach_series_uses_constant_queries(client, coach, series, django_assert_num_queries):
    client.force_login(coach)
    page_url = url("workshops:coach_series", slug=series.slug)

    def add(count):
        for registration in RegistrationFactory.create_batch(count, series=series):
            IntakeFactory(registration=registration)
            for session in series.sessions.all()[:2]:
                AttendanceFactory(session=session, registration=registration)

    add(1)
    client.get(page_url)  # warm the session and user caches
    # 7, the session's second-factor device, and the groups (who needs a second factor)
    with django_assert_num_queries(9) as one:
        response = client.get(page_url)
    assert len(response.context["participants"]) == 1
    add(14)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(page_url)
    assert len(response.context["participants"]) == 15


def test_participant_page_logs_the_read_and_shows_the_record(client, coach, series, registration):
    IntakeFactory(registration=registration, personal_goal="Een eigen naaiatelier")
    client.force_login(coach)

    response = client.get(url("workshops:participant", pk=registration.pk))

    page = response.content.decode()
    assert "Een eigen naaiatelier" in page
    assert "Not yet: 0 attended, 4 needed." in page
    entry = AccessLogEntry.objects.get()
    assert (entry.participant, entry.user, entry.role, entry.action) == (
        registration.participant,
        coach,
        "coach",
        AccessAction.VIEW,
    )


def test_participant_page_links_to_issuing_when_the_rule_is_met(client, coach):
    series = SeriesFactory(
        coaches=[coach], sessions=4, sessions__start=timezone.now() - datetime.timedelta(weeks=5)
    )
    registration = RegistrationFactory(series=series)
    for session in series.sessions.all():
        AttendanceFactory(session=session, registration=registration, status=AttendanceStatus.LATE)
    client.force_login(coach)

    response = client.get(url("workshops:participant", pk=registration.pk))

    issue_url = url("workshops:issue_certificate", pk=registration.pk)
    assert f'href="{issue_url}"' in response.content.decode()
    assert response.context["progress"].rule_met is True


def test_reflections_are_saved_and_shown_to_the_series_coaches(client, coach, series):
    session = series.sessions.get(number=1)
    colleague = UserFactory(coach=True)
    series.coaches.add(colleague)
    client.force_login(coach)

    response = client.post(url("workshops:reflections", pk=session.pk), {"text": "Goede sfeer, veel vragen."})
    client.force_login(colleague)
    page = client.get(response["Location"]).content.decode()

    assert "Goede sfeer, veel vragen." in page
    assert "Coach" in page


@pytest.fixture
def three_series_alike(coach):
    """Three series titled alike: Noord, Zuidoost and Noord again (another place), starting apart."""
    next_week = timezone.localtime() + datetime.timedelta(weeks=1)
    made = []
    for district, place, weeks in [
        ("noord", "De Meeuw", 0),
        ("zuidoost", "Bijlmer Buurtbedrijf", 2),
        ("noord", "Het Hoekje", 4),
    ]:
        made.append(
            SeriesFactory(
                coaches=[coach],
                sessions=2,
                sessions__start=next_week + datetime.timedelta(weeks=weeks),
                initiative__name=place,
                initiative__district=District.objects.get(slug=district),
            )
        )
    return made


def test_coach_home_tells_series_with_the_same_title_apart(client, coach, three_series_alike):
    client.force_login(coach)

    response = client.get(url("workshops:coach_home"))

    headings = re.findall(
        r'<h2 class="ams-heading ams-heading--2" id="series-\d+">(.*?)</h2>', response.content.decode()
    )
    texts = [re.sub(r"<[^>]+>", "", heading) for heading in headings]
    assert len(texts) == 3
    assert len(set(texts)) == 3
    assert texts[0].startswith("Is ondernemen wat voor mij? Noord, De Meeuw, from")
    assert "Zuidoost, Bijlmer Buurtbedrijf, from" in texts[1]


def test_coach_series_page_names_district_place_and_start_in_title_and_heading(
    client, coach, three_series_alike
):
    series = three_series_alike[1]
    start = timezone.localtime(series.sessions.get(number=1).starts_at)
    client.force_login(coach)

    page = client.get(url("workshops:coach_series", slug=series.slug)).content.decode()

    details = f"Zuidoost, Bijlmer Buurtbedrijf, from {start.day} {start:%B} {start.year}"
    assert f"<title>Participants of Is ondernemen wat voor mij? ({details}) ·" in page
    assert f'<span class="op-series-name__details">{details}</span></h1>' in page


def test_attendance_and_certificate_pages_link_back_by_the_full_series_name(
    client, coach, three_series_alike
):
    series = three_series_alike[2]
    registration = RegistrationFactory(series=series, participant__display_name="Samira")
    client.force_login(coach)

    attendance = client.get(url("workshops:attendance", pk=series.sessions.get(number=1).pk)).content.decode()
    certificate = client.get(url("workshops:issue_certificate", pk=registration.pk)).content.decode()

    back = "Back to Is ondernemen wat voor mij? (Noord, Het Hoekje, from"
    assert back in attendance
    assert back in certificate
    assert f'href="{url("workshops:participant", pk=registration.pk)}">Back to Samira</a>' in certificate
    assert f'href="{url("workshops:coach_series", slug=series.slug)}">{back}' in certificate


def test_coach_home_uses_constant_queries(client, coach, django_assert_num_queries):
    client.force_login(coach)
    page_url = url("workshops:coach_home")
    SeriesFactory(coaches=[coach], sessions=2)
    client.get(page_url)  # warm the session and user caches
    with django_assert_num_queries(5) as one:  # 4, and the session's second-factor device
        response = client.get(page_url)
    assert len(response.context["series_list"]) == 1
    for _ in range(4):
        RegistrationFactory(series=SeriesFactory(coaches=[coach], sessions=3))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(page_url)
    assert len(response.context["series_list"]) == 5
