"""Demo content for the challenge: three calls at the map's demo initiatives, one in each interesting phase.

- a call whose results are published: 10 proposals, a jury of 5, every review submitted, every decision made;
- a call in review, where the demo jurylid has open work (some reviews done, one saved, the rest to do);
- a call open for proposals, where the demo initiatiefnemer has a draft.

No new accounts: the jury is made of the demo users (the seed_demo tests count them). Only the demo jurylid
has the jury role, so only that account opens jury pages; the other members of the published jury are history.
A call is found by its stable slug; one that exists is skipped whole, so running `seed_demo` twice creates
nothing new. Scores come from a random generator seeded by the slug: the same on every run. Dates are relative
to the day of the first run. Everything is fictional.
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.demo import initiative_specs
from initiatives.models import Initiative
from ondernemend.accounts.models import User

from .assignment import assign_jurors
from .enums import ConflictKind, Outcome, ProposalStatus
from .models import (
    Assignment,
    BudgetLine,
    Challenge,
    Conflict,
    Criterion,
    CriterionLevel,
    Decision,
    FaqEntry,
    JuryMember,
    Proposal,
    Question,
    Review,
    Score,
)
from .queries.deliberation import deliberation_screen
from .services.calls import money_faq

DAY = timedelta(days=1)
EDITOR_EMAIL = "initiatiefnemer@example.org"
JURYLID_EMAIL = "jurylid@example.org"
COORDINATOR_EMAIL = "coordinator@example.org"
# The jury of the published call: the demo jurylid and four other demo accounts (no extra users).
PAST_JURY = [JURYLID_EMAIL, "coach@example.org", COORDINATOR_EMAIL, "beheerder@example.org", EDITOR_EMAIL]
REVIEW_JURY = [JURYLID_EMAIL, "coach@example.org", COORDINATOR_EMAIL]

RUBRIC = [  # name, weight, what the jury looks at, level descriptors 1–5
    ("Haalbaarheid", 2, "Kan het team dit plan uitvoeren met dit geld en deze tijd?"),
    ("Effect in de buurt", 2, "Wat verandert er voor de mensen in de buurt?"),
    ("Ondernemend leren", 1, "Leren de deelnemers ondernemen: klanten, prijzen, samenwerken?"),
    ("Begroting", 1, "Is de begroting duidelijk en passen de bedragen bij het plan?"),
]
LEVELS = {
    1: "Nog niet: het plan zegt hier bijna niets over.",
    2: "Zwak: er is een begin, maar veel blijft onduidelijk.",
    3: "Voldoende: het plan is duidelijk, met een paar open vragen.",
    4: "Goed: duidelijk en overtuigend.",
    5: "Uitstekend: sterk, concreet en goed onderbouwd.",
}
PLANS = [  # title, summary, amounts of the budget lines
    ("Reparatiecafé met leerplekken", "Elke zaterdag repareren buurtbewoners samen spullen.", [1200, 650]),
    ("Kookstudio voor thuiskoks", "Thuiskoks verkopen een keer per week een maaltijd.", [1800, 900]),
    ("Fietsenmaker in de buurt", "Een kleine fietsenwerkplaats met twee leerlingen.", [2100, 400]),
    ("Naaiatelier op maat", "Kleding herstellen en verkopen vanuit het buurthuis.", [950, 700]),
    ("Buurtmoestuin met verkoop", "Groente kweken en op de markt verkopen.", [1300, 500]),
    ("Kapsalon aan huis", "Knippen bij ouderen thuis, tegen een kleine prijs.", [800, 600]),
    ("Klusdienst voor buren", "Kleine klussen voor buren, met een vaste prijslijst.", [1500, 300]),
    ("Fotostudio in een container", "Portretten voor cv's en gezinnen.", [2400, 500]),
    ("Taalcafé met hapjes", "Nederlands oefenen bij zelfgemaakte hapjes.", [700, 450]),
    ("Webwinkel voor buurtmakers", "Eén webwinkel voor de makers uit de buurt.", [1600, 1100]),
]
STRENGTHS = [
    "Het team weet wat het wil en heeft al klanten gesproken.",
    "Een duidelijk plan met een goede planning.",
    "Sterk dat buren zelf meedoen en meebeslissen.",
    "De begroting is helder en past bij het plan.",
]
IMPROVEMENTS = [
    "Schrijf meer over wie je eerste klanten zijn.",
    "Maak duidelijk wat je doet als het geld op is.",
    "Splits de grootste kostenpost uit in kleinere posten.",
    "Vertel hoe deelnemers leren ondernemen, niet alleen wat ze maken.",
]


@dataclass(frozen=True)
class DemoCall:
    slug: str
    title: str
    days: tuple[int, int, int, int]  # opens, deadline, review ends, jury decides by: days from the first run
    initiatives: tuple[int, ...]  # numbers of the map's demo initiatives (1 = the first) that apply
    published: bool = False


DEMO_CALLS = [
    DemoCall(
        "buurtgeld-voorjaar-2026", "Buurtgeld voorjaar", (-120, -90, -60, -45), (1, *range(5, 14)), True
    ),
    DemoCall("groene-buurt-2026", "Groene buurt", (-50, -20, 14, 28), tuple(range(14, 20))),
    DemoCall("buurtgeld-najaar-2026", "Buurtgeld najaar", (-10, 30, 60, 75), (2, 20, 21)),
]


def seed_challenges(*, stdout=None) -> dict[str, int]:
    """Create the demo calls that do not exist yet; returns how many calls and proposals were created."""
    created = {"challenges": 0, "proposals": 0}
    existing = set(
        Challenge.objects.filter(slug__in=[c.slug for c in DEMO_CALLS]).values_list("slug", flat=True)
    )
    users = User.objects.in_bulk(set(PAST_JURY), field_name="email")
    specs = initiative_specs(max(number for call in DEMO_CALLS for number in call.initiatives))
    by_slug = Initiative.objects.in_bulk([spec.slug for spec in specs], field_name="slug")
    for call in DEMO_CALLS:
        initiatives = [by_slug.get(specs[number - 1].slug) for number in call.initiatives]
        if call.slug in existing or None in initiatives or len(users) < len(PAST_JURY):
            continue  # made before, or seed_demo --initiatives too small to hold it
        created["proposals"] += _seed_call(call, initiatives, users)
        created["challenges"] += 1
    if stdout is not None and created["challenges"]:
        stdout.write(_("%(count)s demo challenges created") % {"count": created["challenges"]} + "\n")
    return created


@transaction.atomic
def _seed_call(call: DemoCall, initiatives: list[Initiative], users: dict[str, User]) -> int:
    rng = random.Random(f"demo-challenge-{call.slug}")
    now = timezone.now()
    opens, deadline, review_ends, decides_by = (now + days * DAY for days in call.days)
    challenge = Challenge.objects.create(
        title=call.title,
        slug=call.slug,
        description=(
            "Heb je een plan dat je buurt sterker maakt en waarmee je leert ondernemen? Vraag tot € 3.000 "
            "aan. Een jury van buurtbewoners en ondernemers leest elk plan."
        ),
        total_budget=Decimal("12000"),
        max_per_proposal=Decimal("3000"),
        opens_at=opens,
        submission_deadline=deadline,
        review_ends_at=review_ends,
        deliberation_ends_at=decides_by,
        created_at=opens - 14 * DAY,
    )
    criteria = _rubric(challenge)
    FaqEntry.objects.bulk_create(
        FaqEntry(challenge=challenge, question=question, answer=answer, position=position)
        for position, (question, answer) in enumerate(money_faq(), start=1)
    )
    editor = users[EDITOR_EMAIL]
    sent_by = min(deadline, now)
    proposals = [
        _proposal(challenge, initiative, position, editor, submitted_at=sent_by - (3 + position) * DAY)
        for position, initiative in enumerate(initiatives)
    ]
    if call.published:
        _seed_review(
            challenge, proposals, criteria, [users[email] for email in PAST_JURY], rng, complete=True
        )
        _seed_decisions(challenge, users[COORDINATOR_EMAIL], decided_at=decides_by - 2 * DAY)
    elif now >= deadline:
        _seed_review(
            challenge, proposals, criteria, [users[email] for email in REVIEW_JURY], rng, complete=False
        )
    else:  # open: the demo initiatiefnemer's proposal is a draft, the others are submitted already
        Proposal.objects.filter(pk=proposals[0].pk).update(status=ProposalStatus.DRAFT, submitted_at=None)
    return len(proposals)


def _rubric(challenge: Challenge) -> list[Criterion]:
    criteria = Criterion.objects.bulk_create(
        Criterion(challenge=challenge, name=name, description=description, weight=weight, position=position)
        for position, (name, weight, description) in enumerate(RUBRIC, start=1)
    )
    CriterionLevel.objects.bulk_create(
        CriterionLevel(criterion=criterion, value=value, descriptor=descriptor)
        for criterion in criteria
        for value, descriptor in LEVELS.items()
    )
    return criteria


def _proposal(challenge, initiative, position, editor, submitted_at) -> Proposal:
    title, summary, amounts = PLANS[position % len(PLANS)]
    proposal = Proposal.objects.create(
        challenge=challenge,
        initiative=initiative,
        title=title,
        summary=summary,
        plan=(
            f"{summary} We beginnen klein, met een proefperiode van drie maanden. Daarna kijken we met de "
            "deelnemers wat werkt en wat de klanten ervan vinden."
        ),
        team="Twee buurtbewoners die het initiatief trekken, en vrijwilligers uit de buurt.",
        in_kind_hours=40 + 10 * position,
        status=ProposalStatus.SUBMITTED,
        created_by=editor if initiative.editors.filter(pk=editor.pk).exists() else None,
        created_at=submitted_at - 10 * DAY,
        updated_at=submitted_at,
        submitted_at=submitted_at,
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(proposal=proposal, description=description, amount=Decimal(amount), position=line)
        for line, (description, amount) in enumerate(
            zip(["Materiaal", "Ruimte en promotie"], amounts, strict=True), start=1
        )
    )
    return proposal


def _seed_review(challenge, proposals, criteria, jurors, rng, *, complete: bool) -> None:
    """The jury, a conflict where a juror edits the initiative, the assignment and the reviews.

    Complete: every review submitted. Otherwise the demo jurylid (the first juror) has submitted two, saved
    one and not started the rest, and the other jurors have submitted theirs.
    """
    members = JuryMember.objects.bulk_create(
        JuryMember(challenge=challenge, user=user, added_at=challenge.submission_deadline - 5 * DAY)
        for user in jurors
    )
    conflicts = [
        (member, proposal)
        for member in members
        for proposal in proposals
        if proposal.initiative.editors.filter(pk=member.user_id).exists()
    ]
    Conflict.objects.bulk_create(
        Conflict(member=member, proposal=proposal, kind=ConflictKind.ORGANISATION, note="Eigen initiatief")
        for member, proposal in conflicts
    )
    # assign_jurors sorts what it gets, so it gets primary keys; these map them back to the objects.
    member_of = {member.pk: member for member in members}
    proposal_of = {proposal.pk: proposal for proposal in proposals}
    plan = assign_jurors(
        [proposal.pk for proposal in proposals],
        [member.pk for member in members],
        [(member.pk, proposal.pk) for member, proposal in conflicts],
        k=challenge.jurors_per_proposal,
    )
    quality = {proposal.pk: rng.uniform(1.8, 4.6) for proposal in proposals}
    leniency = {member.pk: rng.uniform(-0.5, 0.5) for member in members}
    own_done = 0
    for proposal_pk, assigned in plan.assignments.items():
        proposal = proposal_of[proposal_pk]
        for member in (member_of[pk] for pk in assigned):
            assignment = Assignment.objects.create(
                proposal=proposal, member=member, assigned_at=challenge.submission_deadline + DAY
            )
            if not complete and member == members[0]:
                own_done += 1
                if own_done > 3:
                    continue  # not started
            submitted = complete or member != members[0] or own_done <= 2
            review = Review.objects.create(
                assignment=assignment,
                strengths=rng.choice(STRENGTHS),
                improvements=rng.choice(IMPROVEMENTS),
                private_note="Bespreken: is de planning haalbaar?" if rng.random() < 0.3 else "",
                updated_at=challenge.submission_deadline + 5 * DAY,
                submitted_at=challenge.submission_deadline + 6 * DAY if submitted else None,
            )
            Score.objects.bulk_create(
                Score(
                    review=review, criterion=criterion, value=_score(quality, leniency, proposal, member, rng)
                )
                for criterion in criteria
            )
    if not complete:  # the clarification round: a question from another juror, answered by the applicant
        Question.objects.create(
            proposal=proposals[0],
            asked_by=members[1],
            text="Wie zijn jullie eerste klanten, en hoe vinden ze jullie?",
            answer="Buren uit onze straat; we hangen flyers op in de buurtsuper en het buurthuis.",
            answered_at=challenge.submission_deadline + 4 * DAY,
        )


def _score(quality, leniency, proposal, member, rng) -> int:
    value = quality[proposal.pk] + leniency[member.pk] + rng.gauss(0, 0.6)
    return max(1, min(5, round(value)))


def _seed_decisions(challenge: Challenge, coordinator: User, *, decided_at) -> None:
    """Decisions along the suggested allocation: the lowest funded proposal gets € 500 less (agreed)."""
    screen = deliberation_screen(challenge)
    funded = [item for item in screen.ranking if item.suggested]
    decisions = []
    for item in screen.ranking:
        outcome, amount, agreed = Outcome.REJECT, Decimal(0), False
        if item.suggested:
            outcome, amount = Outcome.AWARD, item.row.requested
            if item is funded[-1] and len(funded) > 1:
                outcome, amount, agreed = Outcome.AWARD_LESS, item.row.requested - 500, True
        decisions.append(
            Decision(
                proposal=item.proposal,
                outcome=outcome,
                amount=amount,
                applicant_agreed=agreed,
                decided_by=coordinator,
                decided_at=decided_at,
                published_at=decided_at + DAY,
            )
        )
    Decision.objects.bulk_create(decisions)
    Challenge.objects.filter(pk=challenge.pk).update(decided_at=decided_at, published_at=decided_at + DAY)
