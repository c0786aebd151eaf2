"""Who may do what with accounts and invitations. Role checks read `User.roles`, cached per user object."""

import rules

from .roles import Role


def _is_active_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _role_predicate(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"is_{role.value}")
    def has_role(user):
        return _is_active_user(user) and user.has_role(role)

    return has_role


is_initiatiefnemer = _role_predicate(Role.INITIATIEFNEMER)
is_coach = _role_predicate(Role.COACH)
is_jurylid = _role_predicate(Role.JURYLID)
is_gemeente = _role_predicate(Role.GEMEENTE)
is_coordinator = _role_predicate(Role.COORDINATOR)


@rules.predicate
def is_beheerder(user):
    """The technical admin is the Django superuser, not a group."""
    return _is_active_user(user) and user.is_superuser


can_manage_invitations = is_coordinator | is_beheerder

rules.add_perm("accounts.view_dashboard", rules.is_authenticated)
rules.add_perm("accounts.log_out_everywhere", rules.is_authenticated)
rules.add_perm("accounts.invite_user", can_manage_invitations)
rules.add_perm("accounts.view_invitations", can_manage_invitations)
# Any invitation: the service decides what revoking means for one that is no longer open.
rules.add_perm("accounts.revoke_invitation", can_manage_invitations)

# The second factor's permissions live next to its views; importing them here registers them with the rest.
from .second_factor import rules as second_factor_rules  # noqa: E402, F401
