"""Certificates: issue, revoke and download (coaches of the series, coördinators), and public verification.

A coach of the series opens these pages directly; a coördinator first gives a reason on the reasoned-access
page, and every read is logged with that reason (workshops.access, docs/access.md).

Verification answers the same for unknown, private and revoked codes (same text, same status), and is
rate-limited per client, so codes cannot be probed. A code is read as typed ("3567 5046 1450"): it is
normalised before the look-up (workshops.certificate_codes).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ondernemend.permissions import PermissionRequiredMixin
from ondernemend.throttle import RateLimit, RateLimited

from ..access import access_reason, log_access, readable_registration_or_404
from ..certificate_codes import normalise_certificate_code
from ..certificate_pdf import render_certificate_pdf
from ..enums import AccessAction
from ..exceptions import CertificateError
from ..forms.certificates import OverrideForm, ReasonForm, VerifyCodeForm
from ..models import Certificate, Registration
from ..queries.certificates import verifiable_certificate
from ..queries.common import name_of
from ..services import certificates as services

VERIFY_LIMIT = RateLimit("workshops.verify", limit=30, window=10 * 60)  # look-ups per client


class ReasonFirstMixin:
    """Runs after the permission check (it follows PermissionRequiredMixin in the bases): someone with the
    permission who does not coach the series (a coördinator) is sent to the reasoned-access step first and
    comes back here; `self.access_reason` is the reason every read on the page is then logged with."""

    access_reason: str = ""

    def dispatch(self, request, *args, **kwargs):
        reason = access_reason(request, self.registration)
        if reason is None:
            return redirect(reason_step_url(self.registration, request.get_full_path()))
        self.access_reason = reason
        return super().dispatch(request, *args, **kwargs)

    def log_read(self, action: AccessAction) -> None:
        log_access(
            self.registration.participant, user=self.request.user, action=action, reason=self.access_reason
        )


class RegistrationPermissionMixin(PermissionRequiredMixin, ReasonFirstMixin):
    """The registration (pk) as permission object: one the user coaches, or any for a coördinator, who is
    then asked for a reason first. Anyone else gets 404, as for a number that does not exist."""

    def get_permission_object(self):
        return readable_registration_or_404(self.request.user, self.kwargs["pk"])

    @property
    def registration(self) -> Registration:
        return self.permission_object

    def read_page_context(self) -> dict:
        """What every page on one participant shows; showing it is a read, and is logged."""
        registration = self.registration
        self.log_read(AccessAction.VIEW)
        return {
            "registration": registration,
            "participant": registration.participant,
            "series": registration.series,
            "series_name": name_of(registration.series),
        }


class IssueCertificateView(RegistrationPermissionMixin, View):
    permission_required = "workshops.issue_certificate"
    template_name = "workshops/certificates/issue.html"

    def get(self, *args, **kwargs):
        return self.page(OverrideForm())

    def post(self, request, *args, **kwargs):
        form = OverrideForm(request.POST)
        if form.is_valid():
            try:
                services.issue_certificate(
                    self.registration,
                    by=request.user,
                    override_reason=form.cleaned_data["reason"],
                    access_reason=self.access_reason,
                )
            except CertificateError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The certificate is ready."))
                return redirect("workshops:issue_certificate", pk=self.registration.pk)
        return self.page(form, status=400)

    def page(self, form, status=200):
        registration = self.registration
        context = {
            **self.read_page_context(),
            "is_coach": self.access_reason == "",
            "certificate": services.active_certificate(registration),
            "progress": services.progress(registration),
            "can_override": self.request.user.has_perm("workshops.override_certificate_rule", registration),
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


class RevokeCertificateView(RegistrationPermissionMixin, View):
    permission_required = "workshops.revoke_certificate"
    template_name = "workshops/certificates/revoke.html"

    def certificate(self) -> Certificate:
        certificate = services.active_certificate(self.registration)
        if certificate is None:
            raise Http404
        return certificate

    def get(self, *args, **kwargs):
        return self.page(ReasonForm(), self.certificate())

    def post(self, request, *args, **kwargs):
        certificate = self.certificate()
        form = ReasonForm(request.POST)
        if form.is_valid():
            services.revoke_certificate(certificate, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The certificate is revoked. It can no longer be checked."))
            return redirect("workshops:issue_certificate", pk=self.registration.pk)
        return self.page(form, certificate, status=400)

    def page(self, form, certificate, status=200):
        context = {
            **self.read_page_context(),
            "certificate": certificate,
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


class CertificatePDFView(RegistrationPermissionMixin, View):
    permission_required = "workshops.issue_certificate"

    def get(self, *args, **kwargs):
        certificate = services.active_certificate(self.registration)
        if certificate is None:
            raise Http404
        self.log_read(AccessAction.EXPORT)
        response = HttpResponse(render_certificate_pdf(certificate), content_type="application/pdf")
        # The file name holds the code only, no name: downloads end up in shared folders.
        response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
        response["Cache-Control"] = "no-store"
        return response


def reason_step_url(registration: Registration, next_url: str) -> str:
    """The reasoned-access page for this registration, returning to `next_url` once a reason is given."""
    url = reverse("workshops:reasoned_access", kwargs={"pk": registration.pk})
    return f"{url}?{urlencode({'next': next_url})}"


class VerifyView(View):
    """The form (GET ?code=…) sends the typed code, normalised, to its own address; that address shows
    the answer. A code typed into the address bar in another form is sent to its normal form as well."""

    template_name = "workshops/certificates/verify.html"

    def get(self, request, code=None):
        if code is None:
            form = VerifyCodeForm(request.GET or None)
            if form.is_valid():
                return redirect(reverse("workshops:verify", kwargs={"code": form.cleaned_data["code"]}))
            return render(request, self.template_name, {"form": form}, status=400 if form.errors else 200)
        normalised = normalise_certificate_code(code)
        if normalised is not None and normalised != code:
            return redirect(reverse("workshops:verify", kwargs={"code": normalised}))
        try:
            VERIFY_LIMIT.check(request)
        except RateLimited as error:
            context = {"form": VerifyCodeForm(), "too_many": error.message}
            return render(request, self.template_name, context, status=429)
        certificate = verifiable_certificate(normalised) if normalised else None
        if certificate is None:
            context = {"form": VerifyCodeForm(), "not_shown": True}
            return render(request, self.template_name, context, status=404)
        registration = certificate.registration
        context = {
            "certificate": certificate,
            "first_name": registration.participant.display_name,
            "series": registration.series,
            "initiative": registration.series.initiative,
        }
        return render(request, self.template_name, context)
