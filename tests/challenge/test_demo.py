"""The challenge's demo data: a published call, one in review with work for the demo jurylid, one open with
the demo initiatiefnemer's draft; seed_demo stays idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from challenge.enums import Outcome, Phase, ProposalStatus
from challenge.models import Challenge, Decision, JuryMember, Proposal, Review
from challenge.phases import current_phase
from challenge.queries.jury import jury_work
from ondernemend.accounts.models import User

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", initiatives=30, stdout=StringIO())


def snapshot():
    return {
        "challenges": sorted(Challenge.objects.values_list("slug", flat=True)),
        "proposals": Proposal.objects.count(),
        "reviews": Review.objects.count(),
        "decisions": Decision.objects.count(),
        "jury": JuryMember.objects.count(),
        "users": User.objects.count(),
    }


def test_seed_demo_twice_gives_the_same_challenges():
    seed()
    first = snapshot()

    seed()

    assert snapshot() == first
    assert first["users"] == 6  # the jury is made of the demo accounts


def test_one_call_is_published_with_complete_reviews_and_decisions():
    seed()
    [published] = [c for c in Challenge.objects.all() if current_phase(c) == Phase.PUBLISHED]

    proposals = published.proposals.filter(status=ProposalStatus.SUBMITTED)
    reviews = Review.objects.filter(assignment__proposal__challenge=published)

    assert proposals.count() >= 8
    assert published.jury.count() == 5
    assert reviews.count() == 3 * proposals.count()
    assert not reviews.filter(submitted_at__isnull=True).exists()
    decisions = Decision.objects.filter(proposal__challenge=published)
    assert decisions.count() == proposals.count()
    assert not decisions.filter(published_at__isnull=True).exists()
    assert {Outcome.AWARD, Outcome.REJECT} <= set(decisions.values_list("outcome", flat=True))
    assert sum(decisions.values_list("amount", flat=True)) <= published.total_budget


def test_the_demo_jurylid_has_open_work_in_a_call_in_review():
    seed()
    [in_review] = [c for c in Challenge.objects.all() if current_phase(c) == Phase.REVIEW]
    jurylid = User.objects.get(email="jurylid@example.org")

    work = jury_work(jurylid, in_review)

    assert jurylid.has_perm("challenge.view_jury_work", in_review)
    assert 0 < work.done < work.total  # "2 of 6": some work done, some still open


def test_the_demo_initiatiefnemer_has_a_draft_in_the_open_call():
    seed()
    [open_call] = [c for c in Challenge.objects.all() if current_phase(c) == Phase.OPEN]
    editor = User.objects.get(email="initiatiefnemer@example.org")

    draft = Proposal.objects.get(challenge=open_call, status=ProposalStatus.DRAFT)

    assert draft.initiative.editors.filter(pk=editor.pk).exists()
    assert editor.has_perm("challenge.change_proposal", draft)


def test_the_demo_coordinator_opens_the_published_calls_deliberation(client):
    seed()
    [published] = [c for c in Challenge.objects.all() if current_phase(c) == Phase.PUBLISHED]
    client.force_login(User.objects.get(email="coordinator@example.org"))

    response = client.get(reverse("challenge:deliberation", kwargs={"slug": published.slug}))

    assert response.status_code == 200
    assert response.content.decode().count('role="img"') == published.proposals.count()
