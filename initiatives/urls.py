from django.urls import path

from .views import edit, flyer, public, report, transfer

app_name = "initiatives"

urlpatterns = [
    # Public: the map with its list, details, GeoJSON, flyers, reporting outdated information.
    path("kaart/", public.MapView.as_view(), name="index"),
    path("kaart/punten.geojson", public.GeoJSONView.as_view(), name="geojson"),
    path("kaart/punt/<str:layer>/<int:pk>/", public.MarkerDetailView.as_view(), name="marker"),
    path("kaart/initiatief/<slug:slug>/", public.InitiativeDetailView.as_view(), name="detail"),
    path(
        "kaart/aanspreekpunt/<slug:slug>/",
        public.ContactPointDetailView.as_view(),
        name="contactpoint_detail",
    ),
    path("kaart/initiatief/<slug:slug>/klopt-niet/", report.ReportOutdatedView.as_view(), name="report"),
    path("kaart/folder/<slug:district>/", flyer.FlyerView.as_view(), name="flyer"),
    path("kaart/folder/<slug:district>/folder.pdf", flyer.FlyerPDFView.as_view(), name="flyer_pdf"),
    # Editing: initiatiefnemers their own listings, coördinators everything.
    path("kaart/beheer/", edit.ManageView.as_view(), name="manage"),
    path("kaart/beheer/initiatief/nieuw/", edit.InitiativeCreateView.as_view(), name="create"),
    path("kaart/beheer/initiatief/<slug:slug>/", edit.InitiativeUpdateView.as_view(), name="edit"),
    path(
        "kaart/beheer/initiatief/<slug:slug>/publiceren/",
        edit.InitiativePublishView.as_view(),
        name="publish",
    ),
    path(
        "kaart/beheer/aanspreekpunt/nieuw/", edit.ContactPointCreateView.as_view(), name="contactpoint_create"
    ),
    path(
        "kaart/beheer/aanspreekpunt/<slug:slug>/",
        edit.ContactPointUpdateView.as_view(),
        name="contactpoint_edit",
    ),
    # Import and export (coördinators).
    path("kaart/beheer/export.csv", transfer.ExportCSVView.as_view(), name="export_csv"),
    path("kaart/beheer/export.geojson", transfer.ExportGeoJSONView.as_view(), name="export_geojson"),
    path("kaart/beheer/import/", transfer.ImportCSVView.as_view(), name="import_csv"),
]
