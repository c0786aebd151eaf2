"""A URL configuration for the error page tests: the project's pages plus views that fail on purpose."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import include, path

from ondernemend.pages import views as page_views


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("A failure on purpose, for the 500 page test")


urlpatterns = i18n_patterns(
    path("verboden/", forbidden),
    path("kapot/", broken),
    path("", include("ondernemend.pages.urls")),
    path("", include("ondernemend.accounts.urls")),
    prefix_default_language=False,
)

handler403 = page_views.permission_denied
handler404 = page_views.page_not_found
handler500 = page_views.server_error
