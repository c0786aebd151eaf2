"""The second factor's addresses, included in ondernemend/accounts/urls.py (in the `accounts` namespace).

The passkey ceremonies are django-otp-webauthn's own views under our own names, so that its scripts get
their addresses from passkey_config() and nothing depends on its "otp_webauthn" namespace.
"""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as webauthn

from . import passkeys, views

urlpatterns = [
    path("tweestapsverificatie/", views.ManageView.as_view(), name="second_factor"),
    path("tweestapsverificatie/instellen/", views.SetUpView.as_view(), name="second_factor_setup"),
    path("tweestapsverificatie/controleren/", views.VerifyView.as_view(), name="second_factor_verify"),
    path(
        "tweestapsverificatie/herstelcodes/",
        views.RecoveryCodesView.as_view(),
        name="second_factor_recovery_codes",
    ),
    path(
        "tweestapsverificatie/herstelcodes/nieuw/",
        views.NewRecoveryCodesView.as_view(),
        name="second_factor_new_recovery_codes",
    ),
    path("tweestapsverificatie/overslaan/", views.SkipView.as_view(), name="second_factor_skip"),
    path(
        "tweestapsverificatie/passkey/<int:pk>/verwijderen/",
        views.RemovePasskeyView.as_view(),
        name="second_factor_remove_passkey",
    ),
    path("tweestapsverificatie/medewerkers/", views.PeopleView.as_view(), name="second_factor_people"),
    path(
        "tweestapsverificatie/medewerkers/<int:pk>/resetten/",
        views.ResetView.as_view(),
        name="second_factor_reset",
    ),
    path(
        "tweestapsverificatie/passkey/registreren/begin/",
        passkeys.BeginPasskeyRegistrationView.as_view(),
        name="passkey_registration_begin",
    ),
    path(
        "tweestapsverificatie/passkey/registreren/klaar/",
        passkeys.CompletePasskeyRegistrationView.as_view(),
        name="passkey_registration_complete",
    ),
    path(
        "tweestapsverificatie/passkey/controleren/begin/",
        webauthn.BeginCredentialAuthenticationView.as_view(),
        name="passkey_authentication_begin",
    ),
    path(
        "tweestapsverificatie/passkey/controleren/klaar/",
        webauthn.CompleteCredentialAuthenticationView.as_view(),
        name="passkey_authentication_complete",
    ),
    path(
        "tweestapsverificatie/passkey/teksten.js",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="passkey_texts",
    ),
]
