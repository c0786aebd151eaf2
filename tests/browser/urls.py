"""The project's URLs plus views that fail, so that the browser tests can see the real 400 and 500 pages."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import SuspiciousOperation
from django.urls import path

from ondernemend import urls as project_urls


def raise_error(request):
    raise RuntimeError("A deliberate error, to show the 500 page in a browser test")


def raise_bad_request(request):
    raise SuspiciousOperation("A deliberate bad request, to show the 400 page in a browser test")


urlpatterns = [
    *project_urls.urlpatterns,
    *i18n_patterns(
        path("testfout/", raise_error, name="raise_error"),
        path("testfout-400/", raise_bad_request, name="raise_bad_request"),
        prefix_default_language=False,
    ),
]

handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500
