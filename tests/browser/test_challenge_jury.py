"""A jury member's journey in Chromium: declare a conflict, ask the applicant a question, score, submit, and
only then see the other jury members' scores; and two tabs that save the same review."""

import pytest
from playwright.sync_api import expect

from challenge.enums import Phase
from challenge.models import Assignment, Conflict, Question, Review
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, url_in
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    JuryMemberFactory,
    ProposalFactory,
    ReviewFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def tap(scope, label: str) -> None:
    """Tap a radio button or checkbox on its label, as a person does (the Amsterdam input has no size)."""
    scope.locator("label", has_text=label).click()
    expect(scope.get_by_label(label, exact=True)).to_be_checked()


@pytest.fixture
def call():
    """A call in review: two criteria, three jurors, and Noor assigned to two proposals. A colleague has
    submitted a review of the repair café."""
    challenge = ChallengeFactory(phase=Phase.REVIEW, title="Buurtgeld 2026")
    criteria = [
        CriterionFactory(challenge=challenge, name="Feasibility", with_levels=True),
        CriterionFactory(challenge=challenge, name="Effect in the neighbourhood", with_levels=True),
    ]
    noor = JuryMemberFactory(challenge=challenge, user__name="Noor")
    colleagues = [JuryMemberFactory(challenge=challenge) for _ in range(2)]
    repair = ProposalFactory(challenge=challenge, submitted=True, title="Repair café", amounts=[900, 300])
    sewing = ProposalFactory(challenge=challenge, submitted=True, title="Sewing studio")
    for proposal in (repair, sewing):
        AssignmentFactory(member=noor, proposal=proposal)
    AssignmentFactory(member=colleagues[1], proposal=sewing)
    ReviewFactory(
        assignment=AssignmentFactory(member=colleagues[0], proposal=repair),
        submitted=True,
        scores={criteria[0]: 2, criteria[1]: 3},
        strengths="Colleague likes the volunteers",
    )
    return {"challenge": challenge, "noor": noor, "repair": repair, "sewing": sewing}


def test_juror_declares_a_conflict_asks_scores_submits_and_then_sees_others(page, live_server, call):
    watcher = BrowserWatcher(page)
    noor, repair, sewing = call["noor"], call["repair"], call["sewing"]
    log_in(page.context, noor.user, live_server.url)

    # English, so the test reads the source strings; the Dutch pages are checked in test_pages.py.
    page.goto(url_in("en", "challenge:jury_home"))
    page.get_by_role("link", name="Buurtgeld 2026").click()
    expect(page.locator("#progress")).to_have_text("Submitted: 0 of 2")
    assert_accessible(page)

    page.get_by_role("link", name="Declare a conflict with “Sewing studio”").click()
    tap(page.locator("main form"), "Family")
    page.get_by_label("Explain in a few words").fill("My cousin runs it")
    page.get_by_role("button", name="Declare the conflict").click()
    expect(page.locator("main")).to_contain_text("Your conflict with “Sewing studio” is saved.")
    expect(page.locator("#progress")).to_have_text("Submitted: 0 of 1")
    assert Conflict.objects.filter(member=noor, proposal=sewing).exists()
    assert not Assignment.objects.filter(member=noor, proposal=sewing).exists()

    page.get_by_role("link", name="Repair café", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review: Repair café")
    expect(page.locator("main")).to_contain_text("You see the scores of the other jury members after")
    expect(page.locator("main")).not_to_contain_text("Colleague likes the volunteers")
    assert_accessible(page)

    page.get_by_label("Your question to the applicant").fill("Who repairs the bikes?")
    page.get_by_role("button", name="Send my question").click()
    expect(page.locator("main")).to_contain_text("Your question is sent to the applicant.")
    expect(page.locator("main")).to_contain_text("Who repairs the bikes? (your question)")
    expect(page.get_by_role("button", name="Send my question")).to_have_count(0)
    assert Question.objects.get(proposal=repair).asked_by == noor

    tap(page.get_by_role("group", name="Feasibility"), "4: Niveau 4")
    tap(page.get_by_role("group", name="Effect in the neighbourhood"), "5: Niveau 5")
    page.get_by_label("Strengths").fill("A clear plan with real customers.")
    page.get_by_label("Points to improve").fill("Say how you find volunteers.")
    page.get_by_label("Private note").fill("Check the rent.")
    page.get_by_role("button", name="Submit my review").click()
    # Not confirmed yet: refused, and nothing typed is lost.
    expect(page.locator(".ams-invalid-form-alert")).to_contain_text("Tick this box to submit your review.")
    expect(page.get_by_label("Strengths")).to_have_value("A clear plan with real customers.")
    assert not Review.objects.filter(assignment__member=noor).exists()

    tap(page.locator("main form"), "I am done. Submit my review.")
    page.get_by_role("button", name="Submit my review").click()
    expect(page.locator("main")).to_contain_text("Your review is submitted. Below you see the other scores.")
    expect(page.get_by_role("columnheader", name="Jury member 1")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Colleague likes the volunteers")
    assert_accessible(page)
    review = Review.objects.get(assignment__member=noor)
    assert review.submitted_at is not None
    assert dict(review.scores.values_list("criterion__name", "value")) == {
        "Feasibility": 4,
        "Effect in the neighbourhood": 5,
    }

    page.goto(url_in("en", "challenge:jury_work", slug=call["challenge"].slug))
    expect(page.locator("#progress")).to_have_text("Submitted: 1 of 1")
    assert watcher.take_problems() == []


def test_two_tabs_saving_the_same_review_give_a_conflict_and_lose_nothing(context, live_server, call):
    noor, repair = call["noor"], call["repair"]
    log_in(context, noor.user, live_server.url)
    review_url = url_in("en", "challenge:review", pk=repair.pk)
    first, second = context.new_page(), context.new_page()
    first.goto(review_url)
    second.goto(review_url)

    tap(first.get_by_role("group", name="Feasibility"), "5: Niveau 5")
    first.get_by_label("Strengths").fill("Written in the first tab")
    first.get_by_role("button", name="Save as draft").click()
    expect(first.locator("main")).to_contain_text("Your review is saved.")

    tap(second.get_by_role("group", name="Feasibility"), "2: Niveau 2")
    second.get_by_label("Strengths").fill("Written in the second tab")
    second.get_by_role("button", name="Save as draft").click()

    expect(second.get_by_role("alert").filter(has_text="saved in another tab")).to_be_visible()
    expect(second.locator("main")).to_contain_text("Someone saved this review in another tab")
    expect(second.locator("main")).to_contain_text("Written in the first tab")  # what is saved
    expect(second.get_by_label("Strengths")).to_have_value("Written in the second tab")  # what was typed
    expect(
        second.get_by_role("group", name="Feasibility").get_by_role("radio", name="2: Niveau 2")
    ).to_be_checked()
    assert_accessible(second)
    review = Review.objects.get(assignment__member=noor)
    assert review.strengths == "Written in the first tab"

    # Saving again is now a conscious choice, and it goes through.
    second.get_by_role("button", name="Save as draft").click()
    expect(second.locator("main")).to_contain_text("Your review is saved.")
    review.refresh_from_db()
    assert review.strengths == "Written in the second tab"
    assert review.scores.get().value == 2
