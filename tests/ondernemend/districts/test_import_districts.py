import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from ondernemend.districts.models import District
from tests.factories.districts import square

SAMPLE = Path(__file__).parent / "data" / "stadsdelen-sample.geojson"
KNOWN = "Centrum, Nieuw-West, Noord, Oost, Weesp, West, Zuid, Zuidoost"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def run(*args):
    stdout = StringIO()
    call_command("import_districts", *map(str, args), stdout=stdout)
    return stdout.getvalue()


def error_of(*args):
    with pytest.raises(CommandError) as error:
        run(*args)
    return str(error.value)


def write_geojson(tmp_path, data, name="districts.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def feature(name, geometry):
    return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def stored_boundaries():
    return dict(District.objects.filter(boundary__isnull=False).values_list("slug", "boundary"))


@pytest.mark.django_db
def test_import_districts_sample_imports_all_eight(tmp_path):
    path = tmp_path / "stadsdelen.geojson"
    shutil.copy(SAMPLE, path)
    output = run(path)
    assert output == (
        "Imported the boundaries of 8 districts: "
        "Centrum, West, Nieuw-West, Zuid, Oost, Noord, Zuidoost, Weesp.\n"
    )
    assert sorted(stored_boundaries()) == [
        "centrum",
        "nieuw-west",
        "noord",
        "oost",
        "weesp",
        "west",
        "zuid",
        "zuidoost",
    ]


@pytest.mark.django_db
def test_import_districts_one_district_names_those_left_alone(tmp_path):
    path = write_geojson(tmp_path, collection(feature("Weesp", square(latitude=52.3, longitude=5.03))))
    assert run(path) == (
        "Imported the boundary of 1 district: Weesp.\n"
        "Not in the file, so left as they were: Centrum, Nieuw-West, Noord, Oost, West, Zuid, Zuidoost.\n"
    )
    assert stored_boundaries() == {"weesp": square(latitude=52.3, longitude=5.03)}


@pytest.mark.django_db
def test_import_districts_dry_run_saves_nothing(tmp_path):
    output = run(SAMPLE, "--dry-run")
    assert output == (
        "The file is valid. It has the boundaries of 8 districts: "
        "Centrum, West, Nieuw-West, Zuid, Oost, Noord, Zuidoost, Weesp.\n"
        "Dry run: nothing was saved.\n"
    )
    assert stored_boundaries() == {}


@pytest.mark.django_db
def test_import_districts_name_property(tmp_path):
    output = run(SAMPLE, "--name-property", "naam")
    assert output.startswith("Imported the boundaries of 8 districts:")
    assert len(stored_boundaries()) == 8


@pytest.mark.django_db
def test_import_districts_in_dutch(tmp_path):
    path = write_geojson(tmp_path, collection(feature("Weesp", square(latitude=52.3, longitude=5.03))))
    with translation.override("nl"):
        output = run(path)
    assert output == (
        "De grens van 1 stadsdeel is ingelezen: Weesp.\n"
        "Niet in het bestand, dus niet veranderd: Centrum, Nieuw-West, Noord, Oost, West, Zuid, Zuidoost.\n"
    )


# --- errors -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_districts_missing_file(tmp_path):
    path = tmp_path / "nowhere.geojson"
    assert error_of(path) == f"The file {path} does not exist."


@pytest.mark.django_db
def test_import_districts_directory_is_not_a_file(tmp_path):
    assert error_of(tmp_path) == f"{tmp_path} is not a file."


@pytest.mark.django_db
def test_import_districts_not_json(tmp_path):
    path = tmp_path / "districts.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [,]}', encoding="utf-8")
    assert error_of(path) == f"The file {path} is not valid JSON: error at line 2, column 15."


@pytest.mark.django_db
def test_import_districts_not_utf8(tmp_path):
    path = tmp_path / "districts.geojson"
    path.write_bytes(b"\xff\xfe{}")
    assert error_of(path) == f"The file {path} is not JSON: it is not UTF-8 text."


@pytest.mark.django_db
def test_import_districts_not_a_feature_collection(tmp_path):
    path = write_geojson(tmp_path, square(latitude=52.3, longitude=5.03))
    assert error_of(path) == (
        f"Nothing was imported from {path}:\n"
        "- The file must contain a GeoJSON FeatureCollection, but its type is “Polygon”."
    )


@pytest.mark.django_db
def test_import_districts_feature_without_geometry(tmp_path):
    path = write_geojson(tmp_path, collection(feature("Noord", None)))
    assert error_of(path) == (
        f"Nothing was imported from {path}:\n- Feature 1 (“Noord”): there is no geometry."
    )


@pytest.mark.django_db
def test_import_districts_other_geometry_type(tmp_path):
    data = collection(
        feature("Noord", square(latitude=52.4, longitude=4.9)),
        feature("Oost", {"type": "Point", "coordinates": [4.93, 52.36]}),
    )
    path = write_geojson(tmp_path, data)
    assert error_of(path) == (
        f"Nothing was imported from {path}:\n"
        '- Feature 2 (“Oost”): The geometry type must be Polygon or MultiPolygon, not "Point".'
    )
    assert stored_boundaries() == {}


@pytest.mark.django_db
def test_import_districts_unknown_district_lists_the_known_ones(tmp_path):
    path = write_geojson(tmp_path, collection(feature("Westpoort", square(latitude=52.4, longitude=4.8))))
    assert error_of(path) == (
        f"Nothing was imported from {path}:\n"
        f"- Feature 1 (“Westpoort”): “Westpoort” is not one of the districts: {KNOWN}."
    )


@pytest.mark.django_db
def test_import_districts_invalid_ring(tmp_path):
    open_ring = {"type": "Polygon", "coordinates": [[[4.9, 52.4], [4.91, 52.4], [4.91, 52.41], [4.9, 52.41]]]}
    path = write_geojson(tmp_path, collection(feature("Noord", open_ring)))
    assert error_of(path) == (
        f"Nothing was imported from {path}:\n"
        "- Feature 1 (“Noord”): Ring 1 of polygon 1 is not closed: its last position must equal its first."
    )


@pytest.mark.django_db
def test_import_districts_duplicate_district(tmp_path):
    data = collection(
        feature("Zuid", square(latitude=52.34, longitude=4.87)),
        feature("Stadsdeel Zuid", square(latitude=52.35, longitude=4.88)),
    )
    path = write_geojson(tmp_path, data)
    assert error_of(path) == (
        f"Nothing was imported from {path}:\n"
        "- Feature 2 (“Stadsdeel Zuid”): district Zuid is also feature 1; a district may appear only once."
    )
    assert stored_boundaries() == {}


@pytest.mark.django_db
def test_import_districts_missing_name_property(tmp_path):
    path = write_geojson(tmp_path, collection(feature("Zuid", square(latitude=52.34, longitude=4.87))))
    assert error_of(path, "--name-property", "naam") == (
        f"Nothing was imported from {path}:\n- Feature 1: there is no “naam” property with the district name."
    )


@pytest.mark.django_db
def test_import_districts_error_in_dutch(tmp_path):
    path = write_geojson(tmp_path, collection(feature("Westpoort", square(latitude=52.4, longitude=4.8))))
    with translation.override("nl"):
        message = error_of(path)
    assert message == (
        f"Er is niets ingelezen uit {path}:\n"
        f"- Onderdeel 1 (“Westpoort”): “Westpoort” is geen van de stadsdelen: {KNOWN}."
    )
