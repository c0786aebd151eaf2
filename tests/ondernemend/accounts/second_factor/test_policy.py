import pytest

from ondernemend.accounts.roles import Role
from ondernemend.accounts.second_factor.policy import may_skip_in_demo, requires_second_factor


@pytest.mark.parametrize("role", [Role.COACH, Role.JURYLID, Role.GEMEENTE, Role.COORDINATOR])
def test_requires_second_factor_for_every_staff_role(role):
    assert requires_second_factor(roles=[role], is_superuser=False, is_staff=False) is True


def test_requires_second_factor_for_the_beheerder_and_admin_access():
    assert requires_second_factor(roles=[], is_superuser=True, is_staff=True) is True
    assert requires_second_factor(roles=[], is_superuser=False, is_staff=True) is True


def test_requires_second_factor_not_for_an_initiative_lead_alone():
    assert requires_second_factor(roles=[Role.INITIATIEFNEMER], is_superuser=False, is_staff=False) is False
    assert requires_second_factor(roles=[], is_superuser=False, is_staff=False) is False


def test_requires_second_factor_for_an_initiative_lead_who_also_coaches():
    roles = [Role.INITIATIEFNEMER, Role.COACH]
    assert requires_second_factor(roles=roles, is_superuser=False, is_staff=False) is True


def test_may_skip_in_demo_only_with_debug_and_a_demo_address():
    assert may_skip_in_demo(email="coach@example.org", debug=True) is True
    assert may_skip_in_demo(email="Coach@Example.org ", debug=True) is True
    assert may_skip_in_demo(email="coach@example.org", debug=False) is False
    assert may_skip_in_demo(email="coach@amsterdam.nl", debug=True) is False
    assert may_skip_in_demo(email="coach@notexample.org", debug=True) is False
    assert may_skip_in_demo(email="coach@example.org.evil.nl", debug=True) is False
