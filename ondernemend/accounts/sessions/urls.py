from django.urls import path

from . import views

# Included from ondernemend/accounts/urls.py, so the names are in the "accounts" namespace.
urlpatterns = [
    path("uitloggen-overal/", views.LogOutEverywhereView.as_view(), name="log_out_everywhere"),
]
