"""What anyone may read: the calls that have opened, a call with its rubric, FAQ and dates, the results."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from ..enums import Outcome, Phase
from ..models import Challenge, Criterion, CriterionLevel, Decision, FaqEntry
from ..phases import phase_of


@dataclass(frozen=True)
class CallSummary:
    challenge: Challenge
    phase: Phase


@dataclass(frozen=True)
class Call:
    """A call as its public page shows it: the rubric exactly as the jury uses it."""

    challenge: Challenge
    phase: Phase
    criteria: list[Criterion]  # each with `.levels.all()` prefetched, lowest score first
    faq: list[FaqEntry]
    dates: list[tuple[Phase, datetime]]  # when each dated phase starts


@dataclass(frozen=True)
class AwardedProposal:
    title: str
    initiative: str
    amount: Decimal
    outcome: Outcome


@dataclass(frozen=True)
class Results:
    challenge: Challenge
    awarded: list[AwardedProposal]  # largest amount first, then by title
    total_awarded: Decimal
    remaining: Decimal
    decided_count: int  # proposals that got a decision (awarded or not)


def public_calls(now: datetime | None = None) -> list[CallSummary]:
    """Every call that has opened, newest first (one query)."""
    now = now or timezone.now()
    return [
        CallSummary(challenge=challenge, phase=phase_of(challenge, now))
        for challenge in Challenge.objects.filter(opens_at__lte=now).order_by("-opens_at")
    ]


# The index lists the calls someone can still act on first: open, then those being judged, then the results.
LISTING_ORDER = [Phase.OPEN, Phase.REVIEW, Phase.DELIBERATION, Phase.DECIDED, Phase.PUBLISHED]


def listed_calls(now: datetime | None = None) -> list[CallSummary]:
    """The public calls in LISTING_ORDER, newest first within a phase (one query)."""
    return sorted(public_calls(now), key=lambda row: LISTING_ORDER.index(row.phase))


def call_detail(challenge: Challenge, now: datetime | None = None) -> Call:
    """The call with its rubric (criteria and level descriptors), FAQ and dates (three queries)."""
    now = now or timezone.now()
    criteria = list(
        Criterion.objects.filter(challenge=challenge).prefetch_related(
            Prefetch("levels", queryset=CriterionLevel.objects.order_by("value"))
        )
    )
    return Call(
        challenge=challenge,
        phase=phase_of(challenge, now),
        criteria=criteria,
        faq=list(FaqEntry.objects.filter(challenge=challenge)),
        dates=[
            (Phase.OPEN, challenge.opens_at),
            (Phase.REVIEW, challenge.submission_deadline),
            (Phase.DELIBERATION, challenge.review_ends_at),
            (Phase.DECIDED, challenge.deliberation_ends_at),
        ],
    )


def results(challenge: Challenge) -> Results | None:
    """The published outcome: awarded proposals and amounts; None before publication (two queries)."""
    if challenge.published_at is None:
        return None
    decisions = Decision.objects.filter(proposal__challenge=challenge, published_at__isnull=False)
    awarded = [
        AwardedProposal(
            title=decision.proposal.title,
            initiative=decision.proposal.initiative.name,
            amount=decision.amount,
            outcome=Outcome(decision.outcome),
        )
        for decision in decisions.exclude(outcome=Outcome.REJECT)
        .select_related("proposal__initiative")
        .order_by("-amount", "proposal__title")
    ]
    total = sum((row.amount for row in awarded), Decimal(0))
    return Results(
        challenge=challenge,
        awarded=awarded,
        total_awarded=total,
        remaining=challenge.total_budget - total,
        decided_count=decisions.count(),
    )
