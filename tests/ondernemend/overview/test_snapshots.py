import pytest
from django.urls import reverse

from ondernemend.audit.models import AuditEntry
from ondernemend.overview.exceptions import AlreadyFrozen, NotAClosedQuarter
from ondernemend.overview.models import Snapshot
from ondernemend.overview.periods import Period
from ondernemend.overview.services import freeze_quarter
from tests.factories.accounts import UserFactory
from workshops.enums import AttendanceStatus
from workshops.models import Attendance

from .helpers import participants_in, series_in
from .test_page import INDEX, last_quarter, row

pytestmark = pytest.mark.django_db


def test_a_frozen_quarter_stays_the_same_after_new_attendance_in_that_quarter(client):
    period = last_quarter()
    series = series_in("oost", period)
    registrations = participants_in(series, period, 12, attended=10)
    coordinator = UserFactory(coordinator=True)
    client.force_login(coordinator)
    response = client.post(reverse("overview:freeze", args=[period.key]))
    assert response.status_code == 302
    # Attendance recorded afterwards for the second session, held in the frozen quarter.
    second = series.sessions.get(number=2)
    for registration in registrations[10:]:
        Attendance.objects.create(session=second, registration=registration, status=AttendanceStatus.PRESENT)

    frozen = client.get(INDEX, {"period": period.key})
    live = client.get(INDEX, {"period": str(period.year)})

    assert row(frozen, "funnel", "Oost").cells == ["12", "12", "10", "0"]
    assert row(live, "funnel", "Oost").cells == ["12", "12", "12", "0"]
    assert frozen.context["snapshot"] is not None
    assert live.context["snapshot"] is None


def test_freeze_quarter_records_who_froze_it():
    period = last_quarter()
    coordinator = UserFactory(coordinator=True)

    snapshot = freeze_quarter(period, by=coordinator)

    assert snapshot.frozen_by == coordinator
    assert snapshot.data["period"] == period.key
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.user, entry.role) == ("overview.quarter_frozen", coordinator, "coordinator")


def test_a_quarter_is_frozen_once():
    coordinator = UserFactory(coordinator=True)
    freeze_quarter(last_quarter(), by=coordinator)

    with pytest.raises(AlreadyFrozen):
        freeze_quarter(last_quarter(), by=coordinator)
    assert Snapshot.objects.count() == 1


@pytest.mark.parametrize("key", ["2099-Q1", "2025"])
def test_only_a_closed_quarter_can_be_frozen(key):
    with pytest.raises(NotAClosedQuarter):
        freeze_quarter(Period.parse(key), by=UserFactory(coordinator=True))
