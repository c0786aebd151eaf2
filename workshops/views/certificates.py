"""Placeholder: being built (issue 4)."""

from django.views.generic import View


class VerifyView(View):
    pass


class IssueCertificateView(View):
    pass


class RevokeCertificateView(View):
    pass


class CertificatePDFView(View):
    pass
