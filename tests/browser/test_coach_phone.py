"""A coach on a phone (390 × 844): series with one title told apart, attendance for 12 people workable."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ondernemend.districts.models import District
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, overflow_problems, url_in
from tests.factories.accounts import UserFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory
from workshops.enums import AttendanceStatus
from workshops.models import Attendance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
NAMES = ["Amira", "Bas", "Chen", "Dewi", "Emre", "Fatima", "Gijs", "Hanna", "Ilse", "Jamal", "Kofi", "Lotte"]


def three_series_alike(coach):
    """Three series called "Is ondernemen wat voor mij?": Noord, Zuidoost, and Noord at another place."""
    start = timezone.localtime() - datetime.timedelta(days=1)
    return [
        SeriesFactory(
            coaches=[coach],
            sessions=3,
            sessions__start=start + datetime.timedelta(weeks=weeks),
            initiative__name=place,
            initiative__district=District.objects.get(slug=district),
        )
        for district, place, weeks in [
            ("noord", "De Meeuw", 0),
            ("zuidoost", "Buurtbedrijf Bijlmer", 2),
            ("noord", "Het Hoekje", 4),
        ]
    ]


def tap(page, name: str, answer: str) -> None:
    """Tap an answer the way a finger does: on its label (the radio button itself has no size)."""
    group = page.get_by_role("group", name=name)
    group.locator("label", has_text=answer).click()
    expect(group.get_by_role("radio", name=answer)).to_be_checked()


def in_viewport(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_coach_on_a_phone_tells_three_series_apart_and_takes_attendance_for_twelve(page, live_server):
    watcher = BrowserWatcher(page)
    page.set_viewport_size(PHONE)
    coach = UserFactory(coach=True)
    noord, _zuidoost, _hoekje = three_series_alike(coach)
    registrations = [RegistrationFactory(series=noord, participant__display_name=name) for name in NAMES]
    log_in(page.context, coach, live_server.url)

    # English, so the test reads the source strings.
    page.goto(url_in("en", "workshops:coach_home"))
    headings = page.locator("main").get_by_role("heading", level=2).all_inner_texts()
    assert len(headings) == 3
    assert len(set(headings)) == 3
    assert [heading.splitlines()[-1].split(", from")[0] for heading in headings] == [
        "Noord, De Meeuw",
        "Zuidoost, Buurtbedrijf Bijlmer",
        "Noord, Het Hoekje",
    ]
    assert overflow_problems(page) == []

    page.get_by_role("link", name="Noord, De Meeuw").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Noord, De Meeuw, from")
    title = f"Participants of Is ondernemen wat voor mij? (Noord, De Meeuw, from {date(noord)})"
    expect(page).to_have_title(f"{title} · Ondernemend Participeren")
    page.get_by_role("link", name="Attendance session 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance session 1")
    expect(
        page.get_by_role("link", name="Back to Is ondernemen wat voor mij? (Noord, De Meeuw")
    ).to_be_visible()
    page.screenshot(path="/tmp/h4/attendance-top.png", full_page=False)

    # Every row fits the width; the save button is in view at the top, in the middle and at the end.
    assert overflow_problems(page) == []
    save = page.get_by_role("button", name="Save attendance")
    for name in NAMES:
        group = page.get_by_role("group", name=name)
        box = group.bounding_box()
        assert box["x"] >= 0, name
        assert box["x"] + box["width"] <= PHONE["width"], name
        assert box["height"] <= 90, f"{name}'s row is {box['height']} px high"
    assert in_viewport(save)
    tap(page, "Fatima", "Late")
    assert in_viewport(save)
    tap(page, "Lotte", "Absent")
    page.screenshot(path="/tmp/h4/attendance-end.png", full_page=False)
    assert in_viewport(save)
    assert_accessible(page)
    save.click()

    expect(page.locator("main")).to_contain_text("Attendance for session 1 is saved (12 participants).")
    statuses = dict(Attendance.objects.values_list("registration__participant__display_name", "status"))
    assert statuses == {
        **dict.fromkeys(NAMES, AttendanceStatus.PRESENT),
        "Fatima": AttendanceStatus.LATE,
        "Lotte": AttendanceStatus.ABSENT,
    }
    assert len(registrations) == 12
    assert watcher.take_problems() == []

    # The Dutch answers ("Aanwezig", "Afgemeld") are longer: the rows stay one line of buttons.
    page.goto(url_in("nl", "workshops:attendance", pk=noord.sessions.get(number=1).pk))
    assert overflow_problems(page) == []
    heights = [page.get_by_role("group", name=name).bounding_box()["height"] for name in NAMES]
    assert max(heights) <= 90
    assert in_viewport(page.get_by_role("button", name="Aanwezigheid opslaan"))


def date(series) -> str:
    start = timezone.localtime(series.sessions.get(number=1).starts_at)
    return f"{start.day} {start:%B} {start.year}"
