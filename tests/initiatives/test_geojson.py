import gzip
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.http import http_date

from initiatives import geojson
from ondernemend.districts.models import District
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory
from tests.initiatives.test_public_views import listed_urls

GEOJSON_URL = "/kaart/punten.geojson"
# Generous bounds around Amsterdam including Weesp (longitude, latitude).
AMSTERDAM = {"west": 4.72, "east": 5.10, "south": 52.27, "north": 52.44}


# ---- The pure builder ------------------------------------------------------------------------------


def test_feature_collection_puts_longitude_first_and_rounds_to_six_decimals():
    collection = geojson.feature_collection(
        [(7, "Buurtkamer", "boot", "oost", "buurtkamer", Decimal("52.3580001"), Decimal("4.9400004"))],
        [(3, "Loket", "oost", "loket", Decimal("52.36"), Decimal("4.95"))],
        initiative_url=lambda slug: f"/i/{slug}/",
        contact_point_url=lambda slug: f"/c/{slug}/",
    )

    assert collection == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "initiative-7",
                "geometry": {"type": "Point", "coordinates": [4.94, 52.358]},
                "properties": {
                    "name": "Buurtkamer",
                    "layer": "initiative",
                    "kind": "boot",
                    "district": "oost",
                    "url": "/i/buurtkamer/",
                },
            },
            {
                "type": "Feature",
                "id": "contactpoint-3",
                "geometry": {"type": "Point", "coordinates": [4.95, 52.36]},
                "properties": {
                    "name": "Loket",
                    "layer": "contactpoint",
                    "kind": None,
                    "district": "oost",
                    "url": "/c/loket/",
                },
            },
        ],
    }


def test_dumps_is_compact():
    assert geojson.dumps({"type": "FeatureCollection", "features": []}) == (
        '{"type":"FeatureCollection","features":[]}'
    )


def test_url_maker_fills_in_the_slug():
    make_url = geojson.url_maker("/en/kaart/initiatief/slug-placeholder/", "slug-placeholder")

    assert make_url("de-werkplaats") == "/en/kaart/initiatief/de-werkplaats/"


# ---- The endpoint ----------------------------------------------------------------------------------


def features_of(response) -> list[dict]:
    return json.loads(response.content)["features"]


def assert_rfc7946_points(collection: dict) -> None:
    assert collection["type"] == "FeatureCollection"
    assert set(collection) == {"type", "features"}
    ids = [feature["id"] for feature in collection["features"]]
    assert len(ids) == len(set(ids))
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str)
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert isinstance(longitude, float)
        assert isinstance(latitude, float)
        assert AMSTERDAM["west"] <= longitude <= AMSTERDAM["east"]
        assert AMSTERDAM["south"] <= latitude <= AMSTERDAM["north"]
        assert all(len(repr(value).split(".")[-1]) <= 6 for value in (longitude, latitude))
        assert set(feature["properties"]) == {"name", "layer", "kind", "district", "url"}
        assert feature["properties"]["layer"] in {"initiative", "contactpoint"}


@pytest.mark.django_db
def test_geojson_is_an_rfc7946_feature_collection_of_published_places(client):
    for slug in ("centrum", "weesp", "zuidoost", "nieuw-west"):
        InitiativeFactory(district=District.objects.get(slug=slug))
        ContactPointFactory(district=District.objects.get(slug=slug))
    InitiativeFactory(name="Niet gepubliceerd", published=False)

    response = client.get(GEOJSON_URL)

    assert response["Content-Type"] == "application/geo+json"
    assert response["Cache-Control"] == "public, max-age=60"
    collection = json.loads(response.content)
    assert_rfc7946_points(collection)
    assert len(collection["features"]) == 8
    assert b" " not in response.content.replace(b"Buurtplek ", b"").replace(b"Aanspreekpunt ", b"")


@pytest.mark.django_db
def test_geojson_feature_describes_the_place(client):
    initiative = InitiativeFactory(
        name="De Werkplaats",
        kind="sociale-onderneming",
        district=District.objects.get(slug="noord"),
        latitude=Decimal("52.398123"),
        longitude=Decimal("4.925456"),
    )

    [feature] = features_of(client.get(GEOJSON_URL))

    assert feature == {
        "type": "Feature",
        "id": f"initiative-{initiative.pk}",
        "geometry": {"type": "Point", "coordinates": [4.925456, 52.398123]},
        "properties": {
            "name": "De Werkplaats",
            "layer": "initiative",
            "kind": "sociale-onderneming",
            "district": "noord",
            "url": "/kaart/initiatief/de-werkplaats/",
        },
    }


@pytest.mark.django_db
def test_geojson_urls_follow_the_language(client):
    ContactPointFactory(name="Loket")

    [feature] = features_of(client.get("/en" + GEOJSON_URL))

    assert feature["properties"]["url"] == "/en/kaart/aanspreekpunt/loket/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "district=noord",
        "kind=boot",
        "offer=workshop",
        "for=bijstand",
        "language=ar",
        "q=werk",
        "district=x",
    ],
)
def test_geojson_filters_give_the_same_set_as_the_list(client, query):
    noord, zuid = District.objects.get(slug="noord"), District.objects.get(slug="zuid")
    InitiativeFactory(name="Werkplaats", district=noord, kind="boot", offers=["workshop"], languages=["ar"])
    InitiativeFactory(name="Buurtkamer", district=zuid, audiences=["iedereen"])
    InitiativeFactory(name="Taalcafé", district=zuid, offers=["taalhulp"], audiences=["uwv"])
    ContactPointFactory(name="Werkloket", district=noord)
    ContactPointFactory(name="Loket Zuid", district=zuid)

    on_map = {feature["properties"]["url"] for feature in features_of(client.get(f"{GEOJSON_URL}?{query}"))}

    on_list = listed_urls(client, query)
    assert {url.removeprefix("/en") for url in on_list} == on_map


@pytest.mark.django_db
def test_geojson_answers_304_when_nothing_changed(client):
    InitiativeFactory()
    first = client.get(GEOJSON_URL)

    by_etag = client.get(GEOJSON_URL, headers={"if-none-match": first["ETag"]})
    by_date = client.get(GEOJSON_URL, headers={"if-modified-since": first["Last-Modified"]})

    assert (by_etag.status_code, by_etag.content, by_etag["ETag"]) == (304, b"", first["ETag"])
    assert (by_date.status_code, by_date.content) == (304, b"")


@pytest.mark.django_db
def test_geojson_etag_changes_after_an_edit_and_with_the_filters(client):
    initiative = InitiativeFactory()
    first = client.get(GEOJSON_URL)["ETag"]

    assert client.get(f"{GEOJSON_URL}?district=centrum")["ETag"] != first
    initiative.name = "Nieuwe naam"
    initiative.save()
    after_edit = client.get(GEOJSON_URL, headers={"if-none-match": first})

    assert after_edit.status_code == 200
    assert after_edit["ETag"] != first
    assert features_of(after_edit)[0]["properties"]["name"] == "Nieuwe naam"


@pytest.mark.django_db
def test_geojson_etag_changes_when_a_place_is_unpublished(client):
    InitiativeFactory()
    initiative = InitiativeFactory()
    first = client.get(GEOJSON_URL)

    initiative.published = False
    initiative.save()
    second = client.get(GEOJSON_URL, headers={"if-none-match": first["ETag"]})

    assert second.status_code == 200
    assert len(features_of(second)) == 1


@pytest.mark.django_db
def test_geojson_last_modified_is_the_last_change(client):
    InitiativeFactory()
    contact_point = ContactPointFactory()

    response = client.get(GEOJSON_URL)

    assert response["Last-Modified"] == http_date(contact_point.updated_at.timestamp())


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 50])
def test_geojson_query_count_is_constant(client, django_assert_num_queries, count):
    for _ in range(count):
        InitiativeFactory(offers=["workshop"], languages=["nl"])
        ContactPointFactory()

    # 2 aggregates for the ETag, 1 district lookup for the filter, 1 query per layer.
    with django_assert_num_queries(5):
        response = client.get(f"{GEOJSON_URL}?district=centrum")

    assert len(features_of(response)) == 2 * count


@pytest.mark.django_db
def test_geojson_not_modified_needs_only_the_aggregates(client, django_assert_num_queries):
    InitiativeFactory()
    etag = client.get(GEOJSON_URL)["ETag"]

    with django_assert_num_queries(2):
        response = client.get(GEOJSON_URL, headers={"if-none-match": etag})

    assert response.status_code == 304


def test_geojson_reverse_name_is_the_endpoint():
    assert reverse("initiatives:geojson") == GEOJSON_URL


@pytest.mark.django_db
def test_geojson_is_gzipped_for_clients_that_accept_it_and_still_revalidates(client):
    for name in (
        "Buurtkamer",
        "Werkplaats",
        "Kookstudio",
    ):  # over the 200 bytes below which nothing is gzipped
        InitiativeFactory(name=name)
    gzip_headers = {"accept-encoding": "gzip"}

    compressed = client.get(GEOJSON_URL, headers=gzip_headers)
    revalidated = client.get(GEOJSON_URL, headers={**gzip_headers, "if-none-match": compressed["ETag"]})

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    names = [
        feature["properties"]["name"]
        for feature in json.loads(gzip.decompress(compressed.content))["features"]
    ]
    assert sorted(names) == ["Buurtkamer", "Kookstudio", "Werkplaats"]
    assert revalidated.status_code == 304
