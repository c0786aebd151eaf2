"""The overview's pictures: the shading of the district map and the layout of the partnership network."""

import json
import math

import pytest
from django.template.loader import get_template
from django.utils import translation

from ondernemend.districts.models import District
from ondernemend.overview import visuals

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.88, 52.36], [4.90, 52.36], [4.90, 52.38], [4.88, 52.38], [4.88, 52.36]]],
}


def district(pk, name, slug, boundary=None):
    return District(pk=pk, name=name, slug=slug, boundary=boundary)  # never saved: the module is pure


def inside(node, layout, margin):
    return (
        margin <= node["x"] <= layout["width"] - margin and margin <= node["y"] <= layout["height"] - margin
    )


@pytest.mark.parametrize(
    ("count", "highest", "expected"),
    [
        (0, 10, 0),
        (1, 10, 1),
        (2, 10, 1),
        (3, 10, 2),
        (5, 10, 2),
        (6, 10, 3),
        (8, 10, 4),
        (10, 10, 4),
        (0, 0, 0),
    ],
)
def test_shade_steps_with_the_count(count, highest, expected):
    assert visuals.shade(count, highest) == expected


def test_shade_legend_covers_every_count_with_its_shade():
    for highest in range(0, 40):
        legend = visuals.shade_legend(highest)
        for count in range(0, highest + 1):
            steps = [step for step in legend if step["low"] <= count <= step["high"]]
            assert [step["shade"] for step in steps] == [visuals.shade(count, highest)]


def test_district_map_shades_by_count_and_keeps_the_order():
    rows = [
        (district(1, "Centrum", "centrum"), 8),
        (district(2, "Noord", "noord"), 0),
        (district(3, "Oost", "oost"), 3),
    ]

    result = visuals.district_map(rows)

    assert [(d["name"], d["initiatives"], d["shade"]) for d in result["districts"]] == [
        ("Centrum", 8, 4),
        ("Noord", 0, 0),
        ("Oost", 3, 2),
    ]
    assert result["total"] == 11
    assert result["has_boundaries"] is False


def test_district_map_uses_the_boundary_when_imported_and_a_marker_otherwise():
    rows = [(district(1, "Centrum", "centrum", boundary=SQUARE), 2), (district(2, "Zuid", "zuid"), 1)]

    result = visuals.district_map(rows)

    centrum, zuid = result["districts"]
    assert (centrum["boundary"], centrum["centroid"]) == (SQUARE, None)
    assert zuid["boundary"] is None
    assert zuid["centroid"] == list(visuals.CENTROIDS["zuid"])
    assert result["has_boundaries"] is True


def test_district_map_gives_every_stadsdeel_a_marker_in_amsterdam():
    for latitude, longitude in visuals.CENTROIDS.values():
        assert 52.27 < latitude < 52.43
        assert 4.75 < longitude < 5.08
    assert len(visuals.CENTROIDS) == 8


def test_district_map_script_data_holds_the_same_figures():
    rows = [(district(1, "Centrum", "centrum", boundary=SQUARE), 4), (district(9, "Elders", "elders"), 1)]

    data = json.loads(visuals.district_map(rows)["json"])

    assert data["districts"] == [
        {"name": "Centrum", "initiatives": 4, "shade": 4, "boundary": SQUARE, "centroid": None},
        {"name": "Elders", "initiatives": 1, "shade": 1, "boundary": None, "centroid": None},
    ]
    assert {"tileUrl", "attribution", "center", "zoom", "minZoom", "maxZoom"} <= set(data)


def test_district_map_without_districts_is_empty():
    result = visuals.district_map([])

    assert (result["districts"], result["total"], result["highest"]) == ([], 0, 0)


INITIATIVES = [
    (1, "Buurtkeuken", "Oost"),
    (2, "Fietsatelier", "Oost"),
    (3, "Naaicafé", "West"),
    (4, "Repair café", "West"),
    (5, "Taalhuis", "Noord"),
]
CONTACT_POINTS = [(10, "Loket Oost", "Oost"), (11, "Loket West", "West")]
LINKS = [(1, 10), (2, 10), (2, 11), (3, 11)]


def test_network_layout_is_deterministic_whatever_the_input_order():
    first = visuals.partnership_network(INITIATIVES, CONTACT_POINTS, LINKS)
    second = visuals.partnership_network(INITIATIVES[::-1], CONTACT_POINTS[::-1], LINKS[::-1])

    assert first == second


def test_network_edges_join_the_right_nodes():
    layout = visuals.partnership_network(INITIATIVES, CONTACT_POINTS, LINKS)

    position = {(node["kind"], node["pk"]): (node["x"], node["y"]) for node in layout["nodes"]}
    assert sorted((edge["initiative"], edge["contact_point"]) for edge in layout["edges"]) == sorted(LINKS)
    for edge in layout["edges"]:
        assert (edge["x1"], edge["y1"]) == position[("initiative", edge["initiative"])]
        assert (edge["x2"], edge["y2"]) == position[("contact_point", edge["contact_point"])]
    assert layout["link_count"] == 4


def test_network_lists_the_initiatives_that_work_with_nobody():
    layout = visuals.partnership_network(INITIATIVES, CONTACT_POINTS, LINKS)

    assert [node["name"] for node in layout["unlinked"]] == [
        "Taalhuis",
        "Repair café",
    ]  # by district, then name
    assert [node["pk"] for node in layout["initiatives"]] == [1, 2, 3]


def test_network_partners_table_lists_who_works_with_whom():
    layout = visuals.partnership_network(INITIATIVES, CONTACT_POINTS, LINKS)

    assert [
        (partner["contact_point"]["name"], [node["name"] for node in partner["initiatives"]])
        for partner in layout["partners"]
    ] == [("Loket Oost", ["Buurtkeuken", "Fietsatelier"]), ("Loket West", ["Fietsatelier", "Naaicafé"])]


def test_network_leaves_out_links_to_places_not_shown():
    layout = visuals.partnership_network(INITIATIVES, CONTACT_POINTS, [(1, 10), (1, 99), (77, 10), (1, 10)])

    assert [(edge["initiative"], edge["contact_point"]) for edge in layout["edges"]] == [(1, 10)]


@pytest.mark.parametrize(
    ("initiatives", "contact_points", "unlinked"), [(1, 1, 0), (3, 1, 1), (60, 7, 45), (0, 0, 0)]
)
def test_network_nodes_stay_inside_the_view_box(initiatives, contact_points, unlinked):
    initiative_rows = [(pk, f"Initiatief {pk}", "Oost") for pk in range(1, initiatives + 1)]
    contact_rows = [(100 + pk, f"Loket {pk}", "Oost") for pk in range(contact_points)]
    links = [(pk, 100 + pk % contact_points) for pk in range(1, initiatives + 1 - unlinked)]

    layout = visuals.partnership_network(initiative_rows, contact_rows, links)

    assert len(layout["unlinked"]) == unlinked
    assert len(layout["nodes"]) == initiatives + contact_points
    assert layout["viewbox"] == f"0 0 {layout['width']} {layout['height']}"
    for node in layout["nodes"]:
        assert inside(node, layout, visuals.CONTACT_POINT_RADIUS)
    assert len({(node["x"], node["y"]) for node in layout["nodes"]}) == len(layout["nodes"])  # no two overlap


def test_network_puts_a_single_contact_point_in_the_middle():
    layout = visuals.partnership_network(INITIATIVES[:2], CONTACT_POINTS[:1], [(1, 10), (2, 10)])

    (node,) = layout["contact_points"]
    assert (node["x"], node["y"]) == (layout["width"] / 2, layout["width"] / 2)
    for initiative in layout["initiatives"]:
        distance = math.dist((initiative["x"], initiative["y"]), (node["x"], node["y"]))
        assert distance == pytest.approx(visuals.OUTER_RADIUS, abs=0.1)


def test_network_partial_renders_plain_svg_numbers_in_dutch():
    layout = visuals.partnership_network(INITIATIVES, CONTACT_POINTS, LINKS)

    with translation.override("nl"):
        html = get_template("overview/visuals.html#network").render({"network": layout})

    assert 'role="img"' in html
    assert f'viewBox="{layout["viewbox"]}"' in html
    edge = layout["edges"][0]
    assert f'x1="{edge["x1"]}" y1="{edge["y1"]}"' in html  # a decimal point, not a localised comma
    assert "Taalhuis (Noord)" in html


def test_district_map_partial_renders_the_table_and_the_data():
    rows = [(district(1, "Centrum", "centrum"), 8), (district(2, "Noord", "noord"), 0)]
    context = visuals.district_map(rows)

    html = get_template("overview/visuals.html#district_map").render({"district_map": context})

    assert '<span class="op-overview-swatch op-overview-shade-4" aria-hidden="true"></span>Centrum' in html
    assert '<span class="op-overview-swatch op-overview-shade-0" aria-hidden="true"></span>Noord' in html
    assert 'data-map="{&quot;tileUrl&quot;' in html
