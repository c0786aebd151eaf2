"""Placeholder: being built (issue 3)."""

from django.views.generic import View


class FlyerView(View):
    pass


class FlyerPDFView(View):
    pass
