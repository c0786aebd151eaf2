"""The coördinator's deliberation pages: the ranking with its flags and allocation, decisions, publishing."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from challenge.enums import Outcome, Phase
from challenge.models import Assignment, Decision, Review, Score
from challenge.queries.deliberation import deliberation_screen
from tests.factories.accounts import UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    DecisionFactory,
    JuryMemberFactory,
    ProposalFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = UserFactory(coordinator=True)
    client.force_login(user)
    return user


def review(proposal, member, scores):
    ReviewFactory(
        assignment=AssignmentFactory(proposal=proposal, member=member), submitted=True, scores=scores
    )


def call_with_four_proposals():
    """One criterion on 1–5 (a score s gives the total 25 (s − 1)), three jurors, budget € 3,000.

    A: 5 5 4 → 91.7 · B: 4 4 4 → 75.0 · C: 5 4 3 → 75.0 (range 2: discuss) · D: 1 2 2 → 16.7
    Allocation down the ranking: A € 2,000 fits (1,000 left), B € 1,500 does not, C € 800 fits (200 left),
    D € 500 does not.
    """
    challenge = ChallengeFactory(
        phase=Phase.DELIBERATION, total_budget=Decimal("3000"), max_per_proposal=Decimal("2000")
    )
    criterion = CriterionFactory(challenge=challenge)
    members = JuryMemberFactory.create_batch(3, challenge=challenge)
    proposals = {}
    for title, amount, scores in [
        ("Buurtplan A", 2000, [5, 5, 4]),
        ("Buurtplan B", 1500, [4, 4, 4]),
        ("Buurtplan C", 800, [5, 4, 3]),
        ("Buurtplan D", 500, [1, 2, 2]),
    ]:
        proposal = ProposalFactory(challenge=challenge, submitted=True, title=title, amounts=[amount])
        for member, score in zip(members, scores, strict=True):
            review(proposal, member, {criterion: score})
        proposals[title[-1]] = proposal
    return challenge, proposals


def test_ranking_ties_flags_and_suggested_allocation():
    challenge, _proposals = call_with_four_proposals()

    screen = deliberation_screen(challenge)

    assert [(item.proposal.title[-1], item.mean_shown, item.rank) for item in screen.ranking] == [
        ("A", 91.7, 1),
        ("B", 75.0, 2),
        ("C", 75.0, 2),
        ("D", 16.7, 4),
    ]
    assert [item.disagreement for item in screen.ranking] == [False, False, True, False]
    assert [item.suggested for item in screen.ranking] == [True, False, True, False]
    assert (screen.suggested_total, screen.suggested_remaining) == (Decimal("2800"), Decimal("200"))
    # Three jurors with four proposals each: too few to normalise, and the page says why.
    assert (screen.normalised, screen.fewest_per_juror) == (False, 4)
    assert screen.alpha is not None
    assert 0 < screen.alpha <= 1


def test_a_total_far_from_the_others_is_flagged_without_criterion_disagreement():
    """Weights 1 and 20: no criterion ranges 2 points, yet one total (72.6) lies far from 47.6–48.8."""
    challenge = ChallengeFactory(phase=Phase.DELIBERATION)
    light = CriterionFactory(challenge=challenge, weight=1)
    heavy = CriterionFactory(challenge=challenge, weight=20)
    proposal = ProposalFactory(challenge=challenge, submitted=True)
    for x, y in [(1, 3), (2, 3), (2, 3), (1, 3), (2, 4)]:
        review(proposal, JuryMemberFactory(challenge=challenge), {light: x, heavy: y})

    [item] = deliberation_screen(challenge).ranking

    assert (item.disagreement, item.outlier, item.flagged) == (False, True, True)


def test_normalised_view_when_every_juror_scored_five():
    challenge = ChallengeFactory(phase=Phase.DELIBERATION, total_budget=Decimal("100000"))
    criterion = CriterionFactory(challenge=challenge)
    members = JuryMemberFactory.create_batch(2, challenge=challenge)
    for score in [1, 2, 3, 4, 5]:
        proposal = ProposalFactory(challenge=challenge, submitted=True, title=f"Plan {score}")
        review(proposal, members[0], {criterion: score})
        review(proposal, members[1], {criterion: min(score + 1, 5)})

    screen = deliberation_screen(challenge)

    assert screen.normalised
    assert [item.z_rank for item in screen.ranking] == [1, 2, 3, 4, 5]
    assert screen.ranking[0].z_score > 0 > screen.ranking[-1].z_score


def test_the_page_shows_ranking_flags_allocation_and_reason(client, coordinator):
    challenge, proposals = call_with_four_proposals()

    response = client.get(reverse("challenge:deliberation", kwargs={"slug": challenge.slug}))

    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Buurtplan A") < body.index("Buurtplan B") < body.index("Buurtplan C")
    assert body.index("Buurtplan C") < body.index("Buurtplan D")
    assert body.count('role="img"') == body.count("<title id=") == 4
    assert "Voorgesteld: € 2.800,00. Budget dat overblijft: € 200,00." in body
    assert "corrigeren kan pas bij minstens 5 per jurylid" in body
    assert reverse("challenge:decide", kwargs={"slug": challenge.slug, "pk": proposals["A"].pk}) in body


def make_large_call(proposals=100, jurors=7, criteria=4):
    challenge = ChallengeFactory(phase=Phase.DELIBERATION, total_budget=Decimal("1000000"))
    rubric = CriterionFactory.create_batch(criteria, challenge=challenge)
    members = JuryMemberFactory.create_batch(jurors, challenge=challenge)
    submitted = ProposalFactory.create_batch(proposals, challenge=challenge, submitted=True, amounts=[500])
    assignments = Assignment.objects.bulk_create(
        Assignment(proposal=proposal, member=member) for proposal in submitted for member in members
    )
    reviews = Review.objects.bulk_create(
        Review(assignment=assignment, submitted_at=timezone.now()) for assignment in assignments
    )
    Score.objects.bulk_create(
        Score(review=review, criterion=criterion, value=1 + (review.pk * 7 + criterion.pk) % 5)
        for review in reviews
        for criterion in rubric
    )
    for proposal in submitted[:10]:
        DecisionFactory(proposal=proposal, amount=Decimal("500"))
    return challenge


def test_the_page_needs_a_constant_number_of_queries(client, coordinator, django_assert_max_num_queries):
    challenge = make_large_call()
    url = reverse("challenge:deliberation", kwargs={"slug": challenge.slug})

    with django_assert_max_num_queries(12):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count('role="img"') == 100


def test_other_roles_cannot_open_the_deliberation(client):
    challenge, _proposals = call_with_four_proposals()
    url = reverse("challenge:deliberation", kwargs={"slug": challenge.slug})

    assert client.get(url).status_code == 302  # to the log-in page
    for role in ("jurylid", "gemeente", "initiatiefnemer", "coach"):
        client.force_login(UserFactory(**{role: True}))
        assert client.get(url).status_code == 403, role


def decide_url(challenge, proposal):
    return reverse("challenge:decide", kwargs={"slug": challenge.slug, "pk": proposal.pk})


def test_recording_a_decision_keeps_it_pending(client, coordinator):
    challenge, proposals = call_with_four_proposals()

    response = client.post(decide_url(challenge, proposals["A"]), {"outcome": Outcome.AWARD})

    assert response.status_code == 302
    decision = Decision.objects.get(proposal=proposals["A"])
    assert (decision.outcome, decision.amount, decision.published_at) == (
        Outcome.AWARD,
        Decimal("2000"),
        None,
    )


def test_award_less_without_agreement_is_refused_and_nothing_typed_is_lost(client, coordinator):
    challenge, proposals = call_with_four_proposals()

    response = client.post(
        decide_url(challenge, proposals["B"]), {"outcome": Outcome.AWARD_LESS, "amount": "1200"}
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "Ken pas minder toe dan gevraagd als de aanvrager met het lagere bedrag heeft ingestemd." in body
    assert 'value="1200' in body
    assert not Decision.objects.exists()


def test_award_less_with_agreement(client, coordinator):
    challenge, proposals = call_with_four_proposals()

    client.post(
        decide_url(challenge, proposals["B"]),
        {"outcome": Outcome.AWARD_LESS, "amount": "1000", "applicant_agreed": "on"},
    )

    decision = Decision.objects.get(proposal=proposals["B"])
    assert (decision.amount, decision.applicant_agreed) == (Decimal("1000.00"), True)


def test_a_proposal_of_another_call_answers_404(client, coordinator):
    challenge, _proposals = call_with_four_proposals()
    elsewhere = ProposalFactory(challenge=ChallengeFactory(phase=Phase.DELIBERATION), submitted=True)

    assert client.get(decide_url(challenge, elsewhere)).status_code == 404


def test_publishing_needs_every_decision_then_publishes_all_at_once(client, coordinator):
    challenge, proposals = call_with_four_proposals()
    url = reverse("challenge:publish", kwargs={"slug": challenge.slug})
    client.post(decide_url(challenge, proposals["A"]), {"outcome": Outcome.AWARD})

    refused = client.post(url)

    assert refused.status_code == 400
    assert "Neem een besluit over elk ingestuurd plan voordat je de uitslag bekendmaakt." in (
        refused.content.decode()
    )
    assert not Decision.objects.filter(published_at__isnull=False).exists()
    for letter in "BCD":
        client.post(decide_url(challenge, proposals[letter]), {"outcome": Outcome.REJECT})
    assert client.get(url).status_code == 200

    response = client.post(url)

    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.published_at is not None
    assert set(Decision.objects.values_list("published_at", flat=True)) == {challenge.published_at}
