"""The whole challenge in Chromium, each person in a browser context of their own (issue 9, "How it will be
checked"): an initiatiefnemer writes, saves and submits a proposal with a budget; the deadline passes and the
coördinator divides the proposals over the jury; a juror asks a question, the applicant answers it without
seeing who asked, the juror scores every criterion and submits; the review ends, the coördinator records a
decision and publishes; the applicant reads the feedback, without the private note or the juror's name.
axe-core checks every page on the way in Dutch, and the key pages once more in English."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from challenge.enums import Outcome, Phase, ProposalStatus
from challenge.models import Assignment, Challenge, Decision, Proposal, Question, Review
from challenge.services.calls import add_criterion
from challenge.services.jury import add_juror
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, url_in
from tests.factories.accounts import UserFactory
from tests.factories.challenge import DAY, PHASE_OFFSETS, ChallengeFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEVELS = {1: "Geen plan", 2: "Een begin", 3: "Redelijk", 4: "Goed", 5: "Uitstekend"}


def move_to(challenge: Challenge, phase: Phase) -> None:
    """Time moves on: set the call's dates so that it is in `phase` now (test set-up, not the journey)."""
    now = timezone.now()
    opens, deadline, review_ends, deliberation_ends = (now + days * DAY for days in PHASE_OFFSETS[phase])
    Challenge.objects.filter(pk=challenge.pk).update(
        opens_at=opens,
        submission_deadline=deadline,
        review_ends_at=review_ends,
        deliberation_ends_at=deliberation_ends,
    )


def tap(scope, label: str) -> None:
    """Tap a radio button or checkbox on its label, as a person does (the Amsterdam input has no size)."""
    scope.locator("label", has_text=label).click()
    expect(scope.get_by_label(label, exact=True)).to_be_checked()


def checked(page) -> None:
    """axe finds nothing, and the browser reported no error, no CSP violation."""
    assert_accessible(page)
    assert page.watcher.take_problems() == []


def open_page(open_context, user, live_server):
    """A browser context of its own for `user`, logged in, with one page that a BrowserWatcher follows."""
    context = open_context()
    log_in(context, user, live_server.url)
    page = context.new_page()
    page.watcher = BrowserWatcher(page)
    return page


@pytest.fixture
def call():
    """A call open for proposals with a two-criterion rubric, one juror (Noor) and a coördinator."""
    coordinator = UserFactory(coordinator=True, name="Carla Coördinator")
    challenge = ChallengeFactory(
        title="Buurtgeld 2027", jurors_per_proposal=1, max_per_proposal=Decimal("5000.00")
    )
    for name in ("Haalbaarheid", "Effect in de buurt"):
        add_criterion(
            challenge,
            by=coordinator,
            name=name,
            description="Wat de jury hier beoordeelt.",
            weight=1,
            scale_min=1,
            scale_max=5,
            levels=LEVELS,
        )
    juror = UserFactory(jurylid=True, name="Noor Jurylid")
    add_juror(challenge, juror, by=coordinator)
    applicant = UserFactory(initiatiefnemer=True, name="Fatima Aanvrager")
    InitiativeFactory(editors=[applicant], name="Buurthuis De Boog")
    return {"challenge": challenge, "coordinator": coordinator, "juror": juror, "applicant": applicant}


def test_a_proposal_from_writing_to_feedback(open_context, live_server, call):
    challenge = call["challenge"]
    applicant = open_page(open_context, call["applicant"], live_server)
    coordinator = open_page(open_context, call["coordinator"], live_server)
    juror = open_page(open_context, call["juror"], live_server)

    # (1) The initiatiefnemer writes, saves, budgets and submits.
    applicant.goto(url_in("nl", "challenge:my_proposals"))
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Mijn plannen")
    checked(applicant)
    applicant.get_by_role("link", name=re.compile(r"^Schrijf een plan\W+Buurtgeld 2027$")).click()
    applicant.get_by_label("Buurthuis De Boog").check()
    checked(applicant)
    applicant.get_by_role("button", name="Begin met schrijven").click()

    expect(applicant.get_by_role("heading", level=1)).to_have_text("Schrijf je plan")
    proposal = Proposal.objects.get(challenge=challenge)
    applicant.locator("#id_title").fill("Naaicafé in de Boog")
    applicant.locator("#id_summary").fill("Elke week naaien met buren.")
    applicant.locator("#id_plan").fill("We kopen machines en openen op woensdag.")
    applicant.locator("#id_team").fill("Fatima en Joke.")
    rows = applicant.locator("[data-budget-row]")
    total = applicant.locator("[data-budget-total]")
    rows.nth(0).locator("input[name$='-description']").fill("Naaimachines")
    rows.nth(0).locator("input[name$='-amount']").fill("1200")
    expect(total).to_contain_text("Totaal: € 1.200,00.")
    rows.nth(1).locator("input[name$='-description']").fill("Stof en garen")
    rows.nth(1).locator("input[name$='-amount']").fill("300")
    expect(total).to_contain_text("Totaal: € 1.500,00. Je kunt maximaal € 5.000,00 aanvragen.")
    checked(applicant)
    applicant.get_by_role("button", name="Opslaan").click()

    expect(applicant.locator("main")).to_contain_text("Je plan is opgeslagen.")
    checked(applicant)
    proposal.refresh_from_db()
    assert proposal.title == "Naaicafé in de Boog"
    assert list(proposal.budget_lines.values_list("description", "amount")) == [
        ("Naaimachines", Decimal("1200.00")),
        ("Stof en garen", Decimal("300.00")),
    ]

    applicant.goto(url_in("nl", "challenge:proposal_submit", pk=proposal.pk))
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Controleren en insturen")
    expect(applicant.locator("main")).to_contain_text("€ 1.500,00")
    checked(applicant)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT  # nothing happens before the confirmation
    applicant.get_by_role("button", name="Ja, stuur mijn plan in").click()
    expect(applicant.locator("main")).to_contain_text("Je plan is ingestuurd.")
    checked(applicant)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED

    # (2) The deadline passes; the coördinator divides the proposals over the jury.
    move_to(challenge, Phase.REVIEW)
    coordinator.goto(url_in("nl", "challenge:manage_jury", slug=challenge.slug))
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Jury van Buurtgeld 2027")
    checked(coordinator)
    coordinator.get_by_role("button", name="Plannen verdelen").click()
    expect(coordinator.locator("main")).to_contain_text(
        "De plannen zijn verdeeld. Elk jurylid heeft 1 plannen."
    )
    checked(coordinator)
    assignment = Assignment.objects.get(proposal=proposal)
    assert assignment.member.user == call["juror"]

    # (3) The juror finds the proposal and asks the applicant a question.
    juror.goto(url_in("nl", "challenge:jury_home"))
    checked(juror)
    juror.get_by_role("link", name="Buurtgeld 2027").click()
    expect(juror.get_by_role("heading", level=1)).to_have_text("Jurywerk: Buurtgeld 2027")
    checked(juror)
    juror.get_by_role("link", name="Naaicafé in de Boog", exact=True).click()
    expect(juror.get_by_role("heading", level=1)).to_have_text("Beoordelen: Naaicafé in de Boog")
    checked(juror)
    juror.get_by_label("Jouw vraag aan de aanvrager").fill("Wie geeft de naailessen?")
    juror.get_by_role("button", name="Stuur mijn vraag").click()
    expect(juror.locator("main")).to_contain_text("Je vraag is naar de aanvrager gestuurd.")
    asked = juror.get_by_role("region", name="Vragen aan de aanvrager")
    expect(asked.locator("dt")).to_have_text(["Wie geeft de naailessen? (jouw vraag)"])
    expect(asked.locator("dd")).to_have_text(["Nog geen antwoord."])
    checked(juror)
    question = Question.objects.get(proposal=proposal)
    assert (question.text, question.asked_by, question.answer) == (
        "Wie geeft de naailessen?",
        assignment.member,
        "",
    )

    # (4) The applicant answers, and never sees who asked.
    applicant.goto(url_in("nl", "challenge:proposal", pk=proposal.pk))
    questions = applicant.locator("#vragen")
    expect(questions.get_by_role("heading", level=3)).to_have_text("Vraag 1")
    expect(questions).to_contain_text("Wie geeft de naailessen?")
    expect(applicant.locator("body")).not_to_contain_text("Noor")
    checked(applicant)
    questions.get_by_label("Je antwoord").fill("Joke, zij is coupeuse.")
    questions.get_by_role("button", name="Stuur je antwoord").click()
    expect(applicant.locator("main")).to_contain_text(
        "Je antwoord is verstuurd. Alle juryleden van je plan kunnen het lezen."
    )
    expect(applicant.locator("#vragen")).to_contain_text("Je antwoord: Joke, zij is coupeuse.")
    expect(applicant.locator("body")).not_to_contain_text("Noor")
    checked(applicant)
    question.refresh_from_db()
    assert question.answer == "Joke, zij is coupeuse."

    # (5) The juror reads the answer, scores every criterion and submits.
    juror.reload()
    expect(asked.locator("dd")).to_have_text(["Joke, zij is coupeuse."])
    tap(juror.get_by_role("group", name="Haalbaarheid"), "5: Uitstekend")
    tap(juror.get_by_role("group", name="Effect in de buurt"), "3: Redelijk")
    juror.get_by_label("Sterke punten").fill("Een echte ontmoetingsplek.")
    juror.get_by_label("Verbeterpunten").fill("Zeg hoe je nieuwe buren bereikt.")
    juror.get_by_label("Notitie voor de jury").fill("Huur nog eens nakijken.")
    tap(juror.locator("main form").last, "Ik ben klaar. Dien mijn beoordeling in.")
    checked(juror)
    juror.get_by_role("button", name="Dien mijn beoordeling in").click()
    expect(juror.locator("main")).to_contain_text(
        "Je beoordeling is ingediend. Hieronder zie je de andere scores."
    )
    checked(juror)
    review = Review.objects.get(assignment=assignment)
    assert review.submitted_at is not None
    assert dict(review.scores.values_list("criterion__name", "value")) == {
        "Haalbaarheid": 5,
        "Effect in de buurt": 3,
    }
    assert (review.strengths, review.improvements, review.private_note) == (
        "Een echte ontmoetingsplek.",
        "Zeg hoe je nieuwe buren bereikt.",
        "Huur nog eens nakijken.",
    )

    # (6) The review ends; the coördinator records the decision and publishes.
    move_to(challenge, Phase.DELIBERATION)
    coordinator.goto(url_in("nl", "challenge:deliberation", slug=challenge.slug))
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Beraad: Buurtgeld 2027")
    expect(coordinator.locator("main")).to_contain_text("1 plan heeft nog geen besluit.")
    checked(coordinator)
    coordinator.get_by_role("region", name="Tabel met de rangorde").get_by_role("row").filter(
        has_text="Naaicafé in de Boog"
    ).get_by_role("link", name="Besluit vastleggen").click()
    checked(coordinator)
    tap(coordinator.locator("main form"), "Het gevraagde bedrag toekennen")
    coordinator.get_by_role("button", name="Besluit bewaren").click()
    expect(coordinator.locator("main")).to_contain_text("0 plannen hebben nog geen besluit.")
    checked(coordinator)
    coordinator.get_by_role("link", name="Alle besluiten bekendmaken").click()
    checked(coordinator)
    assert Decision.objects.get(proposal=proposal).published_at is None
    coordinator.get_by_role("button", name="Ja, maak alle besluiten bekend").click()
    expect(coordinator.locator("main")).to_contain_text(
        "Alle besluiten zijn bekendgemaakt. De aanvragers kunnen de uitslag nu lezen."
    )
    checked(coordinator)
    decision = Decision.objects.get(proposal=proposal)
    assert (decision.outcome, decision.amount, decision.published_at is not None) == (
        Outcome.AWARD,
        Decimal("1500.00"),
        True,
    )
    assert Challenge.objects.get(pk=challenge.pk).published_at == decision.published_at

    # (7) The applicant reads the feedback: scores per criterion, strengths and points to improve.
    applicant.goto(url_in("nl", "challenge:proposal", pk=proposal.pk))
    checked(applicant)
    applicant.get_by_role("link", name="Lees de feedback van de jury").click()
    expect(applicant.get_by_role("heading", level=1)).to_have_text(
        "De feedback van de jury op “Naaicafé in de Boog”"
    )
    expect(applicant.get_by_test_id("decision")).to_have_text("Je plan krijgt € 1.500,00.")
    standing = applicant.get_by_role("region", name="Waar je plan stond").locator("p")
    expect(standing.first).to_have_text("Je score: 75 van de 100. Dat was plaats 1 van 1 plannen.")
    criteria = applicant.get_by_role("region", name="Scores per punt").get_by_role("row")
    assert criteria.all_inner_texts() == [
        "Punt\tGemiddelde score\tWat het betekent",
        "Haalbaarheid\t5,0 (van 1 tot 5)\tUitstekend",
        "Effect in de buurt\t3,0 (van 1 tot 5)\tRedelijk",
    ]
    comments = applicant.locator("section", has=applicant.get_by_role("heading", name="Wat de jury schreef"))
    expect(comments.get_by_role("heading", level=3)).to_have_text(["Jurylid 1"])
    expect(comments.locator("dd")).to_have_text(
        ["Een echte ontmoetingsplek.", "Zeg hoe je nieuwe buren bereikt."]
    )
    expect(applicant.locator("body")).not_to_contain_text("Huur nog eens nakijken.")
    expect(applicant.locator("body")).not_to_contain_text("Noor")
    checked(applicant)

    # The key pages once more, in English.
    for page, url in [
        (applicant, url_in("en", "challenge:my_proposals")),
        (applicant, url_in("en", "challenge:proposal", pk=proposal.pk)),
        (applicant, url_in("en", "challenge:proposal_feedback", pk=proposal.pk)),
        (juror, url_in("en", "challenge:jury_work", slug=challenge.slug)),
        (juror, url_in("en", "challenge:review", pk=proposal.pk)),
        (coordinator, url_in("en", "challenge:manage_jury", slug=challenge.slug)),
        (coordinator, url_in("en", "challenge:deliberation", slug=challenge.slug)),
        (coordinator, url_in("en", "challenge:publish", slug=challenge.slug)),
    ]:
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        checked(page)
    expect(applicant.get_by_test_id("decision")).to_have_text("Your proposal gets € 1,500.00.")
