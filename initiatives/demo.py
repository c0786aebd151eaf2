"""Demo content for the map: fictional initiatives, contact points and partnerships in all eight districts.

Every place is derived from its number with a random generator seeded by that number, so a run makes the same
places every time, and places that exist already (found by their stable slug) are skipped: running
`seed_demo` twice creates nothing new. Initiatives are written in batches with bulk inserts, so that
`seed_demo --initiatives 10000` (the benchmark's data) takes seconds, not minutes.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ondernemend.accounts.models import User
from ondernemend.districts.models import District
from ondernemend.languages import Language

from .demo_words import (
    CLOSING_SENTENCES,
    DISTRICT_CYCLE,
    DISTRICTS,
    KIND_SENTENCES,
    KIND_WEIGHTS,
    KIND_WORDS,
    NAME_WORDS,
    OFFER_SENTENCES,
    OPENING_HOURS,
    OTHER_LANGUAGES,
    POSTCODE_LETTERS,
    STREET_STEMS,
    STREET_TYPES,
    DemoDistrict,
)
from .enums import Audience, InitiativeKind, Offer, TrustSignal
from .models import ContactPoint, Facet, FacetKind, Initiative, Partnership

DEFAULT_INITIATIVES = 120
NAMED_INITIATIVES = 120  # the first 120 get a slug from their name; later ones "demo-initiatief-00121"
BATCH_SIZE = 1000
DEMO_EDITOR_EMAIL = "initiatiefnemer@example.org"
EDITED_BY_DEMO_USER = 3  # the first three initiatives


@dataclass
class DemoPlace:
    number: int
    name: str
    slug: str
    district: DemoDistrict
    street: str
    postcode: str
    latitude: Decimal
    longitude: Decimal
    opening_hours: str
    email: str
    phone: str
    website: str
    verified_days_ago: int


@dataclass
class DemoInitiative(DemoPlace):
    kind: str
    description: str
    facets: dict[str, list[tuple[str, str]]]  # M2M field name -> (facet kind, code) pairs


def seed_map(*, initiatives: int = DEFAULT_INITIATIVES, stdout=None) -> dict[str, int]:
    """Create the map's demo content that does not exist yet; returns how many of each were created."""
    now = timezone.now()
    districts = {district.slug: district for district in District.objects.all()}
    created = {"contact_points": _seed_contact_points(districts, now)}
    if stdout is not None and created["contact_points"]:
        stdout.write(_("%(count)s demo contact points created") % {"count": created["contact_points"]} + "\n")
    created["initiatives"] = _seed_initiatives(initiatives, districts, now, stdout)
    created["editors"] = _seed_demo_editor()
    created["partnerships"] = _seed_partnerships()
    return created


# --- Where: points inside a district's rough area, addresses with the district's postcodes ----------------


def inside(latitude: float, longitude: float, area: tuple[tuple[float, float], ...]) -> bool:
    """Whether the point lies inside the polygon `area` of (latitude, longitude) corners (ray casting)."""
    result = False
    for (lat1, lon1), (lat2, lon2) in zip(area, area[1:] + area[:1], strict=True):
        if (lon1 > longitude) != (lon2 > longitude):
            crossing = lat1 + (lat2 - lat1) * (longitude - lon1) / (lon2 - lon1)
            if latitude < crossing:
                result = not result
    return result


def point_in(area: tuple[tuple[float, float], ...], rng: random.Random) -> tuple[Decimal, Decimal]:
    latitudes, longitudes = [corner[0] for corner in area], [corner[1] for corner in area]
    while True:
        latitude = rng.uniform(min(latitudes), max(latitudes))
        longitude = rng.uniform(min(longitudes), max(longitudes))
        if inside(latitude, longitude, area):
            return Decimal(f"{latitude:.6f}"), Decimal(f"{longitude:.6f}")


def _address(district: DemoDistrict, rng: random.Random) -> tuple[str, str]:
    number = str(rng.randint(1, 240)) + rng.choice(["", "", "", "", "A", "-H", "-1"])
    street = f"{rng.choice(STREET_STEMS)}{rng.choice(STREET_TYPES)} {number}"
    letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
    postcode = f"{rng.randint(*district.postcodes)} {letters}"
    return street, postcode


def _place_fields(number: int, name: str, slug: str, district: DemoDistrict, rng: random.Random) -> dict:
    street, postcode = _address(district, rng)
    latitude, longitude = point_in(district.area, rng)
    stale = rng.random() < 0.15  # not checked for more than 12 months: the listing is flagged
    return {
        "number": number,
        "name": name,
        "slug": slug,
        "district": district,
        "street": street,
        "postcode": postcode,
        "latitude": latitude,
        "longitude": longitude,
        "opening_hours": rng.choice(OPENING_HOURS),
        "email": f"{slug[:40]}@example.org",
        # 020 000 …: a Dutch number that cannot be assigned, so nobody real is ever called.
        "phone": f"020 000 {rng.randint(1000, 9999)}" if rng.random() < 0.6 else "",
        "website": f"https://example.org/{slug}" if rng.random() < 0.5 else "",
        "verified_days_ago": rng.randint(380, 700) if stale else rng.randint(0, 300),
    }


def _place_row(place: DemoPlace, districts: dict[str, District], now: datetime) -> dict:
    verified_at = now - timedelta(days=place.verified_days_ago)
    return {
        "name": place.name,
        "slug": place.slug,
        "street": place.street,
        "postcode": place.postcode,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "district": districts[place.district.slug],
        "opening_hours": place.opening_hours,
        "email": place.email,
        "phone": place.phone,
        "website": place.website,
        "published": True,
        "verified_at": verified_at,
        "created_at": verified_at - timedelta(days=place.number % 90),
    }


# --- Initiatives ----------------------------------------------------------------------------------------


def initiative_specs(count: int) -> list[DemoInitiative]:
    """The first `count` demo initiatives; the first ones are the same whatever `count` is."""
    specs, used_slugs = [], set()
    for number in range(1, count + 1):
        spec = _initiative_spec(number)
        if number <= NAMED_INITIATIVES:
            slug = slugify(spec.name)
            if slug in used_slugs:
                slug = f"{slug}-{spec.district.slug}"
            if slug in used_slugs:
                slug = f"{slug}-{number}"
            spec.slug = slug
            used_slugs.add(slug)
        specs.append(spec)
    return specs


def _initiative_spec(number: int) -> DemoInitiative:
    rng = random.Random(f"demo-initiative-{number}")
    district = DISTRICTS[DISTRICT_CYCLE[(number - 1) % len(DISTRICT_CYCLE)]]
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    name = f"{rng.choice(KIND_WORDS[kind])} {rng.choice(NAME_WORDS)}"
    offers = rng.sample(list(Offer), rng.randint(1, 3))
    if rng.random() < 0.5:
        audiences = [Audience.IEDEREEN]
    else:
        audiences = rng.sample([Audience.BIJSTAND, Audience.UWV, Audience.GEEN_UITKERING], rng.randint(1, 2))
    languages = [Language.NL]
    if rng.random() < 0.4:
        languages.append(Language.EN)
    languages += rng.sample(OTHER_LANGUAGES, rng.choice([0, 0, 1, 1, 2]))
    trust_signals = rng.sample(list(TrustSignal), rng.randint(1, 4))
    implied = {
        InitiativeKind.BEWONERSINITIATIEF: TrustSignal.BEWONERS,
        InitiativeKind.BOOT: TrustSignal.GRATIS,
    }
    if kind in implied and implied[kind] not in trust_signals:
        trust_signals.append(implied[kind])  # the description says so
    description = " ".join(
        [KIND_SENTENCES[kind], *(OFFER_SENTENCES[offer] for offer in offers), rng.choice(CLOSING_SENTENCES)]
    )
    facets = {
        "offers": [(FacetKind.OFFER, offer) for offer in offers],
        "audiences": [(FacetKind.AUDIENCE, audience) for audience in audiences],
        "languages": [(FacetKind.LANGUAGE, language) for language in languages],
        "trust_signals": [(FacetKind.TRUST, signal) for signal in trust_signals],
    }
    slug = f"demo-initiatief-{number:05d}"
    spec = DemoInitiative(
        **_place_fields(number, name, slug, district, rng), kind=kind, description=description, facets=facets
    )
    if number == EDITED_BY_DEMO_USER:
        spec.verified_days_ago = 400  # so that the demo initiatiefnemer sees an outdated listing of their own
    return spec


def _seed_initiatives(count: int, districts: dict[str, District], now: datetime, stdout) -> int:
    specs = initiative_specs(count)
    existing = set()
    for start in range(0, len(specs), BATCH_SIZE):
        slugs = [spec.slug for spec in specs[start : start + BATCH_SIZE]]
        existing.update(Initiative.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    missing = [spec for spec in specs if spec.slug not in existing]
    facet_ids = {(facet.kind, facet.code): facet.pk for facet in Facet.objects.all()}
    for start in range(0, len(missing), BATCH_SIZE):
        _create_initiatives(missing[start : start + BATCH_SIZE], districts, facet_ids, now)
        if stdout is not None:
            done = min(start + BATCH_SIZE, len(missing))
            message = _("%(done)s of %(total)s demo initiatives created") % {
                "done": number_format(done, force_grouping=True),
                "total": number_format(len(missing), force_grouping=True),
            }
            stdout.write(f"{message}\n")
    return len(missing)


@transaction.atomic
def _create_initiatives(specs, districts, facet_ids, now) -> None:
    Initiative.objects.bulk_create(
        Initiative(**_place_row(spec, districts, now), kind=spec.kind, description=spec.description)
        for spec in specs
    )
    # Looked up rather than taken from bulk_create: not every database returns the new primary keys.
    ids = dict(Initiative.objects.filter(slug__in=[spec.slug for spec in specs]).values_list("slug", "pk"))
    for field in ("offers", "audiences", "languages", "trust_signals"):
        through = getattr(Initiative, field).through
        through.objects.bulk_create(
            through(initiative_id=ids[spec.slug], facet_id=facet_ids[facet])
            for spec in specs
            for facet in spec.facets[field]
        )


def _seed_demo_editor() -> int:
    """The demo initiatiefnemer edits the first few initiatives (when seed_users made that account)."""
    editor = User.objects.filter(email=DEMO_EDITOR_EMAIL).first()
    if editor is None:
        return 0
    slugs = [spec.slug for spec in initiative_specs(EDITED_BY_DEMO_USER)]
    through = Initiative.editors.through
    not_yet = Initiative.objects.filter(slug__in=slugs).exclude(editors=editor)
    rows = [through(initiative_id=pk, user_id=editor.pk) for pk in not_yet.values_list("pk", flat=True)]
    through.objects.bulk_create(rows)
    return len(rows)


# --- Contact points and partnerships --------------------------------------------------------------------

WERKPLEIN_QUESTIONS = (
    "Vragen over werk, je uitkering en een eigen bedrijf beginnen. Je klantmanager kijkt met je mee: "
    "wat mag wel en wat mag niet als je een uitkering hebt? Kom langs of maak een afspraak."
)
BUURTTEAM_QUESTIONS = (
    "Vragen over geld, schulden, brieven en formulieren, zorg of je huis. Heb je een idee voor iets eigens? "
    "We zoeken samen met je uit waar je in de buurt terechtkunt."
)


def contact_point_specs() -> list[DemoPlace]:
    """Two fictional municipal contact points per district: a Werkplein and a Buurtteam."""
    specs = []
    for district in DISTRICTS.values():
        werkplein, buurtteam = district.contact_point_places
        for prefix, place in (("Werkplein", werkplein), ("Buurtteam", buurtteam)):
            name = f"{prefix} {place}"
            rng = random.Random(f"demo-contact-point-{name}")
            specs.append(DemoPlace(**_place_fields(0, name, slugify(name), district, rng)))
    return specs


def _seed_contact_points(districts: dict[str, District], now: datetime) -> int:
    specs = contact_point_specs()
    existing = set(
        ContactPoint.objects.filter(slug__in=[spec.slug for spec in specs]).values_list("slug", flat=True)
    )
    missing = [spec for spec in specs if spec.slug not in existing]
    ContactPoint.objects.bulk_create(
        ContactPoint(
            **_place_row(spec, districts, now),
            what_to_ask=WERKPLEIN_QUESTIONS if spec.name.startswith("Werkplein") else BUURTTEAM_QUESTIONS,
        )
        for spec in missing
    )
    return len(missing)


def _seed_partnerships() -> int:
    """In each district the first demo initiative works with the Buurtteam, the second with the Werkplein."""
    first_per_district: dict[str, list[str]] = {}
    for spec in initiative_specs(min(NAMED_INITIATIVES, DEFAULT_INITIATIVES)):
        first_per_district.setdefault(spec.district.slug, []).append(spec.slug)
    pairs = []
    for spec in contact_point_specs():
        slugs = first_per_district.get(spec.district.slug, [])
        position = 0 if spec.name.startswith("Buurtteam") else 1
        if position < len(slugs):
            pairs.append((slugs[position], spec.slug))
    initiative_ids = dict(
        Initiative.objects.filter(slug__in=[pair[0] for pair in pairs]).values_list("slug", "pk")
    )
    point_ids = dict(
        ContactPoint.objects.filter(slug__in=[pair[1] for pair in pairs]).values_list("slug", "pk")
    )
    wanted = {
        (initiative_ids[initiative], point_ids[point])
        for initiative, point in pairs
        if initiative in initiative_ids and point in point_ids
    }
    existing = set(Partnership.objects.values_list("initiative_id", "contact_point_id"))
    rows = [
        Partnership(initiative_id=initiative, contact_point_id=point, note="Samen spreekuur in de buurt.")
        for initiative, point in sorted(wanted - existing)
    ]
    Partnership.objects.bulk_create(rows)
    return len(rows)
