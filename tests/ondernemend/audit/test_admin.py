import pytest
from django.urls import reverse

from ondernemend.accounts.models import User
from ondernemend.audit.services import record_change
from tests.factories.districts import DistrictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser(email="beheer@example.org", password="x" * 20))
    return client


def test_the_admin_lists_entries_but_cannot_add_change_or_delete_them(superuser_client):
    entry = record_change(by=None, action="district.updated", target=DistrictFactory())

    listing = superuser_client.get(reverse("admin:audit_auditentry_changelist"))
    detail = superuser_client.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    add = superuser_client.get(reverse("admin:audit_auditentry_add"))
    delete = superuser_client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"})

    assert (listing.status_code, detail.status_code) == (200, 200)
    assert "district.updated" in listing.content.decode()
    assert (add.status_code, delete.status_code) == (403, 403)
    entry.refresh_from_db()


def test_the_admin_refuses_a_change_to_an_entry(superuser_client):
    entry = record_change(
        by=None, action="district.updated", target=DistrictFactory(), changes={"name": [1, 2]}
    )

    response = superuser_client.post(
        reverse("admin:audit_auditentry_change", args=[entry.pk]),
        {"action": "district.deleted", "changes": "{}"},
    )

    entry.refresh_from_db()
    assert (response.status_code, entry.action, entry.changes) == (403, "district.updated", {"name": [1, 2]})
