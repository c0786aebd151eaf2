"""The coördinator manages calls: settings and dates, the rubric, the FAQ, the jury and the division."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from challenge.enums import Phase
from challenge.models import Assignment, Challenge, Criterion, FaqEntry, JuryMember
from challenge.services.calls import money_faq
from ondernemend.accounts.roles import Role
from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.challenge import (
    ChallengeFactory,
    ConflictFactory,
    CriterionFactory,
    FaqEntryFactory,
    JuryMemberFactory,
    ProposalFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db
FORMAT = "%Y-%m-%dT%H:%M"


def manage_urls(challenge):
    slug = {"slug": challenge.slug}
    return [
        reverse("challenge:manage"),
        reverse("challenge:manage_create"),
        reverse("challenge:manage_edit", kwargs=slug),
        reverse("challenge:manage_rubric", kwargs=slug),
        reverse("challenge:manage_faq", kwargs=slug),
        reverse("challenge:manage_jury", kwargs=slug),
    ]


def call_data(**changes):
    start = timezone.localtime() + timedelta(days=1)
    data = {
        "title": "Buurtplannen 2026",
        "slug": "buurtplannen-2026",
        "description": "Geld voor je plan.",
        "total_budget": "20000",
        "max_per_proposal": "5000",
        "jurors_per_proposal": "3",
        "opens_at": start.strftime(FORMAT),
        "submission_deadline": (start + timedelta(days=30)).strftime(FORMAT),
        "review_ends_at": (start + timedelta(days=50)).strftime(FORMAT),
        "deliberation_ends_at": (start + timedelta(days=60)).strftime(FORMAT),
    }
    return {**data, **changes}


def criterion_data(name="Haalbaarheid", low=1, high=5, **changes):
    data = {"name": name, "description": "Kan het echt?", "weight": "2", "scale_min": low, "scale_max": high}
    data.update({f"level_{value}": f"{name} niveau {value}" for value in range(low, high + 1)})
    return {**data, **changes}


@pytest.mark.parametrize("role", [Role.INITIATIEFNEMER, Role.COACH, Role.JURYLID, Role.GEMEENTE])
def test_only_a_coordinator_manages_calls(client, role):
    challenge = ChallengeFactory()
    client.force_login(UserFactory(roles=[role]))

    assert [client.get(url).status_code for url in manage_urls(challenge)] == [403] * 6


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("challenge:manage"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_beheerder_may_manage_too(client):
    client.force_login(SuperUserFactory())

    assert client.get(reverse("challenge:manage")).status_code == 200


def test_the_list_shows_every_call_with_its_counts_in_constant_queries(client, django_assert_num_queries):
    client.force_login(UserFactory(coordinator=True))
    for phase in (Phase.DRAFT, Phase.OPEN, Phase.REVIEW):
        challenge = ChallengeFactory(phase=phase, title=f"Oproep {phase}")
        CriterionFactory.create_batch(2, challenge=challenge)
        JuryMemberFactory(challenge=challenge)
    client.get(reverse("challenge:manage"))  # warm the session and the user's groups

    # session, user, the session's second-factor device, groups (permission), the calls with counts
    with django_assert_num_queries(5):
        content = client.get(reverse("challenge:manage")).content.decode()

    assert all(f"Oproep {phase}" in content for phase in (Phase.DRAFT, Phase.OPEN, Phase.REVIEW))


def test_a_coordinator_makes_a_call_and_gets_the_money_faq(client):
    coordinator = UserFactory(coordinator=True)
    client.force_login(coordinator)

    response = client.post(reverse("challenge:manage_create"), call_data())

    challenge = Challenge.objects.get(slug="buurtplannen-2026")
    assert response.status_code == 302
    assert response["Location"] == reverse("challenge:manage_rubric", kwargs={"slug": challenge.slug})
    assert (challenge.total_budget, challenge.max_per_proposal) == (Decimal("20000"), Decimal("5000"))
    assert challenge.faq_entries.count() == len(money_faq())


def test_dates_out_of_order_and_a_maximum_over_the_budget_are_refused_with_what_was_typed(client):
    client.force_login(UserFactory(coordinator=True))
    data = call_data(max_per_proposal="30000")
    data["review_ends_at"] = data["submission_deadline"]

    response = client.post(reverse("challenge:manage_create"), data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"max_per_proposal", "review_ends_at"}
    assert "Buurtplannen 2026" in response.content.decode()
    assert not Challenge.objects.exists()


def test_a_coordinator_changes_a_call(client):
    challenge = ChallengeFactory()
    client.force_login(UserFactory(coordinator=True))
    data = {
        **call_data(title="Nieuwe naam", slug=challenge.slug),
        **{
            name: timezone.localtime(getattr(challenge, name)).strftime(FORMAT)
            for name in ("opens_at", "submission_deadline", "review_ends_at", "deliberation_ends_at")
        },
    }

    response = client.post(reverse("challenge:manage_edit", kwargs={"slug": challenge.slug}), data)

    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Nieuwe naam"


def test_a_criterion_is_added_with_a_descriptor_per_level(client):
    challenge = ChallengeFactory(phase=Phase.DRAFT)
    client.force_login(UserFactory(coordinator=True))
    url = reverse("challenge:manage_rubric", kwargs={"slug": challenge.slug})

    response = client.post(url, criterion_data(high=4))

    assert response.status_code == 302
    criterion = challenge.criteria.get()
    assert (criterion.name, criterion.weight, criterion.scale_max) == ("Haalbaarheid", 2, 4)
    assert [level.descriptor for level in criterion.levels.order_by("value")] == [
        f"Haalbaarheid niveau {value}" for value in range(1, 5)
    ]


def test_a_criterion_without_all_its_level_descriptors_is_refused_and_nothing_is_lost(client):
    challenge = ChallengeFactory(phase=Phase.DRAFT)
    client.force_login(UserFactory(coordinator=True))
    data = criterion_data()
    del data["level_3"]

    response = client.post(reverse("challenge:manage_rubric", kwargs={"slug": challenge.slug}), data)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["level_3"]
    assert "Haalbaarheid niveau 4" in response.content.decode()
    assert not challenge.criteria.exists()


def test_changing_the_scale_asks_for_the_new_levels(client):
    challenge = ChallengeFactory(phase=Phase.DRAFT)
    criterion = CriterionFactory(challenge=challenge, with_levels=True)
    client.force_login(UserFactory(coordinator=True))
    url = reverse("challenge:manage_rubric", kwargs={"slug": challenge.slug})
    data = {**criterion_data(name=criterion.name), "punt": criterion.pk, "scale_max": 7}

    response = client.post(url, data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"level_6", "level_7"}

    response = client.post(url, {**data, "level_6": "Zes", "level_7": "Zeven"})

    assert response.status_code == 302
    assert list(criterion.levels.values_list("value", flat=True)) == [1, 2, 3, 4, 5, 6, 7]


def test_a_criterion_is_removed(client):
    criterion = CriterionFactory(challenge=ChallengeFactory(phase=Phase.DRAFT))
    client.force_login(UserFactory(coordinator=True))

    client.post(
        reverse("challenge:manage_rubric", kwargs={"slug": criterion.challenge.slug}),
        {"remove": criterion.pk},
    )

    assert not Criterion.objects.exists()


def test_the_rubric_is_locked_from_the_review_on(client):
    challenge = ChallengeFactory(phase=Phase.REVIEW)
    criterion = CriterionFactory(challenge=challenge)
    client.force_login(UserFactory(coordinator=True))
    url = reverse("challenge:manage_rubric", kwargs={"slug": challenge.slug})

    page = client.get(url)
    client.post(url, {"remove": criterion.pk})

    assert page.context["form"] is None
    assert page.context["locked"]
    assert Criterion.objects.filter(pk=criterion.pk).exists()


def test_a_criterion_of_another_call_is_404(client):
    challenge = ChallengeFactory(phase=Phase.DRAFT)
    other = CriterionFactory()
    client.force_login(UserFactory(coordinator=True))

    url = reverse("challenge:manage_rubric", kwargs={"slug": challenge.slug})
    assert client.get(url, {"punt": other.pk}).status_code == 404


def test_faq_entries_are_added_changed_and_removed(client):
    challenge = ChallengeFactory()
    entry = FaqEntryFactory(challenge=challenge, question="Oud?", position=1)
    client.force_login(UserFactory(coordinator=True))
    url = reverse("challenge:manage_faq", kwargs={"slug": challenge.slug})

    client.post(url, {"question": "Nieuw?", "answer": "Ja."})
    client.post(url, {"vraag": entry.pk, "question": "Veranderd?", "answer": "Ook."})
    client.post(url, {"add_money_faq": "1"})

    questions = list(challenge.faq_entries.values_list("question", flat=True))
    assert questions[:2] == ["Veranderd?", "Nieuw?"]
    assert len(questions) == 2 + len(money_faq())

    client.post(url, {"remove": entry.pk})
    assert not FaqEntry.objects.filter(pk=entry.pk).exists()


def test_a_juror_is_added_from_the_users_with_the_jury_role(client):
    challenge = ChallengeFactory()
    juror, coach = UserFactory(jurylid=True, name="Jet Jurylid"), UserFactory(coach=True)
    client.force_login(UserFactory(coordinator=True))
    url = reverse("challenge:manage_jury", kwargs={"slug": challenge.slug})

    assert "Jet Jurylid" in client.get(url).content.decode()
    refused = client.post(url, {"user": coach.pk})
    client.post(url, {"user": juror.pk})

    assert "user" in refused.context["form"].errors
    assert list(JuryMember.objects.values_list("user", flat=True)) == [juror.pk]


def test_dividing_the_proposals_shows_the_loads_the_short_ones_and_the_conflicts(
    client, django_assert_max_num_queries
):
    challenge = ChallengeFactory(phase=Phase.REVIEW, jurors_per_proposal=2)
    members = JuryMemberFactory.create_batch(2, challenge=challenge)
    proposals = ProposalFactory.create_batch(3, challenge=challenge, submitted=True)
    ConflictFactory(member=members[0], proposal=proposals[0], note="Mijn zus")
    client.force_login(UserFactory(coordinator=True))
    url = reverse("challenge:manage_jury", kwargs={"slug": challenge.slug})

    response = client.post(url, {"assign": "1"}, follow=True)

    content = response.content.decode()
    assert Assignment.objects.count() == 5
    assert "Mijn zus" in content
    assert [p.pk for p in response.context["overview"].short] == [proposals[0].pk]
    with django_assert_max_num_queries(10):
        client.get(url)


def test_dividing_is_refused_once_a_review_started(client):
    challenge = ChallengeFactory(phase=Phase.REVIEW)
    review = ReviewFactory(assignment__member__challenge=challenge)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(
        reverse("challenge:manage_jury", kwargs={"slug": challenge.slug}), {"assign": "1"}, follow=True
    )

    assert Assignment.objects.get() == review.assignment
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_a_call_with_the_slug_nieuw_can_still_be_edited(client):
    """The create page lives at challenge-beheer/nieuw/; editing must not collide with a call of that name."""
    client.force_login(UserFactory(coordinator=True))
    challenge = ChallengeFactory(slug="nieuw", title="Nieuwe buurtplannen")

    response = client.get(reverse("challenge:manage_edit", kwargs={"slug": challenge.slug}))

    assert response.context["form"].instance == challenge
