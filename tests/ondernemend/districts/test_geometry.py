import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ondernemend.districts.geometry import (
    BoundingBox,
    InvalidGeometry,
    bounding_box,
    contains_point,
    district_for_point,
    prepare_geometry,
    validate_geometry,
)

SAMPLE = Path(__file__).parent / "data" / "stadsdelen-sample.geojson"


def ring(*corners):
    """A closed ring through the (longitude, latitude) corners."""
    return [list(corner) for corner in (*corners, corners[0])]


def polygon(*rings):
    return {"type": "Polygon", "coordinates": list(rings)}


def rectangle(west, south, east, north):
    return ring((west, south), (east, south), (east, north), (west, north))


UNIT_SQUARE = polygon(rectangle(0, 0, 1, 1))
SQUARE_WITH_HOLE = polygon(rectangle(0, 0, 10, 10), rectangle(4, 4, 6, 6))
TWO_ISLANDS = {"type": "MultiPolygon", "coordinates": [[rectangle(0, 0, 1, 1)], [rectangle(5, 5, 6, 6)]]}
# A "U": the notch between the arms (x 1..2, y 1..3) is outside although it lies inside the bounding box.
U_SHAPE = polygon(ring((0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)))


# --- known shapes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (0.5, 0.5, True),
        (0.999, 0.001, True),
        (1.5, 0.5, False),
        (0.5, -0.5, False),
        (-0.001, 0.5, False),
    ],
)
def test_contains_point_unit_square(latitude, longitude, expected):
    assert contains_point(UNIT_SQUARE, latitude, longitude) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(0, 0), (1, 1), (0, 0.5), (0.5, 1), (1, 0.25), (0.75, 0)],
)
def test_contains_point_on_the_boundary_counts_as_inside(latitude, longitude):
    assert contains_point(UNIT_SQUARE, latitude, longitude) is True


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (2, 2, True),  # in the ring between exterior and hole
        (5, 5, False),  # in the hole
        (5.9, 4.1, False),  # in the hole, near its corner
        (4, 5, True),  # on the hole's edge: the boundary belongs to the polygon
        (6, 6, True),  # on a corner of the hole
        (10, 10, True),  # on a corner of the exterior
        (11, 5, False),
    ],
)
def test_contains_point_square_with_hole(latitude, longitude, expected):
    assert contains_point(SQUARE_WITH_HOLE, latitude, longitude) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [(0.5, 0.5, True), (5.5, 5.5, True), (3, 3, False), (0.5, 5.5, False)],
)
def test_contains_point_multipolygon_is_inside_any_polygon(latitude, longitude, expected):
    assert contains_point(TWO_ISLANDS, latitude, longitude) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (0.5, 1.5, True),  # the base of the U
        (2, 0.5, True),  # left arm
        (2, 2.5, True),  # right arm
        (2, 1.5, False),  # the notch
        (1, 1.5, True),  # bottom of the notch: on the boundary
        (3, 1.5, False),  # above the notch, on the line through the arms' tops
        (3, 0.5, True),  # top edge of the left arm
    ],
)
def test_contains_point_concave_shape(latitude, longitude, expected):
    assert contains_point(U_SHAPE, latitude, longitude) == expected


def test_contains_point_ignores_winding_order():
    clockwise = polygon(list(reversed(rectangle(0, 0, 1, 1))))
    assert (contains_point(clockwise, 0.5, 0.5), contains_point(clockwise, 2, 2)) == (True, False)


def test_contains_point_ignores_altitude():
    with_altitude = polygon([[*corner, 12.5] for corner in rectangle(0, 0, 1, 1)])
    assert contains_point(with_altitude, 0.5, 0.5) is True


def test_bounding_box_of_multipolygon_covers_all_polygons():
    assert bounding_box(TWO_ISLANDS) == BoundingBox(west=0, south=0, east=6, north=6)


def test_bounding_box_of_polygon_with_hole_is_its_exterior():
    assert bounding_box(SQUARE_WITH_HOLE) == BoundingBox(west=0, south=0, east=10, north=10)


def test_prepare_geometry_returns_a_shape_unchanged():
    shape = prepare_geometry(UNIT_SQUARE)
    assert prepare_geometry(shape) is shape


# --- district_for_point -------------------------------------------------------------------------------------


def sample_districts():
    features = json.loads(SAMPLE.read_text())["features"]
    return [(feature["properties"]["name"], feature["geometry"]) for feature in features]


@pytest.mark.parametrize(
    ("place", "latitude", "longitude", "expected"),
    [
        ("Dam", 52.3731, 4.8926, "Centrum"),
        ("Centraal Station", 52.3785, 4.9000, "Centrum"),
        ("De Baarsjes", 52.3660, 4.8550, "West"),
        ("Osdorp", 52.3600, 4.8000, "Nieuw-West"),
        ("Vondelpark", 52.3580, 4.8680, "Zuid"),
        ("Dappermarkt", 52.3630, 4.9280, "Oost"),
        ("IJburg", 52.3540, 5.0050, "Oost"),
        ("NDSM", 52.4010, 4.8910, "Noord"),
        ("Johan Cruijff ArenA", 52.3140, 4.9420, "Zuidoost"),
        ("Weesp station", 52.3120, 5.0410, "Weesp"),
        ("the IJ", 52.3880, 4.9050, None),
        ("Haarlem", 52.3800, 4.6400, None),
    ],
)
def test_district_for_point_in_sample_file(place, latitude, longitude, expected):
    assert district_for_point(latitude, longitude, sample_districts()) == expected


def test_district_for_point_on_shared_edge_gives_the_first():
    left, right = polygon(rectangle(0, 0, 1, 1)), polygon(rectangle(1, 0, 2, 1))
    assert district_for_point(0.5, 1, [("left", left), ("right", right)]) == "left"
    assert district_for_point(0.5, 1, [("right", right), ("left", left)]) == "right"


def test_district_for_point_accepts_prepared_shapes():
    districts = [("a", prepare_geometry(UNIT_SQUARE)), ("b", prepare_geometry(TWO_ISLANDS))]
    assert district_for_point(5.5, 5.5, districts) == "b"


def test_district_for_point_without_districts_is_none():
    assert district_for_point(52.37, 4.89, []) is None


def test_district_for_point_not_a_number_is_none():
    assert district_for_point(float("nan"), 0.5, [("a", UNIT_SQUARE)]) is None


# --- validation ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ([1, 2], "A geometry must be an object with a “type” and “coordinates”."),
        ({"type": "Polygon"}, "A geometry must be an object with a “type” and “coordinates”."),
        (
            {"type": "Point", "coordinates": [4.9, 52.4]},
            'The geometry type must be Polygon or MultiPolygon, not "Point".',
        ),
        ({"type": "Polygon", "coordinates": "0 0 1 1"}, "The coordinates of a Polygon must be a list."),
        ({"type": "MultiPolygon", "coordinates": []}, "A MultiPolygon needs at least one polygon."),
        (
            {"type": "Polygon", "coordinates": []},
            "Polygon 1 has no rings; it needs at least an exterior ring.",
        ),
        ({"type": "MultiPolygon", "coordinates": [5]}, "Polygon 1 must be a list of rings."),
        ({"type": "Polygon", "coordinates": [{"a": 1}]}, "Ring 1 of polygon 1 must be a list."),
        (
            polygon([[0, 0], [1, 0], [0, 0]]),
            "Ring 1 of polygon 1 has 3 positions; a closed ring needs at least 4.",
        ),
        (
            polygon([*rectangle(0, 0, 1, 1)[:-1], [0, 0.5]]),
            "Ring 1 of polygon 1 is not closed: its last position must equal its first.",
        ),
        (
            polygon(rectangle(0, 0, 10, 10), [[4, 4], [5, 4], [5, "5"], [4, 4]]),
            'Position 3 of ring 2 of polygon 1 must be [longitude, latitude] in numbers, not [5, "5"].',
        ),
        (
            polygon([[0, 0], [1], [1, 1], [0, 0]]),
            "Position 2 of ring 1 of polygon 1 must be [longitude, latitude] in numbers, not [1].",
        ),
        (
            polygon([[0, 0], [1, 0, 0, 0], [1, 1], [0, 0]]),
            "Position 2 of ring 1 of polygon 1 must be [longitude, latitude] in numbers, not [1, 0, 0, 0].",
        ),
        (
            polygon([[0, 0], [True, 0], [1, 1], [0, 0]]),
            "Position 2 of ring 1 of polygon 1 must be [longitude, latitude] in numbers, not [true, 0].",
        ),
        (
            polygon([[0, 0], [float("nan"), 0], [1, 1], [0, 0]]),
            "Position 2 of ring 1 of polygon 1 must be [longitude, latitude] in numbers, not [NaN, 0].",
        ),
        (
            polygon([[0, 0], [181, 0], [1, 1], [0, 0]]),
            "Position 2 of ring 1 of polygon 1 has longitude 181, outside -180 to 180.",
        ),
        (
            {
                "type": "MultiPolygon",
                "coordinates": [[rectangle(0, 0, 1, 1)], [ring((0, 0), (1, 0), (1, 91))]],
            },
            "Position 3 of ring 1 of polygon 2 has latitude 91, outside -90 to 90.",
        ),
    ],
)
def test_validate_geometry_invalid_says_what_is_wrong(geometry, message):
    with pytest.raises(InvalidGeometry) as error:
        validate_geometry(geometry)
    assert str(error.value) == message


def test_invalid_geometry_keeps_template_and_params_for_translation():
    with pytest.raises(InvalidGeometry) as error:
        validate_geometry(polygon([[0, 0], [1, 0], [0, 0]]))
    assert (error.value.template % error.value.params, error.value.params) == (
        str(error.value),
        {"polygon": 1, "ring": 1, "count": 3},
    )


@pytest.mark.parametrize("geometry", [UNIT_SQUARE, SQUARE_WITH_HOLE, TWO_ISLANDS, U_SHAPE])
def test_validate_geometry_valid_returns_none(geometry):
    assert validate_geometry(geometry) is None


# --- properties ---------------------------------------------------------------------------------------------
# Coordinates on a grid of 1/64 degree: sums, differences and the products in the crossing test are exact,
# so translating a shape cannot move a point across an edge by rounding.

GRID = 64
grid_longitudes = st.integers(-170 * GRID, 170 * GRID).map(lambda n: n / GRID)
grid_latitudes = st.integers(-80 * GRID, 80 * GRID).map(lambda n: n / GRID)
offsets = st.integers(-5 * GRID, 5 * GRID).map(lambda n: n / GRID)
sizes = st.integers(1, 5 * GRID).map(lambda n: n / GRID)


@st.composite
def rectangles(draw):
    west, south = draw(grid_longitudes), draw(grid_latitudes)
    return west, south, west + draw(sizes), south + draw(sizes)


@st.composite
def rings(draw):
    """Any closed ring on the grid, self-intersecting ones included."""
    corners = draw(
        st.lists(st.tuples(st.integers(0, 8 * GRID), st.integers(0, 8 * GRID)), min_size=3, max_size=12)
    )
    return ring(*((x / GRID, y / GRID) for x, y in corners))


@given(rectangles(), st.floats(0, 1), st.floats(0, 1))
def test_point_inside_a_rectangle_is_inside(box, fraction_x, fraction_y):
    west, south, east, north = box
    longitude = min(west + fraction_x * (east - west), east)
    latitude = min(south + fraction_y * (north - south), north)
    assert contains_point(polygon(rectangle(*box)), latitude, longitude) is True


@given(rings(), st.integers(-2 * GRID, 10 * GRID), st.integers(-2 * GRID, 10 * GRID))
def test_point_outside_the_bounding_box_is_never_inside(exterior, x, y):
    geometry = polygon(exterior)
    latitude, longitude = y / GRID, x / GRID
    if not bounding_box(geometry).contains(latitude, longitude):
        assert contains_point(geometry, latitude, longitude) is False


@given(rings(), st.integers(0, 8 * GRID), st.integers(0, 8 * GRID), offsets, offsets)
def test_translating_point_and_polygon_together_keeps_the_answer(exterior, x, y, dx, dy):
    moved = [[longitude + dx, latitude + dy] for longitude, latitude in exterior]
    before = contains_point(polygon(exterior), y / GRID, x / GRID)
    after = contains_point(polygon(moved), y / GRID + dy, x / GRID + dx)
    assert after == before


@given(rings(), st.integers(0, 8 * GRID), st.integers(0, 8 * GRID))
def test_reversing_a_ring_keeps_the_answer(exterior, x, y):
    forwards = contains_point(polygon(exterior), y / GRID, x / GRID)
    backwards = contains_point(polygon(list(reversed(exterior))), y / GRID, x / GRID)
    assert backwards == forwards


@given(rectangles(), st.integers(-2 * GRID, 2 * GRID), st.integers(-2 * GRID, 2 * GRID))
def test_multipolygon_contains_what_either_polygon_contains(box, x, y):
    west, south, east, north = box
    other = (east + 1, south, east + 2, north)
    latitude, longitude = south + y / GRID, west + x / GRID
    both = {"type": "MultiPolygon", "coordinates": [[rectangle(*box)], [rectangle(*other)]]}
    either = contains_point(polygon(rectangle(*box)), latitude, longitude) or contains_point(
        polygon(rectangle(*other)), latitude, longitude
    )
    assert contains_point(both, latitude, longitude) == either
