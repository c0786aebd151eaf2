"""Every change a person makes to the map leaves one audit entry: who, in which role, what changed."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from initiatives import services
from initiatives.csv_format import COLUMNS, csv_line, header_line
from initiatives.models import Initiative
from initiatives.transfer import apply_import
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory
from tests.factories.districts import DistrictFactory
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def entries_about(target) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
        ).order_by("pk")
    )


def test_saving_an_initiative_records_only_the_fields_that_changed():
    editor = UserFactory(initiatiefnemer=True)
    saved = InitiativeFactory(editors=[editor], name="Buurtkamer", opening_hours="ma 10–12")
    initiative = Initiative.objects.get(pk=saved.pk)  # as the edit form gets it
    initiative.name = "Buurtkamer Oost"

    services.save_initiative(initiative, facets={}, by=editor)

    [entry] = entries_about(initiative)
    assert (entry.action, entry.user, entry.role) == ("initiative.updated", editor, "initiatiefnemer")
    assert entry.changes == {"name": ["Buurtkamer", "Buurtkamer Oost"]}


def test_a_new_contact_point_is_recorded_with_its_values():
    coordinator = UserFactory(coordinator=True)
    district = DistrictFactory()
    contact_point = ContactPointFactory.build(
        name="Loket Noord", district=district, slug="", latitude=Decimal("52.39"), longitude=Decimal("4.92")
    )

    services.save_contact_point(contact_point, by=coordinator)

    [entry] = entries_about(contact_point)
    assert entry.action == "contactpoint.created"
    assert entry.changes["name"] == "Loket Noord"


def test_publishing_and_checking_are_recorded():
    coordinator = UserFactory(coordinator=True)
    initiative = InitiativeFactory(published=False)

    services.set_published(initiative, published=True, by=coordinator)
    services.verify_place(initiative, by=coordinator)

    assert [(entry.action, entry.changes) for entry in entries_about(initiative)] == [
        ("initiative.published", {"published": [False, True]}),
        ("initiative.verified", {}),
    ]


def test_an_import_is_one_entry_with_its_counts():
    coordinator = UserFactory(coordinator=True)
    row = {
        "slug": "",
        "name": "Reparatiecafé Oost",
        "kind": "bewonersinitiatief",
        "description": "Samen spullen repareren.",
        "offers": "workshop",
        "for_whom": "iedereen",
        "languages": "nl",
        "trust_signals": "gratis",
        "street": "Dapperstraat 12",
        "postcode": "1093 BS",
        "city": "Amsterdam",
        "latitude": "52.3620",
        "longitude": "4.9290",
        "district": "oost",
        "opening_hours": "",
        "email": "",
        "phone": "",
        "website": "",
        "published": "ja",
        "verified_at": "",
    }

    apply_import(header_line() + csv_line([row[column] for column in COLUMNS]), by=coordinator)

    [entry] = entries_about(ContentType.objects.get_for_model(Initiative))
    assert (entry.action, entry.user) == ("initiative.imported", coordinator)
    assert entry.changes == {"create": 1, "update": 0, "unchanged": 0}
