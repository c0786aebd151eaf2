"""Changes made in the Django admin reach the coördinators' trail: roles and rights as audit entries with
before and after, every save and delete through Django's own admin log (ondernemend/audit/admin_log.py)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from ondernemend.accounts.roles import Role
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def change_form(user, **fields) -> dict:
    """The admin's change form for `user` as the browser would post it, with `fields` changed."""
    data = {
        "email": user.email,
        "name": user.name,
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "is_superuser": "on" if user.is_superuser else "",
        "groups": [group.pk for group in user.groups.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    return {key: value for key, value in {**data, **fields}.items() if value not in ("", None)}


def test_admin_role_change_is_recorded_with_before_and_after(client):
    beheerder = SuperUserFactory()
    coach = UserFactory(coach=True)
    client.force_login(beheerder)
    coordinator_group = Group.objects.get(name=Role.COORDINATOR)
    coach_group = Group.objects.get(name=Role.COACH)

    response = client.post(
        reverse("admin:accounts_user_change", args=[coach.pk]),
        change_form(coach, groups=[coach_group.pk, coordinator_group.pk], is_staff="on"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="user.rights_changed")
    assert (entry.user, entry.role, entry.target_id, entry.changes) == (
        beheerder,
        "beheerder",
        str(coach.pk),
        {"is_staff": [False, True], "roles": [["coach"], ["coach", "coordinator"]]},
    )


def test_admin_save_without_a_change_of_rights_records_nothing(client):
    client.force_login(SuperUserFactory())
    coach = UserFactory(coach=True, name="Chris")

    response = client.post(
        reverse("admin:accounts_user_change", args=[coach.pk]), change_form(coach, name="Kris")
    )

    assert response.status_code == 302
    assert list(AuditEntry.objects.filter(action="user.rights_changed")) == []


def test_admin_changes_appear_in_the_trail_with_who_and_what_but_no_values(client):
    beheerder = SuperUserFactory(name="Bea Beheer")
    coach = UserFactory(coach=True, name="Chris")
    client.force_login(beheerder)
    client.post(
        reverse("admin:accounts_user_change", args=[coach.pk]), change_form(coach, name="Kris Geheim")
    )
    coordinator_client = (
        Client()
    )  # a browser of her own: the admin's success message stays with the beheerder
    coordinator_client.force_login(UserFactory(coordinator=True))

    response = coordinator_client.get(reverse("audit:trail"), {"person": beheerder.pk})

    rows = [
        (row.action, row.target, row.account, row.role, row.changes, row.reason)
        for row in response.context["rows"]
    ]
    # No values from the admin's form: no changes, no reason, the object by number only.
    assert rows == [
        ("Gewijzigd in het beheer", f"Gebruiker #{coach.pk}", "Bea Beheer", "Technisch beheerder", (), "")
    ]
