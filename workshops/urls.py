from django.urls import path

from .views import certificates, coach, manage, public, record

app_name = "workshops"

urlpatterns = [
    # Public: the agenda, a series with "what to expect", the interest sign-up, certificate verification.
    path("workshops/", public.AgendaView.as_view(), name="agenda"),
    path("workshops/<slug:slug>/", public.SeriesView.as_view(), name="series"),
    path("workshops/<slug:slug>/aanmelden/", public.SignUpView.as_view(), name="signup"),
    path("workshops/<slug:slug>/aangemeld/", public.SignUpDoneView.as_view(), name="signup_done"),
    path("certificaat/controleren/", certificates.VerifyView.as_view(), name="verify_form"),
    path("certificaat/<str:code>/", certificates.VerifyView.as_view(), name="verify"),
    # The participant's own link (no account).
    path("mijn-gegevens/<str:token>/", record.MyRecordView.as_view(), name="my_record"),
    path("mijn-gegevens/<str:token>/download.json", record.MyRecordJSONView.as_view(), name="my_record_json"),
    path(
        "mijn-gegevens/<str:token>/certificaat/",
        record.MyCertificateSettingView.as_view(),
        name="my_certificate",
    ),
    path("mijn-gegevens/<str:token>/verwijderen/", record.EraseRequestView.as_view(), name="my_record_erase"),
    # Coaches: only the series they coach.
    path("coach/", coach.CoachHomeView.as_view(), name="coach_home"),
    path("coach/reeks/<slug:slug>/", coach.SeriesParticipantsView.as_view(), name="coach_series"),
    path("coach/deelnemer/<int:pk>/", coach.ParticipantView.as_view(), name="participant"),
    path("coach/deelnemer/<int:pk>/intake/", coach.IntakeView.as_view(), name="intake"),
    path("coach/deelnemer/<int:pk>/bewijs/", coach.IntakeReceiptView.as_view(), name="intake_receipt"),
    path("coach/bijeenkomst/<int:pk>/aanwezigheid/", coach.AttendanceView.as_view(), name="attendance"),
    path("coach/bijeenkomst/<int:pk>/reflectie/", coach.ReflectionView.as_view(), name="reflections"),
    path(
        "coach/deelnemer/<int:pk>/certificaat/",
        certificates.IssueCertificateView.as_view(),
        name="issue_certificate",
    ),
    path(
        "coach/deelnemer/<int:pk>/certificaat/intrekken/",
        certificates.RevokeCertificateView.as_view(),
        name="revoke_certificate",
    ),
    path(
        "coach/deelnemer/<int:pk>/certificaat.pdf",
        certificates.CertificatePDFView.as_view(),
        name="certificate_pdf",
    ),
    # Coördinators: series and sessions; a participant record only with a reason (logged).
    path("workshops-beheer/", manage.SeriesListView.as_view(), name="manage"),
    path("workshops-beheer/nieuw/", manage.SeriesCreateView.as_view(), name="series_create"),
    path("workshops-beheer/<slug:slug>/", manage.SeriesUpdateView.as_view(), name="series_edit"),
    path("workshops-beheer/<slug:slug>/bijeenkomsten/", manage.SessionsView.as_view(), name="sessions"),
    path(
        "workshops-beheer/deelnemer/<int:pk>/inzien/",
        manage.ReasonedAccessView.as_view(),
        name="reasoned_access",
    ),
]
