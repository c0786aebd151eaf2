from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("toegankelijkheid/", views.AccessibilityStatementView.as_view(), name="accessibility"),
    path("privacy/", views.PrivacyStatementView.as_view(), name="privacy"),
]
