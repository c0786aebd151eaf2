"""A coach records attendance on a phone-sized screen, with the keyboard; the page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, overflow_problems, url_in
from tests.factories.accounts import UserFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory
from workshops.enums import AttendanceStatus
from workshops.models import Attendance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coach_records_attendance_on_a_phone(page, live_server):
    watcher = BrowserWatcher(page)
    page.set_viewport_size({"width": 390, "height": 800})
    coach = UserFactory(coach=True)
    series = SeriesFactory(coaches=[coach], sessions=3, title="Ondernemen in Noord")
    session = series.sessions.get(number=1)
    amira, bas, chen = (
        RegistrationFactory(series=series, participant__display_name=name)
        for name in ["Amira", "Bas", "Chen"]
    )
    log_in(page.context, coach, live_server.url)

    # English, so the test reads the source strings; the Dutch pages are checked in test_pages.py.
    page.goto(url_in("en", "workshops:coach_series", slug=series.slug))
    page.get_by_role("link", name="Attendance session 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance session 1")
    assert_accessible(page)
    assert overflow_problems(page) == []
    expect(page.get_by_role("group", name="Amira").get_by_role("radio", name="Present")).to_be_checked()

    # Keyboard only: focus Bas's group (it lands on the checked radio), arrow down to "Late".
    page.get_by_role("group", name="Bas").get_by_role("radio", name="Present").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("group", name="Bas").get_by_role("radio", name="Late")).to_be_checked()
    page.keyboard.press("Tab")  # to Chen's group
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("group", name="Chen").get_by_role("radio", name="Excused")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save attendance")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_contain_text("Attendance for session 1 is saved (3 participants).")
    assert_accessible(page)
    assert dict(Attendance.objects.filter(session=session).values_list("registration", "status")) == {
        amira.pk: AttendanceStatus.PRESENT,
        bas.pk: AttendanceStatus.LATE,
        chen.pk: AttendanceStatus.EXCUSED,
    }
    assert watcher.take_problems() == []
