from django.urls import path

from . import views

app_name = "challenge"

urlpatterns = [
    path("challenge/", views.ChallengeIndexView.as_view(), name="index"),
]
