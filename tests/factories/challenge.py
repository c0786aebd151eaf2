"""Factories for the challenge: calls in each phase, rubrics, proposals, the jury, reviews and decisions.

`ChallengeFactory(phase=Phase.REVIEW)` sets the dates so that the call is in that phase now (decided and
published set `decided_at` / `published_at` as well). Default: open for proposals.
"""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from challenge.enums import ConflictKind, Outcome, Phase, ProposalStatus
from challenge.models import (
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

from .accounts import UserFactory
from .initiatives import InitiativeFactory

DAY = timedelta(days=1)
# How many days from now each date lies, per phase the call should be in.
PHASE_OFFSETS = {
    Phase.DRAFT: (5, 15, 25, 35),
    Phase.OPEN: (-5, 10, 20, 30),
    Phase.REVIEW: (-15, -5, 10, 20),
    Phase.DELIBERATION: (-25, -15, -5, 10),
    Phase.DECIDED: (-35, -25, -15, -5),
    Phase.PUBLISHED: (-35, -25, -15, -5),
}


def _date(index):
    return factory.LazyAttribute(
        lambda challenge: challenge.now + PHASE_OFFSETS[challenge.phase][index] * DAY
    )


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    class Params:
        phase = Phase.OPEN
        now = factory.LazyFunction(timezone.now)

    title = factory.Sequence(lambda n: f"Challenge {n}")
    slug = factory.Sequence(lambda n: f"challenge-{n}")
    description = "Heb je een plan voor je buurt? Vraag geld aan."
    total_budget = Decimal("20000.00")
    max_per_proposal = Decimal("5000.00")
    jurors_per_proposal = 3
    opens_at = _date(0)
    submission_deadline = _date(1)
    review_ends_at = _date(2)
    deliberation_ends_at = _date(3)
    decided_at = factory.LazyAttribute(
        lambda challenge: (
            challenge.now - 4 * DAY if challenge.phase in (Phase.DECIDED, Phase.PUBLISHED) else None
        )
    )
    published_at = factory.LazyAttribute(
        lambda challenge: challenge.now - 3 * DAY if challenge.phase == Phase.PUBLISHED else None
    )


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    challenge = factory.SubFactory(ChallengeFactory)
    question = factory.Sequence(lambda n: f"Vraag {n}?")
    answer = "Het antwoord."
    position = factory.Sequence(lambda n: n)


class CriterionFactory(factory.django.DjangoModelFactory):
    """A criterion on the scale 1–5; `CriterionFactory(with_levels=True)` adds a descriptor per level."""

    class Meta:
        model = Criterion
        skip_postgeneration_save = True

    challenge = factory.SubFactory(ChallengeFactory)
    name = factory.Sequence(lambda n: f"Criterium {n}")
    description = "Wat de jury hier beoordeelt."
    weight = 1
    scale_min = 1
    scale_max = 5
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def with_levels(self, create, extracted, **kwargs):
        if create and extracted:
            CriterionLevel.objects.bulk_create(
                CriterionLevel(criterion=self, value=value, descriptor=f"Niveau {value}")
                for value in self.scale
            )


class ProposalFactory(factory.django.DjangoModelFactory):
    """A complete draft; `ProposalFactory(submitted=True)` is submitted. `editor` is the initiative's editor
    (an initiatiefnemer), `amounts=[1000, 500]` makes budget lines."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    class Params:
        editor = factory.SubFactory(UserFactory, initiatiefnemer=True)
        submitted = factory.Trait(
            status=ProposalStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )

    challenge = factory.SubFactory(ChallengeFactory)
    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Buurtplan {n}")
    summary = "Een korte samenvatting."
    plan = "Het plan in een paar zinnen."
    team = "Wij met z'n tweeën."
    created_by = factory.SelfAttribute("editor")
    status = ProposalStatus.DRAFT

    @factory.post_generation
    def editors(self, create, extracted, **kwargs):
        """The writer edits the initiative (the rule for every applicant)."""
        if create and self.created_by is not None:
            self.initiative.editors.add(self.created_by)

    @factory.post_generation
    def amounts(self, create, extracted, **kwargs):
        if create:
            BudgetLine.objects.bulk_create(
                BudgetLine(
                    proposal=self, description=f"Post {position}", amount=Decimal(amount), position=position
                )
                for position, amount in enumerate([1000] if extracted is None else extracted, start=1)
            )


class JuryMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryMember

    challenge = factory.SubFactory(ChallengeFactory, phase=Phase.REVIEW)
    user = factory.SubFactory(UserFactory, jurylid=True)


class ConflictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conflict

    member = factory.SubFactory(JuryMemberFactory)
    proposal = factory.SubFactory(
        ProposalFactory, challenge=factory.SelfAttribute("..member.challenge"), submitted=True
    )
    kind = ConflictKind.NETWORK_PARTNER


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    member = factory.SubFactory(JuryMemberFactory)
    proposal = factory.SubFactory(
        ProposalFactory, challenge=factory.SelfAttribute("..member.challenge"), submitted=True
    )


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review; `ReviewFactory(scores={criterion: 4, …})` scores, `submitted=True` submits."""

    class Meta:
        model = Review
        skip_postgeneration_save = True

    class Params:
        submitted = factory.Trait(submitted_at=factory.LazyFunction(timezone.now))

    assignment = factory.SubFactory(AssignmentFactory)
    strengths = "Een duidelijk plan."
    improvements = "Zeg meer over de eerste klanten."
    private_note = "Twijfel over de planning."

    @factory.post_generation
    def scores(self, create, extracted, **kwargs):
        if create and extracted:
            Score.objects.bulk_create(
                Score(review=self, criterion=criterion, value=value) for criterion, value in extracted.items()
            )


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    proposal = factory.SubFactory(ProposalFactory, submitted=True)
    asked_by = factory.SubFactory(JuryMemberFactory, challenge=factory.SelfAttribute("..proposal.challenge"))
    text = "Wie zijn jullie eerste klanten?"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    proposal = factory.SubFactory(ProposalFactory, submitted=True)
    outcome = Outcome.AWARD
    amount = Decimal("1000.00")
    decided_by = factory.SubFactory(UserFactory, coordinator=True)
