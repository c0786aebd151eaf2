from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from initiatives.demo import contact_point_specs, initiative_specs, inside, seed_map
from initiatives.demo_words import DISTRICTS
from initiatives.models import ContactPoint, Initiative, Partnership
from ondernemend.districts.models import District

# Amsterdam's rough bounding box: (south, north), (west, east).
AMSTERDAM_LATITUDE = (52.27, 52.44)
AMSTERDAM_LONGITUDE = (4.72, 5.08)

pytestmark = pytest.mark.django_db


def map_counts():
    return {
        "initiatives": Initiative.objects.count(),
        "contact_points": ContactPoint.objects.count(),
        "partnerships": Partnership.objects.count(),
        "facet_links": sum(
            getattr(Initiative, field).through.objects.count()
            for field in ("offers", "audiences", "languages", "trust_signals")
        ),
        "editor_links": Initiative.editors.through.objects.count(),
    }


def test_seed_map_twice_creates_nothing_the_second_time():
    call_command("seed_demo", stdout=StringIO())
    first = map_counts()

    created = seed_map()

    assert map_counts() == first
    assert created == {"contact_points": 0, "initiatives": 0, "editors": 0, "partnerships": 0}


def test_seed_map_publishes_120_initiatives_in_all_eight_districts():
    seed_map()

    per_district = {
        district.slug: Initiative.objects.published().filter(district=district).count()
        for district in District.objects.all()
    }

    assert Initiative.objects.published().count() == 120
    assert len(per_district) == 8
    assert min(per_district.values()) >= 6


def names_in(district):
    return district.contactpoints.values_list("name", flat=True)


def test_seed_map_makes_a_werkplein_and_a_buurtteam_per_district():
    seed_map()

    names = {
        district.slug: sorted(
            name.split()[0] for name in district.contactpoints.values_list("name", flat=True)
        )
        for district in District.objects.all()
    }

    assert ContactPoint.objects.published().count() == 16
    assert names == {slug: ["Buurtteam", "Werkplein"] for slug in DISTRICTS}


def test_seed_map_puts_every_point_inside_amsterdam():
    seed_map()

    points = list(Initiative.objects.values_list("latitude", "longitude")) + list(
        ContactPoint.objects.values_list("latitude", "longitude")
    )

    outside = [
        (latitude, longitude)
        for latitude, longitude in points
        if not (
            AMSTERDAM_LATITUDE[0] <= latitude <= AMSTERDAM_LATITUDE[1]
            and AMSTERDAM_LONGITUDE[0] <= longitude <= AMSTERDAM_LONGITUDE[1]
        )
    ]
    assert len(points) == 136
    assert outside == []


def test_demo_places_lie_in_their_own_districts_area():
    places = initiative_specs(400) + contact_point_specs()

    misplaced = [
        place.slug
        for place in places
        if not inside(float(place.latitude), float(place.longitude), place.district.area)
    ]

    assert misplaced == []


def test_demo_postcodes_match_their_district():
    places = initiative_specs(400) + contact_point_specs()

    wrong = [
        (place.slug, place.postcode)
        for place in places
        if not place.district.postcodes[0] <= int(place.postcode[:4]) <= place.district.postcodes[1]
    ]

    assert wrong == []


def test_initiative_specs_are_the_same_whatever_the_count():
    assert [spec.slug for spec in initiative_specs(120)] == [
        spec.slug for spec in initiative_specs(300)[:120]
    ]


def test_seed_map_varies_kinds_facets_and_freshness():
    seed_map()
    year_ago = timezone.now() - timedelta(days=365)

    assert Initiative.objects.values("kind").distinct().count() == 6
    assert Initiative.objects.filter(verified_at__lt=year_ago).count() >= 5
    assert Initiative.objects.filter(verified_at__gte=year_ago).count() >= 90
    assert Initiative.languages.through.objects.values("facet").distinct().count() >= 10
    assert Initiative.offers.through.objects.values("facet").distinct().count() == 8
    assert Initiative.trust_signals.through.objects.values("facet").distinct().count() == 6
    assert Initiative.objects.filter(offers=None).count() == 0


def test_seed_demo_makes_the_demo_initiatiefnemer_editor_of_three_initiatives_one_outdated():
    call_command("seed_demo", stdout=StringIO())

    edited = Initiative.objects.filter(editors__email="initiatiefnemer@example.org")
    year_ago = timezone.now() - timedelta(days=365)

    assert edited.count() == 3
    assert edited.filter(verified_at__lt=year_ago).count() == 1
    assert Partnership.objects.count() == 16


def test_seed_demo_with_300_initiatives_shows_progress_and_uses_stable_slugs():
    output = StringIO()

    with translation.override("en"):
        call_command("seed_demo", initiatives=300, stdout=output)
    call_command("seed_demo", initiatives=300, stdout=StringIO())

    slugs = set(Initiative.objects.values_list("slug", flat=True))
    assert len(slugs) == 300
    assert {"demo-initiatief-00121", "demo-initiatief-00300"} <= slugs
    assert "demo-initiatief-00301" not in slugs
    assert "300 of 300 demo initiatives created" in output.getvalue()
