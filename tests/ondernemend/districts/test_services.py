import copy
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from ondernemend.districts.models import District
from ondernemend.districts.services import district_name_key, import_district_boundaries
from tests.factories.districts import DistrictFactory, square

SAMPLE = Path(__file__).parent / "data" / "stadsdelen-sample.geojson"
NOT_A_COLLECTION = (
    "The file must contain a GeoJSON FeatureCollection: a JSON object with “type”: “FeatureCollection”."
)
KNOWN = "Centrum, Nieuw-West, Noord, Oost, Weesp, West, Zuid, Zuidoost"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def sample():
    return json.loads(SAMPLE.read_text())


def feature(name, geometry=None, **properties):
    return {
        "type": "Feature",
        "properties": {"name": name, **properties},
        "geometry": geometry or square(latitude=52.37, longitude=4.89),
    }


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def boundaries():
    return dict(District.objects.values_list("slug", "boundary"))


def problems_of(feature_collection, **options):
    with pytest.raises(ValidationError) as error:
        import_district_boundaries(feature_collection, **options)
    return error.value.messages


@pytest.mark.django_db
def test_import_district_boundaries_sample_stores_all_eight():
    result = import_district_boundaries(sample())
    stored = boundaries()
    assert [district.name for district in result.imported] == [
        "Centrum",
        "West",
        "Nieuw-West",
        "Zuid",
        "Oost",
        "Noord",
        "Zuidoost",
        "Weesp",
    ]
    assert (result.unchanged, result.dry_run) == ([], False)
    assert stored["weesp"] == sample()["features"][7]["geometry"]
    assert stored["oost"]["type"] == "MultiPolygon"


@pytest.mark.django_db
def test_import_district_boundaries_keeps_only_type_and_coordinates():
    geometry = {**square(latitude=52.3, longitude=5.04), "bbox": [5.04, 52.3, 5.05, 52.31], "crs": "x"}
    import_district_boundaries(collection(feature("Weesp", geometry)))
    assert boundaries()["weesp"] == square(latitude=52.3, longitude=5.04)


@pytest.mark.django_db
def test_import_district_boundaries_leaves_other_districts_unchanged():
    DistrictFactory(name="Zuid", boundary=square(latitude=52.34, longitude=4.87))
    result = import_district_boundaries(collection(feature("Noord")))
    assert [district.slug for district in result.imported] == ["noord"]
    assert [district.slug for district in result.unchanged] == [
        "centrum",
        "nieuw-west",
        "oost",
        "weesp",
        "west",
        "zuid",
        "zuidoost",
    ]
    assert boundaries()["zuid"] == square(latitude=52.34, longitude=4.87)


@pytest.mark.django_db
def test_import_district_boundaries_replaces_an_existing_boundary():
    DistrictFactory(name="Noord", boundary=square(latitude=0, longitude=0))
    import_district_boundaries(collection(feature("Noord", square(latitude=52.4, longitude=4.9))))
    assert boundaries()["noord"] == square(latitude=52.4, longitude=4.9)


@pytest.mark.django_db
def test_import_district_boundaries_dry_run_writes_nothing():
    result = import_district_boundaries(sample(), dry_run=True)
    assert (len(result.imported), result.dry_run) == (8, True)
    assert set(boundaries().values()) == {None}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("noord", "noord"),
        ("NIEUW-WEST", "nieuw-west"),
        ("Nieuw West", "nieuw-west"),
        ("nieuwwest", "nieuw-west"),
        ("Stadsdeel Zuidoost", "zuidoost"),
        ("Zuid-Oost", "zuidoost"),
        ("Amsterdam-Centrum", "centrum"),
        ("stadsdeel amsterdam oost", "oost"),
        ("  Weesp ", "weesp"),
    ],
)
def test_import_district_boundaries_matches_names_tolerantly(name, slug):
    result = import_district_boundaries(collection(feature(name)))
    assert [district.slug for district in result.imported] == [slug]


@pytest.mark.django_db
def test_import_district_boundaries_other_name_property():
    result = import_district_boundaries(sample(), name_property="naam")
    assert len(result.imported) == 8


def test_district_name_key_strips_prefixes_spaces_and_hyphens():
    assert district_name_key("Stadsdeel Nieuw-West") == "nieuwwest"


@pytest.mark.django_db
def test_import_district_boundaries_one_broken_feature_writes_nothing():
    broken = sample()
    broken["features"][5]["geometry"]["coordinates"][0].pop()  # Noord's ring is no longer closed
    assert problems_of(broken) == [
        "Feature 6 (“Noord”): Ring 1 of polygon 1 is not closed: its last position must equal its first."
    ]
    assert set(boundaries().values()) == {None}


@pytest.mark.django_db
def test_import_district_boundaries_lists_every_problem():
    point = {"type": "Point", "coordinates": [4.9, 52.37]}
    features = [
        feature("Centrum"),
        feature("Noord", point),
        {"type": "Feature", "properties": {"name": "Oost"}, "geometry": None},
        feature("Gotham"),
        feature("centrum"),
        {"type": "Feature", "properties": None, "geometry": square(latitude=1, longitude=1)},
        {"type": "Feature", "properties": {"naam": "West"}, "geometry": square(latitude=1, longitude=1)},
        "West",
        {"type": "Polygon", "coordinates": []},
    ]
    assert problems_of(collection(*features)) == [
        'Feature 2 (“Noord”): The geometry type must be Polygon or MultiPolygon, not "Point".',
        "Feature 3 (“Oost”): there is no geometry.",
        f"Feature 4 (“Gotham”): “Gotham” is not one of the districts: {KNOWN}.",
        "Feature 5 (“centrum”): district Centrum is also feature 1; a district may appear only once.",
        "Feature 6: there is no “name” property with the district name.",
        "Feature 7: there is no “name” property with the district name.",
        "Feature 8: this is not a GeoJSON Feature object.",
        "Feature 9: this is not a GeoJSON Feature object.",
    ]
    assert set(boundaries().values()) == {None}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            [],
            NOT_A_COLLECTION,
        ),
        (
            {"features": []},
            NOT_A_COLLECTION,
        ),
        (
            feature("Noord"),
            "The file must contain a GeoJSON FeatureCollection, but its type is “Feature”.",
        ),
        ({"type": "FeatureCollection"}, "The FeatureCollection has no list of “features”."),
        (
            {"type": "FeatureCollection", "features": []},
            "The FeatureCollection has no features, so there is nothing to import.",
        ),
    ],
)
def test_import_district_boundaries_not_a_feature_collection(data, message):
    assert problems_of(data) == [message]


@pytest.mark.django_db
def test_import_district_boundaries_problems_in_dutch():
    broken = collection(feature("Noord", {"type": "LineString", "coordinates": [[4.9, 52.4], [4.91, 52.41]]}))
    with translation.override("nl"):
        problems = problems_of(broken)
    assert problems == [
        'Onderdeel 1 (“Noord”): Het soort geometrie moet Polygon of MultiPolygon zijn, niet "LineString".'
    ]


@pytest.mark.django_db
def test_import_district_boundaries_does_not_change_the_input():
    data = sample()
    original = copy.deepcopy(data)
    import_district_boundaries(data)
    assert data == original
