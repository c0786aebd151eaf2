"""Demo content for trying the platform. Every function is idempotent: run it twice, get the same data."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from ondernemend.accounts.models import User
from ondernemend.accounts.roles import Role

DEMO_PASSWORD = "demo-wachtwoord"  # demo data only; never loaded in production (see README)

DEMO_USERS = [
    (Role.INITIATIEFNEMER, "initiatiefnemer@example.org", "Ilse Initiatief"),
    (Role.COACH, "coach@example.org", "Chris Coach"),
    (Role.JURYLID, "jurylid@example.org", "Jamal Jurylid"),
    (Role.GEMEENTE, "gemeente@example.org", "Gert Gemeente"),
    (Role.COORDINATOR, "coordinator@example.org", "Carla Coördinator"),
]


def seed_users():
    """One user per role plus a superuser (beheerder). Returns (role label, e-mail, password) rows."""
    rows = []
    for role, email, name in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=role.value))
        rows.append((str(role.label), email, DEMO_PASSWORD))
    admin, created = User.objects.get_or_create(
        email="beheerder@example.org",
        defaults={"name": "Bea Beheerder", "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    rows.append((_("Administrator"), admin.email, DEMO_PASSWORD))
    return rows
