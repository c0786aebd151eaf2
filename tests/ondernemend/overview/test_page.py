import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ondernemend.accounts.roles import Role
from ondernemend.overview.models import Snapshot
from ondernemend.overview.periods import Period
from tests.factories.accounts import UserFactory
from workshops.models import Participant, Registration

from .helpers import participants_in, series_in

pytestmark = pytest.mark.django_db

INDEX = reverse("overview:index")
EXPORT = reverse("overview:export_csv")


def last_quarter() -> Period:
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    return Period(today.year, quarter - 1) if quarter > 1 else Period(today.year - 1, 4)


def table(response, key):
    return next(t for section in response.context["sections"] for t in section.tables if t.key == key)


def row(response, key, label):
    return next(r for r in table(response, key).rows if r.label == label)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("role", [Role.GEMEENTE, Role.COORDINATOR])
def test_overview_opens_for_gemeente_and_coordinator(client, role):
    client.force_login(UserFactory(roles=[role]))

    response = client.get(INDEX)

    assert response.status_code == 200
    assert client.get(EXPORT).status_code == 200


@pytest.mark.parametrize("role", [Role.COACH, Role.INITIATIEFNEMER, Role.JURYLID])
def test_overview_is_forbidden_to_other_roles(client, role):
    client.force_login(UserFactory(roles=[role]))

    assert client.get(INDEX).status_code == 403
    assert client.get(EXPORT).status_code == 403


def test_overview_sends_anonymous_visitors_to_log_in(client):
    response = client.get(INDEX)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_overview_on_demo_data_shows_no_participant_and_hides_a_small_district(client):
    call_command("seed_demo", stdout=StringIO())
    client.force_login(UserFactory(gemeente=True))
    # Noord's demo series has eight sign-ups; they fall in the year of their first sign-up.
    noord = Registration.objects.filter(series__slug="demo-reeks-noord").order_by("created_at").first()
    period = Period.year_of(timezone.localdate(noord.created_at)).key

    page = client.get(INDEX, {"period": period})
    csv_text = b"".join(client.get(EXPORT, {"period": period}).streaming_content).decode()

    assert row(page, "funnel", "Noord").cells[0] == "<10"
    years = {moment.year for moment in Registration.objects.values_list("created_at", flat=True)}
    if len(years) == 1:  # demo dates follow the day of the run: near new year they span two years
        shown = [r.cells[0] for r in table(page, "funnel").rows if not r.is_total]
        assert any(cell not in ("<10", "0") for cell in shown), shown
    assert "Noord;Aangemeld;<10" in csv_text
    html = text_of(page.content.decode())
    for person in Participant.objects.all():
        for value in (person.display_name, person.email, person.phone):
            if value:
                assert not re.search(rf"\b{re.escape(value)}\b", html), value
                assert not re.search(rf"\b{re.escape(value)}\b", csv_text), value


def test_a_district_with_ten_or_more_shows_its_figures(client):
    period = last_quarter()
    participants_in(series_in("oost", period), period, 12, attended=11)
    participants_in(series_in("noord", period), period, 4)
    client.force_login(UserFactory(gemeente=True))

    response = client.get(INDEX, {"period": period.key})

    assert row(response, "funnel", "Oost").cells == ["12", "12", "11", "0"]
    # Noord's four would follow from the total: the total is hidden with them, and so is a second district.
    assert row(response, "funnel", "Noord").cells[:3] == ["<10", "<10", "<10"]


def test_the_csv_holds_what_the_page_shows_in_dutch(client):
    period = last_quarter()
    participants_in(series_in("oost", period), period, 12)
    client.force_login(UserFactory(gemeente=True))

    response = client.get(EXPORT, {"period": period.key, "district": "oost"}, HTTP_ACCEPT_LANGUAGE="en")
    lines = b"".join(response.streaming_content).decode().splitlines()

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0] == "\ufeffPeriode;Cijfers;Tabel;Rij;Kolom;Waarde"
    assert any(line.endswith(";Oost;Aangemeld;12") for line in lines)
    assert not any(";Noord;" in line for line in lines)


def _count_queries(client, period):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX, {"period": period.key}).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_participants(client, django_assert_num_queries):
    period = last_quarter()
    client.force_login(UserFactory(gemeente=True))
    participants_in(series_in("oost", period), period, 10)
    with_ten = _count_queries(client, period)
    for district in ("noord", "zuid", "west"):
        participants_in(series_in(district, period), period, 330, prefix=district)

    with django_assert_num_queries(with_ten):
        assert client.get(INDEX, {"period": period.key}).status_code == 200


def test_a_coordinator_sees_the_freeze_link_for_a_closed_quarter_only(client):
    client.force_login(UserFactory(coordinator=True))
    freeze = reverse("overview:freeze", args=[last_quarter().key])

    assert freeze in client.get(INDEX, {"period": last_quarter().key}).content.decode()
    assert freeze not in client.get(INDEX).content.decode()


def test_gemeente_cannot_freeze(client):
    client.force_login(UserFactory(gemeente=True))

    response = client.post(reverse("overview:freeze", args=[last_quarter().key]))

    assert response.status_code == 403


def test_the_dashboard_of_gemeente_links_to_the_overview(client):
    client.force_login(UserFactory(gemeente=True))

    assert INDEX in client.get(reverse("accounts:dashboard")).content.decode()


def test_an_unknown_period_shows_the_current_year(client):
    client.force_login(UserFactory(gemeente=True))

    response = client.get(INDEX, {"period": "1999-Q9"})

    assert response.context["period"] == Period(timezone.localdate().year)


def test_freeze_of_a_running_quarter_is_refused(client):
    today = timezone.localdate()
    running = Period(today.year, (today.month - 1) // 3 + 1)
    client.force_login(UserFactory(coordinator=True))

    response = client.post(reverse("overview:freeze", args=[running.key]))

    assert response.status_code == 302
    assert not Snapshot.objects.exists()
