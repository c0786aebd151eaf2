"""Creating a call, its rubric and its FAQ (challenge/services/calls.py)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from challenge.enums import Phase
from challenge.exceptions import RubricLocked, ScoreLevelOutsideScale
from challenge.models import Challenge
from challenge.services.calls import (
    add_criterion,
    add_faq_entry,
    add_money_faq,
    create_challenge,
    remove_criterion,
    remove_faq_entry,
    update_challenge,
    update_criterion,
    update_faq_entry,
)
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory
from tests.factories.challenge import ChallengeFactory, CriterionFactory

pytestmark = pytest.mark.django_db


def call_values(**changes):
    now = timezone.now()
    return {
        "title": "Buurtbudget 2027",
        "slug": "buurtbudget-2027",
        "description": "Geld voor je plan in de buurt.",
        "total_budget": Decimal("20000"),
        "max_per_proposal": Decimal("5000"),
        "opens_at": now + timedelta(days=1),
        "submission_deadline": now + timedelta(days=30),
        "review_ends_at": now + timedelta(days=45),
        "deliberation_ends_at": now + timedelta(days=60),
    } | changes


def test_create_challenge_is_a_draft_with_an_audit_entry():
    coordinator = UserFactory(coordinator=True)

    challenge = create_challenge(by=coordinator, **call_values())

    entry = AuditEntry.objects.get(action="challenge.created")
    assert (challenge.jurors_per_proposal, entry.user, entry.changes["title"]) == (
        3,
        coordinator,
        [None, "Buurtbudget 2027"],
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"max_per_proposal": Decimal("25000")},
        {"max_per_proposal": Decimal("0")},
        {"review_ends_at": timezone.now() + timedelta(days=10)},
    ],
)
def test_create_challenge_refuses_a_maximum_over_the_total_and_unordered_dates(changes):
    with pytest.raises(ValidationError):
        create_challenge(by=UserFactory(coordinator=True), **call_values(**changes))

    assert Challenge.objects.count() == 0


def test_the_database_refuses_a_maximum_over_the_total_too():
    with pytest.raises(IntegrityError):
        ChallengeFactory(total_budget=Decimal("100"), max_per_proposal=Decimal("200"))


def test_update_challenge_records_what_changed():
    challenge = ChallengeFactory()

    update_challenge(challenge, by=UserFactory(coordinator=True), jurors_per_proposal=4)

    assert AuditEntry.objects.get(action="challenge.updated").changes == {"jurors_per_proposal": [3, 4]}


def test_add_criterion_with_a_descriptor_per_level():
    challenge = ChallengeFactory(phase=Phase.DRAFT)

    criterion = add_criterion(
        challenge,
        by=UserFactory(coordinator=True),
        name="Haalbaarheid",
        description="Kan het plan echt?",
        weight=2,
        levels={1: "Nog geen plan", 3: "Een begin", 5: "Alles is geregeld"},
    )

    assert list(criterion.levels.values_list("value", "descriptor")) == [
        (1, "Nog geen plan"),
        (3, "Een begin"),
        (5, "Alles is geregeld"),
    ]


def test_a_level_outside_the_scale_is_refused():
    with pytest.raises(ScoreLevelOutsideScale):
        add_criterion(
            ChallengeFactory(),
            by=UserFactory(coordinator=True),
            name="Bereik",
            description="Voor wie?",
            levels={6: "Meer dan de schaal"},
        )


def test_a_weight_of_zero_and_an_empty_scale_are_refused():
    with pytest.raises(ValidationError):
        add_criterion(
            ChallengeFactory(), by=UserFactory(coordinator=True), name="A", description="B", weight=0
        )
    with pytest.raises(ValidationError):
        add_criterion(
            ChallengeFactory(),
            by=UserFactory(coordinator=True),
            name="A",
            description="B",
            scale_min=3,
            scale_max=3,
        )


def test_update_criterion_replaces_levels_and_remove_works_before_the_review():
    criterion = CriterionFactory(with_levels=True)
    coordinator = UserFactory(coordinator=True)

    update_criterion(criterion, by=coordinator, scale_max=3, levels={1: "Laag", 3: "Hoog"})

    assert list(criterion.levels.values_list("value", flat=True)) == [1, 3]
    remove_criterion(criterion, by=coordinator)
    assert criterion.challenge.criteria.count() == 0


def test_narrowing_the_scale_without_new_levels_is_refused_when_levels_fall_outside():
    criterion = CriterionFactory(with_levels=True)

    with pytest.raises(ScoreLevelOutsideScale):
        update_criterion(criterion, by=UserFactory(coordinator=True), scale_max=3)


def test_the_rubric_is_locked_once_the_review_starts():
    criterion = CriterionFactory(challenge=ChallengeFactory(phase=Phase.REVIEW))
    coordinator = UserFactory(coordinator=True)

    with pytest.raises(RubricLocked):
        update_criterion(criterion, by=coordinator, weight=3)
    with pytest.raises(RubricLocked):
        add_criterion(criterion.challenge, by=coordinator, name="Nieuw", description="Te laat")


def test_add_money_faq_adds_the_five_money_questions_once():
    challenge = ChallengeFactory()
    coordinator = UserFactory(coordinator=True)

    add_money_faq(challenge, by=coordinator)
    add_money_faq(challenge, by=coordinator)

    questions = list(challenge.faq_entries.values_list("question", flat=True))
    assert len(questions) == 5
    benefit = challenge.faq_entries.get(position=5)
    assert "klantmanager" in benefit.answer
    assert "kunnen niet beloven" in benefit.answer


def test_faq_entries_are_added_changed_and_removed_with_audit_entries():
    challenge = ChallengeFactory()
    coordinator = UserFactory(coordinator=True)

    entry = add_faq_entry(challenge, by=coordinator, question="Mag ik huur betalen?", answer="Ja.")
    update_faq_entry(entry, by=coordinator, answer="Ja, als het in je begroting staat.")
    remove_faq_entry(entry, by=coordinator)

    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert (challenge.faq_entries.count(), actions) == (0, ["faq.created", "faq.updated", "faq.removed"])
