from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

import ondernemend.accounts.admin
import ondernemend.districts.admin  # noqa: F401
from ondernemend.pages import views as page_views

urlpatterns = i18n_patterns(
    path("", include("ondernemend.pages.urls")),
    path("", include("ondernemend.accounts.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

handler403 = page_views.permission_denied
handler404 = page_views.page_not_found
handler500 = page_views.server_error
