import math
from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def in_minutes(duration: timedelta) -> int:
    """A waiting time in whole minutes, rounded up so that nobody tries again too early."""
    return max(1, math.ceil(duration.total_seconds() / 60))
