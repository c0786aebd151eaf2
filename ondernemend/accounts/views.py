from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from ondernemend.dashboard import dashboard_parts
from ondernemend.districts.models import District
from ondernemend.permissions import PermissionRequiredMixin
from ondernemend.throttle import RateLimit, RateLimited

from . import queries, services
from .exceptions import InvitationNotUsable
from .forms import AcceptInvitationForm, InvitationForm, LoginForm, PasswordResetForm, SetPasswordForm
from .lockout import lift_login_wait
from .models import Invitation
from .roles import Role
from .second_factor.policy import needs_second_factor
from .second_factor.steps import step_url as second_factor_step_url

INVITATIONS_PER_PAGE = 25
# Password-reset requests: per client, and per e-mail address so that nobody's mailbox can be flooded from
# many addresses. Over the address limit the page answers as always but sends nothing, so that it tells
# no one whether an address has an account or was asked for recently.
PASSWORD_RESET_PER_CLIENT = RateLimit("accounts.password_reset.client", limit=5, window=15 * 60)
PASSWORD_RESET_PER_ADDRESS = RateLimit("accounts.password_reset.address", limit=3, window=60 * 60)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_success_url(self):
        """After the password, staff go on to the second factor (set up or verify), then onwards."""
        url = super().get_success_url()
        if needs_second_factor(self.request.user):
            return second_factor_step_url(self.request.user, next_url=url)
        return url


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You are logged out."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset_email.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self):
        # Links in e-mails are built from SITE_URL, never from the request's Host header.
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().get_form_kwargs()

    def form_valid(self, form):
        try:
            PASSWORD_RESET_PER_CLIENT.check(self.request)
        except RateLimited as error:
            form.add_error(None, error.message)  # the address typed stays in the form
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if not PASSWORD_RESET_PER_ADDRESS.hit_for(form.cleaned_data["email"].strip().lower()):
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    reset_url_token = "nieuw-wachtwoord"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        lift_login_wait(form.user)  # the link proved it is the owner: the new password works at once
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class DashboardView(PermissionRequiredMixin, TemplateView):
    """ "Mijn omgeving": what each of the user's roles lets them do."""

    permission_required = "accounts.view_dashboard"
    template_name = "accounts/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        roles = user.roles
        return super().get_context_data(
            roles=roles,
            has_role={role.value: True for role in roles},
            # Each app's own items per role (ondernemend/dashboard.py), and the districts for the flyers.
            parts=dashboard_parts(role.value for role in roles),
            districts=District.objects.order_by("name") if Role.COORDINATOR in roles else [],
            is_beheerder=user.is_superuser,
            can_invite=user.has_perm("accounts.invite_user"),
            **kwargs,
        )


class InviteView(PermissionRequiredMixin, FormView):
    """ "Uitnodigen": invite someone to a role; below the form, every invitation and where it stands."""

    permission_required = ("accounts.invite_user", "accounts.view_invitations")
    template_name = "accounts/invite.html"
    form_class = InvitationForm

    def get_context_data(self, **kwargs):
        paginator = Paginator(queries.invitation_list(), INVITATIONS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page,
            invitations=page.object_list,
            valid_days=settings.INVITATION_VALID_DAYS,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            invitation = services.invite_user(
                email=form.cleaned_data["email"], role=form.cleaned_data["role"], by=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "The invitation for %(email)s as %(role)s has been sent. The link works for %(days)s day.",
                "The invitation for %(email)s as %(role)s has been sent. The link works for %(days)s days.",
                settings.INVITATION_VALID_DAYS,
            )
            % {
                "email": invitation.email,
                "role": invitation.get_role_display(),
                "days": settings.INVITATION_VALID_DAYS,
            },
        )
        return redirect("accounts:invite")


class RevokeInvitationView(PermissionRequiredMixin, View):
    permission_required = "accounts.revoke_invitation"
    http_method_names = ["post"]

    def get_permission_object(self):
        return get_object_or_404(Invitation, pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        invitation = self.permission_object
        try:
            services.revoke_invitation(invitation, by=request.user)
        except InvitationNotUsable:
            messages.error(request, _("This invitation was already accepted; it can no longer be withdrawn."))
        else:
            messages.success(
                request, _("The invitation for %(email)s has been withdrawn.") % {"email": invitation.email}
            )
        return redirect("accounts:invite")


@method_decorator([never_cache, sensitive_post_parameters("password1", "password2")], name="dispatch")
class AcceptInvitationView(View):
    """The page behind the link in an invitation e-mail: the invitee sets a name and password."""

    template_name = "accounts/accept_invitation.html"
    unusable_template_name = "accounts/invitation_unusable.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = queries.get_invitation_by_token(kwargs["token"])
        if self.invitation is None:
            return self.unusable(InvitationNotUsable(), status=404)
        if not self.invitation.is_open:
            return self.unusable(services.reason_not_usable(self.invitation))
        self.existing_account = queries.account_exists(self.invitation.email)
        return super().dispatch(request, *args, **kwargs)

    def unusable(self, reason: InvitationNotUsable, status: int = 410):
        return render(self.request, self.unusable_template_name, {"message": reason.message}, status=status)

    def get_form(self):
        if self.existing_account:
            return None
        data = self.request.POST if self.request.method == "POST" else None
        return AcceptInvitationForm(data, email=self.invitation.email)

    def render_page(self, form):
        context = {
            "invitation": self.invitation,
            "role_label": Role(self.invitation.role).label,
            "existing_account": self.existing_account,
            "form": form,
        }
        return render(self.request, self.template_name, context)

    def get(self, *args, **kwargs):  # the request is self.request, read by get_form and render_page
        return self.render_page(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form is not None and not form.is_valid():
            return self.render_page(form)
        try:
            acceptance = services.accept_invitation(
                self.invitation,
                password=form.cleaned_data["password1"] if form else None,
                name=form.cleaned_data["name"] if form else "",
            )
        except InvitationNotUsable as reason:
            return self.unusable(reason)
        role_label = Role(self.invitation.role).label
        if not acceptance.new_account:
            messages.success(
                request,
                _("You now also have the role %(role)s. Log in with your own e-mail address and password.")
                % {"role": role_label},
            )
            return redirect(reverse("accounts:login") + "?next=" + reverse("accounts:dashboard"))
        login(request, acceptance.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready. You are logged in."))
        return redirect("accounts:dashboard")
