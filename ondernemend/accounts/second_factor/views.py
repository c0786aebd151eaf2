"""The second-factor pages: set up the app, recovery codes, verify, the demo skip, and managing it afterwards.

The passkey ceremonies themselves are django-otp-webauthn's JSON views (urls.py); its scripts run from static
files and read their settings from a JSON block (passkey_config), so they pass our CSP without a nonce.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.middleware import csrf
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from ondernemend.permissions import PermissionRequiredMixin
from ondernemend.printing import qr_svg

from ..models import User
from . import queries, services
from .forms import WRONG_FIRST_CODE, CodeForm, FirstCodeForm
from .policy import may_skip_in_demo, needs_second_factor
from .steps import DEMO_SKIP_SESSION_KEY, has_passed, with_next

# The recovery codes wait here between the step that makes them and the page that shows them, once.
NEW_CODES_SESSION_KEY = "second_factor_new_codes"


def safe_next(request, url: str) -> str:
    """`url` when it points at this site, else "Mijn omgeving"."""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


def passkey_config(request) -> dict:
    """The settings django-otp-webauthn's scripts read from the element with id "otp_webauthn_config"."""
    return {
        "autocompleteLoginFieldSelector": None,
        "nextFieldSelector": "input[name='next']",
        "csrfToken": csrf.get_token(request),
        "beginAuthenticationUrl": reverse("accounts:passkey_authentication_begin"),
        "completeAuthenticationUrl": reverse("accounts:passkey_authentication_complete"),
        "beginRegistrationUrl": reverse("accounts:passkey_registration_begin"),
        "completeRegistrationUrl": reverse("accounts:passkey_registration_complete"),
    }


class StepMixin(PermissionRequiredMixin):
    """A step for a logged-in account that needs a second factor; the others have nothing to do here."""

    permission_required = "accounts.manage_own_second_factor"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not needs_second_factor(request.user):
            return redirect(settings.LOGIN_REDIRECT_URL)
        return super().dispatch(request, *args, **kwargs)

    def next_url(self) -> str:
        return safe_next(self.request, self.request.POST.get("next") or self.request.GET.get("next", ""))


class SetUpView(StepMixin, FormView):
    """Step 1 for a new account: scan the QR code (or type the key), confirm with the first code."""

    template_name = "accounts/second_factor/setup.html"
    form_class = FirstCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and queries.has_confirmed_device(request.user):
            return redirect(self.next_url() if has_passed(request) else "accounts:second_factor_verify")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"next": self.request.GET.get("next", "")}

    def get_context_data(self, **kwargs):
        device = services.start_app_setup(self.request.user)
        return super().get_context_data(
            qr_code=qr_svg(
                device.config_url,
                title=_("QR code to scan with your authenticator app"),
                css_class="op-second-factor-qr",
            ),
            typed_key=services.typed_key(device),
            may_skip=may_skip_in_demo(email=self.request.user.email, debug=settings.DEBUG),
            next=self.request.GET.get("next", ""),
            **kwargs,
        )

    def form_valid(self, form):
        device = services.start_app_setup(self.request.user)
        user = self.request.user
        check, codes = services.confirm_app_device(device, token=form.cleaned_data["code"], by=user)
        if check.device is None:
            form.add_check_error(check, message=WRONG_FIRST_CODE)
            return self.form_invalid(form)
        self.request.session.cycle_key()
        otp_login(self.request, check.device)
        self.request.session[NEW_CODES_SESSION_KEY] = codes
        codes_url = reverse("accounts:second_factor_recovery_codes")
        return redirect(with_next(codes_url, form.cleaned_data["next"]))


class RecoveryCodesView(StepMixin, TemplateView):
    """The new recovery codes, shown once: a reload shows that they were shown, not the codes."""

    template_name = "accounts/second_factor/recovery_codes.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            codes=self.request.session.pop(NEW_CODES_SESSION_KEY, None),
            next_url=self.next_url(),
            **kwargs,
        )


class VerifyView(StepMixin, FormView):
    """Every log-in: a code from the app, a recovery code, or a passkey."""

    template_name = "accounts/second_factor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and needs_second_factor(request.user):
            if has_passed(request):
                return redirect(self.next_url())
            if not queries.has_confirmed_device(request.user):
                return redirect("accounts:second_factor_setup")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"next": self.request.GET.get("next", "")}

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            has_app=queries.confirmed_app(user) is not None,
            has_passkey=queries.passkeys(user).exists(),
            passkey_config=passkey_config(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        check = services.verify_code(self.request.user, form.cleaned_data["code"])
        if check.device is None:
            form.add_check_error(check)
            response = self.form_invalid(form)
            response.status_code = 429 if check.wait_seconds else 200
            return response
        self.request.session.cycle_key()
        otp_login(self.request, check.device)
        if isinstance(check.device, StaticDevice):
            left = queries.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                _("You used a recovery code; %(left)s are left. Make new ones in “Two-step verification”.")
                % {"left": left},
            )
        return redirect(self.next_url())


class SkipView(StepMixin, View):
    """Only in the demo (DEBUG on, a demo account): go on without a second factor, for this session."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not may_skip_in_demo(email=request.user.email, debug=settings.DEBUG):
            raise Http404
        request.session[DEMO_SKIP_SESSION_KEY] = True
        return redirect(self.next_url())


class ManageView(PermissionRequiredMixin, TemplateView):
    """ "Two-step verification" in "Mijn omgeving": the app, the recovery codes left, the passkeys."""

    permission_required = "accounts.manage_own_second_factor"
    template_name = "accounts/second_factor/manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            app=queries.confirmed_app(user),
            codes_left=queries.recovery_codes_left(user),
            passkeys=queries.passkeys(user),
            passkey_config=passkey_config(self.request),
            **kwargs,
        )


class NewRecoveryCodesView(PermissionRequiredMixin, View):
    permission_required = "accounts.manage_own_second_factor"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        request.session[NEW_CODES_SESSION_KEY] = services.create_recovery_codes(request.user, by=request.user)
        return redirect(
            with_next(reverse("accounts:second_factor_recovery_codes"), reverse("accounts:second_factor"))
        )


class RemovePasskeyView(PermissionRequiredMixin, View):
    permission_required = "accounts.manage_own_second_factor"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        credential = queries.passkey_of(request.user, kwargs["pk"])
        if credential is None:
            raise Http404
        services.remove_passkey(credential, by=request.user)
        messages.success(request, _("The passkey has been removed."))
        return redirect("accounts:second_factor")


class PeopleView(PermissionRequiredMixin, TemplateView):
    """For the coordinator: every account that needs a second factor, whether it is set up, and a reset."""

    permission_required = "accounts.view_second_factor_people"
    template_name = "accounts/second_factor/people.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(people=queries.people_with_second_factor_state(), **kwargs)


class ResetView(PermissionRequiredMixin, TemplateView):
    """Confirm, then delete every second factor of one account: it sets one up again at the next log-in."""

    permission_required = "accounts.reset_second_factor"
    template_name = "accounts/second_factor/reset.html"

    def get_permission_object(self):
        return get_object_or_404(User, pk=self.kwargs["pk"], is_active=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.permission_object, **kwargs)

    def post(self, request, *args, **kwargs):
        person = self.permission_object
        services.reset_second_factor(person, by=request.user)
        messages.success(
            request,
            _("The two-step verification of %(name)s has been reset. They set it up again when they log in.")
            % {"name": person.get_full_name()},
        )
        return redirect("accounts:second_factor_people")
