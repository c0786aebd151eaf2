"""Certificates: issue, revoke and download (coaches of the series, coördinators), and public verification.

Verification answers the same for unknown, private and revoked codes (same text, same status), and is
rate-limited per sender, so codes cannot be probed.
"""

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ondernemend.permissions import PermissionRequiredMixin

from ..access import log_access
from ..certificate_pdf import render_certificate_pdf
from ..enums import AccessAction
from ..models import Certificate, Registration
from ..services import certificates as services

VERIFY_LIMIT = (30, 10 * 60)  # at most this many look-ups per sender in ten minutes


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why do you issue the certificate although the rule is not met?"),
        help_text=gettext_lazy("This reason is saved and the participant can read it."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        help_text=gettext_lazy("The code is on the certificate, for example 1234-5678-9012."),
        max_length=20,
    )


ERROR_MESSAGES = {
    "already issued": gettext_lazy("This participant already has a certificate."),
    "rule not met": gettext_lazy("The rule for the certificate is not met yet."),
    "reason needed": gettext_lazy("Please give a reason."),
    "already revoked": gettext_lazy("This certificate was already revoked."),
    "no free code": gettext_lazy("Something went wrong. Please try again."),
}


class RegistrationPermissionMixin(PermissionRequiredMixin):
    """The registration (pk) as permission object. An unknown pk checks against no object: a coach then
    gets 403 exactly as for another coach's participant, so the answer does not reveal who exists."""

    def get_permission_object(self):
        if not self.request.user.is_authenticated:
            return None
        return (
            Registration.objects.select_related("participant", "series__initiative")
            .filter(pk=self.kwargs["pk"])
            .first()
        )

    @property
    def registration(self) -> Registration:
        if self.permission_object is None:
            raise Http404
        return self.permission_object


class IssueCertificateView(RegistrationPermissionMixin, View):
    permission_required = "workshops.issue_certificate"
    template_name = "workshops/certificates/issue.html"

    def get(self, request, pk):
        return self.page(OverrideForm())

    def post(self, request, pk):
        form = OverrideForm(request.POST)
        if form.is_valid():
            try:
                services.issue_certificate(
                    self.registration, by=request.user, override_reason=form.cleaned_data["reason"]
                )
            except services.CertificateError as error:
                form.add_error(
                    "reason" if str(error) == "reason needed" else None, ERROR_MESSAGES[str(error)]
                )
            else:
                messages.success(request, _("The certificate is ready."))
                return redirect("workshops:issue_certificate", pk=pk)
        return self.page(form, status=400)

    def page(self, form, status=200):
        registration = self.registration
        log_access(registration.participant, user=self.request.user, action=AccessAction.VIEW)
        context = {
            "registration": registration,
            "participant": registration.participant,
            "series": registration.series,
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

    def get(self, request, pk):
        return self.page(ReasonForm(), self.certificate())

    def post(self, request, pk):
        certificate = self.certificate()
        form = ReasonForm(request.POST)
        if form.is_valid():
            services.revoke_certificate(certificate, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The certificate is revoked. It can no longer be checked."))
            return redirect("workshops:issue_certificate", pk=pk)
        return self.page(form, certificate, status=400)

    def page(self, form, certificate, status=200):
        log_access(self.registration.participant, user=self.request.user, action=AccessAction.VIEW)
        context = {"registration": self.registration, "certificate": certificate, "form": form}
        return render(self.request, self.template_name, context, status=status)


class CertificatePDFView(RegistrationPermissionMixin, View):
    permission_required = "workshops.issue_certificate"

    def get(self, request, pk):
        certificate = services.active_certificate(self.registration)
        if certificate is None:
            raise Http404
        log_access(self.registration.participant, user=request.user, action=AccessAction.EXPORT)
        response = HttpResponse(render_certificate_pdf(certificate), content_type="application/pdf")
        # The file name holds the code only, no name: downloads end up in shared folders.
        response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
        response["Cache-Control"] = "no-store"
        return response


def sender_over_limit(request) -> bool:
    """Count look-ups per sender under a keyed hash of the IP address (never the address itself)."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = salted_hmac("workshops.verify", address, algorithm="sha256").hexdigest()
    key = f"workshops:verify:{digest}"
    limit, window = VERIFY_LIMIT
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit


def verifiable_certificate(code: str) -> Certificate | None:
    """Only a public, not revoked certificate of a participant who was not anonymised."""
    return (
        Certificate.objects.select_related("registration__participant", "registration__series__initiative")
        .filter(
            code=code.strip(),
            public=True,
            revoked_at__isnull=True,
            registration__participant__anonymised_at__isnull=True,
        )
        .first()
    )


class VerifyView(View):
    template_name = "workshops/certificates/verify.html"

    def get(self, request, code=None):
        if code is None:
            form = VerifyCodeForm(request.GET or None)
            if form.is_valid():
                return redirect(
                    reverse("workshops:verify", kwargs={"code": form.cleaned_data["code"].strip()})
                )
            return render(request, self.template_name, {"form": form})
        if sender_over_limit(request):
            context = {"form": VerifyCodeForm(), "too_many": True}
            return render(request, self.template_name, context, status=429)
        certificate = verifiable_certificate(code)
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
