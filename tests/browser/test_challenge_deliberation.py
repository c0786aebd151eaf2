"""The coördinator reads the ranking, records a decision per proposal and publishes them all at once."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from challenge.enums import Outcome, Phase
from challenge.models import Challenge, Decision
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, overflow_problems, url_in
from tests.factories.accounts import UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    JuryMemberFactory,
    ProposalFactory,
    ReviewFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def a_call_with_three_reviewed_proposals():
    """One criterion on 1–5. Totals: Fietsplan 91.7, Moestuin 75.0 (5 4 3: discuss first), Taalcafé 16.7."""
    challenge = ChallengeFactory(
        phase=Phase.DELIBERATION, total_budget=Decimal("3000"), max_per_proposal=Decimal("2000")
    )
    criterion = CriterionFactory(challenge=challenge, with_levels=True)
    members = JuryMemberFactory.create_batch(3, challenge=challenge)
    for title, amount, scores in [
        ("Fietsplan", 2000, [5, 5, 4]),
        ("Moestuin", 1500, [5, 4, 3]),
        ("Taalcafé", 500, [1, 2, 2]),
    ]:
        proposal = ProposalFactory(challenge=challenge, submitted=True, title=title, amounts=[amount])
        for member, score in zip(members, scores, strict=True):
            ReviewFactory(
                assignment=AssignmentFactory(proposal=proposal, member=member),
                submitted=True,
                scores={criterion: score},
            )
    return challenge


def tap(page, label: str) -> None:
    """Tap a radio button or checkbox on its label, as a person does (the Amsterdam input has no size)."""
    page.locator("label", has_text=label).click()
    expect(page.get_by_label(label)).to_be_checked()


def test_coordinator_records_decisions_and_publishes(page, live_server):
    watcher = BrowserWatcher(page)
    challenge = a_call_with_three_reviewed_proposals()
    log_in(page.context, UserFactory(coordinator=True), live_server.url)

    # English, so the test reads the source strings; the Dutch pages are checked in test_pages.py.
    page.goto(url_in("en", "challenge:deliberation", slug=challenge.slug))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Deliberation: {challenge.title}")
    rows = page.get_by_role("region", name="Ranking table").get_by_role("row")

    def decision_link(title):
        return rows.filter(has_text=title).get_by_role("link", name="Record a decision")

    expect(rows.nth(1)).to_contain_text("Fietsplan")
    expect(rows.nth(2)).to_contain_text("Moestuin")
    expect(rows.nth(2)).to_contain_text("Yes: scores far apart")
    expect(
        page.get_by_role("img", name="Totals of the reviews, from 0 to 100: 50.0, 75.0, 100.0")
    ).to_be_visible()
    expect(page.locator("main")).to_contain_text("Suggested: € 2,500.00. Remaining budget: € 500.00.")
    assert_accessible(page)
    assert watcher.take_problems() == []

    decision_link("Fietsplan").click()
    tap(page, "Award the amount requested")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator("main")).to_contain_text("The decision on “Fietsplan” is recorded.")

    # Less than requested without the applicant's agreement: refused, and the amount typed stays.
    decision_link("Moestuin").click()
    tap(page, "Award less than requested, with the applicant's agreement")
    page.get_by_label("Lower amount (euros)").fill("1000")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator("main")).to_contain_text(
        "Award less than requested only after the applicant has agreed"
    )
    expect(page.get_by_label("Lower amount (euros)")).to_have_value("1000")
    assert_accessible(page)
    assert watcher.take_problems(expected_status=400) == []
    tap(page, "The applicant agreed to the lower amount")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator("main")).to_contain_text("The decision on “Moestuin” is recorded.")

    decision_link("Taalcafé").click()
    tap(page, "Do not award")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator("main")).to_contain_text("0 proposals have no decision yet.")

    page.get_by_role("link", name="Publish all decisions").click()
    expect(page.locator("main")).to_contain_text("2 proposals, € 3,000.00 together")
    assert_accessible(page)
    assert Decision.objects.filter(published_at__isnull=False).count() == 0
    page.get_by_role("button", name="Yes, publish all decisions").click()

    expect(page.locator("main")).to_contain_text("All decisions are published.")
    challenge = Challenge.objects.get(pk=challenge.pk)
    assert challenge.published_at is not None
    assert dict(Decision.objects.values_list("proposal__title", "outcome")) == {
        "Fietsplan": Outcome.AWARD,
        "Moestuin": Outcome.AWARD_LESS,
        "Taalcafé": Outcome.REJECT,
    }
    page.set_viewport_size({"width": 320, "height": 800})
    assert overflow_problems(page) == []
    assert watcher.take_problems() == []
