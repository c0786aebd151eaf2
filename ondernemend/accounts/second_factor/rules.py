"""Who may manage which second factor. Imported by ondernemend/accounts/rules.py, so that it is registered."""

import rules

from ..rules import is_beheerder, is_coordinator
from .policy import needs_second_factor


@rules.predicate
def has_second_factor_duty(user):
    return bool(user and user.is_active) and needs_second_factor(user)


@rules.predicate
def target_may_be_reset_by(user, target):
    """Only an account that uses a second factor; a coordinator never resets the beheerder's."""
    if target is None or not needs_second_factor(target):
        return False
    return user.is_superuser or not target.is_superuser


can_see_people = is_coordinator | is_beheerder

rules.add_perm("accounts.manage_own_second_factor", has_second_factor_duty)
rules.add_perm("accounts.view_second_factor_people", can_see_people)
rules.add_perm("accounts.reset_second_factor", can_see_people & target_may_be_reset_by)
