"""Rate limits for public forms: at most `limit` attempts per client in a window of `window` seconds.

Declare a limit once, next to the view that uses it, and count in the view:

    REPORT_LIMIT = RateLimit("initiatives.report", limit=5, window=60 * 60)

    try:
        REPORT_LIMIT.check(request)
    except RateLimited as error:
        form.add_error(None, error.message)

The counters live in Django's shared cache (`CACHE_URL`, see docs/security.md), so that all workers of
the site count together. Keys are a keyed hash (HMAC with SECRET_KEY) of the client's address: the address
itself is never stored, not even in the cache. A window is fixed: it starts at the first attempt and the
counter disappears when it ends.
"""

import math
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext

from .network import client_address


class RateLimited(Exception):
    """Raised by `RateLimit.check`: this client tried too often. `message` is what the person reads."""

    def __init__(self, rate_limit: "RateLimit"):
        super().__init__(rate_limit.scope)
        self.rate_limit = rate_limit

    @property
    def message(self) -> str:
        # Read in the request, so in the language of the person who gets it. The wait is the whole
        # window: an upper bound, as the cache does not tell how much of it is left.
        minutes = math.ceil(self.rate_limit.window / 60)
        if minutes <= 90:
            return ngettext(
                "Too many attempts from your connection. Wait %(count)d minute and try again.",
                "Too many attempts from your connection. Wait %(count)d minutes and try again.",
                minutes,
            ) % {"count": minutes}
        hours = math.ceil(minutes / 60)
        return ngettext(
            "Too many attempts from your connection. Wait %(count)d hour and try again.",
            "Too many attempts from your connection. Wait %(count)d hours and try again.",
            hours,
        ) % {"count": hours}


@dataclass(frozen=True)
class RateLimit:
    scope: str  # names the counter, e.g. "initiatives.report"; one scope per kind of attempt
    limit: int  # attempts allowed within one window
    window: int  # seconds

    def hit(self, request) -> bool:
        """Count one attempt by this request's client. True while within the limit, False once over."""
        return self.hit_for(client_address(request))

    def check(self, request) -> None:
        """Count one attempt by this request's client; raise RateLimited once over the limit."""
        if not self.hit(request):
            raise RateLimited(self)

    def hit_for(self, identity: str) -> bool:
        """Count one attempt for something other than the client, e.g. one listing or one e-mail address
        (so that it cannot be flooded from many addresses). Stored as a keyed hash, like the address."""
        return _count(self.cache_key(identity), self.window) <= self.limit

    def cache_key(self, identity: str) -> str:
        digest = salted_hmac(f"ondernemend.throttle.{self.scope}", identity, algorithm="sha256").hexdigest()
        return f"throttle:{self.scope}:{digest}"


def _count(key: str, window: int) -> int:
    """Add one to a counter that expires `window` seconds after its first count; return the new count.

    `add` only creates the counter when it is missing, and `incr` is atomic in Redis and in our database
    cache (ondernemend/dbcache.py), so parallel requests in several workers never lose a count."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 0, window)
        count = cache.incr(key)
    if count == 1:
        # The first count of a window sets its end once more: in Redis a counter that expired between
        # Django's "exists" and "incr" is recreated by INCR without an expiry, and would never end.
        cache.touch(key, window)
    return count
