from django.urls import path

from . import views

app_name = "overview"

urlpatterns = [
    path("netwerkoverzicht/", views.OverviewView.as_view(), name="index"),
    path("netwerkoverzicht/cijfers.csv", views.ExportCSVView.as_view(), name="export_csv"),
    path("netwerkoverzicht/bevriezen/<str:period>/", views.FreezeView.as_view(), name="freeze"),
]
