"""The overview's two pictures as pure layouts: the district map and the partnership network.

No database access: the view hands over rows it already counted, these functions only arrange them. Both
pictures count places (initiatives, contact points), never people, so they need no disclosure control; every
figure they show is also in a table next to them.
"""

import json
import math

from ondernemend.maps import base_map_settings

# The map shades a district in one of five steps: 0 is "none", 4 is "as many as the busiest district".
SHADES = 5

# Where a district's marker goes when its boundary has not been imported: a point well inside each stadsdeel,
# (latitude, longitude). A district that is not one of these gets no marker; the table still lists it.
CENTROIDS = {
    "centrum": (52.3731, 4.8926),
    "nieuw-west": (52.3630, 4.8010),
    "noord": (52.3990, 4.9300),
    "oost": (52.3560, 4.9440),
    "west": (52.3770, 4.8590),
    "weesp": (52.3090, 5.0420),
    "zuid": (52.3450, 4.8700),
    "zuidoost": (52.3100, 4.9720),
}

# The network picture, in SVG user units. Contact points sit on an inner circle, the initiatives that work
# with one on an outer ring, those that work with nobody yet in rows below the circle.
NETWORK_SIZE = 640
INNER_RADIUS = 140
OUTER_RADIUS = 270
INITIATIVE_RADIUS = 6
CONTACT_POINT_RADIUS = 9
UNLINKED_COLUMNS = 20
UNLINKED_SPACING = NETWORK_SIZE / UNLINKED_COLUMNS
UNLINKED_TOP = NETWORK_SIZE + 40  # leaves room for the row's heading


def shade(count: int, highest: int) -> int:
    """0 for no initiatives, else 1–4 in proportion to the busiest district (which gets 4)."""
    if count <= 0 or highest <= 0:
        return 0
    return min(SHADES - 1, max(1, math.ceil((SHADES - 1) * count / highest)))


def shade_legend(highest: int) -> list[dict]:
    """The counts each shade stands for (the inverse of `shade`); empty steps are left out."""
    legend = [{"shade": 0, "low": 0, "high": 0}]
    for step in range(1, SHADES):
        low = highest * (step - 1) // (SHADES - 1) + 1
        high = highest * step // (SHADES - 1)
        if low <= high:
            legend.append({"shade": step, "low": low, "high": high})
    return legend


def district_map(rows) -> dict:
    """The map partial's context from (district, number of initiatives) rows, in the order given."""
    highest = max((count for _district, count in rows), default=0)
    districts = []
    for district, count in rows:
        boundary = district.boundary or None
        centroid = None if boundary else CENTROIDS.get(district.slug)
        districts.append(
            {
                "pk": district.pk,
                "name": district.name,
                "slug": district.slug,
                "initiatives": count,
                "shade": shade(count, highest),
                "boundary": boundary,
                "centroid": list(centroid) if centroid else None,
            }
        )
    script_data = {
        **base_map_settings(),
        "districts": [
            {key: district[key] for key in ("name", "initiatives", "shade", "boundary", "centroid")}
            for district in districts
        ],
    }
    return {
        "districts": districts,
        "total": sum(district["initiatives"] for district in districts),
        "highest": highest,
        "legend": shade_legend(highest),
        "has_boundaries": any(district["boundary"] for district in districts),
        "json": json.dumps(script_data, separators=(",", ":")),
    }


def _on_circle(index: int, count: int, radius: float, centre: float) -> tuple[float, float]:
    """Position `index` of `count` evenly spread on a circle, the first at the top, going clockwise."""
    angle = 2 * math.pi * index / count - math.pi / 2
    return round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)


def _node(kind: str, row, x: float, y: float) -> dict:
    pk, name, district = row
    node = {"kind": kind, "pk": pk, "name": name, "district": district, "x": x, "y": y}
    if kind == "contact_point":
        # A diamond, like the contact points on the public map: told apart by shape, not only by colour.
        r = CONTACT_POINT_RADIUS
        node["points"] = (
            f"{x},{round(y - r, 1)} {round(x + r, 1)},{y} {x},{round(y + r, 1)} {round(x - r, 1)},{y}"
        )
    return node


def _sort_key(row):
    pk, name, district = row
    return (district or "", name.casefold(), pk)


def partnership_network(initiatives, contact_points, links) -> dict:
    """A deterministic SVG layout of who works with whom.

    initiatives and contact_points are (pk, name, district name) rows, links (initiative pk, contact point pk)
    pairs. Links to a place that is not in the rows are left out (it is in another district or unpublished).
    """
    centre = NETWORK_SIZE / 2
    contact_rows = sorted(contact_points, key=_sort_key)
    # A single contact point stands in the middle, with its partners around it.
    inner_radius = INNER_RADIUS if len(contact_rows) > 1 else 0
    contact_nodes = [
        _node("contact_point", row, *_on_circle(index, len(contact_rows), inner_radius, centre))
        for index, row in enumerate(contact_rows)
    ]
    contact_by_pk = {node["pk"]: node for node in contact_nodes}
    contact_order = {node["pk"]: index for index, node in enumerate(contact_nodes)}

    initiative_rows = {row[0]: row for row in initiatives}
    pairs = sorted(
        {(i, c) for i, c in links if i in initiative_rows and c in contact_by_pk},
        key=lambda pair: (contact_order[pair[1]], _sort_key(initiative_rows[pair[0]])),
    )
    partners_of = {}
    for initiative_pk, contact_pk in pairs:
        partners_of.setdefault(initiative_pk, []).append(contact_pk)

    # Each linked initiative stands next to its first partner: the ring follows the order of the inner circle,
    # so most lines stay short and a contact point's group is seen at a glance.
    linked_rows = sorted(
        (initiative_rows[pk] for pk in partners_of),
        key=lambda row: (contact_order[partners_of[row[0]][0]], _sort_key(row)),
    )
    linked_nodes = [
        _node("initiative", row, *_on_circle(index, len(linked_rows), OUTER_RADIUS, centre))
        for index, row in enumerate(linked_rows)
    ]
    initiative_by_pk = {node["pk"]: node for node in linked_nodes}

    unlinked_rows = sorted(
        (row for row in initiative_rows.values() if row[0] not in partners_of), key=_sort_key
    )
    unlinked_nodes = [
        _node(
            "initiative",
            row,
            round(UNLINKED_SPACING * (index % UNLINKED_COLUMNS + 0.5), 1),
            round(UNLINKED_TOP + UNLINKED_SPACING * (index // UNLINKED_COLUMNS + 0.5), 1),
        )
        for index, row in enumerate(unlinked_rows)
    ]
    height = NETWORK_SIZE
    if unlinked_nodes:
        height = UNLINKED_TOP + UNLINKED_SPACING * math.ceil(len(unlinked_nodes) / UNLINKED_COLUMNS)

    edges = [
        {
            "initiative": initiative_pk,
            "contact_point": contact_pk,
            "x1": initiative_by_pk[initiative_pk]["x"],
            "y1": initiative_by_pk[initiative_pk]["y"],
            "x2": contact_by_pk[contact_pk]["x"],
            "y2": contact_by_pk[contact_pk]["y"],
        }
        for initiative_pk, contact_pk in pairs
    ]
    partners = [
        {
            "contact_point": node,
            "initiatives": [initiative_by_pk[i] for i, c in pairs if c == node["pk"]],
        }
        for node in contact_nodes
    ]
    return {
        "width": NETWORK_SIZE,
        "height": round(height, 1),
        "viewbox": f"0 0 {NETWORK_SIZE} {round(height, 1)}",
        "initiative_radius": INITIATIVE_RADIUS,
        "contact_points": contact_nodes,
        "initiatives": linked_nodes,
        "unlinked": unlinked_nodes,
        "unlinked_heading_y": NETWORK_SIZE + 20,
        "nodes": contact_nodes + linked_nodes + unlinked_nodes,
        "edges": edges,
        "partners": partners,
        "initiative_count": len(initiative_rows),
        "contact_point_count": len(contact_nodes),
        "link_count": len(pairs),
    }
