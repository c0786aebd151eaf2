"""The public pages of the challenge: the list of calls, a call with its rubric and FAQ, the results."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from challenge.enums import Outcome, Phase
from tests.factories.challenge import (
    ChallengeFactory,
    CriterionFactory,
    DecisionFactory,
    FaqEntryFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def english(client, name, **kwargs):
    with translation.override("en"):
        return client.get(reverse(name, kwargs=kwargs or None))


def test_the_index_lists_open_calls_first_then_in_review_then_results_and_never_a_draft(client):
    published = ChallengeFactory(phase=Phase.PUBLISHED, title="Uitslag bekend")
    review = ChallengeFactory(phase=Phase.REVIEW, title="Jury leest")
    open_call = ChallengeFactory(title="Nu open")
    ChallengeFactory(phase=Phase.DRAFT, title="Nog geheim")

    content = english(client, "challenge:index").content.decode()

    positions = [content.index(call.title) for call in (open_call, review, published)]
    assert positions == sorted(positions)
    assert "Nog geheim" not in content
    assert "The challenge is coming" not in content
    with translation.override("en"):
        assert f'href="{reverse("challenge:results", kwargs={"slug": published.slug})}"' in content


def test_the_index_needs_a_constant_number_of_queries(client, django_assert_num_queries):
    for phase in (Phase.OPEN, Phase.REVIEW, Phase.PUBLISHED):
        ChallengeFactory.create_batch(2, phase=phase)
    with django_assert_num_queries(1):
        client.get(reverse("challenge:index"))


def test_the_index_with_only_a_draft_says_the_challenge_is_coming(client):
    ChallengeFactory(phase=Phase.DRAFT)

    content = english(client, "challenge:index").content.decode()

    assert '<h1 class="ams-heading ams-heading--1">The challenge is coming</h1>' in content


def test_the_call_page_shows_budget_dates_phase_rubric_faq_and_the_way_to_write(client):
    challenge = ChallengeFactory(
        title="Buurtplannen", total_budget=Decimal("20000"), max_per_proposal=Decimal("5000")
    )
    CriterionFactory(challenge=challenge, name="Haalbaarheid", weight=2, with_levels=True)
    FaqEntryFactory(challenge=challenge, question="Wanneer komt het geld?", answer="Na de uitslag.")

    content = english(client, "challenge:detail", slug=challenge.slug).content.decode()

    for text in (
        "Buurtplannen",
        "€ 20,000.00",
        "€ 5,000.00",
        "Haalbaarheid",
        "Niveau 1",
        "Niveau 5",
        "from 1 (lowest) to 5 (highest)",
        "Wanneer komt het geld?",
        "Na de uitslag.",
        "Open for proposals",
        challenge.submission_deadline.astimezone(timezone.get_current_timezone()).strftime("%Y"),
    ):
        assert text in content, text
    with translation.override("en"):
        write_url = reverse("challenge:proposal_create", kwargs={"slug": challenge.slug})
    assert f'href="{write_url}">Write a proposal</a>' in content


def test_the_call_page_has_a_query_budget(client, django_assert_num_queries):
    challenge = ChallengeFactory()
    for _ in range(3):
        CriterionFactory(challenge=challenge, with_levels=True)
    FaqEntryFactory.create_batch(3, challenge=challenge)
    url = reverse("challenge:detail", kwargs={"slug": challenge.slug})

    with django_assert_num_queries(4):  # the call, criteria, their levels, the FAQ
        client.get(url)


def test_a_draft_call_and_an_unknown_call_are_404(client):
    draft = ChallengeFactory(phase=Phase.DRAFT)

    assert client.get(reverse("challenge:detail", kwargs={"slug": draft.slug})).status_code == 404
    assert client.get(reverse("challenge:detail", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_results_list_the_awarded_proposals_the_totals_and_the_method(client):
    challenge = ChallengeFactory(phase=Phase.PUBLISHED, total_budget=Decimal("10000"))
    now = timezone.now()
    DecisionFactory(
        proposal=ProposalFactory(
            challenge=challenge, submitted=True, title="Naaicafé", initiative__name="Buurtatelier"
        ),
        amount=Decimal("3000"),
        published_at=now,
    )
    DecisionFactory(
        proposal=ProposalFactory(challenge=challenge, submitted=True, title="Afgewezen plan"),
        outcome=Outcome.REJECT,
        amount=0,
        published_at=now,
    )

    content = english(client, "challenge:results", slug=challenge.slug).content.decode()

    assert "Naaicafé" in content
    assert "Buurtatelier" in content
    assert "€ 3,000.00" in content
    assert "Afgewezen plan" not in content
    assert "€ 7,000.00" in content  # not awarded
    assert "we skipped it and went on to the next plan" in content


def test_results_before_publication_are_404(client):
    challenge = ChallengeFactory(phase=Phase.DELIBERATION)

    assert client.get(reverse("challenge:results", kwargs={"slug": challenge.slug})).status_code == 404


def test_results_in_dutch(client):
    challenge = ChallengeFactory(phase=Phase.PUBLISHED, title="Buurtplannen")

    content = client.get(reverse("challenge:results", kwargs={"slug": challenge.slug})).content.decode()

    assert "Uitslag: Buurtplannen" in content
