"""Pages whose address or content is a secret (a personal link) send no Referer at all.

`Referrer-Policy: no-referrer` keeps the address out of the Referer of the page's own CSS, JavaScript and
images and out of every link followed from it. Browsers then also send `Origin: null` with the page's
POST forms, which Django's CSRF check refuses as a foreign origin. `csrf_protect_without_referrer` is
Django's CSRF protection with one difference: `Origin: null` counts as our own origin when the browser
itself says the request comes from our site (`Sec-Fetch-Site: same-origin`, a header pages and other sites
cannot set). The CSRF token is checked as always.
"""

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.csrf import csrf_exempt

NO_REFERRER = "no-referrer"


def no_referrer(response):
    response["Referrer-Policy"] = NO_REFERRER
    return response


class NoReferrerCsrfViewMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request):
        if (
            request.META.get("HTTP_ORIGIN") == "null"
            and request.headers.get("Sec-Fetch-Site") == "same-origin"
        ):
            return True
        return super()._origin_verified(request)


_protect = decorator_from_middleware(NoReferrerCsrfViewMiddleware)


def csrf_protect_without_referrer(view):
    """For a view whose pages send no referrer (see above); replaces the site-wide CSRF check for it."""
    return csrf_exempt(_protect(view))
