"""The client's address: the one place that decides it, for rate limits and for django-axes.

Directly on the internet (`TRUSTED_PROXY_COUNT = 0`) the address is `REMOTE_ADDR`; any X-Forwarded-For
header is ignored, because a client can write anything in it.

Behind N reverse proxies of our own (`TRUSTED_PROXY_COUNT = N`) `REMOTE_ADDR` is the last proxy, and each
proxy has appended the address it saw to X-Forwarded-For. The client is therefore the N-th entry from the
right; everything left of it was sent by the client and can be forged. A header with fewer entries than N,
or an entry that is not an IP address, means the request did not come through our proxies as expected: we
then fall back to `REMOTE_ADDR`, which cannot be forged (all such clients share one address, which only
makes limits stricter).
"""

import ipaddress

from django.conf import settings

UNKNOWN = ""  # no usable address at all, e.g. a Unix socket without a proxy header


def client_address(request) -> str:
    """The client's IP address as a normalised string (IPv6 compressed), or "" when there is none."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote or UNKNOWN
    # Several X-Forwarded-For headers arrive joined with commas, which keeps their order.
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote or UNKNOWN
    return _parse(forwarded[-proxies]) or remote or UNKNOWN


def _parse(value: str) -> str:
    """The address in `value` (also in the "1.2.3.4:5678" and "[2001:db8::1]:443" forms some proxies
    write), or "" when it is not an IP address."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # IPv4 with a port; a bare IPv6 address has at least two colons
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""
