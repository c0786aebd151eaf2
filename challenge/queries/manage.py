"""What the coördinator's management pages read: every call with its counts, the jury with loads and
conflicts, one criterion or FAQ entry of a call."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from ..enums import Phase, ProposalStatus
from ..models import Challenge, Conflict, Criterion, CriterionLevel, FaqEntry, JuryMember, Proposal
from ..phases import phase_of


@dataclass(frozen=True)
class ManagedCall:
    challenge: Challenge  # annotated: criteria_count, faq_count, jury_count, submitted_count
    phase: Phase


@dataclass(frozen=True)
class JuryOverview:
    members: list[JuryMember]  # with `.user` and `.load` (assigned proposals)
    proposals: list[Proposal]  # submitted, with `.initiative` and `.juror_count`
    conflicts: list[Conflict]  # with member's user and the proposal's initiative
    short: list[Proposal]  # submitted proposals with fewer jurors than the call asks for

    @property
    def assigned(self) -> bool:
        return any(member.load for member in self.members)


def managed_calls() -> list[ManagedCall]:
    """Every call, drafts included, newest first, with what it still needs counted (one query)."""
    now = timezone.now()
    challenges = Challenge.objects.annotate(
        criteria_count=Count("criteria", distinct=True),
        faq_count=Count("faq_entries", distinct=True),
        jury_count=Count("jury", distinct=True),
        submitted_count=Count(
            "proposals", filter=Q(proposals__status=ProposalStatus.SUBMITTED), distinct=True
        ),
    ).order_by("-opens_at")
    return [ManagedCall(challenge=challenge, phase=phase_of(challenge, now)) for challenge in challenges]


def rubric_of(challenge: Challenge) -> list[Criterion]:
    """The criteria with their levels, lowest score first (two queries)."""
    return list(
        challenge.criteria.prefetch_related(
            Prefetch("levels", queryset=CriterionLevel.objects.order_by("value"))
        )
    )


def criterion_of(challenge: Challenge, pk) -> Criterion | None:
    """The criterion `pk` of this call; None without a pk, 404 for one that is not this call's."""
    return _one_of(challenge.criteria.all(), pk)


def faq_entry_of(challenge: Challenge, pk) -> FaqEntry | None:
    return _one_of(challenge.faq_entries.all(), pk)


def jury_overview(challenge: Challenge) -> JuryOverview:
    """The jury with each member's load, the submitted proposals with their number of jurors, and the
    declared conflicts (three queries)."""
    members = list(
        challenge.jury.select_related("user")
        .annotate(load=Count("assignments", distinct=True))
        .order_by("user__name", "user__email")
    )
    proposals = list(
        Proposal.objects.filter(challenge=challenge, status=ProposalStatus.SUBMITTED)
        .select_related("initiative")
        .annotate(juror_count=Count("assignments", distinct=True))
        .order_by("title", "pk")
    )
    conflicts = list(
        Conflict.objects.filter(member__challenge=challenge)
        .select_related("member__user", "proposal__initiative")
        .order_by("proposal__title", "member__user__name")
    )
    return JuryOverview(
        members=members,
        proposals=proposals,
        conflicts=conflicts,
        short=[p for p in proposals if p.juror_count < challenge.jurors_per_proposal],
    )


def _one_of(queryset, pk):
    if pk in (None, ""):
        return None
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, queryset.model.DoesNotExist):
        raise Http404 from None
