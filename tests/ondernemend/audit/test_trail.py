"""The coördinators' audit trail (/logboek/): audit and access-log entries, filters, CSV, masking."""

import csv
import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ondernemend.accounts.roles import Role
from ondernemend.audit.models import AuditEntry
from ondernemend.audit.services import record_change
from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.workshops import ParticipantFactory, RegistrationFactory, SeriesFactory
from workshops.access import log_access
from workshops.enums import AccessAction
from workshops.models import Participant

pytestmark = pytest.mark.django_db

TRAIL = reverse("audit:trail")
EXPORT = reverse("audit:export_csv")


@pytest.fixture
def coordinator(client):
    user = UserFactory(coordinator=True, name="Carla Coördinator")
    client.force_login(user)
    return user


def shown(response) -> list[tuple[str, str, str]]:
    """(what happened, object, account) of every row on the page, top to bottom."""
    return [(row.action, row.target, row.account) for row in response.context["rows"]]


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def at(days_ago: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def test_the_trail_lists_audit_and_access_entries_together_newest_first(client, coordinator):
    coach = UserFactory(coach=True, name="Kees Coach")
    series = SeriesFactory(coaches=[coach])
    registration = RegistrationFactory(series=series)
    change = record_change(by=coach, action="series.updated", target=series, changes={"capacity": [10, 12]})
    AuditEntry.objects.filter(pk=change.pk).update(at=at(2))
    log_access(registration.participant, user=coordinator, action=AccessAction.VIEW, reason="Klacht nagaan")

    response = client.get(TRAIL)

    participant = registration.participant.pk
    assert shown(response) == [
        ("Heeft de gegevens bekeken", f"Deelnemer #{participant}", "Carla Coördinator"),
        ("Workshopreeks gewijzigd", f"Workshopreeks #{series.pk}", "Kees Coach"),
    ]
    first, second = response.context["rows"]
    assert (first.role, first.reason, first.changes) == ("Coördinator", "Klacht nagaan", ())
    assert [change.as_text() for change in second.changes] == ["plaatsen: 10 → 12"]


def test_a_participant_change_shows_field_names_never_values_on_the_page_or_in_the_csv(client, coordinator):
    registration = RegistrationFactory(participant=ParticipantFactory(display_name="Fatima Geheim"))
    participant = registration.participant
    record_change(
        by=UserFactory(coach=True),
        action="participant.updated",
        target=participant,
        changes={"phone": ["06 1111 2222", "06 3333 4444"]},
    )
    # An entry that still holds values (written before masking, or by hand): the page masks it again.
    AuditEntry.objects.create(
        role="coach",
        action="participant.updated",
        target_type=ContentType.objects.get_for_model(Participant),
        target_id=str(participant.pk),
        changes={"email": ["oud@example.org", "nieuw@example.org"]},
    )
    log_access(participant, user=coordinator, action=AccessAction.VIEW, reason="Vraag over het certificaat")

    page = client.get(TRAIL).content.decode()
    exported = b"".join(client.get(EXPORT).streaming_content).decode()

    for text in (page, exported):
        assert "Geheim" not in text
        assert "06 1111 2222" not in text
        assert "oud@example.org" not in text
        assert f"Deelnemer #{participant.pk}" in text
    rows = client.get(TRAIL).context["rows"]
    assert [(row.action_code, [change.as_text() for change in row.changes]) for row in rows][1:] == [
        ("access.view", []),
        ("participant.updated", ["e-mailadres"]),
        ("participant.updated", ["telefoonnummer"]),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"date_from": "2026-01-10", "date_to": "2026-01-20"}, ["series.updated"]),
        ({"role": "coach"}, ["access.view", "series.created"]),
        ({"action": "access.view"}, ["access.view"]),
        ({"target_type": "workshops.participant"}, ["access.view"]),
        ({"target_type": "workshops.series"}, ["series.updated", "series.created"]),
    ],
    ids=["period", "role", "action", "object", "object-series"],
)
def test_the_filters_narrow_the_list(client, coordinator, query, expected):
    coach = UserFactory(coach=True)
    series = SeriesFactory(coaches=[coach])
    registration = RegistrationFactory(series=series)
    moments = {
        "series.created": datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC),
        "series.updated": datetime.datetime(2026, 1, 15, 12, tzinfo=datetime.UTC),
    }
    for action, moment in moments.items():
        entry = record_change(
            by=coach if action == "series.created" else coordinator, action=action, target=series
        )
        AuditEntry.objects.filter(pk=entry.pk).update(at=moment)
    log_access(registration.participant, user=coach, action=AccessAction.VIEW)

    response = client.get(TRAIL, query)

    assert [row.action_code for row in response.context["rows"]] == expected


def test_the_person_filter_shows_one_accounts_entries(client, coordinator):
    coach, other = UserFactory(coach=True), UserFactory(coach=True)
    series = SeriesFactory()
    record_change(by=coach, action="series.updated", target=series)
    record_change(by=other, action="series.created", target=series)

    response = client.get(TRAIL, {"person": coach.pk})

    assert [row.action_code for row in response.context["rows"]] == ["series.updated"]


def test_an_invalid_date_is_an_error_and_the_other_filters_still_apply(client, coordinator):
    series = SeriesFactory()
    record_change(by=coordinator, action="series.updated", target=series)
    record_change(by=None, action="series.created", target=series)

    response = client.get(TRAIL, {"date_from": "gisteren", "role": "system"})

    assert list(response.context["form"].errors) == ["date_from"]
    assert [row.action_code for row in response.context["rows"]] == ["series.created"]


def test_without_entries_the_page_says_so(client, coordinator):
    response = client.get(TRAIL, {"role": "jurylid"})

    assert response.context["rows"] == []
    assert "Er zijn geen regels die bij deze filters passen." in response.content.decode()


def test_the_page_changes_nothing_it_has_no_form_that_posts(client, coordinator):
    record_change(by=coordinator, action="series.updated", target=SeriesFactory())

    html = client.get(TRAIL).content.decode().lower()

    assert (html.count('method="post"'), html.count('method="get"')) == (1, 1)  # log-out only; the filters


def test_the_csv_holds_exactly_the_filtered_rows_in_dutch(client, coordinator):
    coach = UserFactory(coach=True, name="Kees Coach")
    series = SeriesFactory()
    entry = record_change(by=coach, action="series.updated", target=series, changes={"capacity": [10, 12]})
    AuditEntry.objects.filter(pk=entry.pk).update(
        at=datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    )
    record_change(by=None, action="series.created", target=series)

    response = client.get(EXPORT, {"role": "coach"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_rows(response) == [
        ["Moment", "Account", "Rol", "Wat er gebeurde", "Code", "Object", "Gewijzigde velden", "Reden"],
        [
            "2026-03-02 10:30",
            "Kees Coach",
            "Coach",
            "Workshopreeks gewijzigd",
            "series.updated",
            f"Workshopreeks #{series.pk}",
            "plaatsen: 10 → 12",
            "",
        ],
    ]


def test_downloading_is_recorded_with_the_filters(client, coordinator):
    client.get(EXPORT, {"role": "coach", "page": "2", "action": ""})

    entry = AuditEntry.objects.get(action="audit.exported")
    assert (entry.user, entry.target_id, entry.changes) == (
        coordinator,
        str(coordinator.pk),
        {"filters": [None, {"role": "coach"}]},
    )


def _get(client, url) -> int:
    """Fetch the page or the whole CSV; the number of rows it showed."""
    response = client.get(url)
    if url == EXPORT:
        return len(csv_rows(response)) - 1
    return len(response.context["rows"])


def _entries(count: int, coordinator):
    registration = RegistrationFactory()
    for number in range(count):
        record_change(
            by=coordinator,
            action="series.updated",
            target=registration.series,
            changes={"capacity": [number, 1]},
        )
        log_access(
            registration.participant, user=coordinator, action=AccessAction.VIEW, reason=f"Reden {number}"
        )


def _counted(client, url) -> tuple[int, int, int]:
    """(queries in all, queries that read the trail itself, rows shown) for one request."""
    with CaptureQueriesContext(connection) as queries:
        rows = _get(client, url)
    return len(queries), sum("trail_kind" in query["sql"] for query in queries), rows


@pytest.mark.parametrize("url", [TRAIL, EXPORT], ids=["page", "csv"])
def test_the_number_of_queries_does_not_grow_with_the_entries(
    client, coordinator, django_assert_num_queries, url
):
    _get(client, url)  # the first request fills Django's content-type cache
    _entries(3, coordinator)
    total, trail_queries, few = _counted(client, url)
    _entries(27, coordinator)

    with django_assert_num_queries(total):
        many = _get(client, url)

    # The page: a count and one page of rows; the download: all rows in one query (a server-side cursor).
    assert trail_queries == (2 if url == TRAIL else 1)
    assert (few, many) == ((6, 50) if url == TRAIL else (8, 63))


@pytest.mark.parametrize("url", [TRAIL, EXPORT], ids=["page", "csv"])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)

    assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("accounts:login"))


@pytest.mark.parametrize("role", [Role.INITIATIEFNEMER, Role.COACH, Role.JURYLID, Role.GEMEENTE, None])
@pytest.mark.parametrize("url", [TRAIL, EXPORT], ids=["page", "csv"])
def test_other_roles_are_forbidden(client, role, url):
    client.force_login(UserFactory(roles=[role] if role else []))

    response = client.get(url)

    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="audit.exported").exists()


@pytest.mark.parametrize(
    "make_user", [lambda: UserFactory(coordinator=True), SuperUserFactory], ids=["coordinator", "beheerder"]
)
def test_coordinators_and_the_beheerder_read_the_trail(client, make_user):
    client.force_login(make_user())

    response = client.get(TRAIL)

    assert (response.status_code, response.context["page_obj"].paginator.count) == (200, 0)


def test_the_dashboard_of_a_coordinator_links_to_the_trail_and_a_coachs_does_not(client):
    client.force_login(UserFactory(coordinator=True))
    coordinator_page = client.get(reverse("accounts:dashboard")).content.decode()
    client.force_login(UserFactory(coach=True))
    coach_page = client.get(reverse("accounts:dashboard")).content.decode()

    assert (TRAIL in coordinator_page, TRAIL in coach_page) == (True, False)


def test_the_list_is_paginated_by_fifty_and_keeps_the_filters(client, coordinator):
    series = SeriesFactory()
    for _number in range(51):
        record_change(by=coordinator, action="series.updated", target=series)

    first = client.get(TRAIL, {"role": "coordinator"})
    second = client.get(TRAIL, {"role": "coordinator", "page": 2})

    assert (len(first.context["rows"]), len(second.context["rows"])) == (50, 1)
    assert "?role=coordinator&amp;page=2" in first.content.decode()
