from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("logboek/", views.TrailView.as_view(), name="trail"),
    path("logboek/logboek.csv", views.ExportCSVView.as_view(), name="export_csv"),
]
