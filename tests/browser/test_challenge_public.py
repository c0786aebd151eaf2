"""A coördinator's journey in Chromium: make a call, write a three-criterion rubric (one on its own scale),
and find the call on the public page with the rubric exactly as entered."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from challenge.models import Challenge
from ondernemend.accounts.roles import Role
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, url_in
from tests.factories.accounts import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FORMAT = "%Y-%m-%dT%H:%M"
RUBRIC = [
    # name, description, weight, (lowest, highest), a descriptor per score
    (
        "Feasibility",
        "Can the team really do this?",
        2,
        (1, 5),
        ["No plan", "Vague", "Some steps", "Clear", "Ready"],
    ),
    (
        "Reach",
        "Who in the neighbourhood benefits?",
        1,
        (1, 5),
        ["Nobody", "A few", "Some", "Many", "Everyone"],
    ),
    ("Own effort", "What does the team put in itself?", 1, (0, 3), ["Nothing", "A little", "A lot", "All"]),
]


def fill_criterion(page, name, description, weight, scale, levels):
    form = page.locator("main form").last
    form.get_by_label("Name").fill(name)
    form.get_by_label("Description").fill(description)
    form.get_by_label("Weight").fill(str(weight))
    form.get_by_label("Lowest score").fill(str(scale[0]))
    form.get_by_label("Highest score").fill(str(scale[1]))
    for value, descriptor in zip(range(scale[0], scale[1] + 1), levels, strict=True):
        field = form.get_by_label(f"What a score of {value} means")
        if field.count():
            field.fill(descriptor)
    form.get_by_role("button", name="Save the criterion").click()


def test_coordinator_makes_a_call_with_a_rubric_and_sees_it_on_the_public_page(page, live_server):
    watcher = BrowserWatcher(page)
    log_in(page.context, UserFactory(roles=[Role.COORDINATOR]), live_server.url)
    now = timezone.localtime()

    # English, so the test reads the source strings; the Dutch pages are checked in test_pages.py.
    page.goto(url_in("en", "challenge:manage"))
    page.get_by_role("link", name="Make a new call").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Neighbourhood plans 2026")
    page.get_by_label("Web address name").fill("neighbourhood-plans-2026")
    page.get_by_label("Description").fill("Money for a plan that helps your neighbourhood.")
    page.get_by_label("Total budget (euros)").fill("20000")
    page.get_by_label("Maximum per proposal (euros)").fill("5000")
    page.get_by_label("Jury members per proposal").fill("3")
    for label, days in (
        ("Open for proposals from", -1),
        ("Deadline for proposals", 30),
        ("Jury review ends", 50),
        ("Jury decides by", 60),
    ):
        page.get_by_label(label).fill((now + timedelta(days=days)).strftime(FORMAT))
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The call “Neighbourhood plans 2026” is made")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rubric of Neighbourhood plans 2026")

    for name, description, weight, scale, levels in RUBRIC:
        fill_criterion(page, name, description, weight, scale, levels)
        if scale != (1, 5):
            # The form showed the levels of the usual 1–5 scale; after saving the new scale it asks for the
            # score that was not there yet (0), and keeps what was typed.
            expect(page.locator("main")).to_contain_text("Please check one thing before you go on")
            expect(page.get_by_label("Name")).to_have_value(name)
            fill_criterion(page, name, description, weight, scale, levels)
        expect(page.locator("main")).to_contain_text(f"“{name}” is saved in the rubric.")
    assert_accessible(page)
    challenge = Challenge.objects.get(slug="neighbourhood-plans-2026")
    assert challenge.faq_entries.count() == 5

    page.goto(url_in("en", "challenge:index"))
    page.get_by_role("link", name="Neighbourhood plans 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neighbourhood plans 2026")
    main = page.locator("main")
    expect(main).to_contain_text("€ 20,000.00")
    expect(main).to_contain_text("€ 5,000.00")
    expect(main).to_contain_text("When does the money arrive?")
    criteria = page.locator(".op-rubric > li")
    expect(criteria).to_have_count(3)
    for index, (name, description, weight, scale, levels) in enumerate(RUBRIC):
        criterion = criteria.nth(index)
        expect(criterion.get_by_role("heading", level=3)).to_have_text(name)
        expect(criterion).to_contain_text(description)
        expect(criterion.locator("dd").first).to_have_text(str(weight))
        expect(criterion).to_contain_text(f"from {scale[0]} (lowest) to {scale[1]} (highest)")
        rows = criterion.locator("tbody tr")
        expect(rows).to_have_text(
            [
                f"{value}{descriptor}"
                for value, descriptor in zip(range(scale[0], scale[1] + 1), levels, strict=True)
            ]
        )
    assert_accessible(page)
    assert not watcher.take_problems()
