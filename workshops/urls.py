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
    # <path:…>: a code typed with slashes ("1234/5678/9012") reaches the view, which normalises it.
    path("certificaat/<path:code>/", certificates.VerifyView.as_view(), name="verify"),
    # The participant's own link (no account): the link with the token puts the participant in the browser
    # session and redirects to the same page without the token (views/record.py).
    path("mijn-gegevens/", record.MyRecordView.as_view(), name="own_record"),
    path("mijn-gegevens/download.json", record.MyRecordJSONView.as_view(), name="own_record_json"),
    path("mijn-gegevens/certificaat/", record.MyCertificateSettingView.as_view(), name="own_certificate"),
    path("mijn-gegevens/verwijderen/", record.EraseRequestView.as_view(), name="own_erase"),
    path("mijn-gegevens/afmelden/<int:pk>/", record.CancelRegistrationView.as_view(), name="own_cancel"),
    path("mijn-gegevens/<str:token>/", record.OwnLinkView.as_view(), name="my_record"),
    path(
        "mijn-gegevens/<str:token>/download.json",
        record.OwnLinkView.as_view(target="workshops:own_record_json"),
        name="my_record_json",
    ),
    path(
        "mijn-gegevens/<str:token>/verwijderen/",
        record.OwnLinkView.as_view(target="workshops:own_erase"),
        name="my_record_erase",
    ),
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
