"""The project's URLs plus a view that fails, so that the browser tests can see the real 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from ondernemend import urls as project_urls


def raise_error(request):
    raise RuntimeError("A deliberate error, to show the 500 page in a browser test")


urlpatterns = [
    *project_urls.urlpatterns,
    *i18n_patterns(path("testfout/", raise_error, name="raise_error"), prefix_default_language=False),
]

handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500
