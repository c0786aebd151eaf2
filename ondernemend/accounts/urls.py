from django.urls import include, path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("mijn-omgeving/", views.DashboardView.as_view(), name="dashboard"),
    path("uitnodigen/", views.InviteView.as_view(), name="invite"),
    path(
        "uitnodigingen/<int:pk>/intrekken/",
        views.RevokeInvitationView.as_view(),
        name="revoke_invitation",
    ),
    path("uitnodiging/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
    path("", include("ondernemend.accounts.second_factor.urls")),
    path("", include("ondernemend.accounts.sessions.urls")),
]
