from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from initiatives import admin as initiatives_admin
from ondernemend.accounts import admin as accounts_admin
from ondernemend.audit import admin as audit_admin
from ondernemend.districts import admin as districts_admin
from ondernemend.pages import views as page_views

# SimpleAdminConfig does not autodiscover (django-leaflet's admin module needs GDAL): each app's admin module
# is imported here, which registers its models.
ADMIN_MODULES = (accounts_admin, audit_admin, districts_admin, initiatives_admin)

urlpatterns = i18n_patterns(
    path("", include("ondernemend.pages.urls")),
    path("", include("ondernemend.accounts.urls")),
    path("", include("initiatives.urls")),
    path("", include("workshops.urls")),
    path("", include("challenge.urls")),
    path("", include("ondernemend.overview.urls")),
    path("", include("ondernemend.audit.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = page_views.bad_request
handler403 = page_views.permission_denied
handler404 = page_views.page_not_found
handler500 = page_views.server_error
