import pytest

from ondernemend.districts.queries import district_boundaries, find_district
from tests.factories.districts import DistrictFactory, square

CENTRUM = square(latitude=52.36, longitude=4.88, size=0.03)
NOORD = square(latitude=52.39, longitude=4.88, size=0.04)


@pytest.fixture
def districts_with_boundaries():
    DistrictFactory(name="Noord", boundary=NOORD)
    DistrictFactory(name="Centrum", boundary=CENTRUM)


@pytest.mark.django_db
def test_district_boundaries_only_districts_with_a_boundary_by_name(districts_with_boundaries):
    assert district_boundaries() == [("centrum", CENTRUM), ("noord", NOORD)]


@pytest.mark.django_db
def test_district_boundaries_without_any_is_empty():
    assert district_boundaries() == []


@pytest.mark.django_db
@pytest.mark.parametrize("count", [0, 2, 8])
def test_district_boundaries_one_query(django_assert_num_queries, count):
    for index in range(count):
        DistrictFactory(boundary=square(latitude=52 + index, longitude=4.9))
    with django_assert_num_queries(1):
        assert len(district_boundaries()) == count


@pytest.mark.django_db
def test_find_district_gives_the_district_containing_the_point(districts_with_boundaries):
    district = find_district(52.41, 4.9)
    assert (district.slug, district.name) == ("noord", "Noord")


@pytest.mark.django_db
def test_find_district_outside_every_boundary_is_none(districts_with_boundaries):
    assert find_district(52.31, 5.04) is None


@pytest.mark.django_db
def test_find_district_on_a_shared_edge_gives_the_first_by_name(districts_with_boundaries):
    assert find_district(52.39, 4.89).slug == "centrum"


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 8])
def test_find_district_one_query(django_assert_num_queries, count):
    for index in range(count):
        DistrictFactory(boundary=square(latitude=52 + index, longitude=4.9))
    with django_assert_num_queries(1):
        assert find_district(52.005, 4.905) is not None
