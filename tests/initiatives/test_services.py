from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from initiatives import freshness, services
from initiatives.models import ContactPoint, Initiative
from initiatives.queries import edit as edit_queries
from tests.factories.accounts import UserFactory
from tests.factories.districts import DistrictFactory, square
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory


def moment(year, month, day):
    return datetime(year, month, day, 12, tzinfo=UTC)


def test_is_stale_after_twelve_months_or_never_checked():
    now = moment(2025, 6, 1)

    assert [
        freshness.is_stale(moment(2024, 6, 2), now),
        freshness.is_stale(moment(2024, 5, 31), now),
        freshness.is_stale(None, now),
    ] == [False, True, True]


def test_reminder_due_once_a_month():
    now = moment(2025, 6, 15)

    assert [
        freshness.reminder_due(None, now),
        freshness.reminder_due(moment(2025, 6, 1), now),
        freshness.reminder_due(moment(2025, 5, 15), now),
    ] == [True, False, True]


@pytest.mark.django_db
def test_save_initiative_sets_verified_at_district_and_unique_slug():
    DistrictFactory(name="Oost", boundary=square(latitude=52.35, longitude=4.93, size=0.02))
    InitiativeFactory(name="Buurtwerk", slug="buurtwerk")
    initiative = Initiative(
        name="Buurtwerk",
        kind="bewonersinitiatief",
        description="Samen werken.",
        street="Dapperstraat 1",
        postcode="1093 BS",
        latitude=Decimal("52.360000"),
        longitude=Decimal("4.940000"),
    )

    services.save_initiative(initiative, facets={}, by=None)

    initiative.refresh_from_db()
    assert (initiative.slug, initiative.district.slug) == ("buurtwerk-2", "oost")
    assert timezone.now() - initiative.verified_at < timedelta(minutes=1)


@pytest.mark.django_db
def test_unique_slug_keeps_own_slug_when_excluded():
    initiative = InitiativeFactory(name="Eigen Plek", slug="eigen-plek")

    assert services.unique_slug(Initiative, "Eigen Plek", exclude_pk=initiative.pk) == "eigen-plek"


@pytest.mark.django_db
def test_stale_listings_for_an_editor():
    editor = UserFactory(initiatiefnemer=True)
    old = timezone.now() - timedelta(days=400)
    stale = InitiativeFactory(editors=[editor], verified_at=old)
    InitiativeFactory(editors=[editor])
    InitiativeFactory(verified_at=old)

    assert list(edit_queries.stale_listings(editor)) == [stale]


@pytest.mark.django_db
def test_notify_stale_listings_mails_editors_and_coordinators_once_a_month(
    django_capture_on_commit_callbacks,
):
    editor = UserFactory(initiatiefnemer=True, email="redacteur@example.org")
    UserFactory(coordinator=True, email="coordinator@example.org")
    old = timezone.now() - timedelta(days=400)
    stale = InitiativeFactory(editors=[editor], verified_at=old, name="Oude Plek")
    InitiativeFactory(editors=[editor], name="Verse Plek")
    ContactPointFactory(verified_at=old, name="Oud Loket")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_stale_listings", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first_run = {message.to[0]: message.body for message in mail.outbox}
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_stale_listings", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(first_run) == ["coordinator@example.org", "redacteur@example.org"]
    assert "Oude Plek" in first_run["redacteur@example.org"]
    assert "Oud Loket" not in first_run["redacteur@example.org"]
    assert "Verse Plek" not in first_run["redacteur@example.org"]
    assert "Oude Plek" in first_run["coordinator@example.org"]
    assert "Oud Loket" in first_run["coordinator@example.org"]
    assert len(mail.outbox) == 2  # the second run, the same day, sends nothing
    stale.refresh_from_db()
    assert stale.stale_notified_at is not None
    assert ContactPoint.objects.get().stale_notified_at is not None


@pytest.mark.django_db
def test_notify_again_after_a_month(django_capture_on_commit_callbacks):
    UserFactory(coordinator=True)
    InitiativeFactory(
        verified_at=timezone.now() - timedelta(days=400),
        stale_notified_at=timezone.now() - timedelta(days=32),
    )

    with django_capture_on_commit_callbacks(execute=True):
        count = services.remind_stale_listings()

    assert (count, len(mail.outbox)) == (1, 1)


@pytest.mark.django_db
def test_set_published_and_verify_place():
    initiative = InitiativeFactory(published=False, verified_at=None)

    services.set_published(initiative, published=True, by=None)
    services.verify_place(initiative, by=None)

    initiative.refresh_from_db()
    assert initiative.published is True
    assert initiative.verified_at is not None
