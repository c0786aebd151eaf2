import csv
import io
import json

import pytest
from django.urls import reverse

from initiatives.csv_format import COLUMNS
from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(UserFactory(coordinator=True))
    return client


def csv_rows(response) -> list[dict]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(content[1:], newline=""), delimiter=";"))


def test_export_csv_has_every_column_and_the_values(coordinator_client):
    InitiativeFactory(
        name="Buurtwerkplaats De Pijp",
        kind="sociale-onderneming",
        offers=["werkplek", "workshop"],
        languages=["nl", "ar"],
        trust_signals=["gratis"],
        phone="+31 20 123 4567",
        published=False,
    )

    response = coordinator_client.get(reverse("initiatives:export_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="initiatieven-')
    (row,) = csv_rows(response)
    assert tuple(row) == COLUMNS
    assert row["slug"] == "buurtwerkplaats-de-pijp"
    assert row["kind"] == "sociale-onderneming"
    assert row["offers"] == "workshop|werkplek"
    assert row["languages"] == "nl|ar"
    assert row["trust_signals"] == "gratis"
    assert row["district"] == "centrum"
    assert row["published"] == "nee"
    # A leading + would make a spreadsheet read a formula: the cell is protected with a quote.
    assert row["phone"] == "'+31 20 123 4567"


def test_export_geojson_is_a_feature_collection_with_all_properties(coordinator_client):
    initiative = InitiativeFactory(name="Taalcafé Noord", audiences=["bijstand"])

    response = coordinator_client.get(reverse("initiatives:export_geojson"))

    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {
        "type": "Point",
        "coordinates": [float(initiative.longitude), float(initiative.latitude)],
    }
    assert set(COLUMNS) <= set(feature["properties"])
    assert feature["properties"]["name"] == "Taalcafé Noord"
    assert feature["properties"]["for_whom"] == ["bijstand"]
    assert feature["properties"]["published"] is True


@pytest.mark.parametrize("count", [1, 50])
def test_export_csv_constant_queries(client, django_assert_num_queries, count):
    user = SuperUserFactory()
    client.force_login(user)
    for _ in range(count):
        InitiativeFactory(offers=["workshop"], languages=["nl"], trust_signals=["gratis"], audiences=["uwv"])

    # session, user, the session's second-factor device, initiatives with districts, four facet prefetches
    with django_assert_num_queries(8):
        rows = csv_rows(client.get(reverse("initiatives:export_csv")))
    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 50])
def test_export_geojson_constant_queries(client, django_assert_num_queries, count):
    client.force_login(SuperUserFactory())
    for _ in range(count):
        InitiativeFactory(offers=["workshop"])

    with django_assert_num_queries(8):  # 7, and the session's second-factor device
        response = client.get(reverse("initiatives:export_geojson"))
    assert len(json.loads(response.content)["features"]) == count


@pytest.mark.parametrize("url_name", ["export_csv", "export_geojson", "import_csv"])
def test_transfer_pages_send_anonymous_visitors_to_log_in(client, url_name):
    response = client.get(reverse(f"initiatives:{url_name}"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ["initiatiefnemer", "gemeente", "coach"])
@pytest.mark.parametrize("url_name", ["export_csv", "export_geojson", "import_csv"])
def test_transfer_pages_forbidden_without_coordinator_role(client, url_name, role):
    InitiativeFactory(name="Geheime Plek")
    client.force_login(UserFactory(roles=[role]))

    response = client.get(reverse(f"initiatives:{url_name}"))

    assert response.status_code == 403
    assert "Geheime Plek" not in response.content.decode()
