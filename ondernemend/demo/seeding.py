"""Demo content for trying the platform. Every function is idempotent: run it twice, get the same data."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext as _

from challenge.demo import seed_challenges
from initiatives.demo import DEFAULT_INITIATIVES, seed_map
from ondernemend.accounts.models import Invitation, User
from ondernemend.accounts.roles import Role
from ondernemend.accounts.tokens import hash_token, new_invitation_token
from workshops.demo import seed_workshops

DEMO_PASSWORD = "demo-wachtwoord"  # demo data only; never loaded in production (see README)

DEMO_USERS = [
    (Role.INITIATIEFNEMER, "initiatiefnemer@example.org", "Ilse Initiatief"),
    (Role.COACH, "coach@example.org", "Chris Coach"),
    (Role.JURYLID, "jurylid@example.org", "Jamal Jurylid"),
    (Role.GEMEENTE, "gemeente@example.org", "Gert Gemeente"),
    (Role.COORDINATOR, "coordinator@example.org", "Carla Coördinator"),
]
DEMO_INVITATION = ("nieuwe.coach@example.org", Role.COACH, "coordinator@example.org")


def seed_users():
    """One user per role plus a superuser (beheerder). Returns (role label, e-mail, password) rows."""
    rows = []
    for role, email, name in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
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


def seed_invitations():
    """One invitation from the demo coordinator, so that the invitation list shows a row.

    Its token is random and thrown away: nobody can accept it. To try the link, invite someone as the demo
    coordinator; with DEBUG on the e-mail with the link appears in the server's console.
    """
    email, role, inviter_email = DEMO_INVITATION
    if Invitation.objects.filter(email=email, role=role).exists():
        return
    now = timezone.now()
    Invitation.objects.create(
        email=email,
        role=role,
        token_hash=hash_token(new_invitation_token()),
        invited_by=User.objects.get(email=inviter_email),
        created_at=now,
        sent_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )


def seed_content(*, initiatives: int = DEFAULT_INITIATIVES, stdout=None) -> dict[str, int]:
    """Each app's demo content, after the users (the demo initiatiefnemer becomes an editor).

    Returns how many of each thing were created; a second run creates nothing.
    """
    created = seed_map(initiatives=initiatives, stdout=stdout)
    created.update(seed_workshops(stdout=stdout))
    created.update(seed_challenges(stdout=stdout))
    return created
