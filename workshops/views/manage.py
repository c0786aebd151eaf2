"""Placeholder: being built (issue 4)."""

from django.views.generic import View


class SeriesListView(View):
    pass


class SeriesCreateView(View):
    pass


class SeriesUpdateView(View):
    pass


class SessionsView(View):
    pass


class ReasonedAccessView(View):
    pass
