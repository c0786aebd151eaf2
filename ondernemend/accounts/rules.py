"""Who may do what with accounts and invitations. Role checks read `User.roles`, cached per user object."""

import rules

from .roles import Role


def _has_role(user, role: Role) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_role(role))


@rules.predicate
def is_initiatiefnemer(user):
    return _has_role(user, Role.INITIATIEFNEMER)


@rules.predicate
def is_coach(user):
    return _has_role(user, Role.COACH)


@rules.predicate
def is_jurylid(user):
    return _has_role(user, Role.JURYLID)


@rules.predicate
def is_gemeente(user):
    return _has_role(user, Role.GEMEENTE)


@rules.predicate
def is_coordinator(user):
    return _has_role(user, Role.COORDINATOR)


@rules.predicate
def is_beheerder(user):
    """The technical admin is the Django superuser, not a group."""
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


can_manage_invitations = is_coordinator | is_beheerder

rules.add_perm("accounts.view_dashboard", rules.is_authenticated)
rules.add_perm("accounts.invite_user", can_manage_invitations)
rules.add_perm("accounts.view_invitations", can_manage_invitations)
# Any invitation: the service decides what revoking means for one that is no longer open.
rules.add_perm("accounts.revoke_invitation", can_manage_invitations)
