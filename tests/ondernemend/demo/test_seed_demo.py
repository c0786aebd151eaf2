from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import translation

from initiatives.models import ContactPoint, Initiative
from ondernemend.accounts.models import Invitation, User
from ondernemend.accounts.roles import Role
from ondernemend.demo.seeding import DEMO_PASSWORD
from workshops.models import Participant, Series

pytestmark = pytest.mark.django_db


def seed() -> str:
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


def counts():
    return {
        "users": User.objects.count(),
        "superusers": User.objects.filter(is_superuser=True).count(),
        "memberships": User.groups.through.objects.count(),
        "groups": Group.objects.count(),
        "invitations": Invitation.objects.count(),
        "initiatives": Initiative.objects.count(),
        "contact_points": ContactPoint.objects.count(),
        "workshop_series": Series.objects.count(),
        "participants": Participant.objects.count(),
    }


def test_seed_demo_twice_gives_the_same_data():
    seed()
    first = counts()

    seed()

    assert counts() == first
    assert first == {
        "users": 6,
        "superusers": 1,
        "memberships": 5,
        "groups": 5,
        "invitations": 1,
        "initiatives": 120,
        "contact_points": 16,
        "workshop_series": 4,
        "participants": 44,
    }


def test_seed_demo_makes_one_user_per_role():
    seed()

    per_role = {role: User.objects.filter(groups__name=role.value).count() for role in Role}

    assert per_role == dict.fromkeys(Role, 1)
    assert User.objects.get(is_superuser=True).roles == []


def test_seed_demo_users_can_log_in_with_the_demo_password():
    seed()

    assert [user.check_password(DEMO_PASSWORD) for user in User.objects.all()] == [True] * 6


def test_seed_demo_prints_passwords_only_with_debug(settings):
    settings.DEBUG = False
    quiet = seed()
    settings.DEBUG = True
    loud = seed()

    assert DEMO_PASSWORD not in quiet
    assert loud.count(DEMO_PASSWORD) == 6


def test_seed_demo_second_run_prints_no_progress():
    with translation.override("en"):
        first = seed()
        second = seed()

    assert "120 of 120 demo initiatives created" in first
    assert "demo initiatives created" not in second
    assert "contact points created" not in second


def test_seed_demo_initiatives_option_sets_the_number_of_initiatives():
    output = StringIO()

    with translation.override("en"):
        call_command("seed_demo", initiatives=30, stdout=output)

    assert Initiative.objects.count() == 30
    assert "30 of 30 demo initiatives created" in output.getvalue()


def test_seed_demo_refuses_a_negative_number_of_initiatives():
    with pytest.raises(CommandError):
        call_command("seed_demo", initiatives=-1, stdout=StringIO())

    assert Initiative.objects.count() == 0
