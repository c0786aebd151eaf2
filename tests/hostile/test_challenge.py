"""Generated posts to the challenge forms: starting a proposal, the proposal with its budget lines, the jury
review, the decision and the call's settings. Each fixture opens its page once."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from challenge.enums import Phase
from tests.factories.accounts import UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    JuryMemberFactory,
    ProposalFactory,
)
from tests.factories.initiatives import InitiativeFactory

from .harness import HOSTILE_SETTINGS, JUNK, MISSING, hostile_body, one_example, page_fields, post_and_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return UserFactory(coordinator=True)


@pytest.fixture
def start_page(client):
    challenge = ChallengeFactory(phase=Phase.OPEN)
    editor = UserFactory(initiatiefnemer=True)
    InitiativeFactory.create_batch(2, editors=[editor])
    client.force_login(editor)
    url = reverse("challenge:proposal_create", kwargs={"slug": challenge.slug})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_start_proposal_survives_generated_posts(client, start_page, data):
    url, fields = start_page
    with one_example():
        post_and_check(client, url, data.draw(hostile_body(fields)), redirects_to=["/challenge-voorstellen/"])


@pytest.fixture
def proposal_page(client):
    proposal = ProposalFactory(challenge=ChallengeFactory(phase=Phase.OPEN), amounts=[1200, 300])
    client.force_login(proposal.created_by)
    url = reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk})
    return url, page_fields(client, url, "form", "formset")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_proposal_and_budget_survive_generated_posts(client, proposal_page, data):
    url, fields = proposal_page
    with one_example():
        post_and_check(client, url, data.draw(hostile_body(fields)), redirects_to=[url])


@pytest.fixture
def review_page(client):
    challenge = ChallengeFactory(phase=Phase.REVIEW)
    CriterionFactory.create_batch(3, challenge=challenge, with_levels=True)
    proposal = ProposalFactory(challenge=challenge, submitted=True, amounts=[900])
    assignment = AssignmentFactory(member=JuryMemberFactory(challenge=challenge), proposal=proposal)
    client.force_login(assignment.member.user)
    url = reverse("challenge:review", kwargs={"pk": proposal.pk})
    return url, page_fields(client, url, "review_form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_review_survives_generated_posts(client, review_page, data):
    url, fields = review_page
    button = st.sampled_from(["save", "submit", MISSING]) | JUNK
    with one_example():
        post_and_check(
            client, url, data.draw(hostile_body(fields, extra={"action": button})), redirects_to=[url]
        )


@pytest.fixture
def decision_page(client, coordinator):
    challenge = ChallengeFactory(phase=Phase.DELIBERATION)
    proposal = ProposalFactory(challenge=challenge, submitted=True, amounts=[2000, 500])
    client.force_login(coordinator)
    url = reverse("challenge:decide", kwargs={"slug": challenge.slug, "pk": proposal.pk})
    return url, challenge, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_decision_survives_generated_posts(client, decision_page, data):
    url, challenge, fields = decision_page
    with one_example():
        post_and_check(
            client,
            url,
            data.draw(hostile_body(fields)),
            redirects_to=[reverse("challenge:deliberation", kwargs={"slug": challenge.slug})],
        )


@pytest.fixture
def call_page(client, coordinator):
    challenge = ChallengeFactory(phase=Phase.OPEN)
    client.force_login(coordinator)
    url = reverse("challenge:manage_edit", kwargs={"slug": challenge.slug})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_call_settings_survive_generated_posts(client, call_page, data):
    url, fields = call_page
    with one_example():
        post_and_check(client, url, data.draw(hostile_body(fields)), redirects_to=["/challenge-beheer/"])
