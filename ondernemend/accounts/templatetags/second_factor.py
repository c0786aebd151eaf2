"""The second-factor state for "Mijn omgeving" (accounts/second_factor/dashboard.html)."""

from django import template

from ..second_factor import queries
from ..second_factor.policy import needs_second_factor

register = template.Library()


@register.simple_tag
def second_factor_state(user) -> dict:
    """Whether `user` needs a second factor, and what is set up: the app, recovery codes left, passkeys."""
    if not needs_second_factor(user):
        return {"needed": False}
    return {"needed": True, **queries.second_factor_state(user)}
