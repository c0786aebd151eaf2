"""Generated posts to the workshop forms: the public sign-up, the coach's intake and attendance, and the
coördinator's series form. Each fixture opens its page once and hands the test the URL and the fields."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.factories.accounts import UserFactory
from tests.factories.workshops import IntakeFactory, RegistrationFactory, SeriesFactory
from workshops.views.public import issue_submission_key

from .harness import HOSTILE_SETTINGS, JUNK, MISSING, hostile_body, one_example, page_fields, post_and_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return UserFactory(coach=True)


@pytest.fixture
def series(coach):
    series = SeriesFactory(sessions=5, coaches=[coach])
    RegistrationFactory.create_batch(3, series=series)
    return series


@pytest.fixture
def signup_page(client, series):
    url = reverse("workshops:signup", kwargs={"slug": series.slug})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_signup_survives_generated_posts(client, series, signup_page, data):
    url, fields = signup_page
    with one_example():
        # A fresh one-time key per example, issued as the form's GET issues it (without rendering the page
        # each time); sometimes a made-up key or junk instead.
        session = client.session
        key = str(issue_submission_key(session))
        session.save()
        body = data.draw(
            hostile_body(
                fields,
                overrides={
                    "submission_key": st.one_of(st.just(key), st.just(key), st.uuids().map(str), JUNK),
                    # The trap for scripts: mostly left empty, as people do.
                    "website": st.one_of(st.just(MISSING), st.just(MISSING), st.just(""), JUNK),
                },
            )
        )
        post_and_check(
            client,
            url,
            body,
            urlencoded=data.draw(st.booleans()),
            redirects_to=[reverse("workshops:signup_done", kwargs={"slug": series.slug})],
        )


@pytest.fixture
def intake_page(client, coach, series):
    registration = IntakeFactory(registration=series.registrations.first()).registration
    client.force_login(coach)
    url = reverse("workshops:intake", kwargs={"pk": registration.pk})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_intake_survives_generated_posts(client, intake_page, data):
    url, fields = intake_page
    with one_example():
        post_and_check(client, url, data.draw(hostile_body(fields)), redirects_to=[url])


@pytest.fixture
def attendance_page(client, coach, series):
    client.force_login(coach)
    url = reverse("workshops:attendance", kwargs={"pk": series.sessions.first().pk})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_attendance_survives_generated_posts(client, series, attendance_page, data):
    url, fields = attendance_page
    with one_example():
        post_and_check(
            client,
            url,
            data.draw(hostile_body(fields)),
            redirects_to=[reverse("workshops:coach_series", kwargs={"slug": series.slug})],
        )


@pytest.fixture
def series_page(client, series):
    client.force_login(UserFactory(coordinator=True))
    url = reverse("workshops:series_edit", kwargs={"slug": series.slug})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_series_form_survives_generated_posts(client, series_page, data):
    url, fields = series_page
    with one_example():
        post_and_check(
            client, url, data.draw(hostile_body(fields)), redirects_to=[reverse("workshops:manage")]
        )
