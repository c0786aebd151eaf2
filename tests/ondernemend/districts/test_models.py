import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from ondernemend.districts.models import District
from tests.factories.districts import DistrictFactory, square


@pytest.mark.django_db
def test_migration_created_the_eight_stadsdelen():
    assert list(District.objects.values_list("name", "slug")) == [
        ("Centrum", "centrum"),
        ("Nieuw-West", "nieuw-west"),
        ("Noord", "noord"),
        ("Oost", "oost"),
        ("Weesp", "weesp"),
        ("West", "west"),
        ("Zuid", "zuid"),
        ("Zuidoost", "zuidoost"),
    ]


@pytest.mark.django_db
def test_district_factory_reuses_the_stadsdelen():
    districts = [DistrictFactory() for _ in range(9)]
    assert (District.objects.count(), districts[0], districts[8]) == (8, districts[8], districts[0])


@pytest.mark.django_db
def test_district_full_clean_accepts_a_valid_boundary():
    district = DistrictFactory(name="Weesp", boundary=square(latitude=52.3, longitude=5.03))
    assert district.full_clean() is None


@pytest.mark.django_db
def test_district_full_clean_rejects_an_invalid_boundary_with_a_translated_message():
    district = DistrictFactory(name="Weesp", boundary={"type": "Point", "coordinates": [5.04, 52.31]})
    with translation.override("en"), pytest.raises(ValidationError) as error:
        district.full_clean()
    assert error.value.message_dict == {
        "boundary": ['The geometry type must be Polygon or MultiPolygon, not "Point".']
    }
