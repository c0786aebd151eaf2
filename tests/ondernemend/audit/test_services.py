"""The audit log: who changed what, in which role, and never a participant's personal values."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from ondernemend.audit import masking
from ondernemend.audit.models import AuditEntry
from ondernemend.audit.services import PARTICIPANT, changed_fields, record_change, snapshot
from ondernemend.districts.models import District
from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.districts import DistrictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def personal_registry(monkeypatch):
    """A registry of personal apps of this test's own, so registering in a test changes nothing else."""
    monkeypatch.setattr(masking, "_personal_apps", {})
    return masking


def test_record_change_stores_who_what_and_the_changes():
    coordinator = UserFactory(coordinator=True)
    district = DistrictFactory(name="Noord")

    entry = record_change(
        by=coordinator, action="district.renamed", target=district, changes={"name": ["Nord", "Noord"]}
    )

    entry.refresh_from_db()
    assert entry.user == coordinator
    assert entry.role == "coordinator"
    assert entry.action == "district.renamed"
    assert entry.target_type == ContentType.objects.get_for_model(District)
    assert entry.target_id == str(district.pk)
    assert entry.changes == {"name": ["Nord", "Noord"]}
    assert entry.at is not None


def test_the_role_of_a_superuser_is_beheerder_and_an_explicit_role_wins():
    district = DistrictFactory()

    assert (
        record_change(by=SuperUserFactory(), action="district.updated", target=district).role == "beheerder"
    )
    assert (
        record_change(
            by=UserFactory(coach=True), action="district.updated", target=district, role="jurylid"
        ).role
        == "jurylid"
    )


def test_without_a_user_the_entry_is_the_systems_or_the_participants():
    district = DistrictFactory()

    system = record_change(by=None, action="district.imported", target=district)
    participant = record_change(by=None, action="district.updated", target=district, role=PARTICIPANT)

    assert (system.user, system.role) == (None, "system")
    assert (participant.user, participant.role) == (None, "participant")
    assert system.changes == {}


def test_deleting_the_user_keeps_the_entry_and_its_role():
    coordinator = UserFactory(coordinator=True)
    entry = record_change(by=coordinator, action="district.updated", target=DistrictFactory())

    coordinator.delete()

    entry.refresh_from_db()
    assert entry.user is None
    assert entry.role == "coordinator"


def test_the_entry_outlives_its_target():
    district = DistrictFactory(name="Tijdelijk")
    entry = record_change(by=None, action="district.deleted", target=district)
    target_id = str(district.pk)

    district.delete()

    assert AuditEntry.objects.get(pk=entry.pk).target_id == target_id


def test_a_personal_target_keeps_only_the_names_of_the_changed_fields(personal_registry):
    personal_registry.register_personal_app("districts")
    district = DistrictFactory()

    entry = record_change(
        by=UserFactory(coach=True),
        action="district.updated",
        target=district,
        changes={"name": ["Anna de Vries", "Anna Jansen"], "boundary": [None, {"type": "Polygon"}]},
    )

    entry.refresh_from_db()
    assert entry.changes == {"boundary": None, "name": None}
    assert "Anna" not in str(AuditEntry.objects.filter(pk=entry.pk).values().get())


def test_models_excepted_from_a_personal_app_keep_their_values(personal_registry):
    personal_registry.register_personal_app("districts", except_models=["District"])

    entry = record_change(
        by=None, action="district.renamed", target=DistrictFactory(), changes={"name": [1, 2]}
    )

    assert entry.changes == {"name": [1, 2]}
    assert not masking.is_personal(District)


def test_other_apps_are_not_masked(personal_registry):
    personal_registry.register_personal_app("workshops")

    assert not masking.is_personal(DistrictFactory())


@pytest.mark.parametrize("action", ["updated", "District.updated", "district updated", "district.", ""])
def test_an_action_is_a_dotted_lower_case_slug(action):
    with pytest.raises(ValueError, match="slug"):
        record_change(by=None, action=action, target=DistrictFactory())


def test_an_unsaved_target_is_refused():
    with pytest.raises(ValueError, match="saved target"):
        record_change(by=None, action="district.created", target=District(name="Nieuw"))


def test_changed_fields_lists_only_what_differs_in_json_ready_form():
    coordinator = UserFactory()
    before = {"name": "Oost", "since": date(2026, 1, 1), "amount": Decimal("1.50"), "owner": None}
    after = {"name": "Oost", "since": date(2026, 2, 1), "amount": Decimal("1.50"), "owner": coordinator}

    assert changed_fields(before, after, ["name", "since", "amount", "owner"]) == {
        "since": ["2026-01-01", "2026-02-01"],
        "owner": [None, coordinator.pk],
    }


def test_changed_fields_compares_a_snapshot_with_the_saved_instance():
    district = DistrictFactory(name="Zuid")
    before = snapshot(district, ["name", "slug"])

    district.name = "Zuid-Oost"
    district.save()

    assert changed_fields(before, district, ["name", "slug"]) == {"name": ["Zuid", "Zuid-Oost"]}
