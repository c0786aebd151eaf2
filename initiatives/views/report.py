"""Placeholder: being built (issue 3)."""

from django.views.generic import View


class ReportOutdatedView(View):
    pass
