"""Who needs a second factor, and who may skip it in the demo. Pure rules: no database, no request."""

from collections.abc import Iterable

from ..roles import Role

# Every role that sees more than its own initiative: participants, proposals, network figures, people.
STAFF_ROLES = frozenset({Role.COACH, Role.JURYLID, Role.GEMEENTE, Role.COORDINATOR})
# example.org is reserved for examples (RFC 2606): no real person has an address there, and the demo accounts
# of `seed_demo` all do. Together with DEBUG this is the test for "a demo account".
DEMO_EMAIL_DOMAIN = "example.org"


def requires_second_factor(*, roles: Iterable[Role], is_superuser: bool, is_staff: bool) -> bool:
    """A staff role, the beheerder or admin access needs a second factor; an initiative lead alone not."""
    return is_superuser or is_staff or any(Role(role) in STAFF_ROLES for role in roles)


def needs_second_factor(user) -> bool:
    """Whether this account must pass a second factor (reads the user's cached roles)."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or user.is_staff:
        return True  # decided without reading the roles
    return requires_second_factor(roles=user.roles, is_superuser=False, is_staff=False)


def may_skip_in_demo(*, email: str, debug: bool) -> bool:
    """The demo accounts may skip the set-up, only while the site runs with DEBUG on (`make run`)."""
    return bool(debug) and email.strip().lower().endswith("@" + DEMO_EMAIL_DOMAIN)
